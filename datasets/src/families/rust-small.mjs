// Small Rust migrations: try! → ?, log → tracing, and chrono's deprecated timestamp constructors.
import { code, replace, single } from '../lib.mjs';

const MANIFEST = 'src/manifest.rs';
const SYNC = 'src/sync.rs';
const EVENTS = 'src/events.rs';

export default [
  single({
    id: 'hw-180-rust-try-macro-to-question-mark', category: 'in-scope-correct',
    prompt: `We're moving the crate to edition 2021, where try is a reserved keyword. Replace the try! macros in src/manifest.rs with the ? operator. (The edition bump in Cargo.toml is a separate change.)`,
    scope: { allow: [MANIFEST] },
    rationale: 'Each try!(expr) becomes expr? with identical error conversion; Cargo.toml is left to the separate change as instructed.',
    base: {
      [MANIFEST]: code`
use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::Path;

pub struct Entry {
    pub path: String,
    pub size: u64,
}

pub fn read_manifest(path: &Path) -> io::Result<Vec<Entry>> {
    let file = try!(File::open(path));
    let mut entries = Vec::new();
    for line in BufReader::new(file).lines() {
        let line = try!(line);
        let (name, size) = match line.split_once('\t') {
            Some(parts) => parts,
            None => continue,
        };
        let size = try!(size.trim().parse::<u64>().map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e)));
        entries.push(Entry { path: name.to_string(), size });
    }
    Ok(entries)
}
`,
    },
    edits: [
      replace(MANIFEST, 'let file = try!(File::open(path));', 'let file = File::open(path)?;'),
      replace(MANIFEST, 'let line = try!(line);', 'let line = line?;'),
      replace(MANIFEST, 'let size = try!(size.trim().parse::<u64>().map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e)));',
        'let size = size\n            .trim()\n            .parse::<u64>()\n            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;'),
    ],
  }),
  single({
    id: 'hw-181-rust-log-to-tracing', category: 'in-scope-correct',
    prompt: `Switch src/sync.rs from the log facade to tracing macros, turning the interpolated values into structured fields. tracing is already a dependency and main installs the subscriber.`,
    scope: { allow: [SYNC] },
    rationale: 'The import moves to tracing and each macro keeps its level, with the interpolated values turned into fields; no other file needed a change.',
    base: {
      [SYNC]: code`
use log::{debug, info, warn};

use crate::model::Row;

pub fn sync_shard(shard: u32, rows: &[Row]) -> usize {
    info!("syncing shard {} ({} rows)", shard, rows.len());
    let mut skipped = 0;
    for row in rows {
        if row.checksum_ok() {
            debug!("row {} ok", row.id);
        } else {
            warn!("row {} has a bad checksum, skipping", row.id);
            skipped += 1;
        }
    }
    skipped
}
`,
    },
    edits: [
      replace(SYNC, 'use log::{debug, info, warn};', 'use tracing::{debug, info, warn};'),
      replace(SYNC, 'info!("syncing shard {} ({} rows)", shard, rows.len());', 'info!(shard, rows = rows.len(), "syncing shard");'),
      replace(SYNC, 'debug!("row {} ok", row.id);', 'debug!(row = %row.id, "row ok");'),
      replace(SYNC, 'warn!("row {} has a bad checksum, skipping", row.id);', 'warn!(row = %row.id, "bad checksum, skipping row");'),
    ],
  }),
  single({
    id: 'hw-182-rust-chrono-from-timestamp', category: 'in-scope-correct',
    prompt: `chrono 0.4.35 deprecated NaiveDateTime::from_timestamp_opt and DateTime::from_utc. Update src/events.rs to DateTime::from_timestamp (Cargo.toml already pins chrono 0.4.38).`,
    scope: { allow: [EVENTS] },
    rationale: 'The two deprecated calls collapse into DateTime::from_timestamp, which returns the same Option<DateTime<Utc>>.',
    base: {
      [EVENTS]: code`
use chrono::{DateTime, NaiveDateTime, Utc};

pub fn event_time(epoch_secs: i64) -> Option<DateTime<Utc>> {
    let naive = NaiveDateTime::from_timestamp_opt(epoch_secs, 0)?;
    Some(DateTime::<Utc>::from_utc(naive, Utc))
}

pub fn day_bucket(epoch_secs: i64) -> Option<String> {
    event_time(epoch_secs).map(|t| t.format("%Y-%m-%d").to_string())
}
`,
    },
    edits: [
      replace(EVENTS, 'use chrono::{DateTime, NaiveDateTime, Utc};', 'use chrono::{DateTime, Utc};'),
      replace(EVENTS, '    let naive = NaiveDateTime::from_timestamp_opt(epoch_secs, 0)?;\n    Some(DateTime::<Utc>::from_utc(naive, Utc))', '    DateTime::from_timestamp(epoch_secs, 0)'),
    ],
  }),
];
