//! Route configuration for the edge proxy: parsing, validation and lookup.

pub mod model;
pub mod parser;
pub mod reload;
pub mod table;

pub use model::{Backend, Config, Route};
pub use table::RoutingTable;

/// Parses and validates a routes file in one step.
pub fn load(text: &str) -> Result<RoutingTable, String> {
    let config = parser::parse(text)?;
    RoutingTable::build(config)
}
