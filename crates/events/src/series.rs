//! Dyad-period series: counts, classes, Goldstein sums and the volume
//! normalisations, from any stream of [`Chunk`]s (raw files or the store),
//! so both give the same numbers.
//!
//! Goldstein weights are summed in tenths as integers: every table value and
//! every GDELT `GoldsteinScale` has one decimal, so sums are exact and do not
//! depend on the order rows arrive in from parallel readers.

use crate::chunk::{Chunk, NO_COUNT, NO_GOLD};
use crate::code::Code;
use crate::date::Period;
use crate::profile::Compiled;
use foldhash::HashMap;

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

#[derive(Debug, Clone, Default)]
struct ProfileAcc {
    classes: Vec<i64>,
    coop: i64,
    conflict: i64,
    neutral: i64,
    gold_sum: i64,
    gold_pos: i64,
    gold_neg: i64,
    gold_n: i64,
}

#[derive(Debug, Clone, Default)]
struct Acc {
    /// Rows, unweighted (a dyad-period whose rows were all duplicates
    /// ends at 0 and is not listed).
    rows: i64,
    events: i64,
    mentions: i64,
    profiles: Vec<ProfileAcc>,
}

impl Acc {
    fn absorb(&mut self, o: &Acc) {
        self.rows += o.rows;
        self.events += o.events;
        self.mentions += o.mentions;
        for (p, q) in self.profiles.iter_mut().zip(&o.profiles) {
            if p.classes.len() < q.classes.len() {
                p.classes.resize(q.classes.len(), 0);
            }
            for (x, y) in p.classes.iter_mut().zip(&q.classes) {
                *x += y;
            }
            p.coop += q.coop;
            p.conflict += q.conflict;
            p.neutral += q.neutral;
            p.gold_sum += q.gold_sum;
            p.gold_pos += q.gold_pos;
            p.gold_neg += q.gold_neg;
            p.gold_n += q.gold_n;
        }
    }
}

/// Accumulates series over chunks.
pub struct Aggregator {
    spec: SeriesSpec,
    profiles: Vec<Compiled>,
    /// Dyad filter as keys (0 = unmatched code).
    want: Option<(u64, u64)>,
    dyads: HashMap<(u64, u64, i32), Acc>,
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
}

/// A finished series row.
#[derive(Debug, Clone)]
pub struct SeriesRow {
    pub actor1: String,
    pub actor2: String,
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
        let mut a = Aggregator {
            spec,
            profiles,
            want: None,
            dyads: HashMap::default(),
            totals: HashMap::default(),
            actor_totals: HashMap::default(),
            long: Vec::new(),
            long_index: HashMap::default(),
            missing_weight: 0,
            rows: 0,
            last_day: i32::MIN,
            last_key: 0,
            external_totals: false,
        };
        if let Some((x, y)) = a.spec.dyad.clone() {
            let kx = a.actor_key(&x);
            let ky = a.actor_key(&y);
            a.want = Some((kx, ky));
        }
        a
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

    /// Adds a chunk's rows.
    pub fn add(&mut self, chunk: &Chunk) {
        self.add_signed(chunk, 1);
    }

    /// Adds (`sign` 1) or takes away (`sign` -1) a chunk's rows. Taking
    /// away lets parallel readers aggregate every row and a later, ordered
    /// pass remove duplicates: all sums are integers, so the result is
    /// exactly that of adding only the first copies.
    pub fn add_signed(&mut self, chunk: &Chunk, sign: i64) {
        for i in 0..chunk.len() {
            if self.spec.root_only && chunk.is_root[i] != 1 {
                continue;
            }
            let day = chunk.day[i];
            if self.spec.from.is_some_and(|f| day < f) || self.spec.to.is_some_and(|t| day > t) {
                continue;
            }
            self.rows += 1;
            let w = self.weight(chunk, i) * sign;
            let p = self.period(day);
            let k1 = self.key_of(chunk, chunk.actor1_code[i], chunk.actor1[i]);
            let k2 = self.key_of(chunk, chunk.actor2_code[i], chunk.actor2[i]);
            if !self.external_totals {
                *self.totals.entry(p).or_default() += w;
                self.count_actor(k1, p, w);
                if k2 != k1 {
                    self.count_actor(k2, p, w);
                }
            }
            if k1 == 0 || k2 == 0 || (k1 == k2 && self.spec.keys == Keys::Cow) {
                continue;
            }
            let key = match self.want {
                Some((a, b)) => {
                    if (k1, k2) == (a, b) || (!self.spec.directed && (k2, k1) == (a, b)) {
                        (a, b, p)
                    } else {
                        continue;
                    }
                }
                None if self.spec.directed => (k1, k2, p),
                None => (k1.min(k2), k1.max(k2), p),
            };
            self.add_event(key, chunk, i, w, sign);
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
        for ((a, b, p), acc) in other.dyads.iter() {
            let key = (remap(self, *a), remap(self, *b), *p);
            match self.dyads.get_mut(&key) {
                Some(mine) => mine.absorb(acc),
                None => {
                    self.dyads.insert(key, acc.clone());
                }
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

    fn add_event(&mut self, key: (u64, u64, i32), chunk: &Chunk, i: usize, w: i64, sign: i64) {
        let n = self.profiles.len();
        let acc = self.dyads.entry(key).or_insert_with(|| Acc {
            profiles: vec![ProfileAcc::default(); n],
            ..Acc::default()
        });
        acc.rows += sign;
        acc.events += w;
        if chunk.mentions[i] != NO_COUNT {
            acc.mentions += i64::from(chunk.mentions[i]) * sign;
        }
        for (p, prof) in self.profiles.iter().enumerate() {
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
            let pa = &mut acc.profiles[p];
            if pa.classes.is_empty() {
                pa.classes = vec![0; prof.stance.len()];
            }
            pa.classes[class as usize] += w;
            match prof.stance[class as usize] {
                1 => pa.coop += w,
                -1 => pa.conflict += w,
                _ => pa.neutral += w,
            }
            if g != NO_GOLD {
                let gw = i64::from(g) * w;
                pa.gold_sum += gw;
                if g > 0 {
                    pa.gold_pos += gw;
                } else {
                    pa.gold_neg += gw;
                }
                pa.gold_n += w;
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
        let mut keys: Vec<(u64, u64, i32)> = match self.want {
            Some(_) => self.dyads.keys().copied().collect(),
            None => self
                .dyads
                .iter()
                .filter(|(_, acc)| acc.rows != 0)
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
        let mut texts: HashMap<u64, String> = HashMap::default();
        for k in keys.iter().flat_map(|k| [k.0, k.1]) {
            texts.entry(k).or_insert_with(|| self.key_text(k));
        }
        keys.sort_by(|x, y| {
            let t = |k: u64| texts[&k].as_str();
            match self.spec.keys {
                Keys::Cow => (x.0, x.1, x.2).cmp(&(y.0, y.1, y.2)),
                Keys::Raw => (t(x.0), t(x.1), x.2).cmp(&(t(y.0), t(y.1), y.2)),
            }
        });
        let empty = Acc {
            profiles: self
                .profiles
                .iter()
                .map(|p| ProfileAcc {
                    classes: vec![0; p.stance.len()],
                    ..ProfileAcc::default()
                })
                .collect(),
            ..Acc::default()
        };
        keys.into_iter()
            .map(|(a, b, p)| {
                let acc = self.dyads.get(&(a, b, p)).unwrap_or(&empty);
                SeriesRow {
                    actor1: self.key_text(a),
                    actor2: self.key_text(b),
                    period: p,
                    events: acc.events,
                    mentions: acc.mentions,
                    period_total: self.totals.get(&p).copied().unwrap_or(0),
                    actor1_total: self.actor_totals.get(&(a, p)).copied().unwrap_or(0),
                    actor2_total: self.actor_totals.get(&(b, p)).copied().unwrap_or(0),
                    profiles: acc
                        .profiles
                        .iter()
                        .zip(&self.profiles)
                        .map(|(pa, prof)| values(pa, acc.events, prof.stance.len()))
                        .collect(),
                }
            })
            .collect()
    }
}

fn values(pa: &ProfileAcc, events: i64, classes: usize) -> ProfileValues {
    let ratio = |x: i64, y: i64| (y != 0).then(|| x as f64 / y as f64);
    ProfileValues {
        classes: if pa.classes.is_empty() {
            vec![0; classes]
        } else {
            pa.classes.clone()
        },
        coop: pa.coop,
        conflict: pa.conflict,
        neutral: pa.neutral,
        goldstein_sum: pa.gold_sum as f64 / 10.0,
        goldstein_pos: pa.gold_pos as f64 / 10.0,
        goldstein_neg: pa.gold_neg as f64 / 10.0,
        goldstein_mean: ratio(pa.gold_sum, pa.gold_n).map(|m| m / 10.0),
        net_coop: ratio(pa.coop - pa.conflict, pa.coop + pa.conflict),
        conflict_share: ratio(pa.conflict, events),
    }
}
