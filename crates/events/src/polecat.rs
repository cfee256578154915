//! POLECAT (PLOVER-coded event data, 2018–): weekly and yearly
//! tab-separated files with a header of 40 columns from `Event ID` to
//! `Version` (POLECAT Weekly Data, Harvard Dataverse doi:10.7910/DVN/AJGVIT;
//! Halterman et al. 2023, "PLOVER and POLECAT"). Hand-written because no
//! crate reads POLECAT, and its known broken files need repairs a generic
//! CSV reader would hide:
//!
//! - ids are strings (`20190801-2309-4e081644904c_COOPERATE_R`): the stored
//!   `event_id` is their FNV-1a 64-bit hash (top bit cleared), which anyone
//!   can recompute; the row's file and line locate the original;
//! - missing values are the literal `None`;
//! - some files carry extra names in the header (`Headline`): the 40
//!   canonical columns are then read by position, and the rows counted as
//!   repaired (`polecat_extra_header_names`);
//! - some rows end in extra tabs: the extra fields are dropped when every
//!   one is empty (`polecat_trailing_tabs`), the row is quarantined when not;
//! - column 5 is `Intensity` in older files and `Event Intensity` in later
//!   ones: both are accepted.
//!
//! Events are scored natively: the PLOVER type is the event code (see
//! [`crate::plover`]), `Quad Code` the quad class as the row carries it
//! (checked against the type's, disagreements counted), `Intensity` the
//! Goldstein-like value the `source` profile sums (rounded to tenths).
//! Actors resolve through `Actor COW`/`Recipient COW` where one COW code is
//! given, else through the ISO-3 country; compound actors (several
//! countries, PLOVER's list-valued sources and recipients) stay one event
//! with no state, so they never count for a dyad (counted in the notes).
//! POLECAT distributes no URLs (its licence), so none is stored.

use crate::chunk::{Chunk, Event, NO_COUNT, NO_GOLD};
use crate::code::Code;
use crate::date::parse_day;
use crate::layout::Family;
use crate::lines::{block_lines, blocks, head, Cut, Outcome, Parsed, Rest};
use crate::parse::{RowContext, Rule};
use crate::resolve::ActorScheme;
use crate::split::{split_tabs, MAX_FIELDS};
use crate::EventsError;
use std::collections::BTreeMap;
use std::io::Read;

/// The 40 columns of a POLECAT file, in order.
pub const COLUMNS: [&str; 40] = [
    "Event ID",
    "Event Date",
    "Event Type",
    "Event Mode",
    "Intensity",
    "Quad Code",
    "Contexts",
    "Actor Name",
    "Actor Country",
    "Actor COW",
    "Primary Actor Sector",
    "Actor Sectors",
    "Actor Title",
    "Actor Name Raw",
    "Wikipedia Actor ID",
    "Recipient Name",
    "Recipient Country",
    "Recipient COW",
    "Primary Recipient Sector",
    "Recipient Sectors",
    "Recipient Title",
    "Recipient Name Raw",
    "Wikipedia Recipient ID",
    "Placename",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
    "GeoNames ID",
    "Raw Placename",
    "Feature Type",
    "Source",
    "Publication Date",
    "Story People",
    "Story Organizations",
    "Story Locations",
    "Language",
    "Version",
];

/// Positions of the columns ordo reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cols {
    id: usize,
    date: usize,
    kind: usize,
    intensity: usize,
    quad: usize,
    actor_country: usize,
    actor_cow: usize,
    recipient_country: usize,
    recipient_cow: usize,
    actor_sector: usize,
    recipient_sector: usize,
}

/// How the header was read.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Header {
    /// By name; rows are as wide as the header.
    Named(Cols, usize),
    /// Extra names beside the canonical 40: rows are read by position.
    Canonical(Cols),
}

fn position(header: &[String], names: &[&str]) -> Option<usize> {
    header.iter().position(|h| names.contains(&h.as_str()))
}

fn cols_by_name(header: &[String]) -> Result<Cols, String> {
    let need =
        |names: &[&str]| position(header, names).ok_or_else(|| format!("no `{}` column", names[0]));
    Ok(Cols {
        id: need(&["Event ID"])?,
        date: need(&["Event Date"])?,
        kind: need(&["Event Type"])?,
        intensity: need(&["Intensity", "Event Intensity"])?,
        quad: need(&["Quad Code"])?,
        actor_country: need(&["Actor Country"])?,
        actor_cow: need(&["Actor COW"])?,
        recipient_country: need(&["Recipient Country"])?,
        recipient_cow: need(&["Recipient COW"])?,
        actor_sector: need(&["Primary Actor Sector"])?,
        recipient_sector: need(&["Primary Recipient Sector"])?,
    })
}

fn canonical() -> Cols {
    let at = |n: &str| COLUMNS.iter().position(|c| *c == n).unwrap_or(0);
    Cols {
        id: at("Event ID"),
        date: at("Event Date"),
        kind: at("Event Type"),
        intensity: at("Intensity"),
        quad: at("Quad Code"),
        actor_country: at("Actor Country"),
        actor_cow: at("Actor COW"),
        recipient_country: at("Recipient Country"),
        recipient_cow: at("Recipient COW"),
        actor_sector: at("Primary Actor Sector"),
        recipient_sector: at("Primary Recipient Sector"),
    }
}

/// Reads the header: by name when it holds only known names, by the
/// canonical positions when it carries extra ones (the broken files).
fn header(first: &[u8], name: &str) -> Result<Header, EventsError> {
    let text = String::from_utf8_lossy(first);
    let names: Vec<String> = text
        .trim_end_matches(['\r', '\n'])
        .split('\t')
        .map(|h| h.trim().to_string())
        .collect();
    let known =
        |h: &String| COLUMNS.contains(&h.as_str()) || h == "Event Intensity" || h.is_empty();
    let cols = cols_by_name(&names).map_err(|e| {
        EventsError::Data(format!(
            "{name}:1: not a POLECAT header ({e}; expected the 40 columns from `Event ID` to `Version`)"
        ))
    })?;
    if names.iter().all(known) {
        Ok(Header::Named(cols, names.len()))
    } else {
        Ok(Header::Canonical(canonical()))
    }
}

/// The stored id of a POLECAT `Event ID`: FNV-1a, 64 bits, top bit cleared
/// (a documented hash anyone can recompute, not a random one).
pub fn id_hash(id: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    (h & (u64::MAX >> 1)) as i64
}

fn missing(b: &[u8]) -> bool {
    let t = b.trim_ascii();
    t.is_empty() || t == b"None"
}

/// An intensity in tenths (POLECAT's may carry more decimals than one).
fn intensity(b: &[u8]) -> Result<i32, String> {
    let t = std::str::from_utf8(b.trim_ascii()).map_err(|_| "not UTF-8".to_string())?;
    let v: f64 = t.parse().map_err(|_| format!("bad Intensity `{t}`"))?;
    if !(-10.0..=10.0).contains(&v) {
        return Err(format!("Intensity `{t}` outside -10..10"));
    }
    Ok((v * 10.0).round() as i32)
}

/// Notes counted per row: a `Quad Code` other than the type's quad, and
/// compound actors (no state).
const QUAD_DIFFERS: &str = "Quad Code differs from the type's quad";
const COMPOUND: &str = "compound actor or recipient (no state)";

/// PLOVER's state sectors as POLECAT may write them, codes or words.
const STATE_WORDS: [&[u8]; 6] = [
    b"GOVERNMENT",
    b"MILITARY",
    b"JUDICIARY",
    b"LEGISLATURE",
    b"POLICE",
    b"INTELLIGENCE",
];

/// Whether a side is a state actor: a state primary sector (GOV, MIL, JUD,
/// LEG, COP, SPY, or those words), or a country with no sector.
fn side_kind(country: &[u8], sector: &[u8]) -> u8 {
    let country = country.trim_ascii();
    if missing(country) || country.contains(&b';') {
        return crate::chunk::NOT_STATE;
    }
    if missing(sector) {
        return crate::chunk::STATE;
    }
    let s = sector.trim_ascii();
    let is = |c: &&[u8]| c.eq_ignore_ascii_case(s);
    if crate::parse::STATE_CODES.iter().any(is) || STATE_WORDS.iter().any(is) {
        crate::chunk::STATE
    } else {
        crate::chunk::NOT_STATE
    }
}

/// One side of an event: the code stored and the COW state it resolves to.
fn side<'a>(
    ctx: &RowContext<'_>,
    country: &'a [u8],
    cow: &[u8],
    day: i32,
    counts: &mut bool,
) -> (&'a [u8], u16) {
    let country = if missing(country) {
        &b""[..]
    } else {
        country.trim_ascii()
    };
    let compound = country.contains(&b';') || (!missing(cow) && cow.contains(&b';'));
    if compound {
        *counts = true;
        return (country, 0);
    }
    let state = if !missing(cow) {
        ctx.resolver
            .resolve(ActorScheme::Cow, cow.trim_ascii(), day)
    } else if !country.is_empty() {
        ctx.resolver.resolve(ActorScheme::Iso3, country, day)
    } else {
        0
    };
    (country, state)
}

/// The PLOVER type of an `Event Type` (any case) and its quad class.
fn plover_type(kind: &[u8]) -> Option<(Code, u8)> {
    // PLOVER types are upper-case words of at most 11 letters (packed).
    let mut upper = [0u8; 11];
    let upper = upper.get_mut(..kind.len())?;
    upper.copy_from_slice(kind);
    upper.make_ascii_uppercase();
    Code::pack(upper).and_then(|k| crate::plover::quad_of(k).map(|q| (k, q)))
}

/// Parses one row into `chunk`, or says why not.
fn push(
    chunk: &mut Chunk,
    ctx: &RowContext<'_>,
    c: &Cols,
    row: &[&[u8]],
    line: u64,
    repairs: u8,
    counts: &mut BTreeMap<&'static str, u64>,
) -> Result<(), String> {
    let get = |i: usize| row.get(i).copied().unwrap_or(b"");
    let id = get(c.id);
    if missing(id) {
        return Err("no Event ID".into());
    }
    let date = get(c.date).trim_ascii();
    let day = parse_day(date)
        .ok_or_else(|| format!("bad Event Date `{}`", String::from_utf8_lossy(date)))?;
    let kind = get(c.kind).trim_ascii();
    let (code, type_quad) = plover_type(kind).ok_or_else(|| {
        format!(
            "unknown PLOVER event type `{}`",
            String::from_utf8_lossy(kind).to_ascii_uppercase()
        )
    })?;
    let quad = match get(c.quad) {
        q if missing(q) => type_quad,
        q => {
            let q = q.trim_ascii();
            crate::plover::QUAD_LABELS
                .iter()
                .find(|(l, _)| l.as_bytes().eq_ignore_ascii_case(q))
                .map(|(_, n)| *n)
                .ok_or_else(|| {
                    format!(
                        "unknown Quad Code `{}`",
                        String::from_utf8_lossy(q).to_ascii_uppercase()
                    )
                })?
        }
    };
    if quad != type_quad {
        *counts.entry(QUAD_DIFFERS).or_default() += 1;
    }
    let gold10 = match get(c.intensity) {
        v if missing(v) => NO_GOLD,
        v => intensity(v)?,
    };
    let mut compound = false;
    let (a1, s1) = side(
        ctx,
        get(c.actor_country),
        get(c.actor_cow),
        day,
        &mut compound,
    );
    let (a2, s2) = side(
        ctx,
        get(c.recipient_country),
        get(c.recipient_cow),
        day,
        &mut compound,
    );
    if compound {
        *counts.entry(COMPOUND).or_default() += 1;
    }
    chunk.push_event(&Event {
        family: Family::Polecat as u8,
        id: id_hash(id.trim_ascii()),
        day,
        actor1_code: a1,
        actor2_code: a2,
        actor1: s1,
        actor2: s2,
        event_code: code,
        root: 0,
        quad,
        gold10,
        is_root: 2,
        mentions: NO_COUNT,
        sources: NO_COUNT,
        articles: NO_COUNT,
        url: None,
        line,
        repairs,
        state: (
            side_kind(get(c.actor_country), get(c.actor_sector)),
            side_kind(get(c.recipient_country), get(c.recipient_sector)),
        ),
    });
    Ok(())
}

/// One data line of a POLECAT file into `p`'s chunk, or why not.
fn row(
    p: &mut Parsed,
    ctx: &RowContext<'_>,
    (cols, width, by_position): (&Cols, usize, bool),
    line: u64,
    text: &[u8],
) -> Option<String> {
    let mut split = [&b""[..]; MAX_FIELDS];
    let n = split_tabs(text, &mut split);
    let all: Vec<&[u8]>;
    let mut fields: &[&[u8]] = if n <= MAX_FIELDS {
        &split[..n]
    } else {
        all = text.split(|b| *b == b'\t').collect();
        &all
    };
    let mut mask = if by_position {
        Rule::PolecatExtraHeaderNames.bit()
    } else {
        0
    };
    if fields.len() > width {
        if !fields[width..].iter().all(|f| f.trim_ascii().is_empty()) {
            return Some(format!(
                "{} fields, more than the header's {width}, and the extra ones are not empty",
                fields.len()
            ));
        }
        fields = &fields[..width];
        mask |= Rule::PolecatTrailingTabs.bit();
    }
    if fields.len() < width {
        return Some(format!(
            "{} fields, fewer than the header's {width}",
            fields.len()
        ));
    }
    push(&mut p.chunk, ctx, cols, fields, line, mask, &mut p.counts).err()
}

/// Reads a POLECAT file (header included) into chunks, its lines parsed
/// in parallel blocks; see [`crate::lines::OwnReader`].
pub fn read(
    reader: &mut dyn Read,
    name: &str,
    ctx: &RowContext<'_>,
    sink: &mut dyn FnMut(Chunk) -> Result<(), EventsError>,
) -> Result<Outcome, EventsError> {
    let (first, mut rest) = head(reader, name, Cut::Lines)?;
    let (cols, width, by_position) = match header(&first, name)? {
        Header::Named(c, w) => (c, w, false),
        Header::Canonical(c) => (c, COLUMNS.len(), true),
    };
    let mut out = Outcome {
        layout: "polecat",
        ..Outcome::default()
    };
    let layout = (&cols, width, by_position);
    let parse = |block: &[u8]| {
        let mut p = Parsed::default();
        block_lines(block, &mut p, &mut |p, line, text| {
            Ok(row(p, ctx, layout, line, text))
        })?;
        Ok(p)
    };
    let rest = Rest {
        reader: &mut rest,
        name,
        after: 1,
        cut: Cut::Lines,
        block: crate::lines::BLOCK,
    };
    blocks(rest, crate::lines::threads(), &mut out, &parse, sink)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_hash_as_documented() {
        // FNV-1a of the empty string is the offset basis, top bit cleared
        assert_eq!(
            id_hash(b""),
            (0xcbf2_9ce4_8422_2325u64 & (u64::MAX >> 1)) as i64
        );
        // "a": (basis ^ 0x61) * prime, from the FNV reference values
        assert_eq!(
            id_hash(b"a") as u64,
            0xaf63_dc4c_8601_ec8c & (u64::MAX >> 1)
        );
        assert_ne!(
            id_hash(b"20190801-2309-4e081644904c_COOPERATE_R"),
            id_hash(b"20190801-2309-4e081644904c_COOPERATE_S")
        );
    }

    #[test]
    fn headers_by_name_and_broken_ones_by_position() {
        let all = COLUMNS.join("\t");
        assert!(matches!(
            header(all.as_bytes(), "w.txt").unwrap(),
            Header::Named(_, 40)
        ));
        let later = all.replace("\tIntensity\t", "\tEvent Intensity\t");
        assert!(matches!(
            header(later.as_bytes(), "w.txt").unwrap(),
            Header::Named(_, 40)
        ));
        let broken = format!("{all}\tHeadline");
        assert_eq!(
            header(broken.as_bytes(), "w.txt").unwrap(),
            Header::Canonical(canonical())
        );
        let e = header(b"GLOBALEVENTID\tSQLDATE", "g.txt")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("g.txt:1: not a POLECAT header (no `Event ID` column"),
            "{e}"
        );
    }

    #[test]
    fn state_sectors_codes_or_words() {
        use crate::chunk::{NOT_STATE, STATE};
        assert_eq!(side_kind(b"RUS", b"GOV"), STATE);
        assert_eq!(side_kind(b"RUS", b"Military"), STATE);
        assert_eq!(side_kind(b"RUS", b"None"), STATE, "a bare country");
        assert_eq!(side_kind(b"RUS", b"BUS"), NOT_STATE);
        assert_eq!(side_kind(b"RUS;UKR", b"GOV"), NOT_STATE, "compound");
        assert_eq!(side_kind(b"None", b"GOV"), NOT_STATE);
    }

    #[test]
    fn intensities_round_to_tenths_and_stay_in_range() {
        assert_eq!(intensity(b"-7.25"), Ok(-73));
        assert_eq!(intensity(b"3"), Ok(30));
        assert!(intensity(b"11").is_err());
        assert!(intensity(b"high").is_err());
    }
}
