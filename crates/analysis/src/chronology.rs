//! Chronologies: dated events of a dyad's relations as the sources tell
//! them, with their stance, order, phase, issue area and citations.
//!
//! ordo ships the Italy–Russia chronology written from the two seed
//! documents (`data/chronology/ita_rus.toml`); users add their own for any
//! dyad in the same TOML format (documented in `docs/chronology.md`).
//! Every file is validated on load with the file, line and key of a
//! problem: unknown keys, duplicate ids, impossible dates, a date that does
//! not match its precision, values outside the vocabularies, a Table 1
//! column without `in_table1`, and a phase the periodization does not put
//! in that year.

use crate::file_error::{from_toml, line_of, read_text, sha256_hex, FileError};
use crate::periods::Periodization;
use serde::Deserialize;
use std::ops::Range;
use toml::Spanned;

const BUILTIN: [(&str, &str); 1] = [(
    "crates/analysis/data/chronology/ita_rus.toml",
    include_str!("../data/chronology/ita_rus.toml"),
)];

/// How the source characterises an event for the dyad's relations.
pub const STANCES: [&str; 4] = ["cooperation", "competition", "neutral", "turning_point"];
/// Issue areas.
pub const AREAS: [&str; 7] = [
    "diplomacy",
    "security",
    "economy_energy",
    "balkans",
    "mediterranean",
    "ideology_parties",
    "multilateral",
];
/// Phases an event can fall in (`none`: outside the periodization's phases).
pub const PHASES: [&str; 4] = ["stable", "crisis", "change", "none"];
/// Columns of the article's Table 1.
pub const TABLE1_COLUMNS: [&str; 3] = ["cooperation", "turning_point", "competition"];
/// How precisely a date is known.
pub const PRECISIONS: [&str; 3] = ["year", "month", "day"];

/// One event of a chronology.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    pub date: String,
    pub precision: String,
    pub end: Option<String>,
    pub actor: String,
    pub target: String,
    pub summary: String,
    pub stance: String,
    pub order: String,
    pub phase: String,
    pub area: String,
    pub in_table1: bool,
    pub table1_column: Option<String>,
    pub source: Vec<String>,
    pub citations: Vec<String>,
    pub note: String,
    /// Line of the entry in its file (0 for a derived entry).
    pub line: usize,
    /// For an entry derived from the data, the rule and the dataset row it
    /// comes from; `None` for a curated entry.
    pub derived: Option<Derivation>,
}

/// Where a derived entry comes from: the rule of the derivation recipe that
/// dated it and gave its stance, and the dataset row behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Derivation {
    /// The rule's name in the recipe, e.g. `mid_onset`.
    pub rule: String,
    /// Catalog id of the dataset, e.g. `cow_mid_ddydisps`.
    pub dataset: String,
    /// The dataset's title and version, e.g. `COW Militarized Interstate Disputes v5.0`.
    pub version: String,
    /// The row(s) read: the SQL table and the key values.
    pub key: String,
}

impl Entry {
    pub fn year(&self) -> i32 {
        self.date[..4].parse().unwrap_or(0)
    }
}

/// A validated chronology and the file it came from.
#[derive(Debug, Clone)]
pub struct Chronology {
    /// The two sides, as written (state abbreviations or names).
    pub dyad: [String; 2],
    pub version: i64,
    pub file: String,
    pub sha256: String,
    pub entries: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    dyad: Spanned<Vec<String>>,
    version: i64,
    event: Vec<Spanned<RawEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: Spanned<String>,
    date: Spanned<String>,
    precision: Spanned<String>,
    end: Option<Spanned<String>>,
    actor: String,
    target: String,
    summary: Spanned<String>,
    stance: Spanned<String>,
    order: String,
    phase: Spanned<String>,
    area: Spanned<String>,
    in_table1: bool,
    table1_column: Option<Spanned<String>>,
    source: Spanned<Vec<String>>,
    #[serde(default)]
    citations: Vec<String>,
    #[serde(default)]
    note: String,
}

fn valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: Range<usize>| s[r].parse::<u32>().ok();
    match (num(0..4), num(5..7), num(8..10)) {
        (Some(y), Some(m), Some(d)) => chrono::NaiveDate::from_ymd_opt(y as i32, m, d).is_some(),
        _ => false,
    }
}

impl Chronology {
    /// The chronologies shipped with ordo.
    pub fn builtin(periods: &Periodization) -> Vec<Chronology> {
        BUILTIN
            .iter()
            .map(|(file, text)| {
                Chronology::parse(text, file, periods).expect("the shipped chronology is valid")
            })
            .collect()
    }

    /// Reads and validates a chronology file.
    pub fn load(path: &std::path::Path, periods: &Periodization) -> Result<Chronology, FileError> {
        let (text, file) = read_text(path)?;
        Chronology::parse(&text, &file, periods)
    }

    pub fn parse(text: &str, file: &str, periods: &Periodization) -> Result<Chronology, FileError> {
        let raw: RawFile = toml::from_str(text).map_err(|e| from_toml(file, text, &e))?;
        let err = |span: Range<usize>, key: &str, message: String| {
            FileError::at(file, text, span, key, message)
        };
        let dyad = match raw.dyad.get_ref().as_slice() {
            [a, b] => [a.clone(), b.clone()],
            _ => {
                return Err(err(
                    raw.dyad.span(),
                    "dyad",
                    "give the two sides, e.g. [\"ITA\", \"RUS\"]".into(),
                ))
            }
        };
        let mut entries: Vec<Entry> = Vec::new();
        for e in raw.event {
            let span = e.span();
            let e = e.into_inner();
            let one_of = |v: &Spanned<String>, key: &str, allowed: &[&str]| {
                if allowed.contains(&v.get_ref().as_str()) {
                    Ok(())
                } else {
                    Err(err(
                        v.span(),
                        key,
                        format!("`{}` is not one of {}", v.get_ref(), allowed.join(", ")),
                    ))
                }
            };
            let id = e.id.get_ref();
            if id.is_empty()
                || !id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                return Err(err(
                    e.id.span(),
                    "id",
                    format!("`{id}`: ids are lower-case letters, digits and `-`"),
                ));
            }
            if let Some(first) = entries.iter().find(|x| &x.id == id) {
                return Err(err(
                    e.id.span(),
                    "id",
                    format!("`{id}` is already used at line {}", first.line),
                ));
            }
            one_of(&e.precision, "precision", &PRECISIONS)?;
            let date = e.date.get_ref();
            if !valid_date(date) {
                return Err(err(
                    e.date.span(),
                    "date",
                    format!("`{date}` is not a date YYYY-MM-DD"),
                ));
            }
            let fits = match e.precision.get_ref().as_str() {
                "year" => date.ends_with("-01-01"),
                "month" => date.ends_with("-01"),
                _ => true,
            };
            if !fits {
                return Err(err(
                    e.date.span(),
                    "date",
                    format!(
                        "`{date}` with precision {}: write the first day of the {} (e.g. {})",
                        e.precision.get_ref(),
                        e.precision.get_ref(),
                        if e.precision.get_ref() == "year" {
                            format!("{}-01-01", &date[..4])
                        } else {
                            format!("{}-01", &date[..7])
                        }
                    ),
                ));
            }
            if let Some(end) = &e.end {
                if !valid_date(end.get_ref()) {
                    return Err(err(
                        end.span(),
                        "end",
                        format!("`{}` is not a date YYYY-MM-DD", end.get_ref()),
                    ));
                }
                if end.get_ref() < date {
                    return Err(err(
                        end.span(),
                        "end",
                        format!("ends {} before it starts {date}", end.get_ref()),
                    ));
                }
            }
            if e.summary.get_ref().trim().is_empty() {
                return Err(err(e.summary.span(), "summary", "empty".into()));
            }
            one_of(&e.stance, "stance", &STANCES)?;
            one_of(&e.phase, "phase", &PHASES)?;
            one_of(&e.area, "area", &AREAS)?;
            let year: i32 = date[..4].parse().unwrap_or(0);
            let phase = e.phase.get_ref();
            if phase != "none" {
                let actual = periods.phase_of(year).map(|(_, p)| p.kind.as_str());
                if actual != Some(phase.as_str()) {
                    return Err(err(e.phase.span(), "phase", format!(
                        "{year} is in {} of the periodization `{}`, not `{phase}` (use `none` for events outside its phases)",
                        actual.map_or("no phase".to_string(), |a| format!("a `{a}` phase")),
                        periods.name
                    )));
                }
            }
            match (&e.table1_column, e.in_table1) {
                (Some(c), true) => one_of(c, "table1_column", &TABLE1_COLUMNS)?,
                (None, true) => {
                    return Err(err(
                        span.clone(),
                        "table1_column",
                        "an entry in Table 1 needs its column".into(),
                    ))
                }
                (Some(c), false) => {
                    return Err(err(
                        c.span(),
                        "table1_column",
                        "set only with in_table1 = true".into(),
                    ))
                }
                (None, false) => {}
            }
            if e.source.get_ref().is_empty() {
                return Err(err(
                    e.source.span(),
                    "source",
                    "name the document(s) the entry comes from".into(),
                ));
            }
            entries.push(Entry {
                id: id.clone(),
                date: date.clone(),
                precision: e.precision.into_inner(),
                end: e.end.map(Spanned::into_inner),
                actor: e.actor,
                target: e.target,
                summary: e.summary.into_inner(),
                stance: e.stance.into_inner(),
                order: e.order,
                phase: e.phase.into_inner(),
                area: e.area.into_inner(),
                in_table1: e.in_table1,
                table1_column: e.table1_column.map(Spanned::into_inner),
                source: e.source.into_inner(),
                citations: e.citations,
                note: e.note,
                line: line_of(text, span.start),
                derived: None,
            });
        }
        Ok(Chronology {
            dyad,
            version: raw.version,
            file: file.to_string(),
            sha256: sha256_hex(text),
            entries,
        })
    }
}
