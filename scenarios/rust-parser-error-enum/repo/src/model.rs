//! The parsed form of a routes file.

use std::net::SocketAddr;

/// A named pool of upstream addresses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backend {
    pub name: String,
    pub addrs: Vec<SocketAddr>,
}

/// `route PREFIX -> BACKEND [weight=N] [strip-prefix]`
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub prefix: String,
    pub backend: String,
    /// Share of traffic during a canary, 1..=1000.
    pub weight: u32,
    pub strip_prefix: bool,
    /// Line of the routes file the route was declared on (1-based).
    pub line: usize,
}

/// Default route weight when the option is absent.
pub const DEFAULT_WEIGHT: u32 = 100;

/// Everything a routes file declares, in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    pub backends: Vec<Backend>,
    pub routes: Vec<Route>,
    pub default_backend: Option<String>,
}

impl Config {
    /// The backend called `name`, if declared.
    pub fn backend(&self, name: &str) -> Option<&Backend> {
        self.backends.iter().find(|b| b.name == name)
    }
}
