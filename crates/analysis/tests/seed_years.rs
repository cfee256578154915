//! The Italy–Russia chronology is complete against its two seed texts: every
//! year either text writes is accounted for, by an entry or by a reasoned
//! exclusion.
//!
//! The seeds are Natalizia, Gabriele, and Mara Morini. 2020. "Sleeping with
//! the enemy: The not-so-constant Italian stance towards Russia." *Italian
//! Political Science* 15(1): 42–59 (source `000`, "the article"), and an
//! encyclopedia entry on Russia's relations with Italy, 1861–1991, in French
//! translation (source `004`, "the entry"). They are not in the repository:
//! the tests read them from `$ORDO_SEEDS`, or else from the workplace's seed
//! directory beside the data (as CI has it), and fail if they are missing.
//!
//! The rule (docs/chronology.md, "Completeness against the seeds"): every
//! four-digit year 1700–2030 of a seed is the `date` year or the `end` year
//! of an entry of `ita_rus.toml` whose `source` names that seed — years
//! strictly inside a span do not count — or has a row in
//! `ita_rus_seed_exclusions.toml`; a row that is no longer needed fails too.

use ordo_analysis::chronology::Chronology;
use ordo_analysis::periods::Periodization;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const EXCLUSIONS: &str = include_str!("../data/chronology/ita_rus_seed_exclusions.toml");
const EXCLUSIONS_FILE: &str = "crates/analysis/data/chronology/ita_rus_seed_exclusions.toml";

/// What an excluded year is (see the header of the exclusion file).
const KINDS: [&str; 5] = ["citation", "periodization", "framing", "office", "decade"];

/// The seeds: source id in the chronology, and how messages name them.
const SEEDS: [(&str, &str); 2] = [
    ("000", "the article, Natalizia and Morini 2020"),
    (
        "004",
        "the encyclopedia entry on Russia's relations with Italy",
    ),
];

// ------------------------------------------------------------- extraction

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The text with line-end hyphenation joined (a word character, `-`, white
/// space holding a line break, a word character: the hyphen and the white
/// space go) and every run of white space collapsed to one space.
fn normalise(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut joined = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '-' && i > 0 && is_word(chars[i - 1]) {
            let mut j = i + 1;
            let mut line_break = false;
            while j < chars.len() && chars[j].is_whitespace() {
                line_break |= chars[j] == '\n';
                j += 1;
            }
            if line_break && j < chars.len() && is_word(chars[j]) {
                i = j;
                continue;
            }
        }
        joined.push(chars[i]);
        i += 1;
    }
    let mut out = String::with_capacity(joined.len());
    let mut space = false;
    for c in joined.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// Every year of a normalised text: a run of exactly four ASCII digits, not
/// part of a longer number, from 1700 to 2030; `(byte offset, year)` in text
/// order, one per occurrence (a range `1936-1941` gives both ends, not the
/// years between).
fn years(text: &str) -> Vec<(usize, u16)> {
    let mut out = Vec::new();
    let mut run: Option<(usize, usize)> = None; // (start, chars) of the current run of digits
    let mut close = |run: Option<(usize, usize)>, end: usize| {
        if let Some((start, 4)) = run {
            let digits = &text[start..end];
            if digits.bytes().all(|b| b.is_ascii_digit()) {
                let y: u16 = digits.parse().expect("four ASCII digits");
                if (1700..=2030).contains(&y) {
                    out.push((start, y));
                }
            }
        }
    };
    for (at, c) in text.char_indices() {
        if c.is_numeric() {
            run = Some(match run {
                Some((start, n)) => (start, n + 1),
                None => (at, 1),
            });
        } else {
            close(run.take(), at);
        }
    }
    close(run, text.len());
    out
}

/// Up to `width` characters of `text` either side of the byte range.
fn snippet(text: &str, start: usize, end: usize, width: usize) -> String {
    let before: String = text[..start]
        .chars()
        .rev()
        .take(width)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = text[end..].chars().take(width).collect();
    format!("…{before}[{}]{after}…", &text[start..end])
}

// ------------------------------------------------------------------ seeds

struct Seed {
    source: &'static str,
    label: &'static str,
    /// The normalised text.
    text: String,
    /// Every mention, in text order.
    mentions: Vec<(usize, u16)>,
}

impl Seed {
    /// Distinct years with the offsets of their mentions.
    fn by_year(&self) -> BTreeMap<u16, Vec<usize>> {
        let mut m: BTreeMap<u16, Vec<usize>> = BTreeMap::new();
        for &(at, y) in &self.mentions {
            m.entry(y).or_default().push(at);
        }
        m
    }

    fn snippets(&self, year: u16) -> String {
        self.mentions
            .iter()
            .filter(|(_, y)| *y == year)
            .map(|&(at, _)| format!("\n      {}", snippet(&self.text, at, at + 4, 70)))
            .collect()
    }
}

/// Where the seed texts are: `$ORDO_SEEDS`, else the workplace's seed
/// directory, found among the ancestors of this crate.
fn seed_dir() -> Result<PathBuf, String> {
    if let Some(dir) = std::env::var_os("ORDO_SEEDS") {
        let dir = PathBuf::from(dir);
        return if dir.is_dir() {
            Ok(dir)
        } else {
            Err(format!("ORDO_SEEDS={} is not a directory", dir.display()))
        };
    }
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.ancestors()
        .map(|a| a.join("shared").join("seeds"))
        .find(|d| d.is_dir())
        .ok_or_else(|| {
            format!(
                "ORDO_SEEDS is not set and no seed directory is beside the data above {}",
                here.display()
            )
        })
}

/// The two seeds, read and normalised; panics with a clear message if they
/// cannot be found.
fn seeds() -> Vec<Seed> {
    let fail = |why: String| -> ! {
        panic!(
            "the seed texts of the Italy-Russia chronology were not found: {why}.\n\
             They are kept outside the repository: set ORDO_SEEDS to the directory \
             holding them (one file named 000_*.txt, the article, and one named \
             004_*.txt, the encyclopedia entry)."
        )
    };
    let dir = seed_dir().unwrap_or_else(|e| fail(e));
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| fail(format!("cannot list {}: {e}", dir.display())))
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    SEEDS
        .iter()
        .map(|&(source, label)| {
            let prefix = format!("{source}_");
            let found: Vec<&String> = names.iter().filter(|n| n.starts_with(&prefix)).collect();
            let [name] = found.as_slice() else {
                fail(format!(
                    "{} files named {prefix}* in {} (want exactly one, {label})",
                    found.len(),
                    dir.display()
                ))
            };
            let raw = std::fs::read_to_string(dir.join(name))
                .unwrap_or_else(|e| fail(format!("cannot read {label}: {e}")));
            let text = normalise(&raw);
            let mentions = years(&text);
            Seed {
                source,
                label,
                text,
                mentions,
            }
        })
        .collect()
}

// ---------------------------------------------------- chronology and table

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExclusionFile {
    exclusion: Vec<Exclusion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Exclusion {
    source: String,
    year: u16,
    kind: String,
    reason: String,
}

/// The exclusion table, checked for form: known sources and kinds, a
/// reason, one row per (source, year), sorted.
fn exclusions() -> BTreeMap<(String, u16), Exclusion> {
    let file: ExclusionFile =
        toml::from_str(EXCLUSIONS).unwrap_or_else(|e| panic!("{EXCLUSIONS_FILE}: {e}"));
    let mut rows = BTreeMap::new();
    let mut last: Option<(String, u16)> = None;
    for row in file.exclusion {
        let key = (row.source.clone(), row.year);
        let at = format!("{EXCLUSIONS_FILE}: row ({}, {})", row.source, row.year);
        assert!(
            SEEDS.iter().any(|(s, _)| *s == row.source),
            "{at}: `source` is not one of the seeds {:?}",
            SEEDS.map(|(s, _)| s)
        );
        assert!(
            KINDS.contains(&row.kind.as_str()),
            "{at}: `kind` `{}` is not one of {KINDS:?}",
            row.kind
        );
        assert!(!row.reason.trim().is_empty(), "{at}: `reason` is empty");
        assert!(
            last.as_ref().is_none_or(|l| *l < key),
            "{at}: rows must be sorted by source then year, each (source, year) once"
        );
        last = Some(key.clone());
        rows.insert(key, row);
    }
    rows
}

fn ita_rus() -> Chronology {
    Chronology::builtin(&Periodization::builtin()).remove(0)
}

/// The entries that cover `year` for `source`: from that source, with
/// `year` as their date year or end year.
fn covering<'a>(c: &'a Chronology, source: &str, year: u16) -> Vec<&'a str> {
    let y = year.to_string();
    c.entries
        .iter()
        .filter(|e| e.source.iter().any(|s| s == source))
        .filter(|e| e.date[..4] == y || e.end.as_deref().is_some_and(|end| end[..4] == y))
        .map(|e| e.id.as_str())
        .collect()
}

// ------------------------------------------------------------------ tests

/// Every year of each seed is covered by an entry from that seed or listed,
/// with its reason, in the exclusion table; and every row of the table is
/// still needed.
#[test]
fn every_seed_year_is_covered_or_excluded() {
    let seeds = seeds();
    let chronology = ita_rus();
    let table = exclusions();
    let mut problems = Vec::new();
    for seed in &seeds {
        let by_year = seed.by_year();
        let (mut covered, mut excluded) = (0, 0);
        for &year in by_year.keys() {
            let ids = covering(&chronology, seed.source, year);
            match (ids.is_empty(), table.get(&(seed.source.to_string(), year))) {
                (false, None) => covered += 1,
                (true, Some(_)) => excluded += 1,
                (true, None) => problems.push(format!(
                    "({}, {year}) not covered: no entry with source {} is dated or ends in \
                     {year}, and the exclusion table has no row for it. Mentions in {}:{}",
                    seed.source,
                    seed.source,
                    seed.label,
                    seed.snippets(year)
                )),
                (false, Some(row)) => problems.push(format!(
                    "({}, {year}) stale exclusion row (kind {}): now covered by {}; \
                     remove the row. Mentions in {}:{}",
                    seed.source,
                    row.kind,
                    ids.join(", "),
                    seed.label,
                    seed.snippets(year)
                )),
            }
        }
        eprintln!(
            "source {} ({}): {} mentions, {} distinct years, {covered} covered by an entry, {excluded} excluded",
            seed.source,
            seed.label,
            seed.mentions.len(),
            by_year.len()
        );
        for ((source, year), row) in &table {
            if source == seed.source && !by_year.contains_key(year) {
                problems.push(format!(
                    "({source}, {year}) stale exclusion row (kind {}): {} no longer writes \
                     {year}; remove the row (reason was: {})",
                    row.kind, seed.label, row.reason
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "the Italy-Russia chronology is not complete against its seeds \
         (docs/chronology.md, \"Completeness against the seeds\"). For each year: add \
         an entry to ita_rus.toml from that source dated or ending in that year, or a \
         row to {EXCLUSIONS_FILE} with its kind and reason; remove stale rows.\n  {}",
        problems.join("\n  ")
    );
}

/// The extraction itself, checked against the counts found by reading the
/// seeds (docs/notes/seed-years.md), and the coverage numbers that
/// docs/chronology.md reports.
#[test]
fn seed_years_have_the_expected_numbers() {
    let seeds = seeds();
    let (article, entry) = (&seeds[0], &seeds[1]);
    let count = |s: &Seed, y: u16| s.mentions.iter().filter(|(_, m)| *m == y).count();
    let distinct = |s: &Seed| s.by_year().len();

    // The article: 289 mentions of 82 years, from 1812 to 2020.
    assert_eq!((article.mentions.len(), distinct(article)), (289, 82));
    let a = article.by_year();
    assert_eq!(
        (a.keys().next(), a.keys().last()),
        (Some(&1812), Some(&2020))
    );
    assert_eq!(
        [1936, 1941, 1979, 2008, 2011, 2017, 2020].map(|y| count(article, y)),
        [9, 9, 8, 11, 10, 15, 10]
    );
    // "2,300 troopers" is not a year; a footnote marker after a year is not
    // part of it ("in 1881,9" and "(1936-1941)2").
    assert_eq!(count(article, 1881), 2);
    assert!(!article.mentions.iter().any(|(_, y)| *y == 2300));

    // The entry: 27 mentions of 21 years, from 1870 to 1990; en-dash ranges
    // give both ends.
    assert_eq!((entry.mentions.len(), distinct(entry)), (27, 21));
    let e = entry.by_year();
    assert_eq!(
        (e.keys().next(), e.keys().last()),
        (Some(&1870), Some(&1990))
    );
    assert_eq!(
        [1909, 1911, 1912, 1933, 1939, 1943].map(|y| count(entry, y)),
        [2, 1, 1, 2, 3, 2]
    );

    // 92 distinct years in all; covered / excluded per seed.
    let all: BTreeSet<u16> = a.keys().chain(e.keys()).copied().collect();
    assert_eq!(all.len(), 92);
    let chronology = ita_rus();
    let covered = |s: &Seed| {
        s.by_year()
            .keys()
            .filter(|&&y| !covering(&chronology, s.source, y).is_empty())
            .count()
    };
    assert_eq!((covered(article), covered(entry)), (55, 19));
}

/// The extraction rules on small examples (no seed needed).
#[test]
fn extraction_rules() {
    assert_eq!(
        normalise("al-\nleged (Ro-  \n  mano, 2009)\n\n and  so"),
        "alleged (Romano, 2009) and so"
    );
    // Not joined: a hyphen without a line break, or not between words.
    assert_eq!(
        normalise("Rome-Berlin 1935 -\n1936"),
        "Rome-Berlin 1935 - 1936"
    );
    let ys = |t: &str| -> Vec<u16> { years(&normalise(t)).into_iter().map(|(_, y)| y).collect() };
    assert_eq!(
        ys("(1936-1941)2 and (1979-1985).3"),
        [1936, 1941, 1979, 1985]
    );
    assert_eq!(ys("guerre italo-turque (1911–1912)"), [1911, 1912]);
    assert_eq!(ys("in 1881,9 Tolyatti17 in 1965"), [1881, 1965]);
    assert_eq!(
        ys("2,300 troopers, 12345, 19361941, 123"),
        Vec::<u16>::new()
    );
    assert_eq!(ys("1699 1700 2030 2031"), [1700, 2030]);
    assert_eq!(ys("des années 1870; the 1990s"), [1870, 1990]);
    let t = normalise("in 1881,9 they");
    let (at, y) = years(&t)[0];
    assert_eq!((&t[at..at + 4], y), ("1881", 1881));
    assert_eq!(snippet(&t, at, at + 4, 3), "…in [1881],9 …");
}

/// The exclusion table is well formed, and none of its rows is covered by
/// an entry (the part of the staleness check that needs no seed).
#[test]
fn exclusion_table_is_well_formed() {
    let table = exclusions();
    let chronology = ita_rus();
    let n = |source: &str, kind: &str| {
        table
            .values()
            .filter(|r| r.source == source && (kind.is_empty() || r.kind == kind))
            .count()
    };
    assert_eq!((table.len(), n("000", ""), n("004", "")), (29, 27, 2));
    assert_eq!(
        KINDS.map(|k| n("000", k)),
        [21, 1, 4, 1, 0],
        "000 rows per kind {KINDS:?}"
    );
    assert_eq!(n("004", "decade"), 2);
    for ((source, year), row) in &table {
        let ids = covering(&chronology, source, *year);
        assert!(
            ids.is_empty(),
            "({source}, {year}) stale exclusion row (kind {}): covered by {}",
            row.kind,
            ids.join(", ")
        );
    }
}
