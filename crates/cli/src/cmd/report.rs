//! `ordo report A B`: the main job in one command — a self-contained report
//! on a dyad's relations and the stability of the international order.

use crate::context::Context;
use crate::output::{write_atomically, Format};
use crate::report::{charts, document, html, markdown, Dossier, Inputs};
use anyhow::Context as _;
use clap::Args;
use std::path::{Path, PathBuf};

/// A report on a dyad: the verdict of the hypothesis test in one sentence;
/// charts of the cooperation index and its components with the order's
/// phases shaded, turning points, change points and chronology entries
/// marked, of the instability index, of trade and of UN voting agreement;
/// the article's Table 1 regenerated from the chronology with the evidence
/// per phase; the statistical tables; the provenance (datasets with
/// version, coverage and checksum, recipe and periodization hashes, ordo's
/// version and the command); and the bibliography.
///
/// Written to `--out DIR` (default `reports`) as `ordo-report-A-B.html`
/// (one file, inline SVG, opens without a network) or, with `--format md`,
/// `ordo-report-A-B.md` with its charts in `ordo-report-A-B-charts/`. Every
/// table is what an `ordo` command prints (named under it); two runs on the
/// same data give the same bytes.
#[derive(Args)]
#[command(
    after_long_help = "Examples:\n  ordo report ITA RUS\n  ordo report Italy \"Soviet Union\" --from 1917 --to 1991 --out my-reports\n  ordo report FRN GMY --format md\n  ordo report ITA RUS --periods my-periods.toml --chronology my-chronology.toml"
)]
pub struct ReportArgs {
    /// First state
    a: String,
    /// Second state
    b: String,
    /// First year shown in the charts [default: the first year with a cooperation index]
    #[arg(long)]
    from: Option<i32>,
    /// Last year shown in the charts [default: the last year with a cooperation index]
    #[arg(long)]
    to: Option<i32>,
    /// Periodization file (TOML) [default: the article's]
    #[arg(long, value_name = "FILE")]
    periods: Option<String>,
    /// Cooperation recipe file (TOML) [default: ordo's]
    #[arg(long, value_name = "FILE")]
    recipe: Option<String>,
    /// Instability recipe file (TOML) [default: ordo's]
    #[arg(long, value_name = "FILE")]
    instability_recipe: Option<String>,
    /// Chronology file of the dyad (TOML, docs/chronology.md) [default: the one ordo ships, if any]
    #[arg(long, value_name = "FILE")]
    chronology: Option<String>,
}

impl ReportArgs {
    fn inputs(&self) -> Inputs {
        Inputs {
            periods: self.periods.clone(),
            recipe: self.recipe.clone(),
            instability_recipe: self.instability_recipe.clone(),
            chronology: self.chronology.clone(),
        }
    }
}

pub fn run(ctx: &Context, args: ReportArgs) -> anyhow::Result<()> {
    let format = match ctx.output.requested() {
        None | Some(Format::Html) => Format::Html,
        Some(Format::Md) => Format::Md,
        Some(other) => anyhow::bail!("ordo report writes html or md, not {other:?}"),
    };
    let dir = ctx
        .output
        .out()
        .map_or_else(|| PathBuf::from("reports"), Path::to_path_buf);
    crate::data_pull::pull_for_report_if_no_data(ctx)?;
    let d = Dossier::gather(ctx, &args.a, &args.b, (args.from, args.to), &args.inputs())?;
    let command = command_line(ctx, &d, &args, format);
    let mut rendered = Vec::new();
    for named in charts::all(&d) {
        let svg = crate::report::chart::render(&named.chart)?;
        rendered.push((named, svg));
    }
    let blocks = document::blocks(&d, rendered, &command);
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let stem = format!("ordo-report-{}-{}", d.a, d.b);
    let written = match format {
        Format::Md => {
            let charts_dir = format!("{stem}-charts");
            std::fs::create_dir_all(dir.join(&charts_dir))
                .with_context(|| format!("creating {}", dir.join(&charts_dir).display()))?;
            let (text, files) = markdown::render(&blocks, &charts_dir);
            for (file, svg) in files {
                write_atomically(&dir.join(file), svg.as_bytes())?;
            }
            let path = dir.join(format!("{stem}.md"));
            write_atomically(&path, text.as_bytes())?;
            path
        }
        _ => {
            let title = format!("ordo report: {}–{}", d.a, d.b);
            let path = dir.join(format!("{stem}.html"));
            write_atomically(&path, html::render(&title, &blocks).as_bytes())?;
            path
        }
    };
    eprintln!("{}", d.verdict());
    eprintln!("wrote {}", written.display());
    Ok(())
}

/// The command that reproduces the report's content: the output directory
/// is left out (it does not change a byte of the report), everything that
/// does is kept.
fn command_line(ctx: &Context, d: &Dossier, args: &ReportArgs, format: Format) -> String {
    let mut c = format!("ordo report {} {}", d.a, d.b);
    if let Some(f) = args.from {
        c.push_str(&format!(" --from {f}"));
    }
    if let Some(t) = args.to {
        c.push_str(&format!(" --to {t}"));
    }
    for (flag, value) in [
        ("--periods", &args.periods),
        ("--recipe", &args.recipe),
        ("--instability-recipe", &args.instability_recipe),
        ("--chronology", &args.chronology),
    ] {
        if let Some(v) = value {
            c.push_str(&format!(" {flag} {v}"));
        }
    }
    if format == Format::Md {
        c.push_str(" --format md");
    }
    let (data, store) = ctx.flags();
    if let Some(p) = data {
        c.push_str(&format!(" --data {}", p.display()));
    }
    if let Some(p) = store {
        c.push_str(&format!(" --store {}", p.display()));
    }
    c
}
