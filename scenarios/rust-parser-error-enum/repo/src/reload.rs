//! Hot reload: the proxy calls `reload` when routes.conf changes on disk.
//! A bad file never replaces a good table; the error is kept for the
//! `/admin/routes` status page.

use crate::table::RoutingTable;
use std::sync::{Arc, RwLock};

/// Holds the live routing table and swaps it atomically on reload.
#[derive(Debug)]
pub struct Reloader {
    current: RwLock<Arc<RoutingTable>>,
    state: RwLock<State>,
}

#[derive(Debug, Default)]
struct State {
    generation: u64,
    last_error: Option<String>,
}

impl Reloader {
    /// Starts from an initial routes file, which must be valid.
    pub fn new(text: &str) -> Result<Reloader, String> {
        let table = crate::load(text).map_err(|e| format!("initial routes: {}", e))?;
        Ok(Reloader {
            current: RwLock::new(Arc::new(table)),
            state: RwLock::new(State {
                generation: 1,
                last_error: None,
            }),
        })
    }

    /// The live table. Cheap: readers hold an `Arc` and never block a reload
    /// for longer than the pointer swap.
    pub fn current(&self) -> Arc<RoutingTable> {
        Arc::clone(&self.current.read().unwrap())
    }

    /// Replaces the table if `text` is valid and returns the new generation.
    /// On error the old table stays live and the error is remembered.
    pub fn reload(&self, text: &str) -> Result<u64, String> {
        match crate::load(text) {
            Ok(table) => {
                *self.current.write().unwrap() = Arc::new(table);
                let mut st = self.state.write().unwrap();
                st.generation += 1;
                st.last_error = None;
                Ok(st.generation)
            }
            Err(e) => {
                let msg = format!("reload rejected: {}", e);
                self.state.write().unwrap().last_error = Some(msg.clone());
                Err(msg)
            }
        }
    }

    /// Generation of the live table (1 for the initial one).
    pub fn generation(&self) -> u64 {
        self.state.read().unwrap().generation
    }

    /// Why the last reload was rejected, if it was.
    pub fn last_error(&self) -> Option<String> {
        self.state.read().unwrap().last_error.clone()
    }
}
