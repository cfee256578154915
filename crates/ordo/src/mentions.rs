//! GDELT 2.0 Mentions in the session: `ordo ingest mentions FILES` and the
//! `--min-confidence`/`--min-sources` filters of `ordo events`.

use crate::frame::Frame;
use crate::ingest::IngestOptions;
use crate::provenance::Provenance;
use crate::{Session, Table};
use anyhow::bail;
use ordo_events::confidence::{MentionFilter, MentionTable};
use ordo_events::EventStore;
use std::sync::Arc;

/// `ordo ingest mentions FILES`: per file, read = stored + duplicates +
/// quarantined, then what the run committed.
pub fn ingest(session: &Session, args: &IngestOptions) -> anyhow::Result<Table> {
    if !args.map.is_empty() || args.codes.is_some() {
        bail!("ingest mentions: --map and --codes do not apply (Mentions files have one layout and no actor codes)");
    }
    if args.replace || !args.supersedes.is_empty() {
        bail!("ingest mentions: --replace and --supersedes do not apply (a Mentions file adds mentions; nothing in it replaces an earlier file)");
    }
    if let Some(url) = session.cluster() {
        bail!("ingest mentions runs in this process, not on the cluster {url}: drop --cluster");
    }
    let store = EventStore::new(session.store_dir()?.root());
    let files = ordo_events::open::expand(&args.paths)?;
    let report = ordo_events::mentions::ingest_mentions(&store, &files, &mut |_| {})?;
    let r = &report.files;
    let batch = Frame::new()
        .text("file", r.iter().map(|f| Some(f.file.as_str())))
        .int("read", r.iter().map(|f| Some(f.read as i64)))
        .int("stored", r.iter().map(|f| Some(f.stored as i64)))
        .int("duplicates", r.iter().map(|f| Some(f.duplicates as i64)))
        .int("quarantined", r.iter().map(|f| Some(f.quarantined as i64)))
        .build()?;
    let mut prov = Provenance::default().with(
        "GDELT 2.0 Mentions (GDELT Project, The GDELT 2.0 Event Database: Mentions table, 16 tab-separated columns); stored per event id and source name: mention rows and highest Confidence",
    );
    for f in r {
        prov = prov.with(format!(
            "{}: {} bytes, sha256 {}",
            f.file, f.bytes, f.sha256
        ));
    }
    for n in &report.notes {
        prov = prov.with(n.clone());
    }
    prov = prov.with(match &report.segment {
        Some(s) => format!(
            "committed {} to {}: {} (event, source) pairs of {} events",
            s.id,
            store.root().display(),
            s.pairs,
            s.events
        ),
        None => "nothing new: the store is unchanged".to_string(),
    });
    if let Some(q) = &report.quarantine {
        prov = prov.with(format!("quarantined rows: {}", q.display()));
    }
    Ok(Table::new(batch, prov))
}

/// The thresholds of `ordo events`, checked: `None` when neither is given.
pub fn filter(
    session: &Session,
    min_confidence: Option<u8>,
    min_sources: Option<u32>,
) -> anyhow::Result<Option<MentionFilter>> {
    if min_confidence.is_none() && min_sources.is_none() {
        return Ok(None);
    }
    if min_confidence.is_some_and(|c| c > 100) {
        bail!("--min-confidence takes a percentage from 0 to 100");
    }
    let store = EventStore::new(session.store_dir()?.root());
    let table = MentionTable::load(&store)?;
    if table.files.is_empty() {
        bail!(
            "--min-confidence and --min-sources read GDELT 2.0 Mentions, and the store at {} has none: ingest them first (ordo ingest mentions FILES…, the *.mentions.CSV.zip files of the same days as the events)",
            store.root().display()
        );
    }
    Ok(Some(MentionFilter::new(
        Arc::new(table),
        min_confidence,
        min_sources,
    )))
}

/// The source lines saying what the filter kept and removed, and why,
/// and which Mentions files it read.
pub fn filter_lines(f: &MentionFilter) -> Vec<String> {
    let mut rule = Vec::new();
    if let Some(c) = f.min_confidence {
        rule.push(format!("highest Confidence of its mentions >= {c}"));
    }
    if let Some(s) = f.min_sources {
        rule.push(format!("distinct MentionSourceNames >= {s}"));
    }
    let mut lines = vec![format!(
        "--min-confidence/--min-sources: GDELT rows kept when {} (GDELT 2.0 Mentions: {} files ingested, {} events mentioned); of the series' rows, {} GDELT rows kept, {} removed ({} below the confidence, {} with fewer sources, {} with no ingested mention: NULL does not pass); {} rows of other sources kept untested (they have no Mentions); volume totals of a one-dyad query come from the store's totals files and count every stored row",
        rule.join(" and "),
        f.table().files.len(),
        f.table().events(),
        f.kept,
        f.removed(),
        f.low_confidence,
        f.few_sources,
        f.no_mentions,
        f.untested
    )];
    for r in &f.table().files {
        lines.push(format!(
            "  {} ({}): {} rows stored, sha256 {}",
            r.file, r.family, r.stored, r.sha256
        ));
    }
    lines
}
