//! One row of fields into a [`Chunk`], or a reason to quarantine it.
//!
//! Both the fast GDELT scanner and the header-mapped CSV reader end here, so
//! every layout obeys the same rules: an id, a real date, an event code the
//! CAMEO tables know; counts and Goldstein values that are numbers when
//! present. `NA` (R's missing value) is an empty field.
//!
//! Errata of the data as released are repaired here when the fix is
//! documented and certain, and the row is quarantined with its own reason
//! otherwise (docs/events.md, "Errata and quirks repaired"). Each repair is
//! a [`Rule`]; a stored row carries the rules it needed in
//! [`Chunk::repairs`], so the ingest counts repaired rows per file and rule
//! and never stores a date known to be wrong.

use crate::chunk::{Chunk, Event, NO_COUNT, NO_GOLD};
use crate::code::Code;
use crate::date::{add_years, parse_day, slash_parts, ymd_of_day, SlashDates, GDELT_FIRST_DAY};
use crate::layout::{Family, Fields, Kind};
use crate::resolve::{ActorResolver, ActorScheme};
use foldhash::{HashMap, HashSet};

/// What the row parser needs besides the row.
pub struct RowContext<'a> {
    pub family: Family,
    pub actors: ActorScheme,
    pub resolver: &'a ActorResolver,
    /// Every CAMEO event code of the GDELT and ICEWS tables.
    pub codes: &'a HashSet<Code>,
    /// The ICEWS codebook's event names (`Event Text`) and their codes,
    /// for ICEWS files released without a `CAMEO Code` column.
    pub event_texts: &'a HashMap<String, Code>,
}

/// A documented repair of a data erratum. A row's repairs are a bitmask of
/// [`Rule::bit`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// GDELT wrote 1920 for 2020 in every event dated in 2020 and added
    /// between the 2019-12-31 23:00 and 2020-01-05 15:00 UTC updates;
    /// `DATEADDED` is right (GdeltForge `docs/data-cleaning.md`, `date_1920`).
    Gdelt1920Date,
    /// Leading or trailing spaces in a country or event code (GdeltForge
    /// `normalize`: padding is common in GDELT's 2013 files).
    Trimmed,
    /// The 2017 ICEWS re-release without a `CAMEO Code` column (icews
    /// issues #69, #73, #74): the code is the codebook's for `Event Text`.
    IcewsCodeFromText,
    /// ICEWS code `13y` with `Event Text` "Threaten with repression" (icews
    /// issue #78): the codebook gives 137.
    Icews13y,
    /// The 2017 ICEWS re-release with `m/d/yyyy` dates (icews issue #57),
    /// read month-first when the file proves it.
    IcewsMdyDate,
    /// POLECAT rows ending in extra, empty tab-separated fields (Beger's
    /// POLECAT FAQ; tamirlibel/rpolecat `R/read.R`).
    PolecatTrailingTabs,
    /// POLECAT files whose header carries extra names such as `Headline`:
    /// the 40 canonical columns read by position (same sources).
    PolecatExtraHeaderNames,
    /// Cline Center Phoenix codes that lost their leading zero in
    /// integer-typed copies (`42` for `042`), restored from `root_code`.
    PhoenixCodeZero,
}

impl Rule {
    pub const ALL: [Rule; 8] = [
        Rule::Gdelt1920Date,
        Rule::Trimmed,
        Rule::IcewsCodeFromText,
        Rule::Icews13y,
        Rule::IcewsMdyDate,
        Rule::PolecatTrailingTabs,
        Rule::PolecatExtraHeaderNames,
        Rule::PhoenixCodeZero,
    ];

    pub fn bit(self) -> u8 {
        1 << self as u8
    }

    /// The rule's name in notes and docs.
    pub fn name(self) -> &'static str {
        match self {
            Rule::Gdelt1920Date => "gdelt_1920_date",
            Rule::Trimmed => "trimmed",
            Rule::IcewsCodeFromText => "icews_code_from_text",
            Rule::Icews13y => "icews_13y",
            Rule::IcewsMdyDate => "icews_mdy_date",
            Rule::PolecatTrailingTabs => "polecat_trailing_tabs",
            Rule::PolecatExtraHeaderNames => "polecat_extra_header_names",
            Rule::PhoenixCodeZero => "phoenix_code_zero",
        }
    }

    /// What the rule changed, and on whose evidence.
    pub fn what(self) -> &'static str {
        match self {
            Rule::Gdelt1920Date => "date in 1920 with DATEADDED 2019-12-31..2020-01-05 moved 100 years on (GDELT's 1920-for-2020 erratum; GdeltForge date_1920)",
            Rule::Trimmed => "spaces trimmed from a country or event code (GdeltForge normalize)",
            Rule::IcewsCodeFromText => "CAMEO code rebuilt from Event Text through the ICEWS codebook (file without a CAMEO Code column; icews issues #69, #73, #74)",
            Rule::Icews13y => "code 13y with Event Text \"Threaten with repression\" read as 137 (icews issue #78)",
            Rule::IcewsMdyDate => "m/d/yyyy Event Date read month-first, proved by the file's own dates (icews issue #57)",
            Rule::PolecatTrailingTabs => "extra empty trailing fields dropped (POLECAT's known broken files; Beger's POLECAT FAQ)",
            Rule::PolecatExtraHeaderNames => "header with extra names (e.g. Headline): the 40 canonical columns read by position (POLECAT's known broken files)",
            Rule::PhoenixCodeZero => "leading zero of the CAMEO code restored from root_code (integer-typed copies of the Cline Center files)",
        }
    }
}

/// Facts about one file that its rows are read with, decided before any
/// row is parsed.
#[derive(Debug, Clone, Default)]
pub struct FileRules {
    /// How this file's `m/d/yyyy` dates are read (ICEWS only).
    pub slash_dates: SlashDates,
}

/// The rules of files that need no per-file decision (GDELT without a
/// header).
pub static NO_FILE_RULES: FileRules = FileRules {
    slash_dates: SlashDates::NotRead,
};

/// Why a row was not stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    Width {
        found: usize,
        expected: &'static str,
    },
    NonUtf8,
    BadId(String),
    BadDate(String),
    UnknownEventCode(String),
    BadNumber {
        field: &'static str,
        value: String,
    },
    /// A GDELT date before 1979 that the 1920-for-2020 rule does not cover.
    EarlyDate {
        date: String,
        added: String,
    },
    /// CAMEO's "no event" code `---` (root `--`).
    NullEventCode,
    /// GDELT's undocumented code `X`.
    UndocumentedCode(String),
    /// An ICEWS `Event Text` the codebook does not name.
    UnknownEventText(String),
    /// An ICEWS code with letters, other than the documented `13y`.
    NonNumericCode {
        code: String,
        text: String,
    },
    /// An `m/d/yyyy` date this file's dates do not let ordo read.
    SlashDate {
        value: String,
        why: String,
    },
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reason::Width { found, expected } => {
                write!(f, "wrong column count: {found} fields, expected {expected}")
            }
            Reason::NonUtf8 => write!(f, "not UTF-8"),
            Reason::BadId(v) => write!(f, "bad event id `{v}`"),
            Reason::BadDate(v) => write!(f, "bad date `{v}`"),
            Reason::UnknownEventCode(v) => write!(f, "unknown CAMEO event code `{v}`"),
            Reason::BadNumber { field, value } => write!(f, "bad {field} `{value}`"),
            Reason::EarlyDate { date, added } => write!(
                f,
                "date before 1979 with DATEADDED `{added}` (SQLDATE `{date}`): GDELT starts in 1979, and only DATEADDED 2019-12-31..2020-01-05 is the documented 1920-for-2020 erratum"
            ),
            Reason::NullEventCode => write!(f, "null event code (CAMEO `---`)"),
            Reason::UndocumentedCode(v) => write!(f, "undocumented event code `{v}`"),
            Reason::UnknownEventText(v) => write!(
                f,
                "Event Text `{v}` is not an event of the ICEWS codebook (the file has no CAMEO Code column; codes are rebuilt from Event Text)"
            ),
            Reason::NonNumericCode { code, text } => write!(
                f,
                "non-numeric CAMEO Code `{code}` (Event Text `{text}`): only `13y` with Event Text `Threaten with repression` is a documented erratum"
            ),
            Reason::SlashDate { value, why } => write!(f, "Event Date `{value}`: {why}"),
        }
    }
}

fn shown(b: &[u8]) -> String {
    let s = String::from_utf8_lossy(b);
    s.chars().take(60).collect()
}

#[inline]
fn is_missing(b: &[u8]) -> bool {
    b.is_empty() || b == b"NA"
}

/// Parses an optionally signed integer of ASCII digits.
/// Hand-written: `str::parse` needs a `&str` (a UTF-8 check per field).
#[inline]
pub fn int(b: &[u8]) -> Option<i64> {
    let (neg, digits) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    let mut v: i64 = 0;
    for &d in digits {
        if !d.is_ascii_digit() {
            return None;
        }
        v = v * 10 + i64::from(d - b'0');
    }
    Some(if neg { -v } else { v })
}

/// A Goldstein value in tenths: `-5.0`, `4`, `3.4`, `10.0`. Values with
/// more than one decimal that is not zero are not Goldstein weights.
#[inline]
pub fn tenths(b: &[u8]) -> Option<i32> {
    let (whole, frac) = match memchr::memchr(b'.', b) {
        Some(i) => (&b[..i], &b[i + 1..]),
        None => (b, &b[..0]),
    };
    let neg = whole.first() == Some(&b'-');
    let digits = whole.strip_prefix(b"-").unwrap_or(whole);
    if digits.is_empty() && frac.is_empty() {
        return None;
    }
    let w = if digits.is_empty() { 0 } else { int(whole)? };
    let mut f = 0i64;
    for (i, &d) in frac.iter().enumerate() {
        if !d.is_ascii_digit() || (i > 0 && d != b'0') {
            return None;
        }
        if i == 0 {
            f = i64::from(d - b'0');
        }
    }
    let v = w.abs() * 10 + f;
    i32::try_from(if neg { -v } else { v }).ok()
}

fn count(field: &'static str, b: Option<&[u8]>) -> Result<i32, Reason> {
    match b {
        None => Ok(NO_COUNT),
        Some(b) if is_missing(b) => Ok(NO_COUNT),
        Some(b) => int(b)
            .and_then(|v| i32::try_from(v).ok())
            .filter(|v| *v >= 0)
            .ok_or_else(|| Reason::BadNumber {
                field,
                value: shown(b),
            }),
    }
}

/// The fields of one row, by position.
pub trait RowFields {
    fn get(&self, i: usize) -> Option<&[u8]>;
}

impl RowFields for [&[u8]] {
    fn get(&self, i: usize) -> Option<&[u8]> {
        <[&[u8]]>::get(self, i).copied()
    }
}

/// Leading and trailing ASCII whitespace removed; `*repairs` gains
/// [`Rule::Trimmed`] when that changed the value.
fn trimmed<'b>(b: &'b [u8], repairs: &mut u8) -> &'b [u8] {
    let t = b.trim_ascii();
    if t.len() != b.len() {
        *repairs |= Rule::Trimmed.bit();
    }
    t
}

/// Day 2019-12-31 and day 2020-01-05: the `DATEADDED` window of GDELT's
/// 1920-for-2020 erratum (GdeltForge `date_1920`).
const ERRATUM_ADDED: std::ops::RangeInclusive<i32> = 18_261..=18_266;
/// Day 2013-01-01: from then on GDELT adds events as they are reported,
/// so an event dated before 1979 is an error.
const ADDED_2013: i32 = 15_706;

/// `DATEADDED` as a day: `yyyymmdd` (GDELT 1.0) or `yyyymmddhhmmss` (2.0).
fn added_day(b: &[u8]) -> Option<i32> {
    match b.len() {
        8 => parse_day(b),
        14 if b[8..].iter().all(u8::is_ascii_digit) => parse_day(&b[..8]),
        _ => None,
    }
}

/// A GDELT date before 1979: the 1920-for-2020 erratum is repaired (100
/// years on) when `DATEADDED` is in its window and the year is 1920, the
/// only year the erratum wrote (GdeltForge: "`Day`, `MonthYear`, `Year` and
/// `FractionDate` all say 1920"); another early year in the window, or any
/// early date with another `DATEADDED` from 2013 on, is known wrong and
/// quarantined (100 years on a 1950 date would give 2050, after the event
/// was added). Without a readable `DATEADDED` the date is kept, as before.
fn early_gdelt_date(
    day: i32,
    date_b: &[u8],
    added_b: &[u8],
    repairs: &mut u8,
) -> Result<i32, Reason> {
    let Some(added) = added_day(added_b) else {
        return Ok(day);
    };
    let early = || Reason::EarlyDate {
        date: shown(date_b),
        added: shown(added_b),
    };
    if ERRATUM_ADDED.contains(&added) && ymd_of_day(day).0 == 1920 {
        let fixed = add_years(day, 100).ok_or_else(early)?;
        *repairs |= Rule::Gdelt1920Date.bit();
        return Ok(fixed);
    }
    if added >= ADDED_2013 {
        return Err(early());
    }
    Ok(day)
}

/// The event's day, with the date errata applied.
fn event_day<R: RowFields + ?Sized>(
    ctx: &RowContext<'_>,
    fields: &Fields,
    file: &FileRules,
    row: &R,
    repairs: &mut u8,
) -> Result<i32, Reason> {
    let b = row.get(fields.date).unwrap_or(b"");
    let day = match parse_day(b) {
        Some(d) => d,
        None if ctx.family == Family::Icews && slash_parts(b).is_some() => {
            let d = file.slash_dates.read(b).map_err(|why| Reason::SlashDate {
                value: shown(b),
                why,
            })?;
            *repairs |= Rule::IcewsMdyDate.bit();
            d
        }
        None => return Err(Reason::BadDate(shown(b))),
    };
    match fields.added.and_then(|i| row.get(i)) {
        Some(added) if day < GDELT_FIRST_DAY => early_gdelt_date(day, b, added, repairs),
        _ => Ok(day),
    }
}

/// "Threaten with repression", the only event ICEWS coded `13y`.
const THREATEN_WITH_REPRESSION: &[u8] = b"Threaten with repression";

/// The event code and its CAMEO root, with the code errata applied.
fn event_code<R: RowFields + ?Sized>(
    ctx: &RowContext<'_>,
    fields: &Fields,
    row: &R,
    repairs: &mut u8,
) -> Result<(Code, u8), Reason> {
    let text = fields
        .text
        .and_then(|i| row.get(i))
        .map(<[u8]>::trim_ascii)
        .unwrap_or(b"");
    let Some(at) = fields.code else {
        let code = std::str::from_utf8(text)
            .ok()
            .and_then(|t| ctx.event_texts.get(t))
            .copied()
            .filter(|c| ctx.codes.contains(c))
            .ok_or_else(|| Reason::UnknownEventText(shown(text)))?;
        *repairs |= Rule::IcewsCodeFromText.bit();
        let (b, n) = code.bytes();
        return with_root(code, &b[..n]);
    };
    let raw = row.get(at).unwrap_or(b"");
    let b = trimmed(raw, repairs);
    if let Some(code) = Code::pack(b).filter(|c| ctx.codes.contains(c)) {
        return with_root(code, b);
    }
    let icews = ctx.family == Family::Icews;
    match b {
        b"---" => Err(Reason::NullEventCode),
        b"X" => Err(Reason::UndocumentedCode(shown(b))),
        b"13y" if icews && text == THREATEN_WITH_REPRESSION => {
            *repairs |= Rule::Icews13y.bit();
            with_root(Code::pack(b"137").expect("a short code"), b"137")
        }
        _ if icews && !b.is_empty() && !b.iter().all(u8::is_ascii_digit) => {
            Err(Reason::NonNumericCode {
                code: shown(b),
                text: shown(text),
            })
        }
        _ => Err(Reason::UnknownEventCode(shown(raw))),
    }
}

/// A code of the CAMEO tables (`text` is its text) with its root, the
/// first two digits, which every code of the tables has.
fn with_root(code: Code, text: &[u8]) -> Result<(Code, u8), Reason> {
    match text {
        [a, b, ..] if a.is_ascii_digit() && b.is_ascii_digit() => {
            Ok((code, (a - b'0') * 10 + (b - b'0')))
        }
        _ => Err(Reason::UnknownEventCode(shown(text))),
    }
}

/// An actor's country code, trimmed; missing (`NA`, blank) is empty.
fn actor<'b>(b: &'b [u8], repairs: &mut u8) -> &'b [u8] {
    let t = trimmed(b, repairs);
    if is_missing(t) {
        &t[..0]
    } else {
        t
    }
}

/// Records a pushed row's repairs: [`Chunk::repairs`] stays empty until a
/// row needs one, and then holds one mask per row.
/// CAMEO agent and type codes of state actors: government, military,
/// judiciary, legislature, police, intelligence (docs/events.md).
pub const STATE_CODES: [&[u8]; 6] = [b"GOV", b"MIL", b"JUD", b"LEG", b"COP", b"SPY"];

/// Whether a side is a state actor by its source's rule: GDELT, a state
/// type code or an actor code that is the bare country; ICEWS, the sector
/// `Government` (ministries, military and police all carry it) or a bare
/// country (name = country, no sectors). A side with no country is not a
/// state; a source without these columns does not say.
fn kind_of<R: RowFields + ?Sized>(kind: Kind, country: &[u8], row: &R) -> u8 {
    let get = |i: usize| row.get(i).unwrap_or(b"").trim_ascii();
    match kind {
        Kind::None => crate::chunk::STATE_UNKNOWN,
        _ if country.is_empty() => crate::chunk::NOT_STATE,
        Kind::Gdelt { code, types } => {
            let typed = types.iter().any(|t| STATE_CODES.contains(&get(*t)));
            if typed || get(code) == country {
                crate::chunk::STATE
            } else {
                crate::chunk::NOT_STATE
            }
        }
        Kind::Icews { name, sectors } => {
            let s = get(sectors);
            let government = s
                .split(|b| *b == b',')
                .any(|x| x.trim_ascii() == b"Government");
            let bare = (s.is_empty() || s == b"NA") && get(name) == country;
            if government || bare {
                crate::chunk::STATE
            } else {
                crate::chunk::NOT_STATE
            }
        }
    }
}

/// Appends one row to `chunk`, or says why it cannot be stored.
pub fn push_row<R: RowFields + ?Sized>(
    chunk: &mut Chunk,
    ctx: &RowContext<'_>,
    fields: &Fields,
    file: &FileRules,
    row: &R,
    line: u64,
) -> Result<(), Reason> {
    let opt = |i: Option<usize>| i.and_then(|i| row.get(i));
    let mut repairs = 0u8;
    let id_b = row.get(fields.id).unwrap_or(b"");
    let id = int(id_b).ok_or_else(|| Reason::BadId(shown(id_b)))?;
    let day = event_day(ctx, fields, file, row, &mut repairs)?;
    let (code, root) = event_code(ctx, fields, row, &mut repairs)?;
    let quad = match opt(fields.quad) {
        Some(b) if !is_missing(b) => match int(b) {
            Some(q @ 1..=4) => q as u8,
            _ => {
                return Err(Reason::BadNumber {
                    field: "QuadClass",
                    value: shown(b),
                })
            }
        },
        _ => 0,
    };
    let gold10 =
        match opt(fields.goldstein) {
            Some(b) if !is_missing(b) => tenths(b)
                .filter(|v| (-100..=100).contains(v))
                .ok_or_else(|| Reason::BadNumber {
                    field: "Goldstein",
                    value: shown(b),
                })?,
            _ => NO_GOLD,
        };
    let is_root = match opt(fields.is_root) {
        Some(b"1") => 1,
        Some(b"0") => 0,
        Some(b) if !is_missing(b) => {
            return Err(Reason::BadNumber {
                field: "IsRootEvent",
                value: shown(b),
            })
        }
        _ => 2,
    };
    let mentions = count("NumMentions", opt(fields.mentions))?;
    let sources = count("NumSources", opt(fields.sources))?;
    let articles = count("NumArticles", opt(fields.articles))?;
    let a1 = actor(row.get(fields.actor1).unwrap_or(b""), &mut repairs);
    let a2 = actor(row.get(fields.actor2).unwrap_or(b""), &mut repairs);
    let resolve = |a: &[u8]| {
        if a.is_empty() {
            0
        } else {
            ctx.resolver.resolve(ctx.actors, a, day)
        }
    };
    chunk.push_event(&Event {
        family: ctx.family as u8,
        id,
        day,
        actor1_code: a1,
        actor2_code: a2,
        actor1: resolve(a1),
        actor2: resolve(a2),
        event_code: code,
        root,
        quad,
        gold10,
        is_root,
        mentions,
        sources,
        articles,
        url: opt(fields.url).filter(|u| !is_missing(u)),
        line,
        repairs,
        state: (
            kind_of(fields.actor1_kind, a1, row),
            kind_of(fields.actor2_kind, a2, row),
        ),
    });
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn goldstein_tenths_are_exact() {
        assert_eq!(tenths(b"-5.0"), Some(-50));
        assert_eq!(tenths(b"3.4"), Some(34));
        assert_eq!(tenths(b"-0.4"), Some(-4));
        assert_eq!(tenths(b"10"), Some(100));
        assert_eq!(tenths(b"2.50"), Some(25));
        assert_eq!(tenths(b"2.55"), None);
        assert_eq!(tenths(b"x"), None);
        assert_eq!(tenths(b"-"), None);
        assert_eq!(tenths(b"."), None);
        assert_eq!(tenths(b"-.5"), Some(-5));
        assert_eq!(int(b"-12"), Some(-12));
        assert_eq!(int(b""), None);
        assert_eq!(int(b"1e3"), None);
    }

    use crate::date::{parse_day, SlashEvidence};
    use crate::layout::{from_header, gdelt_by_width};
    use crate::profile::Cameo;
    use std::sync::OnceLock;

    struct World {
        cameo: Cameo,
        resolver: ActorResolver,
        /// The first row of `gdelt_v1_raw_sample/events_raw.tsv` (58
        /// fields, 2006-07-31, added 2016-07-28) and of the ICEWS sample.
        gdelt_row: String,
        icews_header: Vec<String>,
        icews_row: String,
    }

    fn world() -> &'static World {
        static W: OnceLock<World> = OnceLock::new();
        W.get_or_init(|| {
            let dir = ordo_sources::DataDir::discover(None).expect("../shared/data");
            let states = ordo_states::States::load(&dir).unwrap();
            let mut resolver = ActorResolver::new(&states.crosswalk, &states.system).unwrap();
            resolver.add_icews_names(&dir).unwrap();
            let read = |rel: &str| std::fs::read_to_string(dir.root().join(rel)).unwrap();
            let icews = read("icews_sample/events.2018.sample.tab");
            let mut lines = icews.lines();
            World {
                cameo: Cameo::load(&dir).unwrap(),
                resolver,
                gdelt_row: read("gdelt_v1_raw_sample/events_raw.tsv")
                    .lines()
                    .next()
                    .unwrap()
                    .to_string(),
                icews_header: lines
                    .next()
                    .unwrap()
                    .split('\t')
                    .map(String::from)
                    .collect(),
                icews_row: lines.next().unwrap().to_string(),
            }
        })
    }

    /// A row context on the real tables of `../shared/data`.
    /// The CAMEO tables of the data directory, loaded once for the tests.
    pub(crate) fn cameo() -> &'static Cameo {
        &world().cameo
    }

    /// Scan options of the tests: `family`'s context, no map, no hooks.
    pub(crate) fn scan_options(family: Family, threads: usize) -> crate::ScanOptions<'static> {
        crate::ScanOptions {
            family,
            ctx: ctx(family),
            map: Vec::new(),
            threads,
            progress: &|_| {},
            hook: None,
            prefilter: None,
        }
    }

    pub(crate) fn ctx(family: Family) -> RowContext<'static> {
        let w = world();
        RowContext {
            family,
            actors: if family == Family::Icews {
                ActorScheme::IcewsName
            } else {
                ActorScheme::Cameo
            },
            resolver: &w.resolver,
            codes: &w.cameo.codes,
            event_texts: &w.cameo.icews_texts,
        }
    }

    /// Parses `row` (tab-separated) with `fields`: the stored day, event
    /// code, actor codes and repair mask, or the reason as text.
    fn parse(
        family: Family,
        fields: &Fields,
        file: &FileRules,
        row: &str,
    ) -> Result<(i32, String, String, String, u8), String> {
        let cells: Vec<&[u8]> = row.split('\t').map(str::as_bytes).collect();
        let mut chunk = Chunk::default();
        push_row(&mut chunk, &ctx(family), fields, file, &cells[..], 2)
            .map_err(|r| r.to_string())?;
        Ok((
            chunk.day[0],
            chunk.code_str(chunk.event_code[0]).into_owned(),
            chunk.code_str(chunk.actor1_code[0]).into_owned(),
            chunk.code_str(chunk.actor2_code[0]).into_owned(),
            chunk.repairs_of(0),
        ))
    }

    /// The real GDELT row with fields replaced.
    fn gdelt(edits: &[(usize, &str)]) -> String {
        let mut f: Vec<&str> = world().gdelt_row.split('\t').collect();
        for (i, v) in edits {
            f[*i] = v;
        }
        f.join("\t")
    }

    fn gdelt_parse(edits: &[(usize, &str)]) -> Result<(i32, String, String, String, u8), String> {
        parse(
            Family::Gdelt,
            gdelt_by_width(58).unwrap(),
            &NO_FILE_RULES,
            &gdelt(edits),
        )
    }

    fn day(s: &str) -> i32 {
        parse_day(s.as_bytes()).unwrap()
    }

    #[test]
    fn the_real_rows_parse_unrepaired() {
        let (d, code, a1, a2, rep) = gdelt_parse(&[]).unwrap();
        assert_eq!(
            (d, code.as_str(), a1.as_str(), a2.as_str(), rep),
            (day("20060731"), "010", "USA", "", 0)
        );
        assert_eq!(ERRATUM_ADDED, day("20191231")..=day("20200105"));
        assert_eq!(ADDED_2013, day("20130101"));
    }

    /// GdeltForge `date_1920`: a date before 1979 added 2019-12-31..
    /// 2020-01-05 is moved 100 years on; added at another time from 2013
    /// on it is quarantined; DATEADDED of GDELT 2.0 has a time.
    #[test]
    fn gdelt_1920_dates_are_repaired_only_inside_the_window() {
        let bit = Rule::Gdelt1920Date.bit();
        for (date, added, want) in [
            ("19200102", "20200102", day("20200102")),
            ("19200101", "20191231", day("20200101")),
            ("19200229", "20200105", day("20200229")),
            ("19200104", "20200104150000", day("20200104")),
        ] {
            let (d, .., rep) = gdelt_parse(&[(1, date), (56, added)]).unwrap();
            assert_eq!((d, rep), (want, bit), "{date} {added}");
        }
        for (date, added) in [
            ("19200102", "20191230"),
            ("19200102", "20200106"),
            ("19200102", "20130401"),
            ("19200102", "20200106000000"),
            ("19500102", "20200102"),
            ("19191231", "20191231"),
        ] {
            let why = gdelt_parse(&[(1, date), (56, added)]).unwrap_err();
            assert!(
                why.starts_with(&format!("date before 1979 with DATEADDED `{added}`")),
                "{why}"
            );
        }
        // Back-file rows were added in 2013-02 and dated from 1979: kept.
        let (d, .., rep) = gdelt_parse(&[(1, "19820315"), (56, "20130203")]).unwrap();
        assert_eq!((d, rep), (day("19820315"), 0));
        // No readable DATEADDED: nothing proves the date wrong.
        let (d, .., rep) = gdelt_parse(&[(1, "19200102"), (56, "")]).unwrap();
        assert_eq!((d, rep), (day("19200102"), 0));
    }

    #[test]
    fn null_and_undocumented_event_codes_have_their_own_reasons() {
        let why = gdelt_parse(&[(26, "---"), (27, "---"), (28, "--")]).unwrap_err();
        assert_eq!(why, "null event code (CAMEO `---`)");
        let why = gdelt_parse(&[(26, "X"), (27, "X"), (28, "X")]).unwrap_err();
        assert_eq!(why, "undocumented event code `X`");
        let why = gdelt_parse(&[(26, "0999")]).unwrap_err();
        assert_eq!(why, "unknown CAMEO event code `0999`");
    }

    /// Padded codes are trimmed and counted only when a value changed;
    /// whitespace only is no actor.
    #[test]
    fn padded_codes_are_trimmed() {
        let bit = Rule::Trimmed.bit();
        let (_, code, a1, a2, rep) =
            gdelt_parse(&[(7, " RUS"), (17, "GEO  "), (26, " 042 ")]).unwrap();
        assert_eq!(
            (code.as_str(), a1.as_str(), a2.as_str(), rep),
            ("042", "RUS", "GEO", bit)
        );
        let (_, _, a1, a2, rep) = gdelt_parse(&[(7, "   "), (17, "\u{20}NA")]).unwrap();
        assert_eq!((a1.as_str(), a2.as_str(), rep), ("", "", bit));
        // Actor2Code (field 15) is not read: its padding changes nothing.
        let (.., rep) = gdelt_parse(&[(15, " ARM")]).unwrap();
        assert_eq!(rep, 0);
        let (.., rep) = gdelt_parse(&[(1, "19200102"), (56, "20200102"), (7, "RUS ")]).unwrap();
        assert_eq!(rep, bit | Rule::Gdelt1920Date.bit());
    }

    fn icews_fields(drop_code: bool) -> (Vec<String>, Fields) {
        let mut h = world().icews_header.clone();
        if drop_code {
            h.retain(|c| c != "CAMEO Code");
        }
        let f = from_header(&h, &[], "x.tab", Family::Icews).unwrap();
        (h, f)
    }

    /// The real ICEWS row with named fields replaced (and `CAMEO Code`
    /// dropped when the header has none).
    fn icews(header: &[String], edits: &[(&str, &str)]) -> String {
        let w = world();
        let cells: Vec<&str> = w.icews_row.split('\t').collect();
        w.icews_header
            .iter()
            .zip(cells)
            .filter(|(h, _)| header.contains(h))
            .map(|(h, v)| edits.iter().find(|(e, _)| e == h).map_or(v, |(_, x)| x))
            .collect::<Vec<&str>>()
            .join("\t")
    }

    #[test]
    fn icews_codes_are_rebuilt_from_event_text_without_a_code_column() {
        let (h, f) = icews_fields(true);
        let bit = Rule::IcewsCodeFromText.bit();
        let ok = |text: &str| {
            parse(
                Family::Icews,
                &f,
                &NO_FILE_RULES,
                &icews(&h, &[("Event Text", text)]),
            )
        };
        assert_eq!(ok("Consult").unwrap().1, "040");
        assert_eq!(ok("Consult").unwrap().4, bit);
        assert_eq!(ok("Threaten with repression").unwrap().1, "137");
        // Names are case-sensitive: the roots are upper case.
        assert_eq!(ok("EXPRESS INTENT TO COOPERATE").unwrap().1, "03");
        assert_eq!(ok("Express intent to cooperate").unwrap().1, "030");
        let why = ok("Consultation").unwrap_err();
        assert!(
            why.starts_with("Event Text `Consultation` is not an event of the ICEWS codebook"),
            "{why}"
        );
    }

    #[test]
    fn icews_13y_is_137_only_with_its_documented_text() {
        let (h, f) = icews_fields(false);
        let row = |code: &str, text: &str| {
            parse(
                Family::Icews,
                &f,
                &NO_FILE_RULES,
                &icews(&h, &[("CAMEO Code", code), ("Event Text", text)]),
            )
        };
        let (_, code, .., rep) = row("13y", "Threaten with repression").unwrap();
        assert_eq!((code.as_str(), rep), ("137", Rule::Icews13y.bit()));
        let why = row("13y", "Threaten").unwrap_err();
        assert!(
            why.starts_with("non-numeric CAMEO Code `13y` (Event Text `Threaten`)"),
            "{why}"
        );
        assert!(row("13x", "Threaten with repression")
            .unwrap_err()
            .starts_with("non-numeric CAMEO Code `13x`"));
        assert_eq!(
            row("1399", "Threaten").unwrap_err(),
            "unknown CAMEO event code `1399`"
        );
        // Only ICEWS files have this erratum.
        let why = parse(
            Family::Csv,
            &f,
            &NO_FILE_RULES,
            &icews(
                &h,
                &[
                    ("CAMEO Code", "13y"),
                    ("Event Text", "Threaten with repression"),
                ],
            ),
        )
        .unwrap_err();
        assert_eq!(why, "unknown CAMEO event code `13y`");
    }

    #[test]
    fn icews_slash_dates_follow_the_file_decision() {
        let (h, f) = icews_fields(false);
        let mut e = SlashEvidence::default();
        e.add(40, b"6/13/2018");
        let month_first = FileRules {
            slash_dates: e.decide(),
        };
        let row = icews(&h, &[("Event Date", "6/2/2018")]);
        let (d, .., rep) = parse(Family::Icews, &f, &month_first, &row).unwrap();
        assert_eq!((d, rep), (day("2018-06-02"), Rule::IcewsMdyDate.bit()));
        let unproved = FileRules {
            slash_dates: SlashDates::Unproved,
        };
        let why = parse(Family::Icews, &f, &unproved, &row).unwrap_err();
        assert!(
            why.starts_with("Event Date `6/2/2018`: no date of this file"),
            "{why}"
        );
        assert_eq!(
            parse(
                Family::Icews,
                &f,
                &unproved,
                &icews(&h, &[("Event Date", "6/6/2018")])
            )
            .unwrap()
            .0,
            day("2018-06-06")
        );
        assert_eq!(
            parse(Family::Csv, &f, &month_first, &row).unwrap_err(),
            "bad date `6/2/2018`"
        );
        // ISO dates in the same file need no repair.
        assert_eq!(
            parse(Family::Icews, &f, &month_first, &icews(&h, &[]))
                .unwrap()
                .4,
            0
        );
    }
}
