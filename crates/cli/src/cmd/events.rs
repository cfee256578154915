//! `ordo events A B` / `ordo events --all-dyads`: dyad-period series of
//! event counts, classes and Goldstein weights, from the store or raw files.

use crate::context::Context;
use clap::Args;
use ordo::events::EventsOptions;
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
    after_long_help = "Examples:\n  ordo events ITA RUS\n  ordo events Italy Russia --by year --profile icews\n  ordo events RUS GEO --directed --root-only --weight mentions\n  ordo events ITA RUS --sensitivity\n  ordo events ITA RUS --min-confidence 50 --min-sources 2   # after ordo ingest mentions FILES\n  ordo events --all-dyads --by quarter --format parquet --out dyad-quarters.parquet\n  ordo events ITA RUS --raw ~/.local/share/ordo/data/gdelt_v1_raw_sample/events_raw.tsv\n  ordo events --all-dyads --directed --keys raw --raw big.tsv --format csv --out q1.csv\n\nProfiles: gdelt (default), icews, phoenix, plover, source (see docs/events.md)."
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
    years: crate::years::Years,
    /// Repeated reports: none (every stored row counts, as GDELT and ICEWS
    /// publish them) or one-a-day (one row per day, directed actor pair and
    /// event code: the Phoenix pipeline's rule, at the dyad level); the
    /// rows removed are counted under the table
    #[arg(long, default_value = "none", value_parser = ["none", "one-a-day"])]
    dedupe: String,
    /// One dyad's series per source side by side (gdelt, icews, polecat,
    /// phoenix, csv), then one harmonised series over them: CAMEO codes and
    /// PLOVER types scored by one documented map (docs/events.md)
    #[arg(long, value_delimiter = ',', value_name = "SOURCE,…")]
    sources: Vec<String>,
    /// Which actors make the dyad's events: all (the country codes alone,
    /// as the sources publish them) or state (both sides state actors:
    /// government, military, police, judiciary, legislature, intelligence
    /// or the bare country; rules per source in docs/events.md).
    /// --sensitivity shows both
    #[arg(long, default_value = "all", value_parser = ["all", "state"])]
    actors: String,
    /// Only GDELT events whose ingested Mentions (ordo ingest mentions)
    /// reach this highest Confidence, 0-100; an event with no ingested
    /// mention does not pass, rows of other sources pass untested; the
    /// rows removed are counted under the table
    #[arg(long, value_name = "PERCENT", value_parser = clap::value_parser!(u8).range(0..=100))]
    min_confidence: Option<u8>,
    /// Only GDELT events reported by at least N distinct source names in
    /// the ingested Mentions; same rule for absent mentions
    #[arg(long, value_name = "N")]
    min_sources: Option<u32>,
}

impl From<EventsArgs> for EventsOptions {
    fn from(a: EventsArgs) -> EventsOptions {
        EventsOptions {
            a: a.a,
            b: a.b,
            all_dyads: a.all_dyads,
            by: a.by,
            directed: a.directed,
            root_only: a.root_only,
            weight: a.weight,
            profile: a.profile,
            sensitivity: a.sensitivity,
            keys: a.keys,
            raw: a.raw,
            source: a.source,
            map: a.map,
            quick: a.quick,
            codes: a.codes,
            years: a.years.into(),
            dedupe: a.dedupe,
            sources: a.sources,
            actors: a.actors,
            min_confidence: a.min_confidence,
            min_sources: a.min_sources,
        }
    }
}

pub fn run(ctx: &Context, args: EventsArgs) -> anyhow::Result<()> {
    ctx.emit(&ctx.session.events(&args.into())?)
}
