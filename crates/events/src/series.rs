//! Dyad-period series: counts, classes, Goldstein sums and the volume
//! normalisations, from any stream of [`Chunk`]s (raw files or the store),
//! so both give the same numbers.
//!
//! Goldstein weights are summed in tenths as integers: every table value and
//! every GDELT `GoldsteinScale` has one decimal, so sums are exact and do not
//! depend on the order rows arrive in from parallel readers.

use crate::chunk::{Chunk, NO_COUNT, NO_GOLD, STATE};
use crate::code::Code;
use crate::confidence::MentionFilter;
use crate::date::Period;
use crate::one_a_day::OneADay;
use crate::profile::Compiled;
use foldhash::HashMap;
use std::sync::Arc;

/// What a row weighs in a series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    None,
    Mentions,
    Sources,
    Articles,
}

impl Weight {
    pub fn parse(text: &str) -> Option<Weight> {
        match text {
            "none" => Some(Weight::None),
            "mentions" => Some(Weight::Mentions),
            "sources" => Some(Weight::Sources),
            "articles" => Some(Weight::Articles),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Weight::None => "none",
            Weight::Mentions => "mentions",
            Weight::Sources => "sources",
            Weight::Articles => "articles",
        }
    }
}

/// Whether series are keyed by resolved COW states or by the actor codes
/// as the source wrote them (GDELT `ITA`, ICEWS `Italy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    Cow,
    Raw,
}

/// One side of a dyad filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    Cow(u16),
    Raw(String),
}

/// The series wanted.
#[derive(Debug, Clone)]
pub struct SeriesSpec {
    pub by: Period,
    pub directed: bool,
    pub root_only: bool,
    pub weight: Weight,
    pub keys: Keys,
    /// One dyad, or every dyad when `None`.
    pub dyad: Option<(Actor, Actor)>,
    /// Inclusive day range.
    pub from: Option<i32>,
    pub to: Option<i32>,
}

/// Offsets in an accumulator slot (see [`Layout`]).
const ROWS: usize = 0;
const EVENTS: usize = 1;
const MENTIONS: usize = 2;
const COOP: usize = 0;
const CONFLICT: usize = 1;
const NEUTRAL: usize = 2;
const GOLD_SUM: usize = 3;
const GOLD_POS: usize = 4;
const GOLD_NEG: usize = 5;
const GOLD_N: usize = 6;
const CLASSES: usize = 7;

/// Every dyad-period's sums live in one flat `Vec<i64>`, a fixed-width
/// slot per key: `rows, events, mentions`, then per profile `coop,
/// conflict, neutral, gold_sum, gold_pos, gold_neg, gold_n` and one count
/// per class. No allocation per key, and merging is adding slices.
#[derive(Debug, Clone)]
struct Layout {
    width: usize,
    profile_at: Vec<usize>,
}

impl Layout {
    fn new(profiles: &[Compiled]) -> Layout {
        let mut at = 3;
        let mut profile_at = Vec::new();
        for p in profiles {
            profile_at.push(at);
            at += CLASSES + p.stance.len();
        }
        Layout {
            width: at,
            profile_at,
        }
    }
}

/// Accumulates series over chunks.
pub struct Aggregator {
    spec: SeriesSpec,
    profiles: Vec<Compiled>,
    /// Dyad filter as keys (0 = unmatched code).
    want: Option<(u64, u64)>,
    dyads: HashMap<(u64, u64, i32), u32>,
    layout: Layout,
    slots: Vec<i64>,
    totals: HashMap<i32, i64>,
    actor_totals: HashMap<(u64, i32), i64>,
    long: Vec<String>,
    long_index: HashMap<String, u64>,
    /// Rows without the weight asked for (counted with weight 0).
    pub missing_weight: u64,
    /// Rows that passed the filters (root-only, dates).
    pub rows: u64,
    last_day: i32,
    last_key: i32,
    external_totals: bool,
    /// With one-a-day filtering (see [`crate::one_a_day`]): the keys seen.
    one_a_day: Option<OneADay>,
    /// Only rows of these source families (tags of [`crate::Family`]).
    families: Option<Vec<u8>>,
    /// Only rows whose two sides are state actors.
    states_only: bool,
    /// With `--min-confidence`/`--min-sources` (see [`crate::confidence`]).
    mentions: Option<MentionFilter>,
}

/// One side of a [`Group`]: the resolved state (0: none) or the code as
/// written (`None`: no code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupActor {
    Cow(u16),
    Raw(Option<String>),
}

/// Rows sharing actors, period and event code, summed: what a partial
/// aggregation elsewhere (a Ballista cluster) hands back. Goldstein sums
/// are in tenths times the weight, split by sign, as the rows give them.
#[derive(Debug, Clone)]
pub struct Group {
    pub actor1: GroupActor,
    pub actor2: GroupActor,
    pub period: i32,
    pub event_code: Code,
    pub rows: u64,
    pub weight: i64,
    pub mentions: i64,
    pub missing_weight: u64,
    pub gold_pos: i64,
    pub gold_neg: i64,
    pub gold_weight: i64,
}

/// A finished series row.
#[derive(Debug, Clone)]
pub struct SeriesRow {
    /// Shared among the rows of an actor: an all-dyads series has millions
    /// of rows and a few thousand actors.
    pub actor1: Arc<str>,
    pub actor2: Arc<str>,
    pub period: i32,
    pub events: i64,
    pub mentions: i64,
    pub period_total: i64,
    pub actor1_total: i64,
    pub actor2_total: i64,
    pub profiles: Vec<ProfileValues>,
}

/// The measures of one series row under one profile.
#[derive(Debug, Clone)]
pub struct ProfileValues {
    pub classes: Vec<i64>,
    pub coop: i64,
    pub conflict: i64,
    pub neutral: i64,
    pub goldstein_sum: f64,
    pub goldstein_pos: f64,
    pub goldstein_neg: f64,
    pub goldstein_mean: Option<f64>,
    pub net_coop: Option<f64>,
    pub conflict_share: Option<f64>,
}

impl Aggregator {
    pub fn new(spec: SeriesSpec, profiles: Vec<Compiled>) -> Aggregator {
        let layout = Layout::new(&profiles);
        let mut a = Aggregator {
            spec,
            profiles,
            want: None,
            dyads: HashMap::default(),
            layout,
            slots: Vec::new(),
            totals: HashMap::default(),
            actor_totals: HashMap::default(),
            long: Vec::new(),
            long_index: HashMap::default(),
            missing_weight: 0,
            rows: 0,
            last_day: i32::MIN,
            last_key: 0,
            external_totals: false,
            one_a_day: None,
            families: None,
            states_only: false,
            mentions: None,
        };
        if let Some((x, y)) = a.spec.dyad.clone() {
            let kx = a.actor_key(&x);
            let ky = a.actor_key(&y);
            a.want = Some((kx, ky));
        }
        a
    }

    /// Whether rows may be added in any order, on any thread: no filter
    /// that keeps the first copy in reading order (one-a-day, Mentions).
    pub fn splittable(&self) -> bool {
        self.one_a_day.is_none() && self.mentions.is_none()
    }

    /// An empty aggregator of the same series, profiles and row filters,
    /// for another thread to fill and [`Aggregator::merge`] back; `None`
    /// with one-a-day or the Mentions filter on, which keep the first copy
    /// in reading order and so must see every row in one place.
    pub fn sibling(&self) -> Option<Aggregator> {
        if !self.splittable() {
            return None;
        }
        let mut a = Aggregator::new(self.spec.clone(), self.profiles.clone());
        a.external_totals = self.external_totals;
        a.families = self.families.clone();
        a.states_only = self.states_only;
        Some(a)
    }

    /// The series this aggregator computes.
    pub fn spec(&self) -> &SeriesSpec {
        &self.spec
    }

    fn actor_key(&mut self, actor: &Actor) -> u64 {
        match actor {
            Actor::Cow(c) => u64::from(*c),
            Actor::Raw(text) => match Code::pack(text.as_bytes()) {
                Some(c) => c.0,
                None => self.intern(text),
            },
        }
    }

    fn intern(&mut self, text: &str) -> u64 {
        if let Some(k) = self.long_index.get(text) {
            return *k;
        }
        let k = Code::long(self.long.len()).0;
        self.long.push(text.to_string());
        self.long_index.insert(text.to_string(), k);
        k
    }

    fn key_of(&mut self, chunk: &Chunk, code: Code, cow: u16) -> u64 {
        match self.spec.keys {
            Keys::Cow => u64::from(cow),
            Keys::Raw => match code.long_index() {
                Some(i) => self.intern(&chunk.long_codes[i]),
                None => code.0,
            },
        }
    }

    fn period(&mut self, day: i32) -> i32 {
        if day != self.last_day {
            self.last_day = day;
            self.last_key = self.spec.by.key(day);
        }
        self.last_key
    }

    fn weight(&mut self, chunk: &Chunk, i: usize) -> i64 {
        let w = match self.spec.weight {
            Weight::None => return 1,
            Weight::Mentions => chunk.mentions[i],
            Weight::Sources => chunk.sources[i],
            Weight::Articles => chunk.articles[i],
        };
        if w == NO_COUNT {
            self.missing_weight += 1;
            0
        } else {
            i64::from(w)
        }
    }

    /// Takes volume totals from precomputed per-day totals (the store's
    /// totals files) instead of counting them from the rows added.
    pub fn use_external_totals(&mut self) {
        self.external_totals = true;
    }

    /// One precomputed total: events (and mentions, sources, articles) of a
    /// day for a state (0 = all rows) and root flag.
    pub fn add_total(&mut self, day: i32, actor: u16, is_root: u8, v: [i64; 4]) {
        if self.spec.root_only && is_root != 1 {
            return;
        }
        if self.spec.from.is_some_and(|f| day < f) || self.spec.to.is_some_and(|t| day > t) {
            return;
        }
        let w = match self.spec.weight {
            Weight::None => v[0],
            Weight::Mentions => v[1],
            Weight::Sources => v[2],
            Weight::Articles => v[3],
        };
        let p = self.period(day);
        if actor == 0 {
            *self.totals.entry(p).or_default() += w;
        } else {
            self.count_actor(u64::from(actor), p, w);
        }
    }

    /// Keeps one row per day, directed actor pair and event code among the
    /// rows [`Aggregator::add`] is given from now on.
    pub fn one_a_day(&mut self) {
        self.one_a_day = Some(OneADay::default());
    }

    /// Rows one-a-day filtering took out, when it is on.
    pub fn one_a_day_removed(&self) -> Option<u64> {
        self.one_a_day.as_ref().map(|f| f.removed)
    }

    /// Keeps only GDELT rows whose ingested Mentions pass `filter`'s
    /// thresholds, from now on; applied before one-a-day, so a removed
    /// report never stands for a repeat.
    pub fn mention_filter(&mut self, filter: MentionFilter) {
        self.mentions = Some(filter);
    }

    /// The Mentions filter and what it removed, when it is on.
    pub fn mention_filter_counts(&self) -> Option<&MentionFilter> {
        self.mentions.as_ref()
    }

    /// Counts only rows whose two sides are state actors (a side the source
    /// does not type counts as not known to be one).
    pub fn only_states(&mut self) {
        self.states_only = true;
    }

    /// Counts only rows of these source families (a per-source series).
    pub fn only_families(&mut self, tags: Vec<u8>) {
        self.families = Some(tags);
    }

    /// Whether row `i` of `chunk` is counted by this series (source,
    /// root-only and date filters); every other filter is the dyad routing.
    pub fn counted(&self, chunk: &Chunk, i: usize) -> bool {
        let day = chunk.day[i];
        self.families
            .as_ref()
            .is_none_or(|f| f.contains(&chunk.family[i]))
            && (!self.spec.root_only || chunk.is_root[i] == 1)
            && self.spec.from.is_none_or(|f| day >= f)
            && self.spec.to.is_none_or(|t| day <= t)
    }

    /// Whether row `i` counts as an event of the series: [`Aggregator::counted`]
    /// and, with [`Aggregator::only_states`], two state actors. The volume
    /// totals count every counted row, state or not, as the store's totals
    /// files do.
    pub fn in_series(&self, chunk: &Chunk, i: usize) -> bool {
        self.counted(chunk, i) && (!self.states_only || chunk.state_of(i) == (STATE, STATE))
    }

    /// Adds a chunk's rows: those the Mentions filter passes, and of them
    /// the first copies only with one-a-day on.
    pub fn add(&mut self, chunk: &Chunk) {
        if self.splittable() {
            self.add_signed(chunk, 1);
            return;
        }
        let mut keep = vec![true; chunk.len()];
        if let Some(mut m) = self.mentions.take() {
            keep = m.passes(chunk, &|i| self.in_series(chunk, i));
            self.mentions = Some(m);
        }
        if let Some(mut f) = self.one_a_day.take() {
            let first = f.first_copies(chunk, &|i| keep[i] && self.in_series(chunk, i));
            self.one_a_day = Some(f);
            for (k, f) in keep.iter_mut().zip(first) {
                *k &= f;
            }
        }
        if keep.iter().all(|k| *k) {
            self.add_signed(chunk, 1);
        } else {
            let mut kept = chunk.clone();
            kept.retain(&keep);
            self.add_signed(&kept, 1);
        }
    }

    /// Adds (`sign` 1) or takes away (`sign` -1) a chunk's rows. Taking
    /// away lets parallel readers aggregate every row and a later, ordered
    /// pass remove duplicates: all sums are integers, so the result is
    /// exactly that of adding only the first copies.
    pub fn add_signed(&mut self, chunk: &Chunk, sign: i64) {
        for i in 0..chunk.len() {
            if !self.counted(chunk, i) {
                continue;
            }
            let day = chunk.day[i];
            self.rows += 1;
            let w = self.weight(chunk, i) * sign;
            let p = self.period(day);
            let k1 = self.key_of(chunk, chunk.actor1_code[i], chunk.actor1[i]);
            let k2 = self.key_of(chunk, chunk.actor2_code[i], chunk.actor2[i]);
            if let Some(key) = self.route(k1, k2, p, w) {
                if !self.states_only || chunk.state_of(i) == (STATE, STATE) {
                    self.add_event(key, chunk, i, w, sign);
                }
            }
        }
    }

    /// Counts weight `w` of actors `k1`, `k2` in period `p` into the volume
    /// totals, and gives the series key it belongs to: `None` when it is
    /// not a dyad of the series (a non-state side, a self-pair of states,
    /// or another dyad than the one asked for).
    fn route(&mut self, k1: u64, k2: u64, p: i32, w: i64) -> Option<(u64, u64, i32)> {
        if !self.external_totals {
            *self.totals.entry(p).or_default() += w;
            self.count_actor(k1, p, w);
            if k2 != k1 {
                self.count_actor(k2, p, w);
            }
        }
        if k1 == 0 || k2 == 0 || (k1 == k2 && self.spec.keys == Keys::Cow) {
            return None;
        }
        match self.want {
            Some((a, b)) if (k1, k2) == (a, b) || (!self.spec.directed && (k2, k1) == (a, b)) => {
                Some((a, b, p))
            }
            Some(_) => None,
            None if self.spec.directed => Some((k1, k2, p)),
            None => Some((k1.min(k2), k1.max(k2), p)),
        }
    }

    /// Adds a group of rows that share both actors, the period and the
    /// event code, already summed (a cluster's partial aggregate, see
    /// [`crate::grouped`]). The caller has applied the root-only and date
    /// filters; everything else happens as in [`Aggregator::add`], so a
    /// series built from groups equals the one built from the rows: every
    /// sum is an integer and adding is order-free.
    pub fn add_group(&mut self, g: &Group) {
        self.rows += g.rows;
        self.missing_weight += g.missing_weight;
        let k1 = self.group_key(&g.actor1);
        let k2 = self.group_key(&g.actor2);
        let w = g.weight;
        let Some(key) = self.route(k1, k2, g.period, w) else {
            return;
        };
        let slot = self.slot(key);
        let width = self.layout.width;
        let acc = &mut self.slots[slot * width..(slot + 1) * width];
        acc[ROWS] += g.rows as i64;
        acc[EVENTS] += w;
        acc[MENTIONS] += g.mentions;
        for (prof, &at) in self.profiles.iter().zip(&self.layout.profile_at) {
            let (class, table) = prof
                .by_code
                .get(&g.event_code)
                .copied()
                .unwrap_or((0, NO_GOLD));
            let pa = &mut acc[at..at + CLASSES + prof.stance.len()];
            count_class(pa, &prof.stance, class, w);
            if prof.from_source {
                pa[GOLD_SUM] += g.gold_pos + g.gold_neg;
                pa[GOLD_POS] += g.gold_pos;
                pa[GOLD_NEG] += g.gold_neg;
                pa[GOLD_N] += g.gold_weight;
            } else if table != NO_GOLD {
                let gw = i64::from(table) * w;
                if table > 0 {
                    pa[GOLD_POS] += gw;
                } else {
                    pa[GOLD_NEG] += gw;
                }
                pa[GOLD_SUM] += gw;
                pa[GOLD_N] += w;
            }
        }
    }

    /// The key of a group's actor under this spec's keying.
    fn group_key(&mut self, actor: &GroupActor) -> u64 {
        match (self.spec.keys, actor) {
            (Keys::Cow, GroupActor::Cow(c)) => u64::from(*c),
            (Keys::Raw, GroupActor::Raw(Some(text))) => match Code::pack(text.as_bytes()) {
                Some(c) => c.0,
                None => self.intern(text),
            },
            _ => 0,
        }
    }

    /// Folds another aggregator of the same spec and profiles into this one.
    pub fn merge(&mut self, other: Aggregator) {
        let remap = |me: &mut Aggregator, k: u64| -> u64 {
            match (other.spec.keys, Code(k).long_index()) {
                (Keys::Raw, Some(i)) => me.intern(&other.long[i]),
                _ => k,
            }
        };
        let width = self.layout.width;
        for ((a, b, p), &slot) in other.dyads.iter() {
            let key = (remap(self, *a), remap(self, *b), *p);
            let mine = self.slot(key);
            let from = &other.slots[slot as usize * width..(slot as usize + 1) * width];
            for (x, y) in self.slots[mine * width..(mine + 1) * width]
                .iter_mut()
                .zip(from)
            {
                *x += y;
            }
        }
        for (p, n) in &other.totals {
            *self.totals.entry(*p).or_default() += n;
        }
        for ((k, p), n) in &other.actor_totals {
            let k = remap(self, *k);
            *self.actor_totals.entry((k, *p)).or_default() += n;
        }
        self.missing_weight += other.missing_weight;
        self.rows += other.rows;
    }

    fn count_actor(&mut self, k: u64, p: i32, w: i64) {
        if k == 0 {
            return;
        }
        if let Some((a, b)) = self.want {
            if k != a && k != b {
                return;
            }
        }
        *self.actor_totals.entry((k, p)).or_default() += w;
    }

    /// The slot of a key, created (zeroed) on first use.
    fn slot(&mut self, key: (u64, u64, i32)) -> usize {
        let next = self.dyads.len() as u32;
        let slot = *self.dyads.entry(key).or_insert(next) as usize;
        if slot == next as usize {
            self.slots.resize(self.slots.len() + self.layout.width, 0);
        }
        slot
    }

    fn add_event(&mut self, key: (u64, u64, i32), chunk: &Chunk, i: usize, w: i64, sign: i64) {
        let slot = self.slot(key);
        let width = self.layout.width;
        let acc = &mut self.slots[slot * width..(slot + 1) * width];
        acc[ROWS] += sign;
        acc[EVENTS] += w;
        if chunk.mentions[i] != NO_COUNT {
            acc[MENTIONS] += i64::from(chunk.mentions[i]) * sign;
        }
        for (prof, &at) in self.profiles.iter().zip(&self.layout.profile_at) {
            let (class, table) = prof
                .by_code
                .get(&chunk.event_code[i])
                .copied()
                .unwrap_or((0, NO_GOLD));
            let g = if prof.from_source {
                chunk.gold10[i]
            } else {
                table
            };
            let pa = &mut acc[at..at + CLASSES + prof.stance.len()];
            count_class(pa, &prof.stance, class, w);
            if g != NO_GOLD {
                let gw = i64::from(g) * w;
                pa[GOLD_SUM] += gw;
                if g > 0 {
                    pa[GOLD_POS] += gw;
                } else {
                    pa[GOLD_NEG] += gw;
                }
                pa[GOLD_N] += w;
            }
        }
    }

    fn key_text(&self, k: u64) -> String {
        match self.spec.keys {
            Keys::Cow => k.to_string(),
            Keys::Raw => match Code(k).long_index() {
                Some(i) => self.long[i].clone(),
                None => Code(k).to_string(),
            },
        }
    }

    /// The rows, sorted by dyad then period. For one dyad, every period the
    /// input has any event in gets a row (zero events: counts 0, means
    /// NULL); for all dyads only dyad-periods with events are listed.
    pub fn finish(self) -> Vec<SeriesRow> {
        let width = self.layout.width;
        let slot_of = |k: &(u64, u64, i32)| self.dyads.get(k).map(|s| *s as usize);
        let mut keys: Vec<(u64, u64, i32)> = match self.want {
            Some(_) => self.dyads.keys().copied().collect(),
            None => self
                .dyads
                .iter()
                .filter(|(_, s)| self.slots[**s as usize * width + ROWS] != 0)
                .map(|(k, _)| *k)
                .collect(),
        };
        if let Some((a, b)) = self.want {
            for (&p, &n) in &self.totals {
                if n != 0 && !self.dyads.contains_key(&(a, b, p)) {
                    keys.push((a, b, p));
                }
            }
        }
        let mut texts: HashMap<u64, Arc<str>> = HashMap::default();
        for k in keys.iter().flat_map(|k| [k.0, k.1]) {
            texts.entry(k).or_insert_with(|| self.key_text(k).into());
        }
        // Raw keys sort by their texts. The few thousand actors are ranked
        // once rather than their strings compared at every step of sorting
        // millions of keys (a tenth of an all-dyads query's time).
        let mut actors: Vec<u64> = texts.keys().copied().collect();
        match self.spec.keys {
            Keys::Cow => actors.sort_unstable(),
            Keys::Raw => actors.sort_unstable_by(|x, y| (&texts[x], x).cmp(&(&texts[y], y))),
        }
        let rank: HashMap<u64, u32> = actors
            .iter()
            .enumerate()
            .map(|(r, k)| (*k, r as u32))
            .collect();
        // Ranks and period identify a key, so the keys are rebuilt from
        // the sorted ranks (two lookups per key, not per comparison).
        let mut ranked: Vec<(u32, u32, i32)> =
            keys.iter().map(|k| (rank[&k.0], rank[&k.1], k.2)).collect();
        ranked.sort_unstable();
        let keys: Vec<(u64, u64, i32)> = ranked
            .into_iter()
            .map(|(a, b, p)| (actors[a as usize], actors[b as usize], p))
            .collect();
        let zero = vec![0i64; width];
        keys.iter()
            .map(|k| {
                let acc = match slot_of(k) {
                    Some(s) => &self.slots[s * width..(s + 1) * width],
                    None => &zero[..],
                };
                let (a, b, p) = *k;
                SeriesRow {
                    actor1: Arc::clone(&texts[&a]),
                    actor2: Arc::clone(&texts[&b]),
                    period: p,
                    events: acc[EVENTS],
                    mentions: acc[MENTIONS],
                    period_total: self.totals.get(&p).copied().unwrap_or(0),
                    actor1_total: self.actor_totals.get(&(a, p)).copied().unwrap_or(0),
                    actor2_total: self.actor_totals.get(&(b, p)).copied().unwrap_or(0),
                    profiles: self
                        .profiles
                        .iter()
                        .zip(&self.layout.profile_at)
                        .map(|(prof, &at)| {
                            values(&acc[at..at + CLASSES + prof.stance.len()], acc[EVENTS])
                        })
                        .collect(),
                }
            })
            .collect()
    }
}

/// Adds weight `w` to a profile's class count and to its stance total.
fn count_class(pa: &mut [i64], stance: &[i8], class: u8, w: i64) {
    pa[CLASSES + class as usize] += w;
    match stance[class as usize] {
        1 => pa[COOP] += w,
        -1 => pa[CONFLICT] += w,
        _ => pa[NEUTRAL] += w,
    }
}

fn values(pa: &[i64], events: i64) -> ProfileValues {
    let ratio = |x: i64, y: i64| (y != 0).then(|| x as f64 / y as f64);
    ProfileValues {
        classes: pa[CLASSES..].to_vec(),
        coop: pa[COOP],
        conflict: pa[CONFLICT],
        neutral: pa[NEUTRAL],
        goldstein_sum: pa[GOLD_SUM] as f64 / 10.0,
        goldstein_pos: pa[GOLD_POS] as f64 / 10.0,
        goldstein_neg: pa[GOLD_NEG] as f64 / 10.0,
        goldstein_mean: ratio(pa[GOLD_SUM], pa[GOLD_N]).map(|m| m / 10.0),
        net_coop: ratio(pa[COOP] - pa[CONFLICT], pa[COOP] + pa[CONFLICT]),
        conflict_share: ratio(pa[CONFLICT], events),
    }
}
