use routecfg::reload::Reloader;
use std::sync::Arc;
use std::thread;

const EXAMPLE: &str = include_str!("../examples/routes.conf");

#[test]
fn reload_swaps_valid_tables() {
    let r = Reloader::new(EXAMPLE).unwrap();
    assert_eq!(r.generation(), 1);
    let next = EXAMPLE.replace("route /cms/         -> legacy-cms\n", "");
    assert_eq!(r.reload(&next), Ok(2));
    assert_eq!(r.current().route_count(), 3);
    assert_eq!(r.last_error(), None);
}

#[test]
fn invalid_reload_keeps_the_old_table() {
    let r = Reloader::new(EXAMPLE).unwrap();
    let broken = EXAMPLE.replace("-> static", "-> statik");
    let err = r.reload(&broken).unwrap_err();
    assert_eq!(err, "reload rejected: line 9: unknown backend `statik`");
    assert_eq!(r.last_error().as_deref(), Some(err.as_str()));
    assert_eq!(r.generation(), 1);
    assert_eq!(r.current().lookup("/assets/x").backend.name, "static");
}

#[test]
fn initial_routes_must_be_valid() {
    let err = Reloader::new("default x\n").unwrap_err();
    assert_eq!(err, "initial routes: line 1: unknown backend `x`");
}

// Readers on 4 threads while the main thread reloads 200 times: every lookup
// must see a complete table. The slowest test in the crate (a few hundred ms
// in debug builds).
#[test]
fn readers_always_see_a_complete_table() {
    let r = Arc::new(Reloader::new(EXAMPLE).unwrap());
    let alternate = EXAMPLE.replace("weight=90", "weight=10");
    let readers: Vec<_> = (0..4)
        .map(|_| {
            let r = Arc::clone(&r);
            thread::spawn(move || {
                for i in 0..2_000u64 {
                    let t = r.current();
                    let target = t.lookup("/api/orders");
                    assert_eq!(target.backend.name, "api-v1");
                    assert!(t.pick("api-v1", i).is_some());
                }
            })
        })
        .collect();
    for i in 0..200 {
        let text = if i % 2 == 0 { &alternate } else { EXAMPLE };
        r.reload(text).unwrap();
    }
    for h in readers {
        h.join().unwrap();
    }
    assert_eq!(r.generation(), 201);
}
