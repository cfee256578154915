//! `ordo events A B` / `ordo events --all-dyads`: dyad-period series of
//! event counts, classes and Goldstein weights, from the store or raw files.

use crate::cmd::ingest::parse_map;
use crate::context::Context;
use crate::events::{threads, EventSetup};
use crate::frame::Frame;
use crate::provenance::Provenance;
use crate::years::Years;
use anyhow::{bail, Context as _};
use clap::Args;
use ordo_events::date::day_number;
use ordo_events::{
    Actor, Aggregator, Compiled, EventStore, Family, Keys, Period, Profile, ScanOptions, SeriesRow,
    SeriesSpec, Weight,
};
use std::path::PathBuf;

/// Event series for one dyad (both directions unless --directed) or for all
/// dyads, by month, quarter or year: events; events per class of the
/// profile; cooperation, conflict and neutral totals; Goldstein sum,
/// positive and negative parts and mean (NULL without events); net
/// cooperation (coop - conflict) / (coop + conflict); conflict share
/// (conflict / events); mentions; and volume normalisations: the period's
/// total events in the input (`period_total`, `per_million`) and each
/// state's total events (`actor1_total`, `share_of_actor1`, …), because raw
/// counts grow with media coverage.
///
/// For one dyad every period with any event in the input has a row (zero
/// events: counts 0, means NULL); --all-dyads lists dyad-periods with
/// events. Dyads are of two different COW states (actor codes resolved on
/// the event's day); --keys raw keys by the codes as written instead (e.g.
/// GDELT's ITA, RUS, EUR), self-pairs included.
#[derive(Args)]
#[command(
    after_long_help = "Examples:\n  ordo events ITA RUS\n  ordo events Italy Russia --by year --profile icews\n  ordo events RUS GEO --directed --root-only --weight mentions\n  ordo events ITA RUS --sensitivity\n  ordo events --all-dyads --by quarter --format parquet --out dyad-quarters.parquet\n  ordo events ITA RUS --raw ~/.local/share/ordo/data/gdelt_v1_raw_sample/events_raw.tsv\n  ordo events --all-dyads --directed --keys raw --raw big.tsv --format csv --out q1.csv\n\nProfiles: gdelt (default), icews, phoenix, plover, source (see docs/events.md)."
)]
pub struct EventsArgs {
    /// First state (any name or code `ordo states resolve` accepts; with
    /// --keys raw, the code as the source writes it)
    a: Option<String>,
    /// Second state
    b: Option<String>,
    /// Every dyad in one table instead of one dyad
    #[arg(long, conflicts_with_all = ["a", "b"])]
    all_dyads: bool,
    /// Period: month, quarter or year
    #[arg(long, default_value = "month")]
    by: String,
    /// Only events with A as actor 1 and B as actor 2
    #[arg(long)]
    directed: bool,
    /// Only GDELT root events (IsRootEvent = 1)
    #[arg(long)]
    root_only: bool,
    /// Weight each event by none, mentions, sources or articles
    #[arg(long, default_value = "none")]
    weight: String,
    /// Scoring profile: gdelt, icews, phoenix, plover, source
    #[arg(long, default_value = "gdelt")]
    profile: String,
    /// Recompute under every profile, side by side (one row per profile)
    #[arg(long)]
    sensitivity: bool,
    /// Key dyads by COW state (cow) or by the actor codes as written (raw)
    #[arg(long, default_value = "cow")]
    keys: String,
    /// Read these raw event files instead of the store (not ingested)
    #[arg(long, num_args = 1.., value_name = "FILE")]
    raw: Vec<PathBuf>,
    /// Source of the --raw files: gdelt, icews or csv
    #[arg(long, default_value = "gdelt")]
    source: String,
    /// With --raw csv: FIELD=COLUMN mappings, as for `ordo ingest`
    #[arg(long, value_name = "FIELD=COLUMN")]
    map: Vec<String>,
    /// With --raw and one GDELT dyad: a quick look — parse only the lines
    /// that contain both states' codes (as `grep -F` would), do not hash
    /// the files, and leave the volume totals out (NULL)
    #[arg(long, requires = "raw")]
    quick: bool,
    /// With --raw: how actor columns are coded (cameo, iso3, cow, gw, icews)
    #[arg(long)]
    codes: Option<String>,
    #[command(flatten)]
    years: Years,
}

fn day_of(year: i32, month: u32, day: u32) -> Option<i32> {
    chrono::NaiveDate::from_ymd_opt(year, month, day).and_then(day_number)
}

pub fn run(ctx: &Context, args: EventsArgs) -> anyhow::Result<()> {
    let by = Period::parse(&args.by)
        .ok_or_else(|| anyhow::anyhow!("--by {}: expected month, quarter or year", args.by))?;
    let weight = Weight::parse(&args.weight).ok_or_else(|| {
        anyhow::anyhow!(
            "--weight {}: expected none, mentions, sources or articles",
            args.weight
        )
    })?;
    let keys = match args.keys.as_str() {
        "cow" => Keys::Cow,
        "raw" => Keys::Raw,
        k => bail!("--keys {k}: expected cow or raw"),
    };
    let family = Family::parse(&args.source)?;
    let setup = EventSetup::new(ctx, family, args.codes.as_deref())?;
    let (dyad, label) = dyad(ctx, &args, keys)?;
    let (from, to) = (
        args.years.year.or(args.years.from),
        args.years.year.or(args.years.to),
    );
    let spec = SeriesSpec {
        by,
        directed: args.directed,
        root_only: args.root_only,
        weight,
        keys,
        dyad: dyad.clone(),
        from: from.and_then(|y| day_of(y, 1, 1)),
        to: to.and_then(|y| day_of(y, 12, 31)),
    };
    let profiles: Vec<Profile> = if args.sensitivity {
        setup.cameo.profiles()?
    } else {
        vec![setup.cameo.profile(&args.profile)?]
    };
    let compiled: Vec<Compiled> = profiles
        .iter()
        .map(|p| Compiled::new(p, &setup.cameo.codes))
        .collect();
    let mut agg = Aggregator::new(spec.clone(), compiled.clone());
    let mut prov = Provenance::default().with(format!(
        "{label}; by {}; {}{}weight {}",
        args.by,
        if args.directed {
            "directed; "
        } else {
            "both directions; "
        },
        if args.root_only {
            "root events only; "
        } else {
            ""
        },
        weight.name()
    ));
    if !args.raw.is_empty() && ctx.cluster().is_some() {
        bail!("--raw files are read by this process, not by a cluster: ingest them with `ordo --cluster … ingest` and query the store, or drop --cluster");
    }
    if args.raw.is_empty() {
        read_store(ctx, &mut agg, &dyad, keys, &mut prov)?;
    } else {
        read_raw(&setup, &args, &spec, &compiled, &mut agg, &mut prov)?;
    }
    for p in &profiles {
        prov = prov.with(format!(
            "profile {}: {}; scheme file {}",
            p.id(),
            p.description,
            p.scheme.file
        ));
    }
    for line in &setup.provenance {
        prov = prov.with(line.clone());
    }
    if agg.missing_weight > 0 {
        prov = prov.with(format!(
            "{} rows had no {} count and weigh 0",
            agg.missing_weight,
            weight.name()
        ));
    }
    let rows = agg.finish();
    if args.quick {
        prov = prov.with("--quick: only lines containing both states' codes were parsed; files not hashed; volume totals left out (NULL)");
    }
    let batch = frame(&rows, &profiles, by, keys, args.sensitivity, !args.quick)?;
    ctx.output.emit(&batch, &prov)
}

fn dyad(
    ctx: &Context,
    args: &EventsArgs,
    keys: Keys,
) -> anyhow::Result<(Option<(Actor, Actor)>, String)> {
    match (&args.a, &args.b, args.all_dyads) {
        (None, None, true) => Ok((None, "all dyads".into())),
        (Some(a), Some(b), false) => {
            if keys == Keys::Raw {
                return Ok((
                    Some((Actor::Raw(a.clone()), Actor::Raw(b.clone()))),
                    format!("actor codes {a} and {b}"),
                ));
            }
            let states = ctx.states()?;
            let r = states.resolver();
            let (x, y) = (r.resolve(a)?.state, r.resolve(b)?.state);
            if x.code == y.code {
                bail!(
                    "a dyad needs two different states ({a} and {b} are both {})",
                    x.name
                );
            }
            Ok((
                Some((Actor::Cow(x.code.0), Actor::Cow(y.code.0))),
                format!("dyad {} ({}) - {} ({})", x.name, x.code.0, y.name, y.code.0),
            ))
        }
        _ => bail!("give two states (ordo events ITA RUS) or --all-dyads"),
    }
}

fn read_store(
    ctx: &Context,
    agg: &mut Aggregator,
    dyad: &Option<(Actor, Actor)>,
    keys: Keys,
    prov: &mut Provenance,
) -> anyhow::Result<()> {
    let dir = ctx.store_dir()?;
    let store = EventStore::new(dir.root());
    let manifest = store.manifest()?;
    if manifest.segments.is_empty() {
        bail!(
            "the event store at {} is empty: ingest event files first (ordo ingest gdelt FILES…), or read files directly with --raw FILES…",
            store.root().display()
        );
    }
    let key = match (dyad, keys) {
        (Some((Actor::Cow(a), Actor::Cow(b))), Keys::Cow) => ordo_events::arrow::dyad_key(*a, *b),
        _ => None,
    };
    if key.is_some() {
        agg.use_external_totals();
    }
    let read_line = match ctx.cluster() {
        Some(url) => read_cluster(ctx, url, &store, agg, key, keys)?,
        None => {
            let read = ordo_events::query::scan_store(&store, agg, key)?;
            format!(
                "read {} of {} row groups ({} rows)",
                read.row_groups_read, read.row_groups, read.rows_read
            )
        }
    };
    let mut p = std::mem::take(prov).with(format!(
        "event store {}: {} segments, {} Parquet files; {read_line}",
        store.root().display(),
        manifest.segments.len(),
        manifest
            .segments
            .iter()
            .map(|s| s.parquet.len())
            .sum::<usize>(),
    ));
    for seg in &manifest.segments {
        for f in &seg.files {
            p = p.with(format!(
                "  {} ({}): {} rows stored, sha256 {} [segment {}]",
                f.file, f.family, f.stored, f.sha256, seg.id
            ));
        }
    }
    *prov = p;
    Ok(())
}

/// The series through a Ballista cluster: executors group the store's rows
/// by actors, period and event code (`ordo_events::grouped`), this process
/// folds the groups with the code that folds rows. Volume totals of one
/// dyad come from the totals files, as in the embedded read.
fn read_cluster(
    ctx: &Context,
    url: &str,
    store: &EventStore,
    agg: &mut Aggregator,
    key: Option<i64>,
    keys: Keys,
) -> anyhow::Result<String> {
    let (engine, _) = ctx.engine()?;
    let sql = ordo_events::grouped::group_sql(agg.spec(), key);
    let started = std::time::Instant::now();
    let batches = engine.sql(&sql).map_err(|e| {
        let e = e.to_string();
        anyhow::anyhow!(
            "running the event series on the cluster {url}: {e}\n{}",
            crate::cluster::advice(&e)
        )
    })?;
    let answered = started.elapsed();
    let mut rows = 0u64;
    for b in &batches {
        rows += ordo_events::grouped::add_batch(agg, keys, b)?;
    }
    if let Some(k) = key {
        ordo_events::query::add_store_totals(store, agg, k)?;
    }
    let groups: usize = batches.iter().map(|b| b.num_rows()).sum();
    ctx.note(format!(
        "cluster answered {groups} groups in {:.3} s; folded here in {:.3} s",
        answered.as_secs_f64(),
        (started.elapsed() - answered).as_secs_f64()
    ));
    Ok(format!(
        "grouped on the cluster {url}: {rows} rows in {groups} groups (actors, period, event code)"
    ))
}

fn read_raw(
    setup: &EventSetup,
    args: &EventsArgs,
    spec: &SeriesSpec,
    compiled: &[Compiled],
    agg: &mut Aggregator,
    prov: &mut Provenance,
) -> anyhow::Result<()> {
    let files = ordo_events::open::expand(&args.raw)?;
    let n = threads();
    // Each parsing thread aggregates what it parses; the ordered pass below
    // finds duplicates (first copy in file order wins, as in ingest) and
    // takes them away again, so the result equals the store's.
    let workers: Vec<std::sync::Mutex<Aggregator>> = (0..n)
        .map(|_| std::sync::Mutex::new(Aggregator::new(spec.clone(), compiled.to_vec())))
        .collect();
    let prefilter = if args.quick {
        Some(quick_prefilter(setup, spec)?)
    } else {
        None
    };
    if args.quick {
        agg.use_external_totals();
        for w in &workers {
            w.lock()
                .unwrap_or_else(|e| e.into_inner())
                .use_external_totals();
        }
    }
    let hook = |w: usize, chunk: &ordo_events::Chunk| {
        workers[w]
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .add(chunk);
    };
    let opts = ScanOptions {
        family: setup.family,
        ctx: setup.row_context(),
        map: parse_map(&args.map)?,
        threads: n,
        progress: &|_| {},
        hook: Some(&hook),
        prefilter: prefilter.as_ref(),
    };
    let mut seen = ordo_events::idset::IdSet::default();
    let mut p = std::mem::take(prov);
    for f in &files {
        let mut duplicates = 0u64;
        let scan = ordo_events::scan_file(f, &opts, &mut |mut chunk| {
            let dup: Vec<bool> = (0..chunk.len())
                .map(|i| {
                    let fam = chunk.family[i];
                    let day = ordo_events::idset::IdSet::key_day(fam, chunk.day[i]);
                    !seen.insert(fam, chunk.id[i], day)
                })
                .collect();
            let dropped = dup.iter().filter(|d| **d).count() as u64;
            if dropped > 0 {
                duplicates += dropped;
                chunk.retain(&dup);
                agg.add_signed(&chunk, -1);
            }
            Ok(())
        })
        .with_context(|| format!("reading {}", f.display()))?;
        p = p.with(format!(
            "raw file {}: {} rows read, {} duplicates, {} not usable (run `ordo ingest` to see them in quarantine), {} bytes, {}",
            scan.file,
            scan.read,
            duplicates,
            scan.quarantined.len(),
            scan.bytes,
            if args.quick { "not hashed (--quick)".to_string() } else { format!("sha256 {}", scan.sha256) }
        ));
    }
    for w in workers {
        agg.merge(w.into_inner().unwrap_or_else(|e| e.into_inner()));
    }
    *prov = p;
    Ok(())
}

fn v(r: &SeriesRow, p: usize) -> &ordo_events::series::ProfileValues {
    &r.profiles[p]
}

/// The needles of `--quick`: each state's actor codes as whole
/// tab-separated fields (raw keys: the codes given; COW keys: every CAMEO
/// code the crosswalk gives the state at any date).
fn quick_prefilter(
    setup: &EventSetup,
    spec: &SeriesSpec,
) -> anyhow::Result<ordo_events::scan::Prefilter> {
    if setup.family != Family::Gdelt {
        bail!("--quick reads headerless GDELT files only");
    }
    let Some((a, b)) = &spec.dyad else {
        bail!("--quick needs one dyad (ordo events A B --raw FILES --quick)");
    };
    let needles = |actor: &Actor| -> Vec<Vec<u8>> {
        match actor {
            Actor::Raw(code) => vec![format!("\t{code}\t").into_bytes()],
            Actor::Cow(c) => setup
                .cameo_codes_of(*c)
                .into_iter()
                .map(|code| format!("\t{code}\t").into_bytes())
                .collect(),
        }
    };
    let (first, second) = (needles(a), needles(b));
    if first.is_empty() || second.is_empty() {
        bail!("--quick: no CAMEO code for one of the states in the crosswalk");
    }
    Ok(ordo_events::scan::Prefilter { first, second })
}

pub fn frame(
    rows: &[SeriesRow],
    profiles: &[Profile],
    by: Period,
    keys: Keys,
    sensitivity: bool,
    totals: bool,
) -> anyhow::Result<arrow_array::RecordBatch> {
    // One output row per (series row, profile).
    let cells: Vec<(&SeriesRow, usize)> = rows
        .iter()
        .flat_map(|r| (0..profiles.len()).map(move |p| (r, p)))
        .collect();
    let mut f = Frame::new();
    f = match keys {
        Keys::Cow => f
            .int("actor1", cells.iter().map(|(r, _)| r.actor1.parse().ok()))
            .int("actor2", cells.iter().map(|(r, _)| r.actor2.parse().ok())),
        Keys::Raw => f
            .text("actor1", cells.iter().map(|(r, _)| Some(r.actor1.as_str())))
            .text("actor2", cells.iter().map(|(r, _)| Some(r.actor2.as_str()))),
    };
    f = f
        .text(
            "period",
            cells.iter().map(|(r, _)| Some(by.label(r.period))),
        )
        .int(
            "year",
            cells
                .iter()
                .map(|(r, _)| Some(i64::from(by.year(r.period)))),
        )
        .text(
            "profile",
            cells.iter().map(|(_, p)| Some(profiles[*p].id())),
        )
        .int("events", cells.iter().map(|(r, _)| Some(r.events)));
    if !sensitivity {
        for (c, class) in profiles[0].scheme.classes.iter().enumerate() {
            f = f.int(
                class,
                cells.iter().map(|(r, p)| Some(r.profiles[*p].classes[c])),
            );
        }
    }
    let ratio = |x: i64, y: i64| (y != 0).then(|| x as f64 / y as f64);
    f = f
        .int("coop", cells.iter().map(|(r, p)| Some(v(r, *p).coop)))
        .int(
            "conflict",
            cells.iter().map(|(r, p)| Some(v(r, *p).conflict)),
        )
        .int("neutral", cells.iter().map(|(r, p)| Some(v(r, *p).neutral)))
        .float(
            "goldstein_sum",
            cells.iter().map(|(r, p)| Some(v(r, *p).goldstein_sum)),
        )
        .float(
            "goldstein_pos",
            cells.iter().map(|(r, p)| Some(v(r, *p).goldstein_pos)),
        )
        .float(
            "goldstein_neg",
            cells.iter().map(|(r, p)| Some(v(r, *p).goldstein_neg)),
        )
        .float(
            "goldstein_mean",
            cells.iter().map(|(r, p)| v(r, *p).goldstein_mean),
        )
        .float("net_coop", cells.iter().map(|(r, p)| v(r, *p).net_coop))
        .float(
            "conflict_share",
            cells.iter().map(|(r, p)| v(r, *p).conflict_share),
        )
        .int("mentions", cells.iter().map(|(r, _)| Some(r.mentions)))
        .int(
            "period_total",
            cells.iter().map(|(r, _)| totals.then_some(r.period_total)),
        )
        .float(
            "per_million",
            cells
                .iter()
                .map(|(r, _)| ratio(r.events * 1_000_000, r.period_total).filter(|_| totals)),
        )
        .int(
            "actor1_total",
            cells.iter().map(|(r, _)| totals.then_some(r.actor1_total)),
        )
        .int(
            "actor2_total",
            cells.iter().map(|(r, _)| totals.then_some(r.actor2_total)),
        )
        .float(
            "share_of_actor1",
            cells
                .iter()
                .map(|(r, _)| ratio(r.events, r.actor1_total).filter(|_| totals)),
        )
        .float(
            "share_of_actor2",
            cells
                .iter()
                .map(|(r, _)| ratio(r.events, r.actor2_total).filter(|_| totals)),
        );
    f.build()
}
