//! One dyad's event series across sources (`ordo events A B --sources
//! gdelt,icews,polecat,phoenix`): per period, each source's events,
//! cooperative and conflictual counts and net cooperation side by side, and
//! one harmonised series over all of them, so a dyad's series can run from
//! the Cline Center's 1945 to POLECAT's present.
//!
//! Harmonised means one documented map for every row: the profile's class
//! scheme places CAMEO codes (GDELT, ICEWS, Phoenix, CSV) by their code and
//! PLOVER types (POLECAT) by the quad class the PLOVER manual gives each
//! type (`crates/events/data/schemes/`, docs/events.md "One series across
//! sources"). Sources overlap in time and in the reports they code, so the
//! harmonised counts add sources up; the per-source columns show where each
//! one carries the series.

use crate::frame::Frame;
use crate::provenance::Provenance;
use crate::{Session, Table};
use anyhow::bail;
use ordo_events::{Actor, Aggregator, Compiled, EventStore, Family, Keys, SeriesRow, SeriesSpec};
use std::collections::BTreeMap;

/// The sources asked for, as families, in the order given.
pub fn parse_sources(list: &[String]) -> anyhow::Result<Vec<Family>> {
    let mut out: Vec<Family> = Vec::new();
    for s in list {
        let f = Family::parse(s.trim())?;
        if out.contains(&f) {
            bail!("--sources: `{s}` is given twice");
        }
        out.push(f);
    }
    Ok(out)
}

/// An aggregator of the dyad counting only `families`.
fn aggregator(
    spec: &SeriesSpec,
    compiled: &Compiled,
    families: Vec<u8>,
    states: bool,
) -> Aggregator {
    let mut agg = Aggregator::new(spec.clone(), vec![compiled.clone()]);
    agg.only_families(families);
    if states {
        agg.only_states();
    }
    agg
}

/// The table of [`crate::events`]'s `--sources`: `spec` must name one dyad
/// of COW states.
pub fn table(
    session: &Session,
    spec: &SeriesSpec,
    profile: &ordo_events::Profile,
    compiled: &Compiled,
    sources: &[Family],
    label: &str,
    args: &crate::events::EventsOptions,
) -> anyhow::Result<Table> {
    let (by, states) = (args.by.as_str(), args.actors == "state");
    let Some((Actor::Cow(a), Actor::Cow(b))) = &spec.dyad else {
        bail!("--sources needs one dyad of states (ordo events A B --sources gdelt,polecat)");
    };
    if spec.keys != Keys::Cow {
        bail!("--sources compares states: drop --keys raw");
    }
    let store = EventStore::new(session.store_dir()?.root());
    let manifest = store.manifest()?;
    if manifest.segments.is_empty() {
        bail!(
            "the event store at {} is empty: ingest event files first (ordo ingest gdelt|icews|polecat|phoenix FILES…)",
            store.root().display()
        );
    }
    let key = ordo_events::arrow::dyad_key(*a, *b);
    // one read of the store feeds every source's series and the harmonised one
    let mut aggs: Vec<Aggregator> = sources
        .iter()
        .map(|f| aggregator(spec, compiled, vec![*f as u8], states))
        .collect();
    aggs.push(aggregator(
        spec,
        compiled,
        sources.iter().map(|f| *f as u8).collect(),
        states,
    ));
    ordo_events::query::scan_chunks(&store, key, &mut |chunk| {
        for agg in aggs.iter_mut() {
            agg.add(chunk);
        }
    })?;
    // the table has no volume totals (each source's coverage differs), so
    // the store's totals files are not read
    let mut finished: Vec<Vec<SeriesRow>> = aggs.into_iter().map(Aggregator::finish).collect();
    let all = finished.pop().unwrap_or_default();
    let per = finished;
    let periods: BTreeMap<i32, &SeriesRow> = all.iter().map(|r| (r.period, r)).collect();
    let by_source: Vec<BTreeMap<i32, &SeriesRow>> = per
        .iter()
        .map(|rows| rows.iter().map(|r| (r.period, r)).collect())
        .collect();
    let rows: Vec<&SeriesRow> = periods.values().copied().filter(|r| r.events > 0).collect();
    let ratio = |x: i64, y: i64| (y != 0).then(|| x as f64 / y as f64);
    let mut f = Frame::new()
        .int("actor1", rows.iter().map(|r| r.actor1.parse().ok()))
        .int("actor2", rows.iter().map(|r| r.actor2.parse().ok()))
        .text("period", rows.iter().map(|r| Some(spec.by.label(r.period))))
        .int(
            "year",
            rows.iter().map(|r| Some(i64::from(spec.by.year(r.period)))),
        )
        .text("profile", rows.iter().map(|_| Some(profile.id())));
    for (s, m) in sources.iter().zip(&by_source) {
        let get = |r: &&SeriesRow| m.get(&r.period).filter(|x| x.events > 0);
        let n = s.name();
        f = f
            .int(
                &format!("events_{n}"),
                rows.iter().map(|r| get(r).map(|x| x.events)),
            )
            .int(
                &format!("coop_{n}"),
                rows.iter().map(|r| get(r).map(|x| x.profiles[0].coop)),
            )
            .int(
                &format!("conflict_{n}"),
                rows.iter().map(|r| get(r).map(|x| x.profiles[0].conflict)),
            )
            .float(
                &format!("net_coop_{n}"),
                rows.iter()
                    .map(|r| get(r).and_then(|x| x.profiles[0].net_coop)),
            );
    }
    let present = |r: &&SeriesRow| {
        by_source
            .iter()
            .filter(|m| m.get(&r.period).is_some_and(|x| x.events > 0))
            .count() as i64
    };
    f = f
        .int("sources_present", rows.iter().map(|r| Some(present(r))))
        .int("events", rows.iter().map(|r| Some(r.events)))
        .int("coop", rows.iter().map(|r| Some(r.profiles[0].coop)))
        .int(
            "conflict",
            rows.iter().map(|r| Some(r.profiles[0].conflict)),
        )
        .int("neutral", rows.iter().map(|r| Some(r.profiles[0].neutral)))
        .float(
            "net_coop",
            rows.iter().map(|r| {
                ratio(
                    r.profiles[0].coop - r.profiles[0].conflict,
                    r.profiles[0].coop + r.profiles[0].conflict,
                )
            }),
        );
    let batch = f.build()?;
    let names: Vec<&str> = sources.iter().map(|s| s.name()).collect();
    let mut prov = Provenance::default()
        .with(format!(
            "{label}; by {by}; sources {} side by side (NULL: no event of that source in the period), then one harmonised series over all of them under profile {}",
            names.join(", "),
            profile.id()
        ))
        .with(format!(
            "profile {}: {}; scheme file {} (CAMEO codes by code, PLOVER types by the PLOVER manual's quad class: docs/events.md)",
            profile.id(),
            profile.description,
            profile.scheme.file
        ))
        .with("net_coop = (coop - conflict) / (coop + conflict); the harmonised counts add the sources up (they overlap in time and may code the same reports)")
        .with(if states {
            "--actors state: only events whose two sides are state actors (docs/events.md)"
        } else {
            "--actors all: every event between the two countries' actors"
        });
    for seg in &manifest.segments {
        for file in seg
            .files
            .iter()
            .filter(|x| names.contains(&x.family.as_str()))
        {
            prov = prov.with(format!(
                "  {} ({}): {} rows stored, sha256 {} [segment {}]",
                file.file, file.family, file.stored, file.sha256, seg.id
            ));
        }
    }
    Ok(Table::new(batch, prov))
}
