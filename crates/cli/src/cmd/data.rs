//! `ordo data status`: every dataset ordo knows, found or missing.

use crate::context::Context;
use crate::frame::Frame;
use crate::provenance::Provenance;
use clap::Subcommand;
use ordo_sources::status::{self, Found};

#[derive(Subcommand)]
pub enum DataCommand {
    /// For every dataset ordo knows: found or missing, path, version, declared
    /// and observed coverage, rows and SHA-256; a missing dataset says where
    /// to get the official release.
    ///
    /// Every file is read in full (rows are counted by parsing, years taken
    /// from the dataset's year or date columns), so a truncated or malformed
    /// file shows up as `unreadable` with the file, line and column.
    #[command(
        after_long_help = "Examples:\n  ordo data status\n  ordo data status --data ~/ir-data --format csv --out status.csv\n  ORDO_DATA=/srv/data ordo data status --format json"
    )]
    Status,
}

pub fn run(ctx: &Context, cmd: DataCommand) -> anyhow::Result<()> {
    match cmd {
        DataCommand::Status => status(ctx),
    }
}

fn status(ctx: &Context) -> anyhow::Result<()> {
    let dir = ctx.data_dir()?;
    let rows = status::check(&dir);
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
        .build()?;
    let provenance = Provenance::default()
        .with(format!(
            "data directory {} (chosen by {})",
            dir.root().display(),
            dir.origin()
        ))
        .with(format!("{present} of {} dataset files found", rows.len()));
    ctx.output.emit(&batch, &provenance)
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
            "missing: get the official release from {}",
            row.dataset.official
        )),
        Found::Unreadable { error, .. } => Some(error.to_string()),
    }
}
