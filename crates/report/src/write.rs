//! Writing a report: gather the dossier, draw the charts, lay out the
//! document, write it atomically.

use crate::{charts, document, html, markdown, Dossier, Inputs};
use anyhow::Context as _;
use ordo::output::write_atomically;
use ordo::Session;
use std::path::{Path, PathBuf};

/// The two forms of a report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ReportFormat {
    /// One self-contained HTML file, charts as inline SVG.
    #[default]
    Html,
    /// Markdown with the charts as SVG files in a folder beside it.
    Md,
}

/// Options of [`write`].
#[derive(Debug, Clone, Default)]
pub struct ReportOptions {
    /// First state.
    pub a: String,
    /// Second state.
    pub b: String,
    /// First year shown in the charts [default: the first year with a
    /// cooperation index].
    pub from: Option<i32>,
    /// Last year shown in the charts [default: the last year with a
    /// cooperation index].
    pub to: Option<i32>,
    /// Files replacing ordo's periodization, recipes and chronology.
    pub inputs: Inputs,
    pub format: ReportFormat,
    /// The directory written to [default: `reports`].
    pub dir: Option<PathBuf>,
}

/// What [`write`] wrote.
#[derive(Debug, Clone)]
pub struct Written {
    /// The report file.
    pub path: PathBuf,
    /// The pooled verdict sentence of the hypothesis test.
    pub verdict: String,
}

/// Writes the report on `o.a`-`o.b` to `o.dir` as
/// `ordo-report-A-B.html` or `ordo-report-A-B.md` (charts in
/// `ordo-report-A-B-charts/`). Two runs on the same data give the same
/// bytes.
pub fn write(session: &Session, o: &ReportOptions) -> anyhow::Result<Written> {
    let dir = o.dir.clone().unwrap_or_else(|| PathBuf::from("reports"));
    let d = Dossier::gather(session, &o.a, &o.b, (o.from, o.to), &o.inputs)?;
    let command = command_line(session, &d, o);
    let mut rendered = Vec::new();
    for named in charts::all(&d) {
        let svg = crate::chart::render(&named.chart)?;
        rendered.push((named, svg));
    }
    let blocks = document::blocks(&d, rendered, &command);
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let stem = format!("ordo-report-{}-{}", d.a, d.b);
    let path = match o.format {
        ReportFormat::Md => write_markdown(&dir, &stem, &blocks)?,
        ReportFormat::Html => {
            let title = format!("ordo report: {}–{}", d.a, d.b);
            let path = dir.join(format!("{stem}.html"));
            write_atomically(&path, html::render(&title, &blocks).as_bytes())?;
            path
        }
    };
    Ok(Written {
        path,
        verdict: d.verdict(),
    })
}

/// The Markdown file and its charts' folder.
fn write_markdown(dir: &Path, stem: &str, blocks: &[document::Block]) -> anyhow::Result<PathBuf> {
    let charts_dir = format!("{stem}-charts");
    std::fs::create_dir_all(dir.join(&charts_dir))
        .with_context(|| format!("creating {}", dir.join(&charts_dir).display()))?;
    let (text, files) = markdown::render(blocks, &charts_dir);
    for (file, svg) in files {
        write_atomically(&dir.join(file), svg.as_bytes())?;
    }
    let path = dir.join(format!("{stem}.md"));
    write_atomically(&path, text.as_bytes())?;
    Ok(path)
}

/// The command that reproduces the report's content: the output directory
/// is left out (it does not change a byte of the report), everything that
/// does is kept.
fn command_line(session: &Session, d: &Dossier, o: &ReportOptions) -> String {
    let mut c = format!("ordo report {} {}", d.a, d.b);
    if let Some(f) = o.from {
        c.push_str(&format!(" --from {f}"));
    }
    if let Some(t) = o.to {
        c.push_str(&format!(" --to {t}"));
    }
    let i = &o.inputs;
    for (flag, value) in [
        ("--periods", &i.periods),
        ("--recipe", &i.recipe),
        ("--instability-recipe", &i.instability_recipe),
        ("--chronology", &i.chronology),
    ] {
        if let Some(v) = value {
            c.push_str(&format!(" {flag} {v}"));
        }
    }
    if o.format == ReportFormat::Md {
        c.push_str(" --format md");
    }
    let options = session.options();
    if let Some(p) = &options.data {
        c.push_str(&format!(" --data {}", p.display()));
    }
    if let Some(p) = &options.store {
        c.push_str(&format!(" --store {}", p.display()));
    }
    c
}
