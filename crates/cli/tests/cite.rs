//! `ordo cite`: BibTeX of named datasets, the report's bibliography as
//! `--for report`, and clear errors for unknown names, table formats and a
//! missing `ps_bib`.

#[allow(dead_code)] // each test binary uses part of the helpers
mod common;

use common::ordo;
use std::collections::BTreeSet;

fn stdout_of(args: &[&str]) -> String {
    let o = ordo(args);
    assert!(
        o.status.success(),
        "ordo {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("UTF-8")
}

fn failure_of(args: &[&str]) -> String {
    let o = ordo(args);
    assert!(!o.status.success(), "ordo {args:?} should fail");
    String::from_utf8_lossy(&o.stderr).to_string()
}

#[test]
fn cite_nmc_prints_its_bibtex_with_ordo_and_the_article() {
    let bib = stdout_of(&["cite", "cow_nmc"]);
    for needle in [
        "% cow_nmc (Correlates of War National Material Capabilities v7.0): singeretal1972cdu, singer1987rcwd\n",
        "@incollection{singeretal1972cdu,\n  author = {Singer, J. David and Bremer, Stuart A. and Stuckey, John},\n  editor = {Russett, Bruce},\n  title = {Capability Distribution, Uncertainty, and Major Power War, 1820-1965},\n  booktitle = {Peace, War and Numbers},\n",
        "  year = {1972}\n}\n",
        "@article{singer1987rcwd,\n  author = {J. David Singer},\n",
        "@manual{ordo,\n",
        &format!("version {}}}", env!("CARGO_PKG_VERSION")),
        "@article{natalizia2020swe,\n",
    ] {
        assert!(bib.contains(needle), "no {needle:?} in\n{bib}");
    }
    // Valid BibTeX, sorted by key, each entry once.
    let entries = ordo_sources::bibliography::parse(&bib).expect("valid BibTeX");
    let keys: Vec<&str> = entries.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "natalizia2020swe",
            "ordo",
            "singer1987rcwd",
            "singeretal1972cdu"
        ]
    );
    // Named twice, by another case, with --format bibtex: the same text.
    assert_eq!(
        stdout_of(&["cite", "cow_nmc", "COW_NMC", "--format", "bibtex"]),
        bib
    );
}

#[test]
fn cite_for_report_is_the_report_s_bibliography() {
    let text = stdout_of(&["cite", "--for", "report", "--format", "text"]);
    let references: Vec<&str> = text.lines().take_while(|l| !l.is_empty()).collect();
    assert!(references.len() > 20, "{text}");
    assert!(text.contains("\nVersions read by ordo"), "{text}");
    assert!(text.contains("  cow_nmc: v7.0 (peacesciencer lists Correlates of War National Material Capabilities 6)"), "{text}");

    let tmp = tempfile::tempdir().unwrap();
    let o = ordo(&[
        "report",
        "ITA",
        "RUS",
        "--format",
        "md",
        "--out",
        tmp.path().to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let md = std::fs::read_to_string(tmp.path().join("ordo-report-ITA-RUS.md")).unwrap();
    let section = md
        .split("### Data and software\n\n")
        .nth(1)
        .expect("a Data and software section");
    let listed: Vec<&str> = section
        .lines()
        .take_while(|l| l.starts_with("- "))
        .map(|l| &l[2..])
        .collect();
    assert_eq!(listed, references);
    assert!(section.contains("`ordo cite --for report --format text`"));
}

#[test]
fn what_the_report_cites_is_what_a_pull_for_the_report_fetches() {
    let (cited, _) = ordo::cite::datasets_read_by("report").unwrap();
    let pulled: BTreeSet<&str> = ordo_pull::pull::FOR_REPORT.iter().copied().collect();
    let missing: Vec<&str> = cited
        .iter()
        .copied()
        .filter(|d| !pulled.contains(d))
        .collect();
    assert!(
        missing.is_empty(),
        "the report reads {missing:?}, which `ordo data pull --for report` does not fetch"
    );
}

#[test]
fn cite_refuses_unknown_names_and_table_formats() {
    let err = failure_of(&["cite", "cow_nmcc"]);
    assert!(
        err.contains("unknown dataset `cow_nmcc`") && err.contains("cow_states, cow_majors, "),
        "{err}"
    );
    let err = failure_of(&["cite", "--for", "reprot"]);
    assert!(
        err.contains("unknown command `reprot`") && err.contains("report, dyad, dyads"),
        "{err}"
    );
    let err = failure_of(&["cite", "cow_nmc", "--format", "csv"]);
    assert!(
        err.contains("ordo cite writes bibtex or text, not csv"),
        "{err}"
    );
    let err = failure_of(&["dyad", "ITA", "RUS", "--format", "bibtex"]);
    assert!(err.contains("are for `ordo cite`"), "{err}");
}

#[test]
fn cite_writes_a_bib_file_and_says_how_to_get_a_missing_ps_bib() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("refs.bib");
    let o = ordo(&["cite", "ucdp_acd", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(o.stdout.is_empty());
    let bib = std::fs::read_to_string(&out).unwrap();
    assert!(bib.contains("@article{gleditschetal2002ac,"), "{bib}");
    let txt = tmp.path().join("refs.txt");
    let o = ordo(&["cite", "ucdp_acd", "--out", txt.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(std::fs::read_to_string(&txt)
        .unwrap()
        .contains("Gleditsch, Nils Petter, Peter Wallensteen,"));

    let empty = tmp.path().join("data");
    std::fs::create_dir_all(empty.join("cow_states")).unwrap();
    let err = failure_of(&["--data", empty.to_str().unwrap(), "cite", "cow_nmc"]);
    assert!(
        err.contains("dataset `ps_bib`") && err.contains("ordo data pull ps_bib"),
        "{err}"
    );
}
