use routecfg::model::DEFAULT_WEIGHT;
use routecfg::parser::parse;

const EXAMPLE: &str = include_str!("../examples/routes.conf");

#[test]
fn parses_the_example_file() {
    let config = parse(EXAMPLE).expect("example parses");
    assert_eq!(config.backends.len(), 4);
    assert_eq!(config.backends[0].name, "api-v1");
    assert_eq!(config.backends[0].addrs.len(), 2);
    assert_eq!(config.routes.len(), 4);
    let v2 = &config.routes[1];
    assert_eq!(v2.prefix, "/api/v2/");
    assert_eq!(v2.backend, "api-v2");
    assert!(v2.strip_prefix);
    assert_eq!(v2.weight, DEFAULT_WEIGHT);
    assert_eq!(v2.line, 8);
    assert_eq!(config.routes[0].weight, 90);
    assert_eq!(config.default_backend.as_deref(), Some("static"));
}

#[test]
fn ignores_comments_and_blank_lines() {
    let config =
        parse("\n# only a comment\n   \nbackend a 127.0.0.1:1 # trailing\ndefault a\n").unwrap();
    assert_eq!(config.backends.len(), 1);
    assert_eq!(config.default_backend.as_deref(), Some("a"));
}

#[test]
fn rejects_unknown_directives() {
    let err = parse("backend a 127.0.0.1:1\nrout /x -> a\n").unwrap_err();
    assert_eq!(err, "line 2: unknown directive `rout`");
}

#[test]
fn rejects_routes_to_undeclared_backends() {
    let src = "backend a 127.0.0.1:1\n\nroute /x/ -> b\n";
    assert_eq!(parse(src).unwrap_err(), "line 3: unknown backend `b`");
}

#[test]
fn backends_must_be_declared_before_use() {
    let src = "route /x/ -> a\nbackend a 127.0.0.1:1\n";
    assert_eq!(parse(src).unwrap_err(), "line 1: unknown backend `a`");
}

#[test]
fn rejects_duplicate_backends() {
    let src = "backend a 127.0.0.1:1\nbackend a 127.0.0.1:2\n";
    assert_eq!(parse(src).unwrap_err(), "line 2: duplicate backend `a`");
}

#[test]
fn rejects_malformed_routes() {
    assert_eq!(
        parse("backend a 127.0.0.1:1\nroute /x/ a\n").unwrap_err(),
        "line 2: expected `route PREFIX -> BACKEND [options]`"
    );
    assert_eq!(
        parse("backend a 127.0.0.1:1\nroute x -> a\n").unwrap_err(),
        "line 2: route prefix must start with `/`"
    );
}

#[test]
fn rejects_bad_addresses() {
    assert!(parse("backend a localhost:80\n").is_err());
    assert!(parse("backend a 10.0.0.1\n").is_err());
}

#[test]
fn rejects_bad_weights() {
    let base = "backend a 127.0.0.1:1\n";
    assert!(parse(&format!("{}route /x/ -> a weight=heavy\n", base)).is_err());
    assert!(parse(&format!("{}route /x/ -> a weight=0\n", base)).is_err());
    assert!(parse(&format!("{}route /x/ -> a weight=1001\n", base)).is_err());
    assert_eq!(
        parse(&format!("{}route /x/ -> a weight=1000\n", base))
            .unwrap()
            .routes[0]
            .weight,
        1000
    );
}

#[test]
fn rejects_unknown_route_options() {
    let src = "backend a 127.0.0.1:1\nroute /x/ -> a sticky\n";
    assert_eq!(
        parse(src).unwrap_err(),
        "line 2: unknown route option `sticky`"
    );
}

#[test]
fn default_must_be_single_and_known() {
    assert_eq!(
        parse("backend a 127.0.0.1:1\ndefault a\ndefault a\n").unwrap_err(),
        "line 3: duplicate `default`"
    );
    assert_eq!(
        parse("default nope\n").unwrap_err(),
        "line 1: unknown backend `nope`"
    );
}
