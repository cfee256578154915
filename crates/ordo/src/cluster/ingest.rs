//! `ordo ingest --cluster`: raw files parsed on the executors, one task per
//! file, each file parsed where it is read; then de-duplicated, written and
//! committed here exactly as a local ingest does (`ingest_with`), so the
//! store and the per-file accounting (read = stored + duplicates +
//! quarantined) are the same. What executors hand back is each file's
//! staged rows at a shared path; what this process gathers is their
//! counts, checked against the replay.
//!
//! Parsing (the costly part: decompression, field splitting, actor
//! resolution) is spread; de-duplication against the store and the final
//! sorted write stay in one process because "first copy in run order
//! wins" needs one ordered pass.

pub use super::options::Distributed;
use super::udf::{StageJob, STAGE_FUNCTION};
use anyhow::{bail, Context as _};
use ballista_core::extension::SessionStateExt;
use datafusion::execution::session_state::SessionStateBuilder;
use datafusion::prelude::{CsvReadOptions, SessionContext};
use ordo_events::ingest::ingest_with;
use ordo_events::stage::{file_dir, replay, Staged};
use ordo_events::{EventStore, Family, FileRecord};
use std::path::{Path, PathBuf};

/// One CSV file per raw file, so the listing table has one partition (one
/// task) per raw file.
fn write_inputs(dir: &Path, files: &[PathBuf], run: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    for (i, f) in files.iter().enumerate() {
        let path = dir.join(format!("{i:06}.csv"));
        let mut w =
            csv::Writer::from_path(&path).with_context(|| format!("writing {}", path.display()))?;
        w.write_record(["path", "dir"])?;
        w.write_record([
            f.display().to_string(),
            file_dir(run, i).display().to_string(),
        ])?;
        w.flush()?;
    }
    Ok(())
}

/// Parses `files` on the cluster at `scheduler` (`http://host:port`) and
/// ingests what the executors staged.
pub fn ingest(
    scheduler: String,
    store: &EventStore,
    files: &[PathBuf],
    job: &StageJob,
    notes: Vec<String>,
    on_file: &mut dyn FnMut(&FileRecord),
) -> anyhow::Result<Distributed> {
    // Executors get absolute paths; the store records the paths as given,
    // as a local ingest does.
    let absolute: Vec<PathBuf> = files
        .iter()
        .map(|f| std::path::absolute(f).with_context(|| format!("{}", f.display())))
        .collect::<anyhow::Result<_>>()?;
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    // Named like a local run's work directory, so that the next ingest
    // removes it if this process dies.
    let run = std::path::absolute(store.tmp_dir())?
        .join(format!("events-cluster-{nanos}-{}", std::process::id()));
    let inputs = run.join("inputs");
    write_inputs(&inputs, &absolute, &run)?;
    let staged = stage_on_cluster(scheduler, &run, files.len(), job);
    let result = staged.and_then(|staged| {
        let family = Family::parse(&job.family)?;
        let report = ingest_with(store, files, family, notes, on_file, &mut |fi, path, sink| {
            let mut scan = replay(&file_dir(&run, fi), sink)?;
            scan.file = path.display().to_string();
            for q in &mut scan.quarantined {
                q.file = scan.file.clone();
            }
            let s = &staged[fi];
            if (scan.read, scan.quarantined.len() as u64) != (s.read, s.quarantined) {
                return Err(ordo_events::EventsError::Data(format!(
                    "{}: the executor reported {} rows read, {} quarantined, the staged files hold {} and {}",
                    s.file, s.read, s.quarantined, scan.read, scan.quarantined.len()
                )));
            }
            Ok(scan)
        })?;
        let mut hosts: std::collections::BTreeMap<String, usize> = Default::default();
        for s in &staged {
            *hosts.entry(s.host.clone()).or_default() += 1;
        }
        Ok(Distributed {
            report,
            hosts: hosts.into_iter().collect(),
        })
    });
    let _ = std::fs::remove_dir_all(&run);
    result
}

/// Runs the staging function over the inputs table; one answer per file,
/// in file order.
fn stage_on_cluster(
    scheduler: String,
    run: &Path,
    n: usize,
    job: &StageJob,
) -> anyhow::Result<Vec<Staged>> {
    let inputs = run.join("inputs");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let job_text = serde_json::to_string(job)?.replace('\'', "''");
    let answers = runtime.block_on(async {
        let state = SessionStateBuilder::new()
            .with_config(super::config(n))
            .with_default_features()
            .build()
            .upgrade_for_ballista(scheduler)?;
        let ctx = SessionContext::new_with_state(state);
        for f in super::udf::functions() {
            ctx.register_udf(f);
        }
        let schema = arrow_schema::Schema::new(vec![
            arrow_schema::Field::new("path", arrow_schema::DataType::Utf8, false),
            arrow_schema::Field::new("dir", arrow_schema::DataType::Utf8, false),
        ]);
        let options = CsvReadOptions::new()
            .has_header(true)
            .file_extension(".csv")
            .schema(&schema);
        ctx.register_csv("ordo_inputs", &inputs.display().to_string(), options)
            .await?;
        ctx.sql(&format!(
            "SELECT path, {STAGE_FUNCTION}(path, dir, '{job_text}') AS staged FROM ordo_inputs"
        ))
        .await?
        .collect()
        .await
    });
    let batches = answers.map_err(|e| {
        let e = e.to_string();
        anyhow::anyhow!(
            "the cluster could not parse the files: {e}\n{}",
            super::advice(&e)
        )
    })?;
    let mut by_path: std::collections::HashMap<String, Staged> = Default::default();
    for b in &batches {
        let texts = crate::columns::texts(b, "staged");
        for t in texts.into_iter().flatten() {
            let s: Staged = serde_json::from_str(&t).context("an executor's staging answer")?;
            by_path.insert(s.dir.display().to_string(), s);
        }
    }
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let dir = file_dir(run, i);
        match by_path.remove(&dir.display().to_string()) {
            Some(s) => out.push(s),
            None => bail!(
                "the cluster answered for {} of {n} files; file {i} ({}) is missing",
                batches.iter().map(|b| b.num_rows()).sum::<usize>(),
                dir.display()
            ),
        }
    }
    Ok(out)
}
