//! Every dataset ordo knows, found or missing, with what `ordo data pull`
//! recorded of where it came from.

use crate::frame::Frame;
use crate::provenance::Provenance;
use crate::{Session, Table};
use ordo_sources::status::{self, Found};
use ordo_sources::PullRecord;
use std::collections::HashMap;

impl Session {
    /// For every dataset file ordo knows: found or missing, path, version,
    /// declared and observed coverage, rows and SHA-256, which commands and
    /// SQL tables read it, upstream and retrieval time; a missing one says
    /// how to get it.
    pub fn data_status(&self) -> anyhow::Result<Table> {
        data_status(self)
    }
}

fn data_status(session: &Session) -> anyhow::Result<Table> {
    let dir = session.data_dir()?;
    let rows = status::check(&dir);
    let pulled = pull_records(&dir, &rows);
    let present = rows
        .iter()
        .filter(|r| matches!(r.found, Found::Present { .. }))
        .count();
    let batch = Frame::new()
        .text("dataset", rows.iter().map(|r| Some(r.dataset.id)))
        .text("file", rows.iter().map(|r| Some(r.file.path)))
        .text("status", rows.iter().map(|r| Some(status_word(&r.found))))
        .text("version", rows.iter().map(|r| Some(r.dataset.version)))
        .text("coverage", rows.iter().map(|r| Some(r.dataset.coverage)))
        .text("years_in_file", rows.iter().map(|r| years(&r.found)))
        .int("rows", rows.iter().map(|r| count(&r.found)))
        .text("sha256", rows.iter().map(|r| sha(&r.found)))
        .text("path", rows.iter().map(|r| Some(path(&r.found))))
        .text("title", rows.iter().map(|r| Some(r.dataset.title)))
        .text("problem", rows.iter().map(problem))
        .text(
            "upstream",
            pulled.iter().map(|p| p.as_ref().map(|(u, _)| u.as_str())),
        )
        .text(
            "retrieved_at",
            pulled.iter().map(|p| p.as_ref().map(|(_, t)| t.as_str())),
        )
        .text(
            "read_by",
            rows.iter()
                .map(|r| Some(crate::readers::read_by(r.dataset.id))),
        )
        .build()?;
    let provenance = Provenance::default()
        .with(format!(
            "data directory {} (chosen by {})",
            dir.root().display(),
            dir.origin()
        ))
        .with(format!("{present} of {} dataset files found", rows.len()));
    Ok(Table::new(batch, provenance))
}

/// For each row, the upstream and retrieval time that `ordo data pull`
/// recorded for the file, if it was pulled.
fn pull_records(
    dir: &ordo_sources::DataDir,
    rows: &[status::FileStatus],
) -> Vec<Option<(String, String)>> {
    let mut records: HashMap<&str, Option<PullRecord>> = HashMap::new();
    rows.iter()
        .map(|r| {
            let record = records.entry(r.dataset.id).or_insert_with(|| {
                PullRecord::read(&dir.root().join(r.dataset.id)).and_then(Result::ok)
            });
            let record = record.as_ref()?;
            let files: Vec<_> = record
                .files
                .iter()
                .filter(|f| matches_spec(&f.name, r.file.path))
                .collect();
            let upstream = match files.as_slice() {
                [] => return None,
                [one] => one.upstream.clone(),
                many => format!("{} upstream files ({})", many.len(), common_prefix(many)),
            };
            Some((upstream, record.retrieved_at.clone()))
        })
        .collect()
}

fn matches_spec(name: &str, spec: &str) -> bool {
    match spec.split_once('*') {
        Some((pre, post)) => name.starts_with(pre) && name.ends_with(post),
        None => name == spec,
    }
}

fn common_prefix(files: &[&ordo_sources::pull_record::PulledFile]) -> String {
    let first = &files[0].upstream;
    let n = files
        .iter()
        .map(|f| {
            first
                .bytes()
                .zip(f.upstream.bytes())
                .take_while(|(a, b)| a == b)
                .count()
        })
        .min()
        .unwrap_or(0);
    format!("{}…", &first[..first[..n].rfind('/').map_or(n, |i| i + 1)])
}

fn status_word(found: &Found) -> &'static str {
    match found {
        Found::Present { .. } => "found",
        Found::Missing { .. } => "missing",
        Found::Unreadable { .. } => "unreadable",
    }
}

fn years(found: &Found) -> Option<String> {
    match found {
        Found::Present {
            years: Some((a, b)),
            ..
        } => Some(format!("{a}-{b}")),
        _ => None,
    }
}

fn count(found: &Found) -> Option<i64> {
    match found {
        Found::Present { rows, .. } => Some(*rows as i64),
        _ => None,
    }
}

fn sha(found: &Found) -> Option<String> {
    match found {
        Found::Present { sha256, .. } => Some(sha256.clone()),
        _ => None,
    }
}

fn path(found: &Found) -> String {
    match found {
        Found::Present { path, files, .. } if *files > 1 => {
            format!("{} ({files} files)", path.display())
        }
        Found::Present { path, .. } | Found::Unreadable { path, .. } => path.display().to_string(),
        Found::Missing { expected } => expected.display().to_string(),
    }
}

fn problem(row: &status::FileStatus) -> Option<String> {
    match &row.found {
        Found::Present { .. } => None,
        Found::Missing { .. } => Some(format!(
            "missing: run `ordo data pull {}` (official release: {})",
            row.dataset.id, row.dataset.official
        )),
        Found::Unreadable { error, .. } => Some(error.to_string()),
    }
}
