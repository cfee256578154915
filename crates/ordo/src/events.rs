//! `ordo events A B` / `ordo events --all-dyads`: dyad-period series of
//! event counts, classes and Goldstein weights, from the store or raw files.

use crate::event_frame::frame;
use crate::event_store::{threads, EventSetup};
use crate::provenance::Provenance;
use crate::{Session, Table};
use anyhow::{bail, Context as _};
use ordo_events::date::day_number;
use ordo_events::{
    Actor, Aggregator, Compiled, EventStore, Family, Keys, Period, Profile, ScanOptions,
    SeriesSpec, Weight,
};
use std::path::PathBuf;

/// Options of [`Session::events`].
#[derive(Debug, Clone)]
pub struct EventsOptions {
    /// First state (any name or code `ordo states resolve` accepts; with
    /// --keys raw, the code as the source writes it)
    pub a: Option<String>,
    /// Second state
    pub b: Option<String>,
    /// Every dyad in one table instead of one dyad
    pub all_dyads: bool,
    /// Period: month, quarter or year
    pub by: String,
    /// Only events with A as actor 1 and B as actor 2
    pub directed: bool,
    /// Only GDELT root events (IsRootEvent = 1)
    pub root_only: bool,
    /// Weight each event by none, mentions, sources or articles
    pub weight: String,
    /// Scoring profile: gdelt, icews, phoenix, plover, source
    pub profile: String,
    /// Recompute under every profile, side by side (one row per profile)
    pub sensitivity: bool,
    /// Key dyads by COW state (cow) or by the actor codes as written (raw)
    pub keys: String,
    /// Read these raw event files instead of the store (not ingested)
    pub raw: Vec<PathBuf>,
    /// Source of the --raw files: gdelt, icews or csv
    pub source: String,
    /// With --raw csv: FIELD=COLUMN mappings, as for `ordo ingest`
    pub map: Vec<String>,
    /// With --raw and one GDELT dyad: a quick look — parse only the lines
    /// that contain both states' codes (as `grep -F` would), do not hash
    /// the files, and leave the volume totals out (NULL)
    pub quick: bool,
    /// With --raw: how actor columns are coded (cameo, iso3, cow, gw, icews)
    pub codes: Option<String>,
    pub years: crate::Span,
    /// Repeated reports: `none` (every stored row counts, as GDELT and ICEWS
    /// publish them) or `one-a-day` (one row per day, directed actor pair
    /// and event code, the Phoenix pipeline's rule at the dyad level)
    pub dedupe: String,
    /// One dyad's series per source side by side (gdelt, icews, polecat,
    /// phoenix, csv) plus one harmonised series over them
    pub sources: Vec<String>,
    /// Which actors make a dyad's events: `all` (the country code alone, as
    /// the sources publish them) or `state` (both sides state actors:
    /// government, military, police, judiciary, legislature, intelligence or
    /// the bare country, by each source's rule in docs/events.md)
    pub actors: String,
    /// Only GDELT events whose ingested Mentions (`ordo ingest mentions`)
    /// reach this highest Confidence (0–100); an event with no ingested
    /// mention does not pass; other sources pass untested
    pub min_confidence: Option<u8>,
    /// Only GDELT events reported by at least this many distinct
    /// MentionSourceNames in the ingested Mentions; same NULL rule
    pub min_sources: Option<u32>,
}

fn day_of(year: i32, month: u32, day: u32) -> Option<i32> {
    chrono::NaiveDate::from_ymd_opt(year, month, day).and_then(day_number)
}

/// The series; with --sensitivity, under every profile and both actor
/// rules, told apart by an `actors` column.
fn run(session: &Session, args: &EventsOptions) -> anyhow::Result<Table> {
    if !["all", "state"].contains(&args.actors.as_str()) {
        bail!("--actors {}: expected all or state", args.actors);
    }
    let thresholds = args.min_confidence.is_some() || args.min_sources.is_some();
    if thresholds
        && (!args.raw.is_empty() || session.cluster().is_some() || !args.sources.is_empty())
    {
        bail!("--min-confidence and --min-sources join the store's events to the store's Mentions in this process: drop --raw, --cluster and --sources");
    }
    // The cheap checks first: a mistyped word costs no Mentions load.
    let flags = Flags::parse(args)?;
    // Loaded once, for both actor rules of --sensitivity.
    let mentions = crate::mentions::filter(session, args.min_confidence, args.min_sources)?;
    if !args.sensitivity || !args.sources.is_empty() {
        return run_one(session, args, args.actors == "state", flags, mentions);
    }
    let mut parts = Vec::new();
    for (label, states) in [("all", false), ("state", true)] {
        let t = run_one(session, args, states, flags, mentions.clone())?;
        let batch = t.batch()?;
        let n = batch.num_rows();
        let column = crate::frame::Frame::new()
            .text("actors", (0..n).map(|_| Some(label)))
            .build()?;
        let mut fields: Vec<arrow_schema::FieldRef> =
            batch.schema().fields().iter().cloned().collect();
        fields.extend(column.schema().fields().iter().cloned());
        let mut cols = batch.columns().to_vec();
        cols.push(column.column(0).clone());
        let with = arrow_array::RecordBatch::try_new(
            std::sync::Arc::new(arrow_schema::Schema::new(fields)),
            cols,
        )?;
        parts.push((with, t.sources));
    }
    let schema = parts[0].0.schema();
    let batch = arrow_select::concat::concat_batches(&schema, parts.iter().map(|p| &p.0))?;
    let mut prov = Provenance::default()
        .with("--sensitivity: every profile under both actor rules (column `actors`: all, state)");
    for line in parts.into_iter().flat_map(|p| p.1) {
        if !prov.lines.contains(&line) {
            prov = prov.with(line);
        }
    }
    Ok(Table::new(batch, prov))
}

/// The options read from words, checked before anything is loaded.
#[derive(Clone, Copy)]
struct Flags {
    by: Period,
    weight: Weight,
    keys: Keys,
    one_a_day: bool,
}

impl Flags {
    fn parse(args: &EventsOptions) -> anyhow::Result<Flags> {
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
        let one_a_day = match args.dedupe.as_str() {
            "none" => false,
            "one-a-day" => true,
            d => bail!("--dedupe {d}: expected none or one-a-day"),
        };
        Ok(Flags {
            by,
            weight,
            keys,
            one_a_day,
        })
    }
}

fn run_one(
    session: &Session,
    args: &EventsOptions,
    states: bool,
    flags: Flags,
    mentions: Option<ordo_events::confidence::MentionFilter>,
) -> anyhow::Result<Table> {
    let Flags {
        by,
        weight,
        keys,
        one_a_day,
    } = flags;
    if states && session.cluster().is_some() {
        bail!("--actors state reads each row's actor kinds, which a cluster's grouped partial sums no longer hold: drop --cluster for this query");
    }
    if one_a_day && session.cluster().is_some() {
        bail!("--dedupe one-a-day compares rows of one day, which a cluster's grouped partial sums no longer hold: drop --cluster for this query");
    }
    let family = Family::parse(&args.source)?;
    let setup = session.event_setup(family, args.codes.as_deref())?;
    let (dyad, label) = dyad(session, args, keys)?;
    let (from, to) = (args.years.from, args.years.to);
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
    if !args.sources.is_empty() {
        if !args.raw.is_empty() || session.cluster().is_some() || args.sensitivity || one_a_day {
            bail!("--sources reads the store of this process under one profile: drop --raw, --cluster, --sensitivity and --dedupe");
        }
        let sources = crate::event_sources::parse_sources(&args.sources)?;
        return crate::event_sources::table(
            session,
            &spec,
            &profiles[0],
            &compiled[0],
            &sources,
            &label,
            args,
        );
    }
    let mut agg = Aggregator::new(spec.clone(), compiled.clone());
    if states {
        agg.only_states();
    }
    if let Some(f) = mentions {
        agg.mention_filter(f);
    }
    if one_a_day && args.raw.is_empty() {
        agg.one_a_day();
    }
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
    if !args.raw.is_empty() && session.cluster().is_some() {
        bail!("--raw files are read by this process, not by a cluster: ingest them with `ordo --cluster … ingest` and query the store, or drop --cluster");
    }
    if args.raw.is_empty() {
        read_store(session, &mut agg, &dyad, keys, &mut prov)?;
    } else {
        read_raw(&setup, args, &mut agg, &mut prov, one_a_day)?;
    }
    prov = prov.with(if states {
        "--actors state: only events whose two sides are state actors (government, military, police, judiciary, legislature, intelligence, or the bare country; rules per source in docs/events.md); rows of sources that do not type their actors, and of segments ingested before ordo read actor kinds, do not count"
    } else {
        "--actors all: every event between the two countries' actors (firms, media and citizens included), as the sources publish them"
    });
    if let Some(f) = agg.mention_filter_counts() {
        for line in crate::mentions::filter_lines(f) {
            prov = prov.with(line);
        }
    }
    if let Some(n) = agg.one_a_day_removed() {
        prov = prov.with(one_a_day_line(n, args.raw.is_empty()));
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
    Ok(Table::new(batch, prov))
}

fn dyad(
    session: &Session,
    args: &EventsOptions,
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
            let states = session.states()?;
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
    session: &Session,
    agg: &mut Aggregator,
    dyad: &Option<(Actor, Actor)>,
    keys: Keys,
    prov: &mut Provenance,
) -> anyhow::Result<()> {
    let dir = session.store_dir()?;
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
    let read_line = match session.cluster() {
        Some(url) => read_cluster(session, url, &store, agg, key, keys)?,
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
    session: &Session,
    url: &str,
    store: &EventStore,
    agg: &mut Aggregator,
    key: Option<i64>,
    keys: Keys,
) -> anyhow::Result<String> {
    let (engine, _) = session.engine()?;
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
    session.note(format!(
        "cluster answered {groups} groups in {:.3} s; folded here in {:.3} s",
        answered.as_secs_f64(),
        (started.elapsed() - answered).as_secs_f64()
    ));
    Ok(format!(
        "grouped on the cluster {url}: {rows} rows in {groups} groups (actors, period, event code)"
    ))
}

/// The source line saying what one-a-day filtering removed.
fn one_a_day_line(removed: u64, store: bool) -> String {
    format!(
        "--dedupe one-a-day: {removed} of the rows read removed as repeats of a row with the same day, actor 1 code, actor 2 code and event code (first copy kept, in {}){}",
        if store { "store order" } else { "file order" },
        if store {
            "; volume totals of a one-dyad query come from the store's totals files and count every stored row"
        } else {
            ""
        }
    )
}

fn read_raw(
    setup: &EventSetup,
    args: &EventsOptions,
    agg: &mut Aggregator,
    prov: &mut Provenance,
    one_a_day: bool,
) -> anyhow::Result<()> {
    let files = ordo_events::open::expand(&args.raw)?;
    let n = threads();
    let prefilter = if args.quick {
        agg.use_external_totals();
        Some(quick_prefilter(setup, agg.spec())?)
    } else {
        None
    };
    // Each parsing thread aggregates what it parses; the ordered pass below
    // finds duplicates (first copy in file order wins, as in ingest) and
    // takes them away again, so the result equals the store's. (Raw files
    // take no Mentions filter, and one-a-day is that ordered pass, so the
    // series always splits.)
    let workers: Vec<std::sync::Mutex<Aggregator>> = (0..n)
        .map(|_| agg.sibling().map(std::sync::Mutex::new))
        .collect::<Option<_>>()
        .context("internal: a raw series that cannot be split among threads")?;
    let hook = |w: usize, chunk: &ordo_events::Chunk| {
        workers[w]
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .add(chunk);
    };
    let opts = ScanOptions {
        family: setup.family,
        ctx: setup.row_context(),
        map: crate::event_store::parse_map(&args.map)?,
        threads: n,
        progress: &|_| {},
        hook: Some(&hook),
        prefilter: prefilter.as_ref(),
    };
    let mut seen = ordo_events::idset::IdSet::default();
    // one-a-day over raw files: the workers count every row, this ordered
    // pass takes repeats away again (first copy in file order wins)
    let mut repeats = one_a_day.then(ordo_events::one_a_day::OneADay::default);
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
            if let Some(f) = repeats.as_mut() {
                let first = f.first_copies(&chunk, &|i| !dup[i] && agg.in_series(&chunk, i));
                let mut repeat = chunk.clone();
                repeat.retain(&first.iter().map(|k| !k).collect::<Vec<bool>>());
                agg.add_signed(&repeat, -1);
            }
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
    if let Some(f) = repeats {
        p = p.with(one_a_day_line(f.removed, false));
    }
    *prov = p;
    Ok(())
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

impl Session {
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
    pub fn events(&self, options: &EventsOptions) -> anyhow::Result<Table> {
        run(self, options)
    }
}

impl Default for EventsOptions {
    fn default() -> EventsOptions {
        EventsOptions {
            a: None,
            b: None,
            all_dyads: false,
            by: "month".into(),
            directed: false,
            root_only: false,
            weight: "none".into(),
            profile: "gdelt".into(),
            sensitivity: false,
            keys: "cow".into(),
            raw: Vec::new(),
            source: "gdelt".into(),
            map: Vec::new(),
            quick: false,
            codes: None,
            years: crate::Span::ALL,
            dedupe: "none".into(),
            sources: Vec::new(),
            actors: "all".into(),
            min_confidence: None,
            min_sources: None,
        }
    }
}
