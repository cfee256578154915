//! Which BibTeX entries cite which dataset: one row per dataset of the
//! catalog, written out rather than guessed from titles or from
//! peacesciencer's keywords, so that a reader can check it in one place.
//!
//! Keys in lower case with an author-year-word shape come from peacesciencer's
//! `ps_bib` where it has the work (its key kept, typos included:
//! `gledtischward1999rlis`); the others are ordo's own entries
//! (`data/bibliography.bib`), written from the citations of the catalog. A
//! dataset cites what its distributor asks for: the article or book that
//! introduces it, and the redistributor (peacesciencer) where the file is
//! peacesciencer's own processing (capitals, leader codes, dyad-years with
//! one dispute per dyad-year).

/// ordo itself, cited by every `ordo cite`.
pub const ORDO: &str = "ordo";
/// The article ordo's hypothesis and periodization come from, cited by every
/// `ordo cite`.
pub const SEED_ARTICLE: &str = "natalizia2020swe";

/// peacesciencer, the redistributor of most datasets.
pub const PEACESCIENCER: &str = "peacesciencer-package";
const MID5: &str = "palmeretal2021mid5";
const GML: &str = "gibleretal2016amid";
const ARCHIGOS: &str = "goemansetal2009ia";
const COW_STATES: &str = "cowstates2016";
const COW_TRADE: [&str; 2] = ["barbierietal2009td", "barbierikeshk2016trade"];
const COW_IGO: [&str; 2] = ["pevehouseetal2020tow", "wallacesinger1970igo"];
const ICEWS: [&str; 2] = ["boscheeetal2015icews", "beger-icews-package"];
const GDELT: &str = "leetaruschrodt2013gdelt";

/// Every dataset of the catalog with the keys of its citations, in the
/// catalog's order.
pub static DATASET_KEYS: &[(&str, &[&str])] = &[
    ("cow_states", &[COW_STATES]),
    ("cow_majors", &[COW_STATES]),
    ("cow_majors_v2024", &["cowstates2024"]),
    ("gw_states", &["gledtischward1999rlis"]),
    ("cow_nmc", &["singeretal1972cdu", "singer1987rcwd"]),
    ("atop_alliance", &["leedsetal2002atop"]),
    ("cow_mid_ddydisps", &[MID5, PEACESCIENCER]),
    ("cow_mid_dirdisps", &[MID5]),
    ("cow_mid_disps", &[MID5]),
    ("gml_mid_ddydisps", &[GML, PEACESCIENCER]),
    ("gml_dirdisp", &[GML]),
    ("gml_mid_disps", &[GML]),
    ("gml_part", &[GML]),
    ("cow_war_inter", &["sarkeeswayman2010rw"]),
    ("cow_war_intra", &["dixonsarkees2016giw"]),
    ("td_rivalries", &["thompsondreyer2012hir"]),
    ("tss_rivalries", &["thompsonetal2021asr"]),
    ("grh_arms_races", &["gibleretal2005taas"]),
    ("maoz_powers", &["maoz2010nn"]),
    ("archigos", &[ARCHIGOS]),
    ("archigossums", &[ARCHIGOS]),
    (
        "leader_codes",
        &[ARCHIGOS, "ellisetal2015lead", PEACESCIENCER],
    ),
    ("LEAD", &["ellisetal2015lead"]),
    ("lwuf", &["cartersmith2020fml"]),
    ("cow_capitals", &[PEACESCIENCER]),
    ("gw_capitals", &[PEACESCIENCER]),
    ("cow_contdir", &["stinnettetal2002cow"]),
    ("cow_trade_sy", &COW_TRADE),
    ("cow_igo_sy", &COW_IGO),
    ("cow_igo_ndy", &COW_IGO),
    ("cow_mindist", &["schvitz2022mis"]),
    (
        "creg",
        &[
            "nardulli2012creg",
            "alesinaetal2003f",
            "montalvoreynalquerol2005eppc",
        ],
    ),
    ("hief", &["drazanova2020hief"]),
    ("terrthreat", &["miller2022rirm"]),
    ("ucdp_acd", &["gleditschetal2002ac"]),
    ("ucdp_onsets", &["pettersson2019ov"]),
    ("ps_data_version", &[PEACESCIENCER]),
    ("ps_bib", &[PEACESCIENCER]),
    (
        "ccode_democracy",
        &[
            "coppedgeetal2020vdem",
            "marshalletal2017p",
            "marquez2016qme",
            "pemsteinetal2010dc",
        ],
    ),
    ("cow_sdp_gdp", &["andersetal2020bbgb"]),
    ("cow_trade_ndy", &COW_TRADE),
    ("unvotes", &["voeten2013dav", "voetenetal2009ungavd"]),
    ("un_ideal_points_bsv", &["baileyetal2017edsp"]),
    ("icews_sample", &ICEWS),
    ("icews_country_gwcode", &ICEWS),
    ("cameo_lookups", &["schrodt2012cameo", "goldstein1992ccs"]),
    ("gdelt_v1_raw_sample", &[GDELT]),
    ("gdelt_v1_georgia_2011_2013", &[GDELT]),
];

/// The keys citing a dataset (empty for an id outside the catalog).
pub fn of_dataset(id: &str) -> &'static [&'static str] {
    DATASET_KEYS
        .iter()
        .find(|(d, _)| *d == id)
        .map_or(&[], |(_, keys)| keys)
}

/// Keys `ps_data_version` gives that `ps_bib` spells otherwise: `(as in
/// ps_data_version, as in ps_bib)`.
pub const PS_VERSION_KEY_ALIASES: &[(&str, &str)] = &[("schvitz2021mis", "schvitz2022mis")];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::DATASETS;

    #[test]
    fn every_catalog_dataset_has_keys_and_every_row_is_a_catalog_dataset() {
        for d in DATASETS {
            assert!(!of_dataset(d.id).is_empty(), "{} has no citation key", d.id);
        }
        for (id, keys) in DATASET_KEYS {
            assert!(
                crate::catalog::dataset(id).is_some(),
                "{id} is not in the catalog"
            );
            assert!(!keys.is_empty(), "{id}");
        }
        assert_eq!(DATASET_KEYS.len(), DATASETS.len(), "one row per dataset");
    }
}
