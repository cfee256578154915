//! The chronology of any dyad derived from the data: alliances, disputes,
//! wars, rivalries, leaders, breaks in trade and UN voting and, with event
//! data, extreme months — each entry dated, given the stance of the rule
//! that found it (`crates/analysis/data/chronology/derive.toml`), and tied to
//! the dataset row it comes from. No tool in the field builds this; the
//! rules are deliberately simple so a reader can check every entry against
//! its row (docs/chronology.md).

mod alliances;
mod breaks;
mod disputes;
mod event_months;
mod leaders;
mod rivalries;
mod wars;

use crate::Session;
use anyhow::Context;
use arrow_array::RecordBatch;
use ordo_analysis::chronology::{Derivation, Entry};
use ordo_analysis::derive_recipe::{DeriveRecipe, Rule, RuleKind};
use ordo_analysis::Periodization;
use ordo_store::Engine;

/// What one rule found, before it becomes a chronology entry.
#[derive(Debug, Clone)]
struct Found {
    /// `YYYY-MM-DD` (the first of the month or year at coarser precision).
    date: String,
    precision: &'static str,
    end: Option<String>,
    actor: String,
    target: String,
    stance: String,
    summary: String,
    /// Catalog id of the dataset read.
    dataset: &'static str,
    key: String,
    note: String,
}

/// The dyad and the engine a rule reads from.
struct Ctx<'a> {
    session: &'a Session,
    engine: &'a Engine,
    /// The lower and higher COW codes.
    lo: u16,
    hi: u16,
    abb_lo: String,
    abb_hi: String,
}

impl Ctx<'_> {
    fn abb(&self, code: i64) -> &str {
        if code == i64::from(self.lo) {
            &self.abb_lo
        } else {
            &self.abb_hi
        }
    }

    fn sql(&self, query: &str) -> anyhow::Result<Vec<RecordBatch>> {
        self.engine
            .sql(query)
            .with_context(|| format!("deriving the chronology: {query}"))
    }
}

/// The derived entries of a dyad and the lines saying where they come from.
pub struct Derived {
    pub entries: Vec<Entry>,
    pub recipe: DeriveRecipe,
    /// Per rule: how many entries it gave.
    pub counts: Vec<(String, usize)>,
    /// The datasets read (title, version, file, rows, sha256).
    pub provenance: Vec<String>,
    /// Whether the event store was read (`--events`).
    pub events: bool,
}

fn date(year: i64, month: Option<i64>) -> (String, &'static str) {
    match month {
        Some(m) if (1..=12).contains(&m) => (format!("{year:04}-{m:02}-01"), "month"),
        _ => (format!("{year:04}-01-01"), "year"),
    }
}

/// Title and version of a catalogued dataset; the event store is not one
/// (its files are the user's, listed with their hashes in its manifest).
fn version(dataset: &str) -> String {
    match ordo_sources::catalog::dataset(dataset) {
        Some(d) => format!("{} {}", d.title, d.version),
        None => "ordo event store (the files ingested; profile gdelt@1)".to_string(),
    }
}

fn run_rule(ctx: &Ctx, rule: &Rule, events: bool) -> anyhow::Result<Vec<Found>> {
    match rule.kind {
        RuleKind::AllianceBegin | RuleKind::AllianceEnd => alliances::find(ctx, rule),
        RuleKind::MidOnset | RuleKind::GmlMidOnset => disputes::find(ctx, rule),
        RuleKind::WarOpposite | RuleKind::WarSameSide => wars::find(ctx, rule),
        RuleKind::RivalryBegin | RuleKind::RivalryEnd => rivalries::find(ctx, rule),
        RuleKind::LeaderChange => leaders::find(ctx, rule),
        RuleKind::TradeBreak | RuleKind::UnBreak => breaks::find(ctx, rule),
        RuleKind::EventExtreme if events => event_months::find(ctx, rule),
        RuleKind::EventExtreme => Ok(Vec::new()),
    }
}

/// An entry from what a rule found: the id names the rule and date, the
/// order and phase are the periodization's for the year.
fn entry(periods: &Periodization, rule: &Rule, f: Found, n: usize) -> Entry {
    let year: i32 = f.date[..4].parse().unwrap_or(0);
    let order = periods
        .orders
        .iter()
        .find(|o| o.from <= year && year <= o.to)
        .map_or("none".to_string(), |o| o.name.clone());
    let phase = periods
        .phase_of(year)
        .map_or("none", |(_, p)| p.kind.as_str());
    Entry {
        id: format!("d-{}-{}-{n}", rule.name.replace('_', "-"), f.date),
        date: f.date,
        precision: f.precision.to_string(),
        end: f.end,
        actor: f.actor,
        target: f.target,
        summary: f.summary,
        stance: f.stance,
        order,
        phase: phase.to_string(),
        area: rule.area.clone(),
        in_table1: false,
        table1_column: None,
        source: vec![f.dataset.to_string()],
        citations: Vec::new(),
        note: f.note,
        line: 0,
        derived: Some(Derivation {
            rule: rule.describe(),
            dataset: f.dataset.to_string(),
            version: version(f.dataset),
            key: f.key,
        }),
    }
}

/// Derives the chronology of the dyad `a`–`b` with `recipe`; `events` adds
/// the extreme months of the ingested event data.
pub fn derive(
    session: &Session,
    recipe: DeriveRecipe,
    periods: &Periodization,
    a: u16,
    b: u16,
    events: bool,
) -> anyhow::Result<Derived> {
    let (engine, _world) = session.engine()?;
    let states = session.states()?;
    let abb = |c: u16| {
        states
            .system
            .get(ordo_states::StateCode(c))
            .map_or(c.to_string(), |s| s.abbrev.clone())
    };
    let (lo, hi) = (a.min(b), a.max(b));
    let ctx = Ctx {
        session,
        engine: &engine,
        lo,
        hi,
        abb_lo: abb(lo),
        abb_hi: abb(hi),
    };
    let mut entries = Vec::new();
    let mut counts = Vec::new();
    for rule in &recipe.rules {
        let found = run_rule(&ctx, rule, events)
            .with_context(|| format!("rule `{}` of {}", rule.name, recipe.file))?;
        counts.push((rule.name.clone(), found.len()));
        entries.extend(
            found
                .into_iter()
                .enumerate()
                .map(|(n, f)| entry(periods, rule, f, n + 1)),
        );
    }
    entries.sort_by(|x, y| (&x.date, &x.id).cmp(&(&y.date, &y.id)));
    Ok(Derived {
        entries,
        recipe,
        counts,
        provenance: engine.provenance(),
        events,
    })
}

impl Derived {
    /// The recipe, each rule with what it found, and the datasets read:
    /// printed under every derived chronology and Table 1.
    pub fn provenance_lines(&self) -> Vec<String> {
        let mut out = vec![self.recipe.describe()];
        for rule in &self.recipe.rules {
            let n = self
                .counts
                .iter()
                .find(|(r, _)| r == &rule.name)
                .map_or(0, |c| c.1);
            let s = if n == 1 { "entry" } else { "entries" };
            out.push(format!("rule {} [{n} {s}]", rule.describe()));
        }
        out.extend(self.provenance.iter().cloned());
        if !self.events {
            out.push("event_extreme: not run (add --events to read the event store)".into());
        }
        out
    }
}

/// The derivation recipe of `path`, or ordo's.
pub fn recipe(path: Option<&std::path::Path>) -> anyhow::Result<DeriveRecipe> {
    Ok(match path {
        Some(p) => DeriveRecipe::load(p)?,
        None => DeriveRecipe::builtin(),
    })
}
