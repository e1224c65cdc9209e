//! `routecheck FILE`: validate a routes file. Run by the config-lint bot on
//! every pull request; it posts stderr verbatim into the PR.

use std::process::ExitCode;

fn main() -> ExitCode {
    let path = match std::env::args().nth(1) {
        Some(p) => p,
        None => {
            eprintln!("usage: routecheck FILE");
            return ExitCode::from(2);
        }
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{}: {}", path, e);
            return ExitCode::from(2);
        }
    };
    match routecfg::load(&text) {
        Ok(table) => {
            println!(
                "{}: ok, {} routes, default `{}`",
                path,
                table.route_count(),
                table.default_backend()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: {}", path, e);
            ExitCode::FAILURE
        }
    }
}
