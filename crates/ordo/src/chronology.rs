//! the curated events of a dyad's relations.

use crate::frame::Frame;
use crate::provenance::Provenance;
use crate::{Session, Table};
use anyhow::bail;
use ordo_analysis::chronology::{Chronology, Entry, STANCES};
use ordo_analysis::Periodization;
use std::path::PathBuf;

/// Options of [`Session::chronology`].
#[derive(Debug, Clone, Default)]
pub struct ChronologyOptions {
    /// First state (any name or code `ordo states resolve` accepts)
    pub a: String,
    /// Second state
    pub b: String,
    pub years: crate::Span,
    /// Only these stances (cooperation, competition, neutral, turning_point)
    pub stance: Vec<String>,
    /// Only entries of the article's Table 1
    pub table1: bool,
    /// More chronology files (TOML) to read besides ordo's own
    pub file: Vec<PathBuf>,
    /// Periodization the phases are checked against
    pub periods: Option<PathBuf>,
    /// The chronology derived from the data instead of the curated one
    pub derive: bool,
    /// With `derive`: also the extreme months of the ingested event data
    pub events: bool,
    /// With `derive`: the derivation recipe (TOML) [default: ordo's]
    pub recipe: Option<PathBuf>,
}

/// The curated chronologies (ordo's and `files`) of the dyad `a`–`b`, in
/// either order; empty when there is none.
pub fn curated(
    states: &ordo_states::States,
    periods: &Periodization,
    files: &[PathBuf],
    a: u16,
    b: u16,
) -> anyhow::Result<Vec<Chronology>> {
    let r = states.resolver();
    let mut all = Chronology::builtin(periods);
    for f in files {
        all.push(Chronology::load(f, periods)?);
    }
    let mut wanted = [a, b];
    wanted.sort();
    let mut found = Vec::new();
    for c in all {
        let mut sides = [
            r.resolve(&c.dyad[0])?.state.code.0,
            r.resolve(&c.dyad[1])?.state.code.0,
        ];
        sides.sort();
        if sides == wanted {
            found.push(c);
        }
    }
    Ok(found)
}

/// [`curated`], or an error naming what to do when there is none.
pub fn of_dyad(
    states: &ordo_states::States,
    periods: &Periodization,
    files: &[PathBuf],
    a: u16,
    b: u16,
) -> anyhow::Result<Vec<Chronology>> {
    let found = curated(states, periods, files, a, b)?;
    if found.is_empty() {
        bail!("no curated chronology for the dyad {a}-{b}: ordo ships Italy–Russia; derive one from the data with --derive, or give your own with --file FILE (docs/chronology.md)");
    }
    Ok(found)
}

fn run(session: &Session, args: &ChronologyOptions) -> anyhow::Result<Table> {
    for s in &args.stance {
        if !STANCES.contains(&s.as_str()) {
            bail!("--stance {s}: expected one of {}", STANCES.join(", "));
        }
    }
    let periods = session.periods_from(args.periods.as_deref())?;
    let states = session.states()?;
    let (a, b) = session.dyad_codes(&args.a, &args.b)?;
    let keep = |e: &&Entry| {
        args.years.from.is_none_or(|f| e.year() >= f)
            && args.years.to.is_none_or(|t| e.year() <= t)
            && (args.stance.is_empty() || args.stance.contains(&e.stance))
            && (!args.table1 || e.in_table1)
    };
    if args.derive {
        let recipe = crate::derive::recipe(args.recipe.as_deref())?;
        let d = crate::derive::derive(session, recipe, &periods, a, b, args.events)?;
        let rows: Vec<&Entry> = d.entries.iter().filter(keep).collect();
        let mut prov = Provenance::default().with(format!(
            "chronology of {a}-{b} derived from the data: stances are the rules', not readings of the events (docs/chronology.md)"
        ));
        for line in d.provenance_lines() {
            prov = prov.with(line);
        }
        prov = prov.with(format!(
            "phases by the periodization {} ({})",
            periods.name, periods.file
        ));
        return Ok(Table::new(entries_frame(&rows)?, prov));
    }
    let used = of_dyad(states, &periods, &args.file, a, b)?;
    let mut rows: Vec<&Entry> = Vec::new();
    for c in &used {
        rows.extend(c.entries.iter().filter(keep));
    }
    rows.sort_by(|x, y| (&x.date, &x.id).cmp(&(&y.date, &y.id)));
    let batch = entries_frame(&rows)?;
    let mut prov = Provenance::default();
    for c in &used {
        prov = prov.with(format!(
            "chronology {} ({} entries, version {}, sha256 {}); sources: 000 = Natalizia and Morini 2020, \"Sleeping with the enemy: The not-so-constant Italian stance towards Russia\", Italian Political Science 15(1): 42-59; 004 = an encyclopedia entry on Russia's relations with Italy (French translation)",
            c.file,
            c.entries.len(),
            c.version,
            c.sha256
        ));
    }
    prov = prov.with(format!(
        "phases checked against the periodization {} ({})",
        periods.name, periods.file
    ));
    Ok(Table::new(batch, prov))
}

/// The chronology's columns; `origin`, `rule`, `dataset`, `version` and
/// `key` say where a derived entry comes from (NULL for curated entries).
fn entries_frame(rows: &[&Entry]) -> anyhow::Result<arrow_array::RecordBatch> {
    let join = |v: &[String]| v.join("; ");
    let der = |f: fn(&ordo_analysis::chronology::Derivation) -> &str| {
        rows.iter()
            .map(move |e| e.derived.as_ref().map(f))
            .collect::<Vec<_>>()
    };
    Frame::new()
        .text("date", rows.iter().map(|e| Some(e.date.as_str())))
        .text("precision", rows.iter().map(|e| Some(e.precision.as_str())))
        .text("end", rows.iter().map(|e| e.end.as_deref()))
        .text("id", rows.iter().map(|e| Some(e.id.as_str())))
        .text("actor", rows.iter().map(|e| Some(e.actor.as_str())))
        .text("target", rows.iter().map(|e| Some(e.target.as_str())))
        .text("stance", rows.iter().map(|e| Some(e.stance.as_str())))
        .text("order", rows.iter().map(|e| Some(e.order.as_str())))
        .text("phase", rows.iter().map(|e| Some(e.phase.as_str())))
        .text("area", rows.iter().map(|e| Some(e.area.as_str())))
        .text("table1", rows.iter().map(|e| e.table1_column.as_deref()))
        .text("summary", rows.iter().map(|e| Some(e.summary.as_str())))
        .text("source", rows.iter().map(|e| Some(join(&e.source))))
        .text(
            "citations",
            rows.iter()
                .map(|e| Some(join(&e.citations)).filter(|s| !s.is_empty())),
        )
        .text(
            "note",
            rows.iter()
                .map(|e| Some(e.note.as_str()).filter(|s| !s.is_empty())),
        )
        .text(
            "origin",
            rows.iter().map(|e| {
                Some(if e.derived.is_some() {
                    "derived"
                } else {
                    "curated"
                })
            }),
        )
        .text("rule", der(|d| d.rule.as_str()))
        .text("dataset", der(|d| d.dataset.as_str()))
        .text("version", der(|d| d.version.as_str()))
        .text("key", der(|d| d.key.as_str()))
        .build()
}

impl Session {
    /// Whether ordo's chronologies or `files` hold a curated chronology of
    /// the dyad (the report derives one from the data when not).
    pub fn has_curated_chronology(
        &self,
        a: &str,
        b: &str,
        files: &[PathBuf],
        periods: Option<&std::path::Path>,
    ) -> anyhow::Result<bool> {
        let periods = self.periods_from(periods)?;
        let (a, b) = self.dyad_codes(a, b)?;
        Ok(!curated(self.states()?, &periods, files, a, b)?.is_empty())
    }

    /// The dated events of a dyad's relations as the sources tell them: date
    /// and precision, actor and target, a summary, the stance the text gives
    /// the event (cooperation, competition, neutral, turning point), order and
    /// phase, issue area, whether it is in the article's Table 1, and the
    /// documents and citations it comes from. ordo ships the Italy–Russia
    /// chronology written from Natalizia and Morini (2020) and an encyclopedia
    /// entry on Russia's relations with Italy; add your own for any
    /// dyad with --file (format: docs/chronology.md).
    pub fn chronology(&self, options: &ChronologyOptions) -> anyhow::Result<Table> {
        run(self, options)
    }
}
