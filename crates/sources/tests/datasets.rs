//! Every dataset reader against the real files of the data directory. Row
//! counts are those of `../shared/data/PROVENANCE.md` (checked there with
//! `wc -l` minus the header, or by Python's csv module for files with quoted
//! newlines).

use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int64Type};
use arrow_array::{Array, RecordBatch};
use ordo_sources::datasets;
use ordo_sources::typed::{Column, TableSpec};
use ordo_sources::DataDir;

fn dir() -> DataDir {
    DataDir::discover(None).expect("data directory")
}

#[test]
fn every_dataset_reads_with_the_documented_row_count() {
    let expected = [
        ("cow_states", 243),
        ("cow_majors", 14),
        ("cow_majors_v2024", 14),
        ("gw_states", 216),
        ("cow_nmc", 17_121),
        ("atop_alliance", 273_296),
        ("cow_mid_dyad_years", 10_234),
        ("gml_mid_dyad_years", 9_284),
        ("cow_war_inter", 1_932),
        ("td_rivalries", 197),
        ("tss_rivalries", 264),
        ("cow_trade_dyadic", 673_654),
        ("cow_trade_national", 14_410),
        ("cow_contiguity", 1_874),
        ("cow_capitals", 242),
        ("gw_capitals", 264),
        ("cow_mindist", 952_244),
        ("cow_igo_dyadic", 917_695),
        ("cow_igo_state", 15_557),
        ("democracy", 16_731),
        ("archigos", 3_409),
        ("archigos_sums", 14_407),
        ("leader_codes", 3_409),
        ("lead", 3_409),
        ("lwuf", 3_409),
        ("un_votes", 870_109),
        ("un_roll_calls", 6_203),
        ("un_roll_call_issues", 5_745),
        ("bsv_ideal_points", 9_120),
        ("cow_sdp_gdp", 27_753),
        ("terrthreat", 14_781),
        ("creg", 11_523),
        ("hief", 8_808),
        ("maoz_powers", 20),
        ("grh_arms_races", 71),
        ("ucdp_acd", 5_652),
        ("ucdp_onsets", 10_142),
        ("cow_war_intra", 1_361),
        ("gml_participants", 5_217),
        ("cow_mid_dispute_years", 11_390),
        ("cow_mid_disputes", 2_436),
        ("gml_mid_dispute_years", 10_276),
        ("gml_mid_disputes", 2_174),
        ("ps_bib", 47),
        ("ps_data_version", 32),
    ];
    let d = dir();
    let specs = datasets::all();
    assert_eq!(specs.len(), expected.len());
    for (spec, (table, rows)) in specs.iter().zip(expected) {
        assert_eq!(spec.table, table);
        let t = spec.read(&d).unwrap_or_else(|e| panic!("{table}: {e}"));
        assert_eq!(t.batch.num_rows(), rows, "{table}");
        assert_eq!(t.source.rows as usize, rows, "{table}");
    }
}

fn find(batch: &RecordBatch, key: &[(&str, i64)]) -> usize {
    (0..batch.num_rows())
        .find(|&i| {
            key.iter().all(|(c, v)| {
                batch
                    .column_by_name(c)
                    .unwrap()
                    .as_primitive::<Int64Type>()
                    .value(i)
                    == *v
            })
        })
        .expect("row")
}

#[test]
fn polity2_minus_nine_is_a_score_but_mid_fatality_minus_nine_is_missing() {
    let d = dir();
    let dem = datasets::democracy::DEMOCRACY.read(&d).unwrap().batch;
    let polity = dem
        .column_by_name("polity2")
        .unwrap()
        .as_primitive::<Float64Type>();
    let minus_nine = polity.iter().filter(|v| *v == Some(-9.0)).count();
    // 1,078 rows with polity2 = -9 in ccode_democracy.csv (grep -c ',-9,' on that column).
    assert_eq!(minus_nine, 1_078);
    let mid = datasets::mids::COW_MID.read(&d).unwrap().batch;
    let fatality = mid
        .column_by_name("fatality")
        .unwrap()
        .as_primitive::<Int64Type>();
    // 1,346 rows carry fatality = -9 in cow_mid_ddydisps.csv: all NULL now.
    assert_eq!(fatality.null_count(), 1_346);
    assert!(fatality.iter().flatten().all(|v| v >= 0));
    // Italy-Russia 1918: dispute 197, fatality -9 -> NULL, hostility 4.
    let i = find(&mid, &[("ccode1", 325), ("ccode2", 365), ("year", 1918)]);
    assert!(fatality.is_null(i));
    assert_eq!(
        mid.column_by_name("hostlev")
            .unwrap()
            .as_primitive::<Int64Type>()
            .value(i),
        4
    );
}

#[test]
fn namibia_keeps_its_na_code() {
    let votes = datasets::un::VOTES.read(&dir()).unwrap().batch;
    let country = votes.column_by_name("country").unwrap().as_string::<i32>();
    let code = votes
        .column_by_name("country_code")
        .unwrap()
        .as_string::<i32>();
    let i = (0..votes.num_rows())
        .find(|&i| country.value(i) == "Namibia")
        .unwrap();
    assert_eq!(code.value(i), "NA");
}

static BROKEN: TableSpec = TableSpec {
    dataset: "cow_nmc",
    file: "cow_nmc.csv",
    table: "cow_nmc",
    columns: &[
        Column::ccode("ccode"),
        Column::year("year"),
        Column::float("cinc").range(0.0, 1.0),
    ],
    unique: &["ccode", "year"],
    na_missing: false,
};

fn broken(contents: &str) -> String {
    let t = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(t.path().join("cow_nmc")).unwrap();
    std::fs::write(t.path().join("cow_nmc/cow_nmc.csv"), contents).unwrap();
    let d = DataDir::discover_from(Some(t.path()), None, t.path(), None).unwrap();
    BROKEN.read(&d).unwrap_err().to_string()
}

#[test]
fn duplicate_keys_out_of_range_years_and_bad_values_name_file_line_and_rule() {
    let e = broken("ccode,year,cinc\n325,1938,0.03\n365,1938,0.13\n325,1938,0.04\n");
    assert!(
        e.contains("cow_nmc.csv:4")
            && e.contains("duplicate key (ccode=325, year=1938)")
            && e.contains("line 2"),
        "{e}"
    );
    let e = broken("ccode,year,cinc\n325,19380,0.03\n");
    assert!(
        e.contains("cow_nmc.csv:2") && e.contains("`year`") && e.contains("out of range"),
        "{e}"
    );
    let e = broken("ccode,year,cinc\n325,1938,1.7\n");
    assert!(e.contains("`cinc`") && e.contains("out of range"), "{e}");
    let e = broken("ccode,year,cinc\n325,1938,abc\n");
    assert!(
        e.contains("`cinc`") && e.contains("expected a number"),
        "{e}"
    );
}
