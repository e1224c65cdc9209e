use routecfg::{load, RoutingTable};

const EXAMPLE: &str = include_str!("../examples/routes.conf");

fn table() -> RoutingTable {
    load(EXAMPLE).expect("example loads")
}

#[test]
fn longest_prefix_wins() {
    let t = table();
    assert_eq!(t.lookup("/api/v2/orders").backend.name, "api-v2");
    assert_eq!(t.lookup("/api/v1/orders").backend.name, "api-v1");
    assert_eq!(t.lookup("/cms/page/7").backend.name, "legacy-cms");
}

#[test]
fn unmatched_paths_use_default() {
    let t = table();
    let target = t.lookup("/favicon.ico");
    assert_eq!(target.backend.name, "static");
    assert!(target.route.is_none());
    assert_eq!(target.upstream_path("/favicon.ico"), "/favicon.ico");
}

#[test]
fn strip_prefix_rewrites_upstream_path() {
    let t = table();
    let target = t.lookup("/assets/app.js");
    assert_eq!(target.upstream_path("/assets/app.js"), "app.js");
    assert_eq!(target.upstream_path("/assets/"), "/");
    let api = t.lookup("/api/v1/x");
    assert_eq!(api.upstream_path("/api/v1/x"), "/api/v1/x");
}

#[test]
fn pick_is_sticky_and_spreads() {
    let t = table();
    let a = t.pick("api-v1", 7).unwrap();
    assert_eq!(t.pick("api-v1", 7), Some(a));
    assert_ne!(t.pick("api-v1", 8), Some(a));
    assert_eq!(t.pick("nope", 1), None);
}

#[test]
fn requires_a_default() {
    let err = load("backend a 127.0.0.1:1\nroute /x/ -> a\n").unwrap_err();
    assert_eq!(err, "no `default` backend configured");
}

#[test]
fn rejects_duplicate_prefixes() {
    let err = load("backend a 127.0.0.1:1\nroute /x/ -> a\nroute /x/ -> a weight=5\ndefault a\n")
        .unwrap_err();
    assert_eq!(err, "route `/x/` is declared twice (lines 2 and 3)");
}

#[test]
fn load_reports_parse_errors() {
    assert_eq!(
        load("bogus\n").unwrap_err(),
        "line 1: unknown directive `bogus`"
    );
}
