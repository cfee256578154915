//! The bibliography on the real `ps_bib` and `ps_data_version` of the data
//! directory: exact BibTeX and reference text of known entries, every
//! dataset's keys found, every entry valid BibTeX, and the errors of a
//! missing or malformed file.

use ordo_sources::bibliography::{self, keys, Bibliography, Origin, CORRECTIONS};
use ordo_sources::catalog::{self, DATASETS};
use ordo_sources::DataDir;

fn dir() -> DataDir {
    DataDir::discover(None).expect("data directory")
}

fn bib() -> Bibliography {
    Bibliography::load(&dir()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn ps_bib_and_ps_data_version_read_with_their_row_counts() {
    let d = dir();
    let bib = ordo_sources::datasets::bib::PS_BIB.read(&d).unwrap();
    assert_eq!(bib.batch.num_rows(), 47);
    assert_eq!(bib.batch.num_columns(), 37);
    let versions = ordo_sources::datasets::bib::PS_DATA_VERSION
        .read(&d)
        .unwrap();
    assert_eq!(versions.batch.num_rows(), 32);
    let b = bib_with_sources();
    assert_eq!(
        b.entries().filter(|e| e.origin == Origin::PsBib).count(),
        47
    );
    assert_eq!(b.versions().len(), 32);
}

fn bib_with_sources() -> Bibliography {
    let b = bib();
    assert_eq!(b.sources.len(), 2);
    assert_eq!(b.sources[0].dataset, "ps_bib");
    assert_eq!(b.sources[1].dataset, "ps_data_version");
    b
}

#[test]
fn ps_bib_archigos_as_bibtex_and_as_a_reference() {
    let b = bib();
    let e = b.entry("goemansetal2009ia").unwrap();
    assert_eq!(
        e.bibtex(),
        "@article{goemansetal2009ia,\n  author = {Henk E. Goemans and Kristian Skrede Gleditsch and Giacomo Chiozza},\n  title = {Introducing {A}rchigos: A Dataset on Political Leaders},\n  journal = {Journal of Peace Research},\n  volume = {46},\n  number = {2},\n  pages = {269--83},\n  year = {2009}\n}\n"
    );
    assert_eq!(
        e.reference(),
        "Goemans, Henk E., Kristian Skrede Gleditsch, and Giacomo Chiozza. 2009. \"Introducing Archigos: A Dataset on Political Leaders.\" Journal of Peace Research 46(2): 269–83."
    );
}

#[test]
fn ps_bib_nmc_chapter_accents_and_corrections() {
    let b = bib();
    let nmc = b.entry("singeretal1972cdu").unwrap();
    assert_eq!(
        nmc.bibtex(),
        "@incollection{singeretal1972cdu,\n  author = {Singer, J. David and Bremer, Stuart A. and Stuckey, John},\n  editor = {Russett, Bruce},\n  title = {Capability Distribution, Uncertainty, and Major Power War, 1820-1965},\n  booktitle = {Peace, War and Numbers},\n  publisher = {Beverly Hills, CA: Sage Publications, Inc.},\n  year = {1972}\n}\n"
    );
    assert_eq!(
        nmc.reference(),
        "Singer, J. David, Stuart A. Bremer, and John Stuckey. 1972. \"Capability Distribution, Uncertainty, and Major Power War, 1820-1965.\" In Peace, War and Numbers, ed. Bruce Russett. Beverly Hills, CA: Sage Publications, Inc."
    );
    // LaTeX accents in ps_bib become letters in the reference text.
    assert!(b
        .entry("pettersson2019ov")
        .unwrap()
        .reference()
        .starts_with("Pettersson, Therése, Stina Högbladh, and Magnus Öberg. 2019."));
    // The unbalanced brace of peacesciencer's own title is closed, and its
    // issue filled in.
    let ps = b.entry("peacesciencer-package").unwrap();
    assert_eq!(
        ps.get("title"),
        Some("{peacesciencer}: An R Package for Quantitative Peace Science Research")
    );
    assert_eq!(
        ps.reference(),
        "Miller, Steven V. 2022. \"peacesciencer: An R Package for Quantitative Peace Science Research.\" Conflict Management and Peace Science 39(6): 755–779. doi:10.1177/07388942221077926"
    );
    // A corporate author stays one name; OTHER is written as misc.
    let cow = b.entry("cowstates2016").unwrap();
    assert!(cow
        .bibtex()
        .starts_with("@misc{cowstates2016,\n  author = {{Correlates of War Project}},"));
    assert!(cow
        .reference()
        .starts_with("Correlates of War Project. 2017. State System Membership List, v2016."));
    // biblatex's journaltitle is BibTeX's journal.
    assert_eq!(
        b.entry("weidmanngleditsch2010mmcs").unwrap().get("journal"),
        Some("R Journal")
    );
}

#[test]
fn every_correction_applies_to_the_reference_ps_bib() {
    // A correction that stops applying means peacesciencer fixed its entry:
    // the correction can go.
    let b = bib();
    for c in CORRECTIONS {
        assert!(
            b.corrected.contains(&(c.key, c.field)),
            "{}.{} no longer has {:?} in ps_bib",
            c.key,
            c.field,
            c.was
        );
        assert_eq!(
            b.entry(c.key)
                .unwrap()
                .get(c.field)
                .map(|v| v.replace(['{', '}'], "")),
            Some(c.now.replace(['{', '}'], ""))
        );
    }
    assert_eq!(b.corrected.len(), CORRECTIONS.len());
}

#[test]
fn every_dataset_key_resolves_in_ps_bib_or_ordo_s_and_entries_are_valid_bibtex() {
    let b = bib();
    for d in DATASETS {
        let ks = keys::of_dataset(d.id);
        assert!(!ks.is_empty(), "{} has no key", d.id);
        for k in ks {
            assert!(b.entry(k).is_some(), "{}: key {k} not found", d.id);
        }
    }
    for k in [keys::ORDO, keys::SEED_ARTICLE] {
        assert_eq!(b.entry(k).unwrap().origin, Origin::Ordo);
    }
    // ps_data_version's keys are ps_bib's (one spelled otherwise, aliased).
    for v in b.versions() {
        assert!(
            b.entry(&v.key).is_some(),
            "{} {}: {}",
            v.data,
            v.version,
            v.key
        );
    }
    // Valid BibTeX: every entry reads back as itself, with balanced braces.
    for e in b.entries() {
        let text = e.bibtex();
        let back =
            bibliography::parse(&text).unwrap_or_else(|err| panic!("{}: {err:?}\n{text}", e.key));
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].key, e.key);
        assert_eq!(back[0].fields, e.fields, "{}", e.key);
        assert!(bibliography::TYPES.contains(&e.kind.as_str()), "{}", e.key);
        for (f, v) in &e.fields {
            assert_eq!(bibliography::balance_braces(v), *v, "{}.{f}", e.key);
        }
    }
}

#[test]
fn ps_bib_citations_of_nmc_with_ordo_and_the_article_sorted_once() {
    let b = bib();
    let nmc = catalog::dataset("cow_nmc").unwrap();
    let c = b.cite(&[nmc, nmc], &[]).unwrap();
    let keys: Vec<&str> = c.entries.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "natalizia2020swe",
            "ordo",
            "singer1987rcwd",
            "singeretal1972cdu"
        ]
    );
    assert_eq!(c.datasets.len(), 1);
    assert_eq!(c.datasets[0].peacesciencer[0].version, "6");
    let bibtex = c.bibtex();
    assert!(bibtex.starts_with("% ordo "), "{bibtex}");
    assert!(bibtex.contains("% cow_nmc (Correlates of War National Material Capabilities v7.0): singeretal1972cdu, singer1987rcwd\n"));
    assert_eq!(bibliography::parse(&bibtex).unwrap().len(), 4);
    let text = c.text();
    assert!(text.contains("  cow_nmc: v7.0 (peacesciencer lists Correlates of War National Material Capabilities 6)"), "{text}");
    let refs = c.references();
    assert_eq!(refs.len(), 4);
    assert!(refs[0].starts_with("Natalizia"), "{refs:?}");
}

/// A data directory holding a copy of ps_data_version and `ps_bib` text.
fn data_dir_with(ps_bib: Option<&str>) -> (tempfile::TempDir, DataDir) {
    let tmp = tempfile::tempdir().unwrap();
    let real = dir();
    std::fs::create_dir_all(tmp.path().join("ps_data_version")).unwrap();
    std::fs::copy(
        real.root().join("ps_data_version/ps_data_version.csv"),
        tmp.path().join("ps_data_version/ps_data_version.csv"),
    )
    .unwrap();
    if let Some(text) = ps_bib {
        std::fs::create_dir_all(tmp.path().join("ps_bib")).unwrap();
        std::fs::write(tmp.path().join("ps_bib/ps_bib.csv"), text).unwrap();
    }
    let d = DataDir::at_path(tmp.path().to_path_buf());
    (tmp, d)
}

#[test]
fn a_missing_or_malformed_ps_bib_is_reported_with_what_to_do() {
    let (_tmp, d) = data_dir_with(None);
    let e = Bibliography::load(&d).unwrap_err().to_string();
    assert!(e.contains("ordo data pull ps_bib"), "{e}");

    let real = std::fs::read_to_string(dir().root().join("ps_bib/ps_bib.csv")).unwrap();
    let mut lines: Vec<String> = real.lines().map(String::from).collect();
    // Line 3 (the second entry) gets an entry type BibTeX does not have.
    lines[2] = lines[2].replacen("ARTICLE,", "ARTICEL,", 1);
    let (_tmp, d) = data_dir_with(Some(&(lines.join("\n") + "\n")));
    let e = Bibliography::load(&d).unwrap_err().to_string();
    assert!(
        e.contains("ps_bib.csv:3: column `CATEGORY`: not a BibTeX entry type")
            && e.contains("\"ARTICEL\""),
        "{e}"
    );

    let mut lines: Vec<String> = real.lines().map(String::from).collect();
    lines[5] = lines[5].replace(",2002,add_contiguity()", ",2oo2,add_contiguity()");
    let (_tmp, d) = data_dir_with(Some(&(lines.join("\n") + "\n")));
    let e = Bibliography::load(&d).unwrap_err().to_string();
    assert!(
        e.contains("ps_bib.csv:6: column `YEAR`") && e.contains("2oo2"),
        "{e}"
    );

    let mut lines: Vec<String> = real.lines().map(String::from).collect();
    lines[2] = lines[2].replacen("leedsetal2002atop", "leeds etal", 1);
    let (_tmp, d) = data_dir_with(Some(&(lines.join("\n") + "\n")));
    let e = Bibliography::load(&d).unwrap_err().to_string();
    assert!(
        e.contains("ps_bib.csv:3: column `BIBTEXKEY`: not a BibTeX key"),
        "{e}"
    );
}

#[test]
fn docs_citations_md_lists_the_ps_bib_and_ordo_keys_of_every_dataset() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/citations.md");
    let doc = std::fs::read_to_string(&path).unwrap();
    let table = doc
        .split("## Which keys cite which dataset")
        .nth(1)
        .expect("the section");
    let b = bib();
    let mut rows = 0;
    for line in table.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
        let id = cells[0].trim_matches('`');
        let written: Vec<String> = cells[1].split(", ").map(String::from).collect();
        let expected: Vec<String> = keys::of_dataset(id)
            .iter()
            .map(|k| match b.entry(k).unwrap().origin {
                Origin::Ordo => format!("`{k}` (ordo)"),
                Origin::PsBib => format!("`{k}`"),
            })
            .collect();
        assert_eq!(written, expected, "docs/citations.md, row of {id}");
        rows += 1;
    }
    assert_eq!(
        rows,
        DATASETS.len(),
        "one row per dataset in docs/citations.md"
    );
}
