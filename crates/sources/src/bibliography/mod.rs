//! What to cite: the BibTeX entries of the datasets ordo reads, of ordo
//! itself and of the article behind it, as BibTeX or as a reference list.
//!
//! The entries come from peacesciencer's bibliography `ps_bib` (read from
//! the data directory through [`PS_BIB`]) where it has the work, and from
//! ordo's own bibliography (`data/bibliography.bib`, compiled in) for ordo,
//! the article and the datasets `ps_bib` lacks; [`keys`] maps every dataset
//! of the catalog to its keys. `ps_data_version` is read beside it: the
//! versions peacesciencer lists are printed next to the ones ordo reads.
//!
//! `ps_bib` is used as peacesciencer's `ps_cite()` prints it (entry type,
//! key, the non-empty fields, `AUTHOR`/`EDITOR` names joined with `and`),
//! with four differences, all documented in docs/citations.md: field names
//! and types in lower case, `OTHER` written as `misc` (not a BibTeX type),
//! the fields peacesciencer keeps for its own use left out (`KEYWORDS`,
//! `OWNER`, `TIMESTAMP`, `DATE.ADDED`, `DATE.MODIFIED`, `EPRINT`,
//! `ABSTRACT`), and the slips listed in [`CORRECTIONS`] corrected.

mod bibtex;
pub mod keys;
mod text;

pub use bibtex::{balance_braces, is_key, parse, ParseError, Parsed, FIELD_ORDER, TYPES};
pub use text::{names, plain, Name};

use crate::catalog::DatasetSpec;
use crate::data_dir::{DataDir, DataError};
use crate::datasets::bib::{PS_BIB, PS_DATA_VERSION};
use crate::table::{ReadError, SourceUse};
use arrow_array::cast::AsArray;
use arrow_array::types::Int64Type;
use arrow_array::{Array, RecordBatch};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// ordo's own bibliography; `@VERSION@` stands for ordo's version.
const OWN: &str = include_str!("../../data/bibliography.bib");
/// Where that file is in the repository, for messages.
pub const OWN_FILE: &str = "crates/sources/data/bibliography.bib";

/// Where an entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// peacesciencer's `ps_bib`.
    PsBib,
    /// ordo's own bibliography.
    Ordo,
}

/// One BibTeX entry, its values as LaTeX with balanced braces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The entry type in lower case (`article`, `book`, `misc`, …).
    pub kind: String,
    pub key: String,
    /// `(field, value)`, field names in lower case, in [`FIELD_ORDER`].
    pub fields: Vec<(String, String)>,
    pub origin: Origin,
}

impl Entry {
    /// An entry with its values made safe for a `.bib` file and its fields
    /// in the order they are written; empty values are dropped.
    pub fn new(kind: &str, key: &str, fields: Vec<(String, String)>, origin: Origin) -> Entry {
        let mut fields: Vec<(String, String)> = fields
            .into_iter()
            .map(|(f, v)| {
                let f = f.to_ascii_lowercase();
                let v = bibtex::value(&f, &v);
                (f, v)
            })
            .filter(|(_, v)| !v.is_empty())
            .collect();
        let rank = |f: &str| {
            FIELD_ORDER
                .iter()
                .position(|o| *o == f)
                .unwrap_or(usize::MAX)
        };
        fields.sort_by_key(|(f, _)| rank(f));
        Entry {
            kind: kind.to_ascii_lowercase(),
            key: key.to_string(),
            fields,
            origin,
        }
    }

    /// A field's value (LaTeX).
    pub fn get(&self, field: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, v)| v.as_str())
    }

    /// The entry as BibTeX.
    pub fn bibtex(&self) -> String {
        bibtex::write(self)
    }

    /// The entry as a line of a reference list (author-year).
    pub fn reference(&self) -> String {
        text::reference(self)
    }
}

/// A field of a `ps_bib` entry ordo changes: the entry, the field, the
/// value `ps_bib` has (`None`: absent) and the value ordo prints. A
/// correction applies only while `ps_bib` has exactly that value, so a
/// release that fixes it upstream is used as it is.
#[derive(Debug, Clone, Copy)]
pub struct Correction {
    pub key: &'static str,
    pub field: &'static str,
    pub was: Option<&'static str>,
    pub now: &'static str,
    pub why: &'static str,
}

const MID5_ISSUE: &str = "placeholder of the online-first article: MID5 is Conflict Management and Peace Science 39(4): 470-482, 2022 (the catalog's citation)";
const PS_ISSUE: &str =
    "the article's issue and DOI, as the catalog and peacesciencer's CITATION file give them";

/// The slips of `ps_bib` (peacesciencer 1.2.9) ordo corrects.
pub static CORRECTIONS: &[Correction] = &[
    Correction {
        key: "cowstates2016",
        field: "author",
        was: Some("Correlates of War"),
        now: "{Correlates of War Project}",
        why: "a corporate author in braces: unbraced, BibTeX reads the person \"War, Correlates of\"",
    },
    Correction {
        key: "cowstates2016",
        field: "year",
        was: Some("2011"),
        now: "2017",
        why: "v2016 of the list was released in 2017 (the catalog's citation)",
    },
    Correction {
        key: "leedsetal2002atop",
        field: "author",
        was: Some("Bretty Ashley Leeds and Jeffrey M. Ritter and Sara McLaughlin Mitchell and Andrew G. Long"),
        now: "Brett Ashley Leeds and Jeffrey M. Ritter and Sara McLaughlin Mitchell and Andrew G. Long",
        why: "a typo for Brett",
    },
    Correction {
        key: "singer1987rcwd",
        field: "author",
        was: Some("David J. Singer"),
        now: "J. David Singer",
        why: "J. David Singer, as ps_bib's singeretal1972cdu and every COW citation write him",
    },
    Correction {
        key: "palmeretal2021mid5",
        field: "year",
        was: Some("2021"),
        now: "2022",
        why: MID5_ISSUE,
    },
    Correction {
        key: "palmeretal2021mid5",
        field: "volume",
        was: Some("0"),
        now: "39",
        why: MID5_ISSUE,
    },
    Correction {
        key: "palmeretal2021mid5",
        field: "number",
        was: Some("0"),
        now: "4",
        why: MID5_ISSUE,
    },
    Correction {
        key: "palmeretal2021mid5",
        field: "pages",
        was: Some("0"),
        now: "470--482",
        why: MID5_ISSUE,
    },
    Correction {
        key: "peacesciencer-package",
        field: "volume",
        was: None,
        now: "39",
        why: PS_ISSUE,
    },
    Correction {
        key: "peacesciencer-package",
        field: "number",
        was: None,
        now: "6",
        why: PS_ISSUE,
    },
    Correction {
        key: "peacesciencer-package",
        field: "pages",
        was: None,
        now: "755--779",
        why: PS_ISSUE,
    },
    Correction {
        key: "peacesciencer-package",
        field: "doi",
        was: None,
        now: "10.1177/07388942221077926",
        why: PS_ISSUE,
    },
];

/// `ps_bib` columns written as BibTeX fields (lower-cased); the others
/// are peacesciencer's bookkeeping. `JOURNALTITLE` (biblatex) becomes
/// `journal` where `JOURNAL` is empty.
const PS_FIELDS: &[&str] = &[
    "ADDRESS",
    "ANNOTE",
    "AUTHOR",
    "BOOKTITLE",
    "CHAPTER",
    "CROSSREF",
    "EDITION",
    "EDITOR",
    "HOWPUBLISHED",
    "INSTITUTION",
    "JOURNAL",
    "KEY",
    "MONTH",
    "NOTE",
    "NUMBER",
    "ORGANIZATION",
    "PAGES",
    "PUBLISHER",
    "SCHOOL",
    "SERIES",
    "TITLE",
    "TYPE",
    "VOLUME",
    "URL",
    "DOI",
    "ISSN",
];

/// Columns holding name lists (R list columns written with `"; "`).
const NAME_LISTS: &[&str] = &["AUTHOR", "EDITOR"];

/// A version peacesciencer lists for a data source (`ps_data_version`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PsVersion {
    pub category: String,
    pub data: String,
    pub version: String,
    /// The key of its citation in `ps_bib` (after [`keys::PS_VERSION_KEY_ALIASES`]).
    pub key: String,
}

/// Why citations cannot be given.
#[derive(Debug, thiserror::Error)]
pub enum BibError {
    #[error(transparent)]
    Data(#[from] DataError),
    #[error("ordo's bibliography ({OWN_FILE}), line {line}: {message}")]
    Own { line: usize, message: String },
    #[error("dataset `{dataset}` is cited as `{key}`, an entry neither peacesciencer's bibliography ({ps_bib}) nor ordo's own ({OWN_FILE}) has")]
    MissingKey {
        dataset: String,
        key: String,
        ps_bib: PathBuf,
    },
}

impl From<ReadError> for BibError {
    fn from(e: ReadError) -> Self {
        BibError::Data(e.into())
    }
}

/// Every entry ordo can cite, and peacesciencer's versions.
#[derive(Debug, Clone)]
pub struct Bibliography {
    entries: BTreeMap<String, Entry>,
    versions: Vec<PsVersion>,
    /// The files read (`ps_bib`, `ps_data_version`).
    pub sources: Vec<SourceUse>,
    /// The corrections applied, as `(key, field)`.
    pub corrected: Vec<(&'static str, &'static str)>,
}

impl Bibliography {
    /// Reads `ps_bib` and `ps_data_version` from the data directory and
    /// ordo's own bibliography. An entry of `ps_bib` takes the place of
    /// one of ordo's with the same key.
    pub fn load(dir: &DataDir) -> Result<Bibliography, BibError> {
        let mut entries: BTreeMap<String, Entry> =
            own()?.into_iter().map(|e| (e.key.clone(), e)).collect();
        let table = PS_BIB.read(dir)?;
        let mut corrected = Vec::new();
        for e in ps_entries(dir, &table.batch, &table.source.file, &mut corrected)? {
            entries.insert(e.key.clone(), e);
        }
        let versions = PS_DATA_VERSION.read(dir)?;
        Ok(Bibliography {
            entries,
            versions: ps_versions(&versions.batch),
            sources: vec![table.source, versions.source],
            corrected,
        })
    }

    /// The entry with `key`.
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.entries.get(key)
    }

    /// Every entry, by key.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.values()
    }

    /// The rows of `ps_data_version`.
    pub fn versions(&self) -> &[PsVersion] {
        &self.versions
    }

    /// The citations of `datasets`, of the works `also` names by key, of
    /// ordo and of the article behind it.
    pub fn cite(
        &self,
        datasets: &[&'static DatasetSpec],
        also: &[&str],
    ) -> Result<Citations, BibError> {
        let mut chosen: BTreeSet<&str> = [keys::ORDO, keys::SEED_ARTICLE].into();
        let mut cited = Vec::new();
        let mut seen = BTreeSet::new();
        for &d in datasets {
            if !seen.insert(d.id) {
                continue;
            }
            let ks = keys::of_dataset(d.id);
            for k in ks {
                if !self.entries.contains_key(*k) {
                    return Err(BibError::MissingKey {
                        dataset: d.id.to_string(),
                        key: k.to_string(),
                        ps_bib: self.ps_bib_file(),
                    });
                }
            }
            chosen.extend(ks.iter().copied());
            let peacesciencer = self.listed_versions(ks);
            cited.push(Cited {
                dataset: d,
                keys: ks,
                peacesciencer,
            });
        }
        for k in also {
            if !self.entries.contains_key(*k) {
                return Err(BibError::MissingKey {
                    dataset: "(the command's own sources)".into(),
                    key: k.to_string(),
                    ps_bib: self.ps_bib_file(),
                });
            }
            chosen.insert(*k);
        }
        let mut entries: Vec<Entry> = chosen
            .into_iter()
            .filter_map(|k| self.entries.get(k).cloned())
            .collect();
        entries.sort_by(|a, b| (a.key.to_lowercase(), &a.key).cmp(&(b.key.to_lowercase(), &b.key)));
        Ok(Citations {
            datasets: cited,
            entries,
        })
    }

    /// The versions `ps_data_version` lists for the works `keys` names:
    /// those of the datasets' own works, else (for peacesciencer's own
    /// files) those of the package; each once.
    fn listed_versions(&self, keys: &[&str]) -> Vec<PsVersion> {
        let of = |own: bool| -> Vec<PsVersion> {
            let mut seen = BTreeSet::new();
            self.versions
                .iter()
                .filter(|v| keys.contains(&v.key.as_str()) && (v.key != keys::PEACESCIENCER) == own)
                .filter(|v| seen.insert((v.data.clone(), v.version.clone())))
                .cloned()
                .collect()
        };
        let own = of(true);
        if own.is_empty() {
            of(false)
        } else {
            own
        }
    }

    fn ps_bib_file(&self) -> PathBuf {
        self.sources
            .first()
            .map_or_else(|| PathBuf::from("ps_bib/ps_bib.csv"), |s| s.file.clone())
    }
}

/// ordo's own entries, `@VERSION@` replaced by ordo's version.
pub fn own() -> Result<Vec<Entry>, BibError> {
    let text = OWN.replace("@VERSION@", env!("CARGO_PKG_VERSION"));
    let parsed = bibtex::parse(&text).map_err(|e| BibError::Own {
        line: e.line,
        message: e.message,
    })?;
    let mut keys = BTreeSet::new();
    for p in &parsed {
        if !keys.insert(p.key.clone()) {
            return Err(BibError::Own {
                line: p.line,
                message: format!("key `{}` twice", p.key),
            });
        }
    }
    Ok(parsed
        .into_iter()
        .map(|p| Entry::new(&p.kind, &p.key, p.fields, Origin::Ordo))
        .collect())
}

/// A dataset cited: its keys and the versions peacesciencer lists for them.
#[derive(Debug, Clone)]
pub struct Cited {
    pub dataset: &'static DatasetSpec,
    pub keys: &'static [&'static str],
    pub peacesciencer: Vec<PsVersion>,
}

/// What to cite for a set of datasets.
#[derive(Debug, Clone)]
pub struct Citations {
    /// The datasets, in the order asked, each once.
    pub datasets: Vec<Cited>,
    /// The entries, sorted by key (case-insensitively), each once.
    pub entries: Vec<Entry>,
}

impl Citations {
    /// Valid BibTeX: a comment naming each dataset's keys (text outside
    /// entries is a comment to BibTeX), then the entries.
    pub fn bibtex(&self) -> String {
        let mut out = format!(
            "% ordo {}: the references of ordo, of the article behind it and of the datasets below.\n",
            env!("CARGO_PKG_VERSION")
        );
        for c in &self.datasets {
            out.push_str(&format!(
                "% {} ({} {}): {}\n",
                c.dataset.id,
                c.dataset.title,
                c.dataset.version,
                c.keys.join(", ")
            ));
        }
        for e in &self.entries {
            out.push('\n');
            out.push_str(&e.bibtex());
        }
        out
    }

    /// The reference list: one line per entry, sorted as a reference list
    /// is (by author, then year), each once.
    pub fn references(&self) -> Vec<String> {
        let mut lines: Vec<String> = self.entries.iter().map(Entry::reference).collect();
        lines.sort_by_cached_key(|l| (l.to_lowercase(), l.clone()));
        lines.dedup();
        lines
    }

    /// The reference list, then the version of each dataset ordo reads
    /// beside the one peacesciencer lists (`ps_data_version`).
    pub fn text(&self) -> String {
        let mut out = self.references().join("\n");
        out.push('\n');
        if self.datasets.is_empty() {
            return out;
        }
        out.push_str("\nVersions read by ordo, and those peacesciencer's ps_data_version lists:\n");
        for c in &self.datasets {
            let ps = if c.peacesciencer.is_empty() {
                "not in peacesciencer's list".to_string()
            } else {
                let listed: Vec<String> = c
                    .peacesciencer
                    .iter()
                    .map(|v| format!("{} {}", plain(&v.data), v.version))
                    .collect();
                format!("peacesciencer lists {}", listed.join("; "))
            };
            out.push_str(&format!(
                "  {}: {} ({ps})\n",
                c.dataset.id, c.dataset.version
            ));
        }
        out
    }
}

/// The entries of `ps_bib`, checked: every row has an entry type BibTeX
/// knows and a usable key; a problem names the file, line and column.
fn ps_entries(
    dir: &DataDir,
    batch: &RecordBatch,
    file: &std::path::Path,
    corrected: &mut Vec<(&'static str, &'static str)>,
) -> Result<Vec<Entry>, BibError> {
    let text = |name: &str| {
        batch
            .column_by_name(name)
            .unwrap_or_else(|| panic!("ps_bib spec declares {name}"))
            .as_string::<i32>()
            .clone()
    };
    let field_error = |row: usize, column: &str, value: &str, problem: String| -> BibError {
        ReadError::Field {
            file: file.to_path_buf(),
            line: line_of_row(dir, row),
            column: column.to_string(),
            value: value.to_string(),
            problem,
        }
        .into()
    };
    let (kinds, keys) = (text("CATEGORY"), text("BIBTEXKEY"));
    let years = batch
        .column_by_name("YEAR")
        .expect("ps_bib spec declares YEAR")
        .as_primitive::<Int64Type>()
        .clone();
    let columns: Vec<(&str, _)> = PS_FIELDS.iter().map(|c| (*c, text(c))).collect();
    let journaltitle = text("JOURNALTITLE");
    let mut entries = Vec::with_capacity(batch.num_rows());
    for row in 0..batch.num_rows() {
        let kind = if kinds.is_null(row) {
            ""
        } else {
            kinds.value(row)
        };
        let kind = match kind.to_ascii_lowercase().as_str() {
            "other" => "misc".to_string(),
            k if TYPES.contains(&k) => k.to_string(),
            _ => {
                return Err(field_error(
                    row,
                    "CATEGORY",
                    kind,
                    format!("not a BibTeX entry type (one of {})", TYPES.join(", ")),
                ))
            }
        };
        let key = if keys.is_null(row) {
            ""
        } else {
            keys.value(row)
        };
        if !is_key(key) {
            return Err(field_error(
                row,
                "BIBTEXKEY",
                key,
                "not a BibTeX key (not empty, no spaces, commas, braces, quotes or any of #%'=~\\)"
                    .into(),
            ));
        }
        let mut fields: Vec<(String, String)> = Vec::new();
        for (column, values) in &columns {
            if values.is_null(row) || values.value(row).trim().is_empty() {
                continue;
            }
            let v = values.value(row);
            let v = if NAME_LISTS.contains(column) {
                v.split(';')
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .collect::<Vec<_>>()
                    .join(" and ")
            } else {
                v.to_string()
            };
            fields.push((column.to_ascii_lowercase(), v));
        }
        if !years.is_null(row) {
            fields.push(("year".into(), years.value(row).to_string()));
        }
        if !fields.iter().any(|(f, _)| f == "journal") && !journaltitle.is_null(row) {
            fields.push(("journal".into(), journaltitle.value(row).to_string()));
        }
        for c in CORRECTIONS.iter().filter(|c| c.key == key) {
            let at = fields.iter().position(|(f, _)| f == c.field);
            match (at, c.was) {
                (Some(i), Some(was)) if fields[i].1 == was => {
                    fields[i].1 = c.now.to_string();
                    corrected.push((c.key, c.field));
                }
                (None, None) => {
                    fields.push((c.field.to_string(), c.now.to_string()));
                    corrected.push((c.key, c.field));
                }
                _ => {}
            }
        }
        entries.push(Entry::new(&kind, key, fields, Origin::PsBib));
    }
    Ok(entries)
}

/// The line of `ps_bib` a data row starts on (rows and lines differ when a
/// field holds a line break), found again for an error message.
fn line_of_row(dir: &DataDir, row: usize) -> u64 {
    let Ok(mut t) = dir.open(PS_BIB.dataset, PS_BIB.file) else {
        return 0;
    };
    let mut n = 0;
    while let Ok(Some(r)) = t.next_row() {
        if n == row {
            return r.line();
        }
        n += 1;
    }
    0
}

/// The rows of `ps_data_version`, keys spelled as in `ps_bib`.
fn ps_versions(batch: &RecordBatch) -> Vec<PsVersion> {
    let text = |name: &str| {
        batch
            .column_by_name(name)
            .unwrap_or_else(|| panic!("ps_data_version spec declares {name}"))
            .as_string::<i32>()
            .clone()
    };
    let (category, data, version, key) = (
        text("category"),
        text("data"),
        text("version"),
        text("bibtexkey"),
    );
    let value = |a: &arrow_array::StringArray, i: usize| {
        if a.is_null(i) {
            String::new()
        } else {
            a.value(i).to_string()
        }
    };
    (0..batch.num_rows())
        .map(|i| {
            let k = value(&key, i);
            let k = keys::PS_VERSION_KEY_ALIASES
                .iter()
                .find(|(listed, _)| *listed == k)
                .map_or(k.clone(), |(_, bib)| bib.to_string());
            PsVersion {
                category: value(&category, i),
                data: value(&data, i),
                version: value(&version, i),
                key: k,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordo_s_own_bibliography_reads_and_round_trips() {
        let own = own().unwrap();
        assert!(own.iter().any(|e| e.key == keys::ORDO));
        assert!(own.iter().any(|e| e.key == keys::SEED_ARTICLE));
        for e in &own {
            let again = bibtex::parse(&e.bibtex()).unwrap();
            assert_eq!(again.len(), 1);
            let again = Entry::new(
                &again[0].kind,
                &again[0].key,
                again[0].fields.clone(),
                Origin::Ordo,
            );
            assert_eq!(&again, e, "{}", e.key);
        }
        let ordo = own.iter().find(|e| e.key == keys::ORDO).unwrap();
        assert!(ordo
            .get("note")
            .unwrap()
            .ends_with(&format!("version {}", env!("CARGO_PKG_VERSION"))));
    }

    #[test]
    fn the_seed_article_reads_as_the_report_cites_it() {
        let own = own().unwrap();
        let seed = own.iter().find(|e| e.key == keys::SEED_ARTICLE).unwrap();
        assert_eq!(
            seed.reference(),
            "Natalizia, Gabriele, and Mara Morini. 2020. \"Sleeping with the enemy: The not-so-constant Italian stance towards Russia.\" Italian Political Science 15(1): 42–59."
        );
        assert_eq!(
            seed.bibtex(),
            "@article{natalizia2020swe,\n  author = {Natalizia, Gabriele and Morini, Mara},\n  title = {Sleeping with the enemy: The not-so-constant {I}talian stance towards {R}ussia},\n  journal = {Italian Political Science},\n  volume = {15},\n  number = {1},\n  pages = {42--59},\n  year = {2020}\n}\n"
        );
    }

    #[test]
    fn references_of_each_entry_type() {
        let book = Entry::new(
            "book",
            "k",
            vec![
                ("author".into(), "Zeev Maoz".into()),
                ("title".into(), "Networks of Nations".into()),
                ("publisher".into(), "Cambridge University Press".into()),
                ("address".into(), "Cambridge".into()),
                ("year".into(), "2010".into()),
            ],
            Origin::Ordo,
        );
        assert_eq!(
            book.reference(),
            "Maoz, Zeev. 2010. Networks of Nations. Cambridge: Cambridge University Press."
        );
        let chapter = Entry::new(
            "incollection",
            "k",
            vec![
                (
                    "author".into(),
                    "Singer, J. David and Bremer, Stuart A.".into(),
                ),
                ("title".into(), "Capability Distribution".into()),
                ("booktitle".into(), "Peace, War and Numbers".into()),
                ("editor".into(), "Russett, Bruce".into()),
                ("publisher".into(), "Beverly Hills, CA: Sage".into()),
                ("pages".into(), "19--48".into()),
                ("year".into(), "1972".into()),
            ],
            Origin::Ordo,
        );
        assert_eq!(
            chapter.reference(),
            "Singer, J. David, and Stuart A. Bremer. 1972. \"Capability Distribution.\" In Peace, War and Numbers, ed. Bruce Russett, 19–48. Beverly Hills, CA: Sage."
        );
        let data = Entry::new(
            "misc",
            "k",
            vec![
                ("author".into(), "{Correlates of War Project}".into()),
                ("title".into(), "State System Membership List, v2024".into()),
                ("year".into(), "2024".into()),
                ("url".into(), "https://correlatesofwar.org/".into()),
            ],
            Origin::Ordo,
        );
        assert_eq!(
            data.reference(),
            "Correlates of War Project. 2024. State System Membership List, v2024. https://correlatesofwar.org/"
        );
        let no_year = Entry::new(
            "manual",
            "k",
            vec![
                ("author".into(), "Beger, Andreas".into()),
                ("title".into(), "icews".into()),
                ("note".into(), "R package".into()),
            ],
            Origin::Ordo,
        );
        assert_eq!(
            no_year.reference(),
            "Beger, Andreas. n.d. icews. R package."
        );
    }
}
