//! `--min-confidence` and `--min-sources`: GDELT events kept only when
//! their ingested Mentions ([`crate::mentions`]) say they were extracted
//! with enough confidence, or reported by enough distinct sources.
//!
//! For each event id: its confidence is the highest `Confidence` of its
//! mentions (the best extraction of it in any article), its sources the
//! number of distinct `MentionSourceName`s over every ingested Mentions
//! file (not the event row's `NumSources`, which counts only the first 15
//! minutes). GDELT documents neither a threshold nor a definition of
//! distinct sources; both are ordo's, written in docs/events.md.
//!
//! How absent values are treated: a GDELT row with no ingested mention has
//! no confidence and no sources (NULL, not 0), so it does not pass a
//! threshold and is counted apart ("no mentions"); rows of other sources
//! (ICEWS, POLECAT, Phoenix, CSV) have no Mentions table at all and pass
//! untested, counted as such.

use crate::chunk::Chunk;
use crate::layout::Family;
use crate::store::EventStore;
use crate::EventsError;
use arrow_array::{Array, Int32Array, Int64Array, StringArray};
use foldhash::{HashMap, HashSet};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use std::sync::Arc;

/// Per event id: the highest confidence and the distinct sources.
#[derive(Debug, Default)]
pub struct MentionTable {
    stats: HashMap<i64, (u8, u32)>,
    /// The Mentions files ingested (their manifest records, for the
    /// provenance of every filtered series), and their (event, source)
    /// pairs.
    pub files: Vec<crate::FileRecord>,
    pub pairs: u64,
}

impl MentionTable {
    /// Every Mentions file the store's manifest names.
    pub fn load(store: &EventStore) -> Result<MentionTable, EventsError> {
        let mut t = MentionTable::default();
        let mut names: HashMap<String, u32> = HashMap::default();
        let mut seen: HashSet<(i64, u32)> = HashSet::default();
        let manifest = store.manifest()?;
        // A run holds each (event, source) pair once; only pairs that
        // several runs share need the set that counts sources once.
        let several = manifest.mentions.len() > 1;
        t.stats
            .reserve(manifest.mentions.iter().map(|r| r.events as usize).sum());
        for run in &manifest.mentions {
            t.files.extend(run.files.iter().cloned());
            let path = store.mentions_dir(&run.id).join("mentions.parquet");
            let file = std::fs::File::open(&path).map_err(|source| EventsError::Io {
                path: path.clone(),
                source,
            })?;
            for batch in ParquetRecordBatchReaderBuilder::try_new(file)?.build()? {
                let batch = batch?;
                let column = |name: &str| {
                    batch.column_by_name(name).cloned().ok_or_else(|| {
                        EventsError::Data(format!("{}: no column `{name}`", path.display()))
                    })
                };
                let ids = column("event_id")?;
                let sources = column("source")?;
                let conf = column("confidence")?;
                let (Some(ids), Some(sources), Some(conf)) = (
                    ids.as_any().downcast_ref::<Int64Array>(),
                    sources.as_any().downcast_ref::<StringArray>(),
                    conf.as_any().downcast_ref::<Int32Array>(),
                ) else {
                    return Err(EventsError::Data(format!(
                        "{}: not a Mentions file of this ordo version (column types)",
                        path.display()
                    )));
                };
                for i in 0..batch.num_rows() {
                    t.pairs += 1;
                    let id = ids.value(i);
                    let entry = t.stats.entry(id).or_insert((0, 0));
                    entry.0 = entry.0.max(conf.value(i).clamp(0, 100) as u8);
                    // One run holds each (event, source) once: names are
                    // interned only to tell sources apart across runs.
                    let counted = sources.is_valid(i)
                        && (!several || {
                            let name = sources.value(i);
                            let s = match names.get(name) {
                                Some(s) => *s,
                                None => {
                                    let n = names.len() as u32;
                                    names.insert(name.to_string(), n);
                                    n
                                }
                            };
                            seen.insert((id, s))
                        });
                    if counted {
                        entry.1 += 1;
                    }
                }
            }
        }
        Ok(t)
    }

    /// An event's highest confidence and distinct sources; `None` when no
    /// mention of it was ingested.
    pub fn of(&self, event: i64) -> Option<(u8, u32)> {
        self.stats.get(&event).copied()
    }

    /// Events with at least one ingested mention.
    pub fn events(&self) -> usize {
        self.stats.len()
    }
}

/// The thresholds and what they removed.
#[derive(Debug, Clone)]
pub struct MentionFilter {
    table: Arc<MentionTable>,
    pub min_confidence: Option<u8>,
    pub min_sources: Option<u32>,
    /// GDELT rows with no ingested mention (removed).
    pub no_mentions: u64,
    /// GDELT rows below `min_confidence` (removed).
    pub low_confidence: u64,
    /// GDELT rows at or above `min_confidence` but below `min_sources`
    /// (removed).
    pub few_sources: u64,
    /// GDELT rows kept.
    pub kept: u64,
    /// Rows of sources without Mentions (kept, untested).
    pub untested: u64,
}

impl MentionFilter {
    pub fn new(
        table: Arc<MentionTable>,
        min_confidence: Option<u8>,
        min_sources: Option<u32>,
    ) -> MentionFilter {
        MentionFilter {
            table,
            min_confidence,
            min_sources,
            no_mentions: 0,
            low_confidence: 0,
            few_sources: 0,
            kept: 0,
            untested: 0,
        }
    }

    /// The Mentions the thresholds read.
    pub fn table(&self) -> &MentionTable {
        &self.table
    }

    /// Rows removed, all reasons together.
    pub fn removed(&self) -> u64 {
        self.no_mentions + self.low_confidence + self.few_sources
    }

    /// Per row of `chunk`: whether it passes. Rows `counted` says the
    /// series leaves out anyway pass and are not counted.
    pub fn passes(&mut self, chunk: &Chunk, counted: &dyn Fn(usize) -> bool) -> Vec<bool> {
        (0..chunk.len())
            .map(|i| !counted(i) || self.pass(chunk, i))
            .collect()
    }

    fn pass(&mut self, chunk: &Chunk, i: usize) -> bool {
        if chunk.family[i] != Family::Gdelt as u8 {
            self.untested += 1;
            return true;
        }
        let Some((confidence, sources)) = self.table.of(chunk.id[i]) else {
            self.no_mentions += 1;
            return false;
        };
        if self.min_confidence.is_some_and(|m| confidence < m) {
            self.low_confidence += 1;
            return false;
        }
        if self.min_sources.is_some_and(|m| sources < m) {
            self.few_sources += 1;
            return false;
        }
        self.kept += 1;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::Code;

    fn table(rows: &[(i64, u8, u32)]) -> Arc<MentionTable> {
        let mut t = MentionTable::default();
        for (id, c, s) in rows {
            t.stats.insert(*id, (*c, *s));
        }
        Arc::new(t)
    }

    fn chunk(rows: &[(u8, i64)]) -> Chunk {
        let mut c = Chunk::default();
        for (family, id) in rows {
            c.family.push(*family);
            c.id.push(*id);
            c.day.push(0);
            c.event_code.push(Code::pack(b"010").unwrap());
        }
        c
    }

    #[test]
    fn thresholds_remove_and_count_by_reason() {
        let t = table(&[(1, 90, 3), (2, 40, 5), (3, 70, 1), (4, 70, 2)]);
        let c = chunk(&[(0, 1), (0, 2), (0, 3), (0, 4), (0, 5), (1, 2), (3, 9)]);
        let mut f = MentionFilter::new(t, Some(50), Some(2));
        assert_eq!(
            f.passes(&c, &|_| true),
            [true, false, false, true, false, true, true]
        );
        assert_eq!(
            (f.kept, f.low_confidence, f.few_sources, f.no_mentions),
            (2, 1, 1, 1)
        );
        assert_eq!((f.untested, f.removed()), (2, 3));
        // a row the series leaves out passes and is not counted
        assert_eq!(
            f.passes(&c, &|i| i != 1),
            [true, true, false, true, false, true, true]
        );
        assert_eq!((f.kept, f.removed()), (4, 5));
    }
}
