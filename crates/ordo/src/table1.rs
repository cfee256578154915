//! the article's Table 1 rebuilt from the chronology and
//! the periodization, and the quantitative evidence per phase beside it.

use crate::frame::Frame;
use crate::provenance::Provenance;
use crate::{Session, Table};
use ordo_analysis::chronology::{Chronology, Entry};
use ordo_analysis::periods::PhaseKind;
use ordo_analysis::Periodization;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Options of [`Session::table1`].
#[derive(Debug, Clone, Default)]
pub struct Table1Options {
    /// First state
    pub a: String,
    /// Second state
    pub b: String,
    /// The quantitative evidence per phase instead of the events
    pub evidence: bool,
    /// More chronology files (TOML)
    pub file: Vec<PathBuf>,
    /// Periodization file (TOML) [default: the article's]
    pub periods: Option<PathBuf>,
    /// Merge the chronology derived from the data with the curated one
    /// (curated entries first, derived ones marked); without a curated
    /// chronology the derived one is used anyway
    pub derive: bool,
    /// With a derived chronology: also the extreme months of the event data
    pub events: bool,
    /// The derivation recipe (TOML) [default: ordo's]
    pub recipe: Option<PathBuf>,
}

fn run(session: &Session, args: &Table1Options) -> anyhow::Result<Table> {
    let periods = session.periods_from(args.periods.as_deref())?;
    let states = session.states()?;
    let (a, b) = session.dyad_codes(&args.a, &args.b)?;
    if args.evidence {
        return evidence(session, &periods, a, b);
    }
    let found = crate::chronology::curated(states, &periods, &args.file, a, b)?;
    let derived = if args.derive || found.is_empty() {
        let recipe = crate::derive::recipe(args.recipe.as_deref())?;
        Some(crate::derive::derive(
            session,
            recipe,
            &periods,
            a,
            b,
            args.events,
        )?)
    } else {
        None
    };
    let chronos: Vec<&Chronology> = found.iter().collect();
    let mut entries: Vec<&Entry> = chronos.iter().flat_map(|c| c.entries.iter()).collect();
    if let Some(d) = &derived {
        entries.extend(d.entries.iter());
    }
    let mut t = table(&periods, &entries, &chronos)?;
    if let Some(d) = &derived {
        let mut prov = Provenance {
            lines: std::mem::take(&mut t.sources),
        }
        .with(if found.is_empty() {
            format!("no curated chronology for {a}-{b}: Table 1 from the chronology derived from the data (stances are the derivation rules', not readings of the events)")
        } else {
            "curated entries first in each cell; entries derived from the data marked `derived`".to_string()
        });
        for line in d.provenance_lines() {
            prov = prov.with(line);
        }
        t.sources = prov.lines;
    }
    Ok(t)
}

/// The column of Table 1 an entry falls in, by its stance and the phase the
/// periodization puts its year in (not by the `in_table1` flag).
fn column(periods: &Periodization, e: &Entry) -> Option<(String, &'static str)> {
    let year = e.year();
    let order = periods
        .orders
        .iter()
        .find(|o| o.from <= year && year <= o.to)?;
    let phase = periods.phase_of(year).map(|(_, p)| p.kind);
    let col = match (e.stance.as_str(), phase) {
        ("cooperation", Some(PhaseKind::Stable)) => "cooperation (stable)",
        ("turning_point", _) => "turning point",
        ("competition", Some(PhaseKind::Crisis)) => "competition (crisis)",
        ("competition", Some(PhaseKind::Stable)) => "against: competition while stable",
        ("cooperation", Some(PhaseKind::Crisis)) => "against: cooperation in crisis",
        _ => return None,
    };
    Some((order.name.clone(), col))
}

fn table(
    periods: &Periodization,
    entries: &[&Entry],
    chronos: &[&Chronology],
) -> anyhow::Result<Table> {
    let rank = |c: &str| match c {
        "cooperation (stable)" => 0,
        "turning point" => 1,
        "competition (crisis)" => 2,
        _ => 3,
    };
    let order_rank = |name: &str| {
        periods
            .orders
            .iter()
            .position(|o| o.name == name)
            .unwrap_or(99)
    };
    let mut rows: Vec<(String, &'static str, &Entry)> = entries
        .iter()
        .filter_map(|e| column(periods, e).map(|(o, c)| (o, c, *e)))
        .collect();
    rows.sort_by(|x, y| {
        let key = |r: &(String, &'static str, &Entry)| {
            (
                order_rank(&r.0),
                rank(r.1),
                r.2.derived.is_some(),
                r.2.date.clone(),
                r.2.id.clone(),
            )
        };
        key(x).cmp(&key(y))
    });
    let mut counts: BTreeMap<(usize, String, &str), usize> = BTreeMap::new();
    for (o, c, _) in &rows {
        *counts.entry((order_rank(o), o.clone(), *c)).or_default() += 1;
    }
    let batch = Frame::new()
        .text("order", rows.iter().map(|r| Some(r.0.as_str())))
        .text("column", rows.iter().map(|r| Some(r.1)))
        .text("date", rows.iter().map(|r| Some(r.2.date.as_str())))
        .text("id", rows.iter().map(|r| Some(r.2.id.as_str())))
        .flag("in_article", rows.iter().map(|r| Some(r.2.in_table1)))
        .text(
            "origin",
            rows.iter().map(|r| {
                Some(if r.2.derived.is_some() {
                    "derived"
                } else {
                    "curated"
                })
            }),
        )
        .text("area", rows.iter().map(|r| Some(r.2.area.as_str())))
        .text("summary", rows.iter().map(|r| Some(r.2.summary.as_str())))
        .text(
            "citations",
            rows.iter()
                .map(|r| Some(r.2.citations.join("; ")).filter(|s| !s.is_empty())),
        )
        .text(
            "derived_from",
            rows.iter().map(|r| {
                r.2.derived
                    .as_ref()
                    .map(|d| format!("{}: {}", d.version, d.key))
            }),
        )
        .build()?;
    let mut prov = Provenance::default();
    for ((_, o, c), n) in &counts {
        prov = prov.with(format!("{o}: {n} × {c}"));
    }
    for c in chronos {
        prov = prov.with(format!(
            "chronology {} ({} entries, sha256 {})",
            c.file,
            c.entries.len(),
            c.sha256
        ));
    }
    prov = prov.with(format!(
        "periodization {} ({}, sha256 {}); columns by each entry's stance and the phase of its year",
        periods.name, periods.file, periods.sha256
    ));
    Ok(Table::new(batch, prov))
}

/// Per order and phase, the dyad's structural (and event) evidence.
fn evidence(session: &Session, periods: &Periodization, a: u16, b: u16) -> anyhow::Result<Table> {
    let (c1, c2) = (a.min(b), a.max(b));
    let (engine, world) = session.engine()?;
    let cols = crate::cooperation::COLUMNS;
    let (years, col) = crate::cooperation::dyad_columns(&engine, a, b)?;
    let events =
        crate::event_store::dyad_event_years(&session.store_dir()?, &session.data_dir()?, a, b)?;
    let mut out: Vec<Vec<Option<f64>>> = Vec::new();
    let mut labels: Vec<(String, &'static str, i32, i32)> = Vec::new();
    for o in &periods.orders {
        for p in &o.phases {
            let idx: Vec<usize> = (0..years.len())
                .filter(|&i| p.from <= years[i] && years[i] <= p.to)
                .collect();
            let vals = |c: &str| idx.iter().filter_map(|&i| col[c][i]).collect::<Vec<f64>>();
            let mean = |v: &[f64]| (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64);
            let pledge: Vec<f64> = idx
                .iter()
                .filter_map(|&i| {
                    let any: Vec<f64> = cols[..5].iter().filter_map(|c| col[*c][i]).collect();
                    (!any.is_empty()).then(|| {
                        if any.iter().any(|x| *x > 0.0) {
                            1.0
                        } else {
                            0.0
                        }
                    })
                })
                .collect();
            let mid = vals("cowmid_ongoing");
            let war = vals("cowwar_inter");
            let un = vals("un_agree");
            let (coop, conflict, ev_years) = events
                .iter()
                .filter(|(y, _)| p.from <= **y && **y <= p.to)
                .fold((0i64, 0i64, 0i64), |acc, (_, (c, k))| {
                    (acc.0 + c, acc.1 + k, acc.2 + 1)
                });
            labels.push((o.name.clone(), p.kind.as_str(), p.from, p.to));
            out.push(vec![
                Some(idx.len() as f64),
                Some(pledge.len() as f64),
                mean(&pledge),
                mean(&vals("atop_s")),
                Some(mid.len() as f64),
                Some(mid.iter().sum()),
                vals("cowmid_hostlev").into_iter().reduce(f64::max),
                Some(war.len() as f64),
                Some(war.iter().sum()),
                mean(&vals("trade_dep1")),
                mean(&vals("trade_dep2")),
                Some(un.len() as f64),
                mean(&un),
                mean(&vals("bsv_distance")),
                Some(ev_years as f64),
                (coop + conflict > 0).then(|| (coop - conflict) as f64 / (coop + conflict) as f64),
            ]);
        }
    }
    let names = [
        ("years", true),
        ("atop_years", true),
        ("atop_pledge_share", false),
        ("atop_s_mean", false),
        ("mid_years_covered", true),
        ("mid_years", true),
        ("mid_max_hostlev", true),
        ("war_years_covered", true),
        ("war_years", true),
        ("trade_dep1_mean", false),
        ("trade_dep2_mean", false),
        ("un_years", true),
        ("un_agree_mean", false),
        ("bsv_distance_mean", false),
        ("event_years", true),
        ("event_net_coop", false),
    ];
    let mut f = Frame::new()
        .text("order", labels.iter().map(|l| Some(l.0.as_str())))
        .text("phase", labels.iter().map(|l| Some(l.1)))
        .int("from", labels.iter().map(|l| Some(i64::from(l.2))))
        .int("to", labels.iter().map(|l| Some(i64::from(l.3))));
    for (k, (name, int)) in names.iter().enumerate() {
        f = if *int {
            f.int(name, out.iter().map(|r| r[k].map(|v| v as i64)))
        } else {
            f.float(name, out.iter().map(|r| r[k]))
        };
    }
    let batch = f.build()?;
    let mut prov = Provenance::default().with(format!(
        "dyad {c1}-{c2}: dyad_years (docs/measures.md); trade_dep1 is the dependence of {c1}, trade_dep2 of {c2}; *_covered/atop_years/un_years: years with data"
    ));
    for line in engine.provenance() {
        prov = prov.with(line);
    }
    prov = prov.with(if events.is_empty() {
        "event_net_coop: no events of this dyad in the store (ordo ingest …)".to_string()
    } else {
        "event_net_coop: (coop - conflict) / (coop + conflict) over the phase's events, profile gdelt@1".to_string()
    });
    prov = prov.with(format!("periodization {} ({})", periods.name, periods.file));
    drop(world);
    Ok(Table::new(batch, prov))
}

impl Session {
    /// Table 1 of the article, regenerated: for each order of the
    /// periodization, the chronology's cooperation entries in its stable phase,
    /// its turning points, and the competition entries in its crisis phase —
    /// every entry that qualifies, with `in_article` marking the article's own
    /// Table 1 items — plus, counted per order, the entries that go against the
    /// pattern (competition while stable, cooperation in crisis).
    ///
    /// With --evidence: per order and phase, the quantitative evidence from
    /// independent data for the same dyad: years with an ATOP pledge and the
    /// alliance-portfolio similarity, MID and war years, each side's trade
    /// dependence, UN voting agreement and ideal-point distance, and event-based
    /// net cooperation where event data are ingested — each with the years it
    /// covers.
    pub fn table1(&self, options: &Table1Options) -> anyhow::Result<Table> {
        run(self, options)
    }
}
