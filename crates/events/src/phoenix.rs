//! Phoenix event data, the only CAMEO sources that reach back before 1979,
//! in their two released layouts (both coded with PETRARCH; docs/events.md):
//!
//! - **Cline Center Historical Phoenix** (New York Times 1945–2005, BBC
//!   Summary of World Broadcasts 1979–2015, FBIS 1995–2004): comma-separated
//!   with a header of 25 columns from `eid` to `process`; `story_date` is
//!   `m/d/yyyy`; `quad_class` is 0–4 (0 neutral); `source_root` and
//!   `target_root` hold the actor's country or IGO code. Some copies lost
//!   the leading zero of `code` (`42` for `042`, read as integers): the zero
//!   is restored from `root_code` (repair `phoenix_code_zero`).
//! - **OEDA Phoenix daily files** (`events.full.YYYYMMDD.txt`, 2014–):
//!   tab-separated, no header, 26 positional columns written by the
//!   phoenix_pipeline (`postprocess.py`): id, story date `YYYYMMDD`, year,
//!   month, day, then source full code, root, agent, others, the same for
//!   the target, CAMEO code, root code, quad class, Goldstein, issues, five
//!   geo fields, and the story ids, URLs and source names of every report
//!   merged into the event (`;`-joined).
//!
//! Hand-written because no crate reads either layout. Ids that are not
//! integers (OEDA's `12345_v0.1.0`) are stored as their FNV-1a hash
//! ([`crate::polecat::id_hash`]); actors resolve through their root code on
//! the event's day, as CAMEO country codes (`SUN` → 365 between 1922 and
//! 1991). OEDA rows keep their first URL, the number of merged reports as
//! `mentions` and of distinct source names as `sources`.

use crate::chunk::{Chunk, Event, NO_COUNT, NO_GOLD};
use crate::code::Code;
use crate::date::{day_from_ymd, parse_day};
use crate::layout::Family;
use crate::lines::{block_lines, blocks, head, Cut, Outcome, Parsed, Rest, Verdict};
use crate::parse::{int, tenths, RowContext, Rule};
use crate::resolve::ActorScheme;
use crate::split::{split_tabs, MAX_FIELDS};
use crate::EventsError;
use std::io::Read;

/// The Cline Center files' columns, in order.
pub const CLINE_COLUMNS: [&str; 25] = [
    "eid",
    "story_date",
    "year",
    "month",
    "day",
    "source",
    "source_root",
    "source_agent",
    "source_others",
    "target",
    "target_root",
    "target_agent",
    "target_others",
    "code",
    "root_code",
    "quad_class",
    "goldstein",
    "joined_issues",
    "lat",
    "lon",
    "placename",
    "statename",
    "countryname",
    "aid",
    "process",
];

/// Width of an OEDA daily row.
pub const OEDA_WIDTH: usize = 26;

/// The fields of one event, whatever the layout.
struct Fields<'a> {
    id: &'a [u8],
    date: &'a [u8],
    source_root: &'a [u8],
    target_root: &'a [u8],
    source_agent: &'a [u8],
    target_agent: &'a [u8],
    code: &'a [u8],
    root_code: &'a [u8],
    quad: &'a [u8],
    goldstein: &'a [u8],
    /// OEDA only: the merged reports' story ids, URLs and source names.
    stories: Option<(&'a [u8], &'a [u8], &'a [u8])>,
}

/// `m/d/yyyy` (Cline's `story_date`), or the `YYYYMMDD`/`YYYY-MM-DD` forms.
fn day_of(b: &[u8]) -> Option<i32> {
    let t = b.trim_ascii();
    let mut parts = t.split(|c| *c == b'/');
    if let (Some(m), Some(d), Some(y), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    {
        let num = |x: &[u8]| int(x).filter(|v| *v >= 0);
        let (m, d, y) = (num(m)?, num(d)?, num(y)?);
        if !(1000..=9999).contains(&y) || m > 12 || d > 31 {
            return None;
        }
        return day_from_ymd(y as i32, m as u32, d as u32);
    }
    parse_day(t)
}

/// The CAMEO code, with a leading zero lost by integer-typed copies put
/// back from the root code; `repaired` says whether it was.
fn cameo(code: &[u8], root: &[u8], codes: &foldhash::HashSet<Code>) -> Option<(Code, u8, bool)> {
    let code = code.trim_ascii();
    let root = int(root.trim_ascii()).filter(|r| (1..=20).contains(r))?;
    let root2 = [b'0' + (root / 10) as u8, b'0' + (root % 10) as u8];
    let (c, repaired) = if code.starts_with(&root2) {
        (Code::pack(code)?, false)
    } else if root2[0] == b'0' && code.first() == Some(&root2[1]) && code.len() < 8 {
        let mut padded = [b'0'; 8];
        padded[1..=code.len()].copy_from_slice(code);
        (Code::pack(&padded[..=code.len()])?, true)
    } else {
        return None;
    };
    codes.contains(&c).then_some((c, root as u8, repaired))
}

/// Whether a side is a state actor: a state agent (GOV, MIL, JUD, LEG,
/// COP, SPY) or a country root with no agent.
fn kind(root: &[u8], agent: &[u8]) -> u8 {
    let agent = agent.trim_ascii();
    if root.is_empty() {
        crate::chunk::NOT_STATE
    } else if agent.is_empty() || crate::parse::STATE_CODES.contains(&agent) {
        crate::chunk::STATE
    } else {
        crate::chunk::NOT_STATE
    }
}

fn count_distinct(list: &[u8]) -> i32 {
    let mut seen: Vec<&[u8]> = Vec::new();
    for item in list.split(|b| *b == b';').map(<[u8]>::trim_ascii) {
        if !item.is_empty() && !seen.contains(&item) {
            seen.push(item);
        }
    }
    seen.len() as i32
}

fn count_all(list: &[u8]) -> i32 {
    list.split(|b| *b == b';')
        .filter(|s| !s.trim_ascii().is_empty())
        .count() as i32
}

/// Parses one event into `chunk`, or says why not.
fn push(chunk: &mut Chunk, ctx: &RowContext<'_>, f: &Fields<'_>, line: u64) -> Result<(), String> {
    let shown = |b: &[u8]| {
        String::from_utf8_lossy(b)
            .chars()
            .take(60)
            .collect::<String>()
    };
    let id_text = f.id.trim_ascii();
    if id_text.is_empty() {
        return Err("no event id".into());
    }
    let id = int(id_text).unwrap_or_else(|| crate::polecat::id_hash(id_text));
    let day = day_of(f.date).ok_or_else(|| format!("bad date `{}`", shown(f.date)))?;
    let (code, root, repaired) = cameo(f.code, f.root_code, ctx.codes).ok_or_else(|| {
        format!(
            "unknown CAMEO event code `{}` (root `{}`)",
            shown(f.code),
            shown(f.root_code)
        )
    })?;
    let quad = match int(f.quad.trim_ascii()) {
        Some(q @ 0..=4) => q as u8,
        None if f.quad.trim_ascii().is_empty() => 0,
        _ => return Err(format!("bad quad_class `{}`", shown(f.quad))),
    };
    let gold10 = match f.goldstein.trim_ascii() {
        [] => NO_GOLD,
        g => tenths(g)
            .filter(|v| (-100..=100).contains(v))
            .ok_or_else(|| format!("bad goldstein `{}`", shown(g)))?,
    };
    let (r1, r2) = (f.source_root.trim_ascii(), f.target_root.trim_ascii());
    let resolve = |r: &[u8]| {
        if r.is_empty() {
            0
        } else {
            ctx.resolver.resolve(ActorScheme::Cameo, r, day)
        }
    };
    let (mentions, sources, url) = match f.stories {
        Some((ids, urls, names)) => {
            let first = urls
                .split(|b| *b == b';')
                .next()
                .unwrap_or(b"")
                .trim_ascii();
            (count_all(ids), count_distinct(names), Some(first))
        }
        None => (NO_COUNT, NO_COUNT, None),
    };
    chunk.push_event(&Event {
        family: Family::Phoenix as u8,
        id,
        day,
        actor1_code: r1,
        actor2_code: r2,
        actor1: resolve(r1),
        actor2: resolve(r2),
        event_code: code,
        root,
        quad,
        gold10,
        is_root: 2,
        mentions,
        sources,
        articles: NO_COUNT,
        url,
        line,
        repairs: if repaired {
            Rule::PhoenixCodeZero.bit()
        } else {
            0
        },
        state: (kind(r1, f.source_agent), kind(r2, f.target_agent)),
    });
    Ok(())
}

/// Column positions of a Cline header (by name).
fn cline_positions(header: &[String], name: &str) -> Result<[usize; 10], EventsError> {
    let at = |n: &str| {
        header.iter().position(|h| h == n).ok_or_else(|| {
            EventsError::Data(format!(
                "{name}:1: not a Cline Center Phoenix header: no `{n}` column (expected the 25 columns from `eid` to `process`)"
            ))
        })
    };
    Ok([
        at("eid")?,
        at("story_date")?,
        at("source_root")?,
        at("target_root")?,
        at("code")?,
        at("root_code")?,
        at("quad_class")?,
        at("goldstein")?,
        at("source_agent")?,
        at("target_agent")?,
    ])
}

/// Reads a Phoenix file, either layout (told apart by its first line),
/// into chunks, in parallel blocks; see [`crate::lines::OwnReader`].
pub fn read(
    reader: &mut dyn Read,
    name: &str,
    ctx: &RowContext<'_>,
    sink: &mut dyn FnMut(Chunk) -> Result<(), EventsError>,
) -> Result<Outcome, EventsError> {
    let mut start = Vec::new();
    (&mut *reader)
        .take(8)
        .read_to_end(&mut start)
        .map_err(|e| crate::lines::broken(name, 1, e))?;
    let mut reader = std::io::Cursor::new(start).chain(reader);
    let peek = reader.get_ref().0.get_ref();
    let cline = peek.starts_with(b"eid,") || peek.starts_with(b"\"eid\",");
    let mut out = Outcome {
        layout: if cline {
            "phoenix-cline"
        } else {
            "phoenix-oeda"
        },
        ..Outcome::default()
    };
    if cline {
        read_cline(&mut reader, name, ctx, &mut out, sink)?;
    } else {
        let parse = |block: &[u8]| {
            let mut p = Parsed::default();
            block_lines(block, &mut p, &mut |p, line, text| {
                oeda_row(p, ctx, line, text)
            })?;
            Ok(p)
        };
        let rest = Rest {
            reader: &mut reader,
            name,
            after: 0,
            cut: Cut::Lines,
            block: crate::lines::BLOCK,
        };
        blocks(rest, crate::lines::threads(), &mut out, &parse, sink)?;
    }
    Ok(out)
}

/// One OEDA daily line into `p`'s chunk, or why not.
fn oeda_row(p: &mut Parsed, ctx: &RowContext<'_>, line: u64, text: &[u8]) -> Verdict {
    let mut v = [&b""[..]; MAX_FIELDS];
    let n = split_tabs(text, &mut v);
    if n != OEDA_WIDTH {
        return Ok(Some(format!(
            "{n} fields, expected {OEDA_WIDTH} (OEDA Phoenix daily layout)"
        )));
    }
    let f = Fields {
        id: v[0],
        date: v[1],
        source_root: v[6],
        target_root: v[10],
        source_agent: v[7],
        target_agent: v[11],
        code: v[13],
        root_code: v[14],
        quad: v[15],
        goldstein: v[16],
        stories: Some((v[23], v[24], v[25])),
    };
    Ok(push(&mut p.chunk, ctx, &f, line).err())
}

/// The Cline Center layout: CSV with quoting, columns by header name; the
/// records after the header are parsed in parallel blocks cut outside
/// quoted fields, each block by the `csv` crate.
fn read_cline(
    reader: &mut dyn Read,
    name: &str,
    ctx: &RowContext<'_>,
    out: &mut Outcome,
    sink: &mut dyn FnMut(Chunk) -> Result<(), EventsError>,
) -> Result<(), EventsError> {
    let (first, mut rest) = head(reader, name, Cut::Csv)?;
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(first.as_slice());
    let header: Vec<String> = csv
        .headers()
        .map_err(|e| EventsError::Data(format!("{name}:1: header: {e}")))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let p = cline_positions(&header, name)?;
    let width = header.len();
    let parse = |block: &[u8]| -> Result<Parsed, EventsError> {
        let mut out = Parsed::default();
        let utf8 = std::str::from_utf8(block).is_ok();
        let mut csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(block);
        let mut record = csv::ByteRecord::new();
        loop {
            match csv.read_byte_record(&mut record) {
                Ok(true) => {}
                Ok(false) => return Ok(out),
                Err(e) => {
                    return Err(EventsError::Data(format!(
                        "{name}: unreadable (broken or truncated file?): {e}"
                    )));
                }
            }
            let line = record
                .position()
                .map_or(0, |p| crate::lines::csv_line(block, p));
            out.read += 1;
            let text = || record.iter().collect::<Vec<_>>().join(&b","[..]);
            if !utf8 && std::str::from_utf8(record.as_slice()).is_err() {
                out.rejected.push((line, "not UTF-8".to_string(), text()));
                continue;
            }
            if record.len() != width {
                let reason = format!("{} fields, expected the header's {width}", record.len());
                out.rejected.push((line, reason, text()));
                continue;
            }
            let g = |i: usize| record.get(i).unwrap_or(b"");
            let f = Fields {
                id: g(p[0]),
                date: g(p[1]),
                source_root: g(p[2]),
                target_root: g(p[3]),
                source_agent: g(p[8]),
                target_agent: g(p[9]),
                code: g(p[4]),
                root_code: g(p[5]),
                quad: g(p[6]),
                goldstein: g(p[7]),
                stories: None,
            };
            if let Err(reason) = push(&mut out.chunk, ctx, &f, line) {
                out.rejected.push((line, reason, text()));
            }
        }
    };
    let rest = Rest {
        reader: &mut rest,
        name,
        after: memchr::memchr_iter(b'\n', &first).count() as u64,
        cut: Cut::Csv,
        block: crate::lines::BLOCK,
    };
    blocks(rest, crate::lines::threads(), out, &parse, sink)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cline_dates_are_month_first() {
        assert_eq!(day_of(b"1/2/1950"), parse_day(b"1950-01-02"));
        assert_eq!(day_of(b"12/31/2004"), parse_day(b"2004-12-31"));
        assert_eq!(day_of(b"20140620"), parse_day(b"2014-06-20"));
        assert_eq!(day_of(b"13/1/1950"), None);
        assert_eq!(day_of(b"2/30/1950"), None);
        assert_eq!(day_of(b"1/2/50"), None);
    }

    #[test]
    fn lost_leading_zeros_come_back_from_the_root() {
        let codes: foldhash::HashSet<Code> = ["042", "0841", "190", "010"]
            .iter()
            .map(|c| Code::pack(c.as_bytes()).unwrap())
            .collect();
        let c = |x: &str, r: &str| {
            cameo(x.as_bytes(), r.as_bytes(), &codes).map(|(c, r, f)| (c.to_string(), r, f))
        };
        assert_eq!(c("042", "4"), Some(("042".into(), 4, false)));
        assert_eq!(c("42", "4"), Some(("042".into(), 4, true)));
        assert_eq!(c("841", "8"), Some(("0841".into(), 8, true)));
        assert_eq!(c("190", "19"), Some(("190".into(), 19, false)));
        assert_eq!(c("10", "1"), Some(("010".into(), 1, true)));
        assert_eq!(c("190", "4"), None, "root and code disagree");
        assert_eq!(c("999", "9"), None);
    }

    #[test]
    fn state_agents_or_bare_roots() {
        use crate::chunk::{NOT_STATE, STATE};
        assert_eq!(kind(b"RUS", b"GOV"), STATE);
        assert_eq!(kind(b"RUS", b""), STATE, "a bare country");
        assert_eq!(kind(b"RUS", b"MED"), NOT_STATE);
        assert_eq!(kind(b"", b"GOV"), NOT_STATE);
    }

    #[test]
    fn merged_reports_are_counted() {
        assert_eq!(count_all(b"a;b;c"), 3);
        assert_eq!(count_distinct(b"Reuters;AFP;Reuters"), 2);
        assert_eq!(count_all(b""), 0);
    }
}
