//! One row of fields into a [`Chunk`], or a reason to quarantine it.
//!
//! Both the fast GDELT scanner and the header-mapped CSV reader end here, so
//! every layout obeys the same rules: an id, a real date, an event code the
//! CAMEO tables know; counts and Goldstein values that are numbers when
//! present. `NA` (R's missing value) is an empty field.

use crate::chunk::{Chunk, NO_COUNT, NO_GOLD};
use crate::code::Code;
use crate::date::parse_day;
use crate::layout::{Family, Fields};
use crate::resolve::{ActorResolver, ActorScheme};
use foldhash::HashSet;

/// What the row parser needs besides the row.
pub struct RowContext<'a> {
    pub family: Family,
    pub actors: ActorScheme,
    pub resolver: &'a ActorResolver,
    /// Every CAMEO event code of the GDELT and ICEWS tables.
    pub codes: &'a HashSet<Code>,
}

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

/// Appends one row to `chunk`, or says why it cannot be stored.
pub fn push_row<R: RowFields + ?Sized>(
    chunk: &mut Chunk,
    ctx: &RowContext<'_>,
    fields: &Fields,
    row: &R,
    line: u64,
) -> Result<(), Reason> {
    let get = |i: usize| row.get(i).unwrap_or(b"");
    let opt = |i: Option<usize>| i.and_then(|i| row.get(i));
    let id_b = get(fields.id);
    let id = int(id_b).ok_or_else(|| Reason::BadId(shown(id_b)))?;
    let date_b = get(fields.date);
    let day = parse_day(date_b).ok_or_else(|| Reason::BadDate(shown(date_b)))?;
    let code_b = get(fields.code);
    let code = Code::pack(code_b)
        .filter(|c| ctx.codes.contains(c))
        .ok_or_else(|| Reason::UnknownEventCode(shown(code_b)))?;
    let root = (code_b[0] - b'0') * 10 + (code_b[1] - b'0');
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
    let a1 = get(fields.actor1);
    let a2 = get(fields.actor2);
    let (a1, a2) = (
        if is_missing(a1) { &a1[..0] } else { a1 },
        if is_missing(a2) { &a2[..0] } else { a2 },
    );
    let url = match opt(fields.url) {
        Some(u) if !is_missing(u) => {
            let start = chunk.text.len() as u32;
            chunk.text.extend_from_slice(u);
            (start, chunk.text.len() as u32)
        }
        _ => (0, 0),
    };
    let c1 = chunk.code(a1);
    let c2 = chunk.code(a2);
    chunk.family.push(ctx.family as u8);
    chunk.id.push(id);
    chunk.day.push(day);
    chunk.actor1_code.push(c1);
    chunk.actor2_code.push(c2);
    chunk.actor1.push(if a1.is_empty() {
        0
    } else {
        ctx.resolver.resolve(ctx.actors, a1, day)
    });
    chunk.actor2.push(if a2.is_empty() {
        0
    } else {
        ctx.resolver.resolve(ctx.actors, a2, day)
    });
    chunk.event_code.push(code);
    chunk.root.push(root);
    chunk.quad.push(quad);
    chunk.gold10.push(gold10);
    chunk.is_root.push(is_root);
    chunk.mentions.push(mentions);
    chunk.sources.push(sources);
    chunk.articles.push(articles);
    chunk.url.push(url);
    chunk.line.push(line);
    Ok(())
}

#[cfg(test)]
mod tests {
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
}
