//! The report on a dyad: everything ordo knows about it, gathered by the
//! library calls behind the CLI's commands, so every number in the report
//! is the one `ordo <command>` prints, and the report names the command
//! behind each table and chart. `ordo report` and Python's
//! `Session.report` call [`write`].

pub mod chart;
pub mod charts;
pub mod document;
pub mod html;
pub mod markdown;
pub mod table;

mod write;

pub use write::{write, ReportFormat, ReportOptions, Written};

use ordo::columns::{floats, ints, texts};
use ordo::Session;
use ordo::Table;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A table and the command that printed it.
#[derive(Debug, Clone)]
pub struct Section {
    /// As typed after `ordo`.
    pub command: String,
    /// The table, or why there is none for this dyad (e.g. no chronology).
    pub table: Result<Table, String>,
    /// The table as one batch (concatenated once; read by several charts).
    batch: Option<arrow_array::RecordBatch>,
}

impl Section {
    /// The section labelled with the command `words` (as typed after
    /// `ordo`: a label, never run) and the result of the library call
    /// behind it.
    fn new(words: &[&str], result: anyhow::Result<Table>) -> Section {
        let table = result.map_err(|e| format!("{e:#}"));
        let batch = table.as_ref().ok().and_then(|t| t.batch().ok());
        Section {
            command: format!("ordo {}", words.join(" ")),
            table,
            batch,
        }
    }

    /// The table as one batch, if the command succeeded.
    pub fn batch(&self) -> Option<arrow_array::RecordBatch> {
        self.batch.clone()
    }

    /// The table's source lines, without the lines that only say whether a
    /// derived table came from the cache (they differ between a first and a
    /// second run, and are not part of the result).
    pub fn sources(&self) -> Vec<String> {
        match &self.table {
            Ok(t) => t
                .sources
                .iter()
                .filter(|l| !is_cache_note(l))
                .cloned()
                .collect(),
            Err(_) => Vec::new(),
        }
    }
}

/// Lines saying where a derived table was cached: true of this run only.
pub fn is_cache_note(line: &str) -> bool {
    line.contains("read from cache ") || line.contains("built and cached at ")
}

/// User files replacing ordo's defaults, passed to the calls that take
/// them (and named in each section's command).
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    /// `--periods FILE` (test, breaks, table1, chronology, periods, instability).
    pub periods: Option<String>,
    /// `--recipe FILE`: the cooperation recipe (test, cooperation, breaks).
    pub recipe: Option<String>,
    /// `--instability-recipe FILE` (test, instability).
    pub instability_recipe: Option<String>,
    /// `--chronology FILE` (table1 and chronology's `--file`).
    pub chronology: Option<String>,
}

impl Inputs {
    /// The flags of these files that `command` accepts.
    fn flags(&self, command: &str) -> Vec<String> {
        let (p, r, i, c) = (
            &self.periods,
            &self.recipe,
            &self.instability_recipe,
            &self.chronology,
        );
        let pairs: Vec<(&str, &Option<String>)> = match command {
            "test" => vec![
                ("--periods", p),
                ("--recipe", r),
                ("--instability-recipe", i),
            ],
            "cooperation" => vec![("--recipe", r)],
            "breaks" => vec![("--periods", p), ("--recipe", r)],
            "table1" | "chronology" => vec![("--periods", p), ("--file", c)],
            "periods" => vec![("--periods", p)],
            "instability" => vec![("--periods", p), ("--recipe", i)],
            _ => Vec::new(),
        };
        pairs
            .into_iter()
            .filter_map(|(f, v)| v.as_ref().map(|v| [f.to_string(), v.clone()]))
            .flatten()
            .collect()
    }
}

/// The dyad and everything the report shows about it.
pub struct Dossier {
    pub a: String,
    pub b: String,
    pub a_name: String,
    pub b_name: String,
    /// COW codes of `a` and `b`.
    pub codes: (u16, u16),
    pub from: i32,
    pub to: i32,
    pub test: Section,
    pub regression: Section,
    pub cooperation: Section,
    pub instability: Section,
    pub breaks: Section,
    pub table1: Section,
    pub evidence: Section,
    pub chronology: Section,
    pub periods: Section,
    pub dyad: Section,
    pub data: Section,
    /// The bibliography of the data and software: the reference list of
    /// `ordo cite --for report --format text`, or why there is none.
    pub citations: Result<Vec<String>, String>,
}

impl Dossier {
    /// Makes the calls behind the report. `a` and `b` are resolved first
    /// so that every section names the COW abbreviations.
    pub fn gather(
        session: &Session,
        a: &str,
        b: &str,
        years: (Option<i32>, Option<i32>),
        inputs: &Inputs,
    ) -> anyhow::Result<Dossier> {
        use ordo::{breaks, chronology, cooperation, dyad, instability, table1, test};
        let states = session.states()?;
        let (ca, cb) = session.dyad_codes(a, b)?;
        let state = |c: u16| {
            states
                .system
                .get(ordo_states::StateCode(c))
                .map(|s| (s.abbrev.clone(), s.name.clone()))
                .ok_or_else(|| anyhow::anyhow!("COW code {c} is not in the state system"))
        };
        let ((a, a_name), (b, b_name)) = (state(ca)?, state(cb)?);
        let (a, b) = (a.as_str(), b.as_str());
        let section = |words: &[&str], result: anyhow::Result<Table>| {
            let flags = inputs.flags(words[0]);
            let mut all: Vec<&str> = words.to_vec();
            all.extend(flags.iter().map(String::as_str));
            Section::new(&all, result)
        };
        let path = |p: &Option<String>| p.as_ref().map(PathBuf::from);
        let (ab, periods) = ((a.to_string(), b.to_string()), path(&inputs.periods));
        let test = test::TestOptions {
            a: ab.0.clone(),
            b: ab.1.clone(),
            periods: periods.clone(),
            recipe: path(&inputs.recipe),
            instability_recipe: path(&inputs.instability_recipe),
            ..Default::default()
        };
        let regression = test::TestOptions {
            regression: true,
            ..test.clone()
        };
        let table1 = table1::Table1Options {
            a: ab.0.clone(),
            b: ab.1.clone(),
            file: inputs.chronology.iter().map(PathBuf::from).collect(),
            periods: periods.clone(),
            ..Default::default()
        };
        let files: Vec<PathBuf> = inputs.chronology.iter().map(PathBuf::from).collect();
        // a dyad without a curated chronology gets the one derived from the data
        let derive = !session.has_curated_chronology(a, b, &files, periods.as_deref())?;
        let chronology_words: Vec<&str> = if derive {
            vec!["chronology", a, b, "--derive"]
        } else {
            vec!["chronology", a, b]
        };
        let evidence = table1::Table1Options {
            evidence: true,
            ..table1.clone()
        };
        let cooperation = section(
            &["cooperation", a, b],
            session.cooperation(&cooperation::CooperationOptions {
                a: ab.0.clone(),
                b: ab.1.clone(),
                recipe: path(&inputs.recipe),
                ..Default::default()
            }),
        );
        let coop_years = cooperation
            .batch()
            .map(|t| year_values(&t, "index"))
            .unwrap_or_default();
        let first = coop_years
            .keys()
            .next()
            .copied()
            .unwrap_or(ordo::tables::FIRST_YEAR);
        let last = coop_years
            .keys()
            .last()
            .copied()
            .unwrap_or(ordo::tables::LAST_YEAR);
        let (from, to) = (years.0.unwrap_or(first), years.1.unwrap_or(last));
        if from > to {
            anyhow::bail!("--from {from} is after --to {to}");
        }
        Ok(Dossier {
            test: section(&["test", a, b], session.test(&test)),
            regression: section(&["test", a, b, "--regression"], session.test(&regression)),
            instability: section(
                &["instability"],
                session.instability(&instability::InstabilityOptions {
                    recipe: path(&inputs.instability_recipe),
                    periods: periods.clone(),
                    ..Default::default()
                }),
            ),
            breaks: section(
                &["breaks", "cooperation", a, b],
                session.breaks(&breaks::BreaksOptions {
                    series: "cooperation".into(),
                    states: vec![ab.0.clone(), ab.1.clone()],
                    periods: periods.clone(),
                    recipe: path(&inputs.recipe),
                    ..Default::default()
                }),
            ),
            table1: section(&["table1", a, b], session.table1(&table1)),
            evidence: section(&["table1", a, b, "--evidence"], session.table1(&evidence)),
            chronology: section(
                &chronology_words,
                session.chronology(&chronology::ChronologyOptions {
                    a: ab.0.clone(),
                    b: ab.1.clone(),
                    file: files,
                    periods: periods.clone(),
                    derive,
                    ..Default::default()
                }),
            ),
            periods: section(&["periods"], session.periods(periods.as_deref())),
            dyad: section(
                &["dyad", a, b],
                session
                    .dyad(&dyad::DyadOptions {
                        a: ab.0.clone(),
                        b: ab.1.clone(),
                        ..Default::default()
                    })
                    .and_then(ordo::Query::collect),
            ),
            data: section(&["data", "status"], session.data_status()),
            citations: session
                .citations(&ordo::cite::CiteOptions::for_command("report"))
                .map(|c| c.references())
                .map_err(|e| format!("{e:#}")),
            cooperation,
            a: a.to_string(),
            b: b.to_string(),
            a_name,
            b_name,
            codes: (ca, cb),
            from,
            to,
        })
    }

    /// Every section, in the order the report shows them.
    pub fn sections(&self) -> [&Section; 11] {
        [
            &self.test,
            &self.cooperation,
            &self.instability,
            &self.breaks,
            &self.table1,
            &self.evidence,
            &self.regression,
            &self.chronology,
            &self.dyad,
            &self.periods,
            &self.data,
        ]
    }

    /// The pooled verdict sentence `ordo test` prints under its table.
    pub fn verdict(&self) -> String {
        self.test
            .sources()
            .into_iter()
            .find(|l| l.starts_with("verdict"))
            .unwrap_or_else(|| "verdict: the hypothesis test could not run for this dyad".into())
    }

    /// The regression sentence `ordo test` prints under its table.
    pub fn regression_sentence(&self) -> Option<String> {
        self.test
            .sources()
            .into_iter()
            .find(|l| l.starts_with("regression"))
    }
}

/// `year → value` of a column, for the years that have one.
pub fn year_values(batch: &arrow_array::RecordBatch, column: &str) -> BTreeMap<i32, f64> {
    ints(batch, "year")
        .into_iter()
        .zip(floats(batch, column))
        .filter_map(|(y, v)| Some((y? as i32, v?)))
        .collect()
}

/// A text column, or empty strings where it is NULL.
pub fn text_column(batch: &arrow_array::RecordBatch, column: &str) -> Vec<String> {
    texts(batch, column)
        .into_iter()
        .map(Option::unwrap_or_default)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::Inputs;

    #[test]
    fn each_command_gets_the_files_it_takes() {
        let i = Inputs {
            periods: Some("p.toml".into()),
            recipe: None,
            instability_recipe: Some("i.toml".into()),
            chronology: Some("c.toml".into()),
        };
        assert_eq!(
            i.flags("test"),
            ["--periods", "p.toml", "--instability-recipe", "i.toml"]
        );
        assert_eq!(
            i.flags("instability"),
            ["--periods", "p.toml", "--recipe", "i.toml"]
        );
        assert_eq!(
            i.flags("table1"),
            ["--periods", "p.toml", "--file", "c.toml"]
        );
        assert!(i.flags("cooperation").is_empty());
        assert!(i.flags("dyad").is_empty());
    }
}
