//! `ordo report`: the HTML is well formed and has every section and chart,
//! its numbers are the CLI's, and two runs give identical bytes; the
//! Markdown version has its charts beside it.

#[allow(dead_code)] // each test binary uses part of the helpers
mod common;

use common::ordo;
use std::path::Path;

fn report(dir: &Path, extra: &[&str]) -> String {
    let mut args = vec!["report", "ITA", "RUS", "--out", dir.to_str().unwrap()];
    args.extend(extra);
    let o = ordo(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stderr).to_string()
}

#[test]
fn the_html_report_is_complete_valid_and_reproducible() {
    let tmp = tempfile::tempdir().unwrap();
    let (one, two) = (tmp.path().join("one"), tmp.path().join("two"));
    let said = report(&one, &[]);
    report(&two, &[]);
    let file = "ordo-report-ITA-RUS.html";
    let html = std::fs::read_to_string(one.join(file)).unwrap();
    assert_eq!(
        html.as_bytes(),
        std::fs::read(two.join(file)).unwrap().as_slice(),
        "two runs give the same bytes"
    );
    assert!(
        said.contains(&format!("wrote {}", one.join(file).display())),
        "{said}"
    );

    // Well formed (polyglot markup: an XML parser reads it) and complete.
    let body = html.strip_prefix("<!DOCTYPE html>\n").expect("doctype");
    let doc = roxmltree::Document::parse(body).unwrap_or_else(|e| panic!("not well formed: {e}"));
    let by_id = |id: &str| doc.descendants().find(|n| n.attribute("id") == Some(id));
    for id in [
        "summary",
        "charts",
        "table1",
        "evidence",
        "statistics",
        "chronology",
        "provenance",
        "bibliography",
    ] {
        let section = by_id(id).unwrap_or_else(|| panic!("section {id}"));
        assert_eq!(section.tag_name().name(), "section");
        assert!(
            section.descendants().any(|n| n.tag_name().name() == "h2"),
            "{id} has a heading"
        );
    }
    for chart in ["cooperation", "instability", "trade", "un"] {
        let fig = by_id(&format!("chart-{chart}")).unwrap_or_else(|| panic!("chart {chart}"));
        let svg = fig
            .children()
            .find(|n| n.tag_name().name() == "svg")
            .expect("inline SVG");
        assert!(
            svg.descendants()
                .filter(|n| n.tag_name().name() == "text")
                .count()
                > 10,
            "{chart}: labelled axes and legend"
        );
        assert!(fig.children().any(|n| n.tag_name().name() == "figcaption"));
    }
    let text = |n: roxmltree::Node| {
        n.descendants()
            .filter(|d| d.is_text())
            .filter_map(|d| d.text())
            .collect::<String>()
    };
    let coop = text(by_id("chart-cooperation").unwrap());
    for label in [
        "year",
        "standard deviations",
        "cooperation index",
        "stable phase",
        "crisis phase",
        "turning point",
        "detected change point",
        "chronology: cooperation",
        "chronology: competition",
    ] {
        assert!(coop.contains(label), "cooperation chart lacks `{label}`");
    }
    assert!(
        !html.contains("http://") || !html.contains("<script"),
        "no script, nothing fetched"
    );
    assert!(!html.contains("<script"), "no script");

    // The headline is `ordo test`'s verdict, with effect size and CI.
    let test = ordo(&["test", "ITA", "RUS", "--format", "csv"]);
    let stderr = String::from_utf8_lossy(&test.stderr);
    let verdict = stderr
        .lines()
        .find_map(|l| l.strip_prefix("source: verdict"))
        .expect("verdict line");
    let headline = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("verdict"))
        .expect("verdict paragraph");
    assert_eq!(text(headline), format!("Verdict{verdict}"));
    assert!(verdict.contains("Hedges' g") && verdict.contains("bootstrap 95% CI"));

    // Table 1: the article's three columns, with the 1933 pact among the
    // interwar cooperation entries and the liberal order's 2014 competition.
    let t1 = text(by_id("table1").unwrap());
    for s in [
        "cooperation (stable)",
        "turning point",
        "competition (crisis)",
        "Interwar order",
        "Cold War order",
        "Liberal order",
        "1933 [Table 1]",
        "2014",
    ] {
        assert!(t1.contains(s), "Table 1 lacks `{s}`");
    }
    // Statistics: the four scopes of the test and the regression's terms.
    let st = text(by_id("statistics").unwrap());
    for s in [
        "Interwar order",
        "pooled",
        "instability_lag1",
        "leader_change",
        "pelt",
        "ordo test ITA RUS --regression",
    ] {
        assert!(st.contains(s), "statistics lack `{s}`");
    }
    // Provenance: version, command, hashes, datasets with checksums.
    let pv = text(by_id("provenance").unwrap());
    assert!(pv.contains(&format!("ordo {}", env!("CARGO_PKG_VERSION"))));
    assert!(pv.contains("ordo report ITA RUS"));
    assert!(
        pv.contains("76733bacf602007038b72e2ebec24d37a34ba6dc36793eb7c894af82e952f735"),
        "cow_states checksum"
    );
    assert!(
        pv.contains("recipe ordo-cooperation-default"),
        "recipe hash line"
    );
    assert!(
        !pv.contains("read from cache") && !pv.contains("built and cached"),
        "no run-dependent lines"
    );
    let bib = text(by_id("bibliography").unwrap());
    assert!(
        bib.contains("Petracchi 1993") && bib.contains("Correlates of War"),
        "{bib}"
    );
    // The seed texts are cited as what they are, never by a path here.
    assert!(
        bib.contains("Natalizia, Gabriele, and Mara Morini. 2020. \"Sleeping with the enemy: The not-so-constant Italian stance towards Russia.\" Italian Political Science 15(1): 42–59.")
            && bib.contains("An encyclopedia entry on Russia's relations with Italy, in French translation"),
        "{bib}"
    );
    assert!(
        !html.contains("shared/seeds") && !html.contains("seeds/00"),
        "the report points at the seeds' files"
    );
}

#[test]
fn the_markdown_report_has_its_charts_beside_it() {
    let tmp = tempfile::tempdir().unwrap();
    report(
        tmp.path(),
        &["--format", "md", "--from", "1917", "--to", "1991"],
    );
    let md = std::fs::read_to_string(tmp.path().join("ordo-report-ITA-RUS.md")).unwrap();
    assert!(md.starts_with("# Italy and Russia: cooperation and the stability of the international order, 1917–1991"), "{}", &md[..120]);
    for chart in ["cooperation", "instability", "trade", "un"] {
        let rel = format!("ordo-report-ITA-RUS-charts/{chart}.svg");
        assert!(md.contains(&format!("]({rel})")), "links {rel}");
        let svg = std::fs::read_to_string(tmp.path().join(&rel)).unwrap();
        assert!(
            svg.starts_with("<svg") && svg.contains("1950"),
            "{chart} svg with years of the range"
        );
        assert!(
            !svg.contains(">2000<"),
            "{chart}: years after --to are not drawn"
        );
    }
    assert!(md.contains("| order | cooperation (stable) | turning point | competition (crisis) |"));
    assert!(md.contains("`ordo report ITA RUS --from 1917 --to 1991 --format md"));
}

#[test]
fn report_refuses_table_formats_and_unknown_states() {
    let tmp = tempfile::tempdir().unwrap();
    let o = ordo(&[
        "report",
        "ITA",
        "RUS",
        "--format",
        "csv",
        "--out",
        tmp.path().to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("writes html or md"));
    let o = ordo(&[
        "report",
        "ITA",
        "Atlantis",
        "--out",
        tmp.path().to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown state `Atlantis`"));
    let o = ordo(&["cooperation", "ITA", "RUS", "--format", "html"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("are for `ordo report`"));
}
