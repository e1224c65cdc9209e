//! Line-oriented parser for routes files.
//!
//! Every error names the 1-based line it was found on. The messages are
//! posted verbatim by the config-lint bot, so their wording is stable.

use crate::model::{Backend, Config, Route, DEFAULT_WEIGHT};
use std::net::SocketAddr;

const MAX_WEIGHT: u32 = 1000;

/// Parses a routes file. Stops at the first error.
pub fn parse(text: &str) -> Result<Config, String> {
    let mut config = Config::default();
    for (idx, raw) in text.lines().enumerate() {
        let line = idx + 1;
        let content = strip_comment(raw).trim();
        if content.is_empty() {
            continue;
        }
        let mut words = content.split_whitespace();
        let directive = words.next().unwrap_or_default();
        let args: Vec<&str> = words.collect();
        match directive {
            "backend" => parse_backend(line, &args, &mut config)?,
            "route" => parse_route(line, &args, &mut config)?,
            "default" => parse_default(line, &args, &mut config)?,
            other => return Err(at(line, &format!("unknown directive `{}`", other))),
        }
    }
    Ok(config)
}

/// Formats an error message for a line.
fn at(line: usize, message: &str) -> String {
    format!("line {}: {}", line, message)
}

/// Removes a trailing `# comment`.
fn strip_comment(line: &str) -> &str {
    match line.find('#') {
        Some(i) => &line[..i],
        None => line,
    }
}

fn is_valid_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// `backend NAME ADDR...`
fn parse_backend(line: usize, args: &[&str], config: &mut Config) -> Result<(), String> {
    if args.len() < 2 {
        return Err(at(line, "expected `backend NAME ADDR...`"));
    }
    let name = args[0];
    if !is_valid_name(name) {
        return Err(at(line, &format!("invalid backend name `{}`", name)));
    }
    if config.backend(name).is_some() {
        return Err(at(line, &format!("duplicate backend `{}`", name)));
    }
    let mut addrs = Vec::with_capacity(args.len() - 1);
    for value in &args[1..] {
        let addr: SocketAddr = value
            .parse()
            .map_err(|_| at(line, &format!("invalid address `{}`", value)))?;
        addrs.push(addr);
    }
    config.backends.push(Backend {
        name: name.to_string(),
        addrs,
    });
    Ok(())
}

/// `route PREFIX -> BACKEND [weight=N] [strip-prefix]`
fn parse_route(line: usize, args: &[&str], config: &mut Config) -> Result<(), String> {
    if args.len() < 3 || args[1] != "->" {
        return Err(at(line, "expected `route PREFIX -> BACKEND [options]`"));
    }
    let prefix = args[0];
    if !prefix.starts_with('/') {
        return Err(at(line, "route prefix must start with `/`"));
    }
    let backend = args[2];
    if config.backend(backend).is_none() {
        return Err(at(line, &format!("unknown backend `{}`", backend)));
    }
    let mut route = Route {
        prefix: prefix.to_string(),
        backend: backend.to_string(),
        weight: DEFAULT_WEIGHT,
        strip_prefix: false,
        line,
    };
    for opt in &args[3..] {
        if let Some(value) = opt.strip_prefix("weight=") {
            route.weight = parse_weight(line, value)?;
        } else if *opt == "strip-prefix" {
            route.strip_prefix = true;
        } else {
            return Err(at(line, &format!("unknown route option `{}`", opt)));
        }
    }
    config.routes.push(route);
    Ok(())
}

fn parse_weight(line: usize, value: &str) -> Result<u32, String> {
    let weight: u32 = value
        .parse()
        .map_err(|_| at(line, &format!("invalid weight `{}`", value)))?;
    if weight == 0 || weight > MAX_WEIGHT {
        return Err(at(
            line,
            &format!("weight must be between 1 and {}", MAX_WEIGHT),
        ));
    }
    Ok(weight)
}

/// `default BACKEND`
fn parse_default(line: usize, args: &[&str], config: &mut Config) -> Result<(), String> {
    if args.len() != 1 {
        return Err(at(line, "expected `default BACKEND`"));
    }
    if config.default_backend.is_some() {
        return Err(at(line, "duplicate `default`"));
    }
    let backend = args[0];
    if config.backend(backend).is_none() {
        return Err(at(line, &format!("unknown backend `{}`", backend)));
    }
    config.default_backend = Some(backend.to_string());
    Ok(())
}
