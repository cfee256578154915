//! The report's content as a list of blocks, written once and rendered as
//! HTML or Markdown, so both formats say the same thing.

/// The article behind the method, as the report's bibliography cites it.
const ARTICLE: &str = "Natalizia, Gabriele, and Mara Morini. 2020. \"Sleeping with the enemy: The not-so-constant Italian stance towards Russia.\" Italian Political Science 15(1): 42–59.";

use super::charts::Named;
use super::table::{cells, Cells};
use super::{text_column, Dossier, Section};
use std::collections::BTreeSet;

/// A piece of the report.
pub enum Block {
    /// Level, anchor id, text.
    Heading(u8, &'static str, String),
    Para(String),
    /// A line set in monospace (commands, checksums).
    Code(String),
    Table(Cells),
    /// A chart: its name (file stem), caption, SVG.
    Chart(&'static str, String, String),
    List(Vec<String>),
}

/// The sections, in order, with their anchors (the tests check each).
pub const SECTIONS: [(&str, &str); 8] = [
    ("summary", "Summary"),
    ("charts", "Charts"),
    ("table1", "Table 1, regenerated from the chronology"),
    ("evidence", "Quantitative evidence per phase"),
    ("statistics", "Statistical tables"),
    ("chronology", "Chronology"),
    ("provenance", "Provenance"),
    ("bibliography", "Bibliography"),
];

fn heading(k: usize) -> Block {
    Block::Heading(2, SECTIONS[k].0, SECTIONS[k].1.to_string())
}

/// A table with the command behind it, or the command's error.
fn table(out: &mut Vec<Block>, title: &str, s: &Section, columns: &[&str]) {
    out.push(Block::Heading(3, "", title.to_string()));
    match (&s.table, s.batch()) {
        (Ok(_), Some(b)) => out.push(Block::Table(cells(&b, columns))),
        (Err(e), _) => out.push(Block::Para(format!("Not available for this dyad: {e}"))),
        _ => out.push(Block::Para("Not available.".into())),
    }
    out.push(Block::Code(s.command.clone()));
}

/// The whole report.
pub fn blocks(d: &Dossier, charts: Vec<(Named, String)>, command: &str) -> Vec<Block> {
    let mut out = vec![
        Block::Heading(
            1,
            "",
            format!(
                "{} and {}: cooperation and the stability of the international order, {}–{}",
                d.a_name, d.b_name, d.from, d.to
            ),
        ),
        heading(0),
        Block::Para(capitalise(&d.verdict())),
    ];
    if let Some(r) = d.regression_sentence() {
        out.push(Block::Para(capitalise(&r)));
    }
    out.push(Block::Para(format!(
        "{} ({}) and {} ({}); COW codes {} and {}. The hypothesis (after Natalizia and Morini 2020, \"Sleeping with the enemy\"): cooperation is lower in the crisis phase of each international order than in its stable phase. Every table below names the ordo command that prints it with full precision.",
        d.a_name, d.a, d.b_name, d.b, d.codes.0, d.codes.1
    )));
    out.push(heading(1));
    for (named, svg) in charts {
        out.push(Block::Chart(named.name, named.caption, svg));
    }
    out.push(heading(2));
    table1(&mut out, d);
    out.push(heading(3));
    table(
        &mut out,
        "Per-phase evidence from the structural datasets",
        &d.evidence,
        &[],
    );
    out.push(heading(4));
    table(
        &mut out,
        "Phase comparison (hypothesis test)",
        &d.test,
        &[
            "scope",
            "n_stable",
            "n_crisis",
            "mean_stable",
            "mean_crisis",
            "diff",
            "boot_lo",
            "boot_hi",
            "welch_t",
            "welch_df",
            "welch_p",
            "permutation_p",
            "hedges_g",
            "verdict",
        ],
    );
    table(
        &mut out,
        "Regression with Newey–West errors",
        &d.regression,
        &[],
    );
    table(
        &mut out,
        "Change points of the cooperation index",
        &d.breaks,
        &[],
    );
    out.push(heading(5));
    table(
        &mut out,
        "Chronology entries",
        &d.chronology,
        &[
            "date",
            "stance",
            "order",
            "phase",
            "area",
            "summary",
            "citations",
        ],
    );
    out.push(heading(6));
    provenance(&mut out, d, command);
    out.push(heading(7));
    bibliography(&mut out, d);
    out
}

/// The article's Table 1 layout: one row per order, cooperation / turning
/// points / competition as columns, entries listed by date.
fn table1(out: &mut Vec<Block>, d: &Dossier) {
    let Some(t) = d.table1.batch() else {
        out.push(Block::Para(format!(
            "No chronology for this dyad, so no Table 1: {}",
            d.table1.table.as_ref().err().cloned().unwrap_or_default()
        )));
        out.push(Block::Code(d.table1.command.clone()));
        return;
    };
    let (orders, columns) = (text_column(&t, "order"), text_column(&t, "column"));
    let (dates, summaries) = (text_column(&t, "date"), text_column(&t, "summary"));
    let in_article = text_column(&t, "in_article");
    let origin = text_column(&t, "origin");
    let heads = [
        "cooperation (stable)",
        "turning point",
        "competition (crisis)",
    ];
    let mut rows: Vec<(String, [Vec<String>; 3])> = Vec::new();
    for i in 0..t.num_rows() {
        if rows.last().map(|r| &r.0) != Some(&orders[i]) {
            rows.push((orders[i].clone(), Default::default()));
        }
        if let Some(k) = heads.iter().position(|h| *h == columns[i]) {
            let mark = if in_article[i] == "true" {
                " [Table 1]"
            } else if origin[i] == "derived" {
                " [derived]"
            } else {
                ""
            };
            let year = dates[i].get(..4).unwrap_or("");
            rows.last_mut().expect("pushed").1[k].push(format!("{year}{mark}: {}", summaries[i]));
        }
    }
    let derived = origin.iter().any(|o| o == "derived");
    let curated = origin.iter().any(|o| o == "curated");
    out.push(Block::Para(if curated {
        "Entries of the curated chronology placed by the phase of their year; [Table 1] marks the events the article's own Table 1 lists, the others come from its text and from an encyclopedia entry on Russia's relations with Italy (in French translation).".into()
    } else {
        format!(
            "No curated chronology exists for {}–{}: the entries are derived from the data (`ordo chronology {} {} --derive`) and placed by the phase of their year. Their stances are the derivation rules', not readings of the events; recognitions, communiqués and party postures are outside what the data can see.",
            d.a_name, d.b_name, d.a, d.b
        )
    }));
    out.push(Block::Table(Cells {
        header: std::iter::once("order".to_string())
            .chain(heads.iter().map(|h| h.to_string()))
            .collect(),
        rows: rows
            .into_iter()
            .map(|(o, cols)| {
                std::iter::once(o)
                    .chain(cols.into_iter().map(|c| c.join("\n")))
                    .collect()
            })
            .collect(),
    }));
    if derived {
        out.push(Block::Para(
            "Derivation rules (the recipe, then each rule with the entries it found):".into(),
        ));
        out.push(Block::List(
            d.table1
                .sources()
                .into_iter()
                .filter(|l| l.starts_with("derivation recipe") || l.starts_with("rule "))
                .collect(),
        ));
    }
    out.push(Block::Code(d.table1.command.clone()));
}

fn provenance(out: &mut Vec<Block>, d: &Dossier, command: &str) {
    out.push(Block::Para(format!(
        "Made by ordo {} with the command below; the same command on the same data directory and ordo version gives this file byte for byte (nothing in it depends on the time or the machine beyond the data paths).",
        env!("CARGO_PKG_VERSION")
    )));
    out.push(Block::Code(command.to_string()));
    out.push(Block::Heading(
        3,
        "",
        "Recipes, periodization and chronology".into(),
    ));
    let mut seen = BTreeSet::new();
    let mut lines = Vec::new();
    for s in d.sections() {
        for l in s.sources() {
            if (l.contains("recipe") || l.contains("periodization") || l.contains("chronology "))
                && l.contains("sha256")
                && seen.insert(l.clone())
            {
                lines.push(l);
            }
        }
    }
    out.push(Block::List(lines));
    table(
        out,
        "Datasets (version, coverage, rows, SHA-256)",
        &d.data,
        &[
            "dataset",
            "file",
            "status",
            "version",
            "coverage",
            "years_in_file",
            "rows",
            "sha256",
        ],
    );
    out.push(Block::Heading(3, "", "Sources of each table".into()));
    for s in d.sections() {
        out.push(Block::Code(s.command.clone()));
        out.push(Block::List(s.sources()));
    }
}

fn bibliography(out: &mut Vec<Block>, d: &Dossier) {
    let mut cited = BTreeSet::new();
    if let Some(t) = d.chronology.batch() {
        for c in text_column(&t, "citations") {
            cited.extend(
                c.split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string),
            );
        }
    }
    out.push(Block::Heading(3, "", "Sources of the chronology".into()));
    let mut refs = vec![
        format!("{ARTICLE} The article (cited in the chronology as 000): on Italy's stance towards Russia and the stability of the international order; source of the periodization and Table 1."),
        "An encyclopedia entry on Russia's relations with Italy, in French translation (cited in the chronology as 004): Italo-Russian relations from unification to 1991.".to_string(),
    ];
    if !cited.is_empty() {
        refs.push(format!(
            "Works the article cites for the chronology's entries (author, year; the encyclopedia entry carries no reference list): {}.",
            cited.into_iter().collect::<Vec<_>>().join("; ")
        ));
    }
    out.push(Block::List(refs));
    out.push(Block::Heading(3, "", "Data and software".into()));
    match &d.citations {
        Ok(references) => out.push(Block::List(references.clone())),
        Err(e) => out.push(Block::Para(format!("Not available: {e}"))),
    }
    out.push(Block::Code("ordo cite --for report --format text".into()));
    out.push(Block::Heading(3, "", "Methods".into()));
    out.push(Block::List(vec![
        "Okabe, Masataka and Kei Ito. 2008. \"Color Universal Design (CUD): How to make figures and presentations that are friendly to colorblind people.\" (chart colours)".into(),
        "Newey, Whitney K. and Kenneth D. West. 1987. \"A Simple, Positive Semi-definite, Heteroskedasticity and Autocorrelation Consistent Covariance Matrix.\" Econometrica 55(3): 703-708.".into(),
        "Killick, Rebecca, Paul Fearnhead and Idris A. Eckley. 2012. \"Optimal Detection of Changepoints With a Linear Computational Cost.\" Journal of the American Statistical Association 107(500): 1590-1598.".into(),
        "Hedges, Larry V. 1981. \"Distribution Theory for Glass's Estimator of Effect Size and Related Estimators.\" Journal of Educational Statistics 6(2): 107-128.".into(),
    ]));
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
