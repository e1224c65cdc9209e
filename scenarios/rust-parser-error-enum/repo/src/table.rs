//! The validated routing table the proxy consults on every request.

use crate::model::{Backend, Config, Route};
use std::collections::HashMap;
use std::net::SocketAddr;

/// Where a request goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target<'a> {
    pub backend: &'a Backend,
    /// The matching route; `None` when the request fell through to `default`.
    pub route: Option<&'a Route>,
}

impl<'a> Target<'a> {
    /// The path to forward upstream (with the prefix removed for `strip-prefix` routes).
    pub fn upstream_path<'p>(&self, path: &'p str) -> &'p str {
        match self.route {
            Some(r) if r.strip_prefix => {
                let rest = &path[r.prefix.len()..];
                if rest.is_empty() {
                    "/"
                } else {
                    rest
                }
            }
            _ => path,
        }
    }
}

/// A validated configuration with routes ordered for longest-prefix lookup.
#[derive(Debug, Clone)]
pub struct RoutingTable {
    backends: HashMap<String, Backend>,
    /// Sorted by prefix length, longest first.
    routes: Vec<Route>,
    default_backend: String,
}

impl RoutingTable {
    /// Validates a parsed configuration: a `default` must exist, no prefix may
    /// be routed twice and every backend needs at least one address.
    pub fn build(config: Config) -> Result<RoutingTable, String> {
        let default_backend = match config.default_backend {
            Some(d) => d,
            None => return Err("no `default` backend configured".to_string()),
        };
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for r in &config.routes {
            if let Some(first) = seen.insert(r.prefix.as_str(), r.line) {
                return Err(format!(
                    "route `{}` is declared twice (lines {} and {})",
                    r.prefix, first, r.line
                ));
            }
        }
        let mut backends = HashMap::new();
        for b in config.backends {
            if b.addrs.is_empty() {
                return Err(format!("backend `{}` has no addresses", b.name));
            }
            backends.insert(b.name.clone(), b);
        }
        let mut routes = config.routes;
        routes.sort_by(|a, b| {
            b.prefix
                .len()
                .cmp(&a.prefix.len())
                .then(a.line.cmp(&b.line))
        });
        Ok(RoutingTable {
            backends,
            routes,
            default_backend,
        })
    }

    /// The route for a request path: longest matching prefix, else `default`.
    pub fn lookup(&self, path: &str) -> Target<'_> {
        for r in &self.routes {
            if path.starts_with(&r.prefix) {
                return Target {
                    backend: &self.backends[&r.backend],
                    route: Some(r),
                };
            }
        }
        Target {
            backend: &self.backends[&self.default_backend],
            route: None,
        }
    }

    /// Picks one upstream address of a backend for a request hash, so the
    /// same client sticks to the same upstream while the pool is unchanged.
    pub fn pick(&self, backend: &str, request_hash: u64) -> Option<SocketAddr> {
        let b = self.backends.get(backend)?;
        let i = (request_hash % b.addrs.len() as u64) as usize;
        Some(b.addrs[i])
    }

    /// Number of routes (excluding `default`).
    pub fn route_count(&self) -> usize {
        self.routes.len()
    }

    /// Name of the fallback backend.
    pub fn default_backend(&self) -> &str {
        &self.default_backend
    }
}
