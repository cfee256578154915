//! peacesciencer's bibliography and its list of data versions, as shipped
//! in peacesciencer 1.2.9 (`data/ps_bib.rda`, `data/ps_data_version.rda`).
//!
//! Miller, Steven V. 2022. "peacesciencer: An R Package for Quantitative
//! Peace Science Research." Conflict Management and Peace Science 39(6):
//! 755-779.
//!
//! `ps_bib` is one row per BibTeX entry (47 rows), its columns the BibTeX
//! fields in upper case; `AUTHOR` and `EDITOR` are R list columns, written
//! with the names separated by `"; "`. `ordo cite` reads it
//! ([`crate::bibliography`]). Quirks: the entry type `OTHER` is not a BibTeX
//! type (printed as `misc`); one title has an unbalanced brace
//! (`peacesciencer}: An R Package…`); a few placeholder values (MID5's
//! volume, number and pages `0`) and slips (`Bretty Ashley Leeds`) are
//! corrected by ordo, each listed in `bibliography::CORRECTIONS`.
//!
//! `ps_data_version` lists the version of each data source peacesciencer
//! bundles with the BibTeX key of its citation (32 rows). Partly stale (it
//! says NMC 6 and UCDP ACD 20.1 where the package ships NMC 7.0 and ACD
//! 25.1), and one key (`schvitz2021mis`) is not the one `ps_bib` has
//! (`schvitz2022mis`). `ordo cite --format text` prints it beside the
//! version ordo reads.

use crate::typed::{Column as C, TableSpec};

pub static PS_BIB: TableSpec = TableSpec {
    dataset: "ps_bib",
    file: "ps_bib.csv",
    table: "ps_bib",
    columns: &[
        C::text("CATEGORY"),
        C::text("BIBTEXKEY"),
        C::text("ADDRESS"),
        C::text("ANNOTE"),
        C::text("AUTHOR"),
        C::text("BOOKTITLE"),
        C::text("CHAPTER"),
        C::text("CROSSREF"),
        C::text("EDITION"),
        C::text("EDITOR"),
        C::text("HOWPUBLISHED"),
        C::text("INSTITUTION"),
        C::text("JOURNAL"),
        C::text("KEY"),
        C::text("MONTH"),
        C::text("NOTE"),
        C::text("NUMBER"),
        C::text("ORGANIZATION"),
        C::text("PAGES"),
        C::text("PUBLISHER"),
        C::text("SCHOOL"),
        C::text("SERIES"),
        C::text("TITLE"),
        C::text("TYPE"),
        C::text("VOLUME"),
        C::year("YEAR"),
        C::text("KEYWORDS"),
        C::text("URL"),
        C::text("OWNER"),
        C::text("TIMESTAMP"),
        C::text("DOI"),
        C::text("EPRINT"),
        C::text("JOURNALTITLE"),
        C::text("ISSN"),
        C::text("ABSTRACT"),
        C::text("DATE.ADDED"),
        C::text("DATE.MODIFIED"),
    ],
    unique: &["BIBTEXKEY"],
    na_missing: false,
};

pub static PS_DATA_VERSION: TableSpec = TableSpec {
    dataset: "ps_data_version",
    file: "ps_data_version.csv",
    table: "ps_data_version",
    columns: &[
        C::text("category"),
        C::text("data"),
        C::text("version"),
        C::text("bibtexkey"),
    ],
    unique: &["category", "data"],
    na_missing: false,
};
