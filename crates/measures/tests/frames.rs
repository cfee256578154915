//! Frames built from the real data directory. Expected dyad-year counts were
//! derived independently from `cow_states.csv` with a short Python script
//! (pairs whose clipped day spells within the year intersect; the script is
//! `bench/dyad_years_pandas.py`'s universe, written separately from ordo).

use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int64Type};
use arrow_array::{Array, RecordBatch};
use ordo_measures::{dyad_frame, dyad_frame_unmirrored, Universe};
use std::sync::OnceLock;

mod common;

use common::world;

#[test]
fn dyad_year_counts_follow_same_day_membership() {
    let u = Universe::new(&world().states.system, None);
    let count = |y| u.dyad_years(y, y, false).len();
    assert_eq!(count(1816), 253);
    assert_eq!(count(1900), 861);
    assert_eq!(count(1938), 2_145);
    assert_eq!(count(1945), 2_012);
    assert_eq!(count(1990), 13_522);
    assert_eq!(count(2016), 18_915);
    assert_eq!(u.dyad_years(1816, 2016, false).len(), 956_145);
    assert_eq!(u.dyad_years(1938, 1938, true).len(), 2 * 2_145);
}

#[test]
fn pairs_overlapping_only_in_the_calendar_year_are_not_dyad_years() {
    let u = Universe::new(&world().states.system, None);
    // Germany leaves 1945-05-08, Poland returns 1945-06-28.
    assert!(!u.coexist(255, 290, 1945));
    // Liechtenstein enters 1990-09-18, North Yemen leaves 1990-05-21.
    assert!(!u.coexist(223, 678, 1990));
    // Germany (1990-10-03) and the FRG (to 1990-10-02).
    assert!(!u.coexist(255, 260, 1990));
    let keys = u.dyad_years(1945, 1945, false);
    assert!(!(0..keys.len()).any(|i| keys.key(i) == (255, 290, 1945)));
    assert!(u.coexist(255, 325, 1945));
}

#[test]
fn open_spells_extend_to_the_requested_year() {
    let s = &world().states.system;
    assert!(Universe::new(s, None)
        .dyad(325, 365, 2017, 2022, false)
        .is_empty());
    let ext = Universe::new(s, Some(2022)).dyad(325, 365, 1816, 2022, false);
    assert_eq!(ext.len(), 2022 - 1816 + 1);
}

fn italy_russia() -> &'static RecordBatch {
    static F: OnceLock<RecordBatch> = OnceLock::new();
    F.get_or_init(|| {
        let w = world();
        let u = Universe::new(&w.states.system, Some(2022));
        let keys = u.dyad(325, 365, 1816, 2022, false);
        dyad_frame(&w.inputs, &w.states, &u, &keys).batch
    })
}

fn int(col: &str, year: i32) -> Option<i64> {
    let b = italy_russia();
    let i = (year - 1816) as usize;
    let a = b.column_by_name(col).unwrap().as_primitive::<Int64Type>();
    assert_eq!(
        b.column_by_name("year")
            .unwrap()
            .as_primitive::<Int64Type>()
            .value(i),
        i64::from(year)
    );
    a.is_valid(i).then(|| a.value(i))
}

fn float(col: &str, year: i32) -> Option<f64> {
    let b = italy_russia();
    let a = b.column_by_name(col).unwrap().as_primitive::<Float64Type>();
    let i = (year - 1816) as usize;
    a.is_valid(i).then(|| a.value(i))
}

#[test]
fn italy_russia_alliances_racconigi_1915_and_1933() {
    // atop_alliance.csv rows 325,365,1909..1914: consultation only.
    assert_eq!(
        (int("atop_consul", 1909), int("atop_defense", 1909)),
        (Some(1), Some(0))
    );
    assert_eq!(int("atop_consul", 1908), Some(0));
    // 1915-1917: defence and offence (the Entente, Treaty of London).
    for y in 1915..=1917 {
        assert_eq!(
            (int("atop_defense", y), int("atop_offense", y)),
            (Some(1), Some(1)),
            "{y}"
        );
    }
    assert_eq!(int("atop_defense", 1918), Some(0));
    // 1933-1941: neutrality and non-aggression (the Italo-Soviet Pact).
    for y in 1933..=1941 {
        assert_eq!(
            (int("atop_neutral", y), int("atop_nonagg", y)),
            (Some(1), Some(1)),
            "{y}"
        );
    }
    assert_eq!(int("atop_neutral", 1942), Some(0));
    // ATOP v5.1 ends in 2018: NULL after, never 0.
    assert_eq!(int("atop_defense", 2019), None);
}

#[test]
fn italy_russia_war_and_disputes_1941_1943() {
    for y in 1941..=1943 {
        assert_eq!(int("cowwar_inter", y), Some(1), "{y}");
        assert_eq!(int("cowmid_ongoing", y), Some(1), "{y}");
        assert_eq!(int("cowmid_hostlev", y), Some(5), "{y}");
    }
    assert_eq!(int("cowwar_onset", 1941), Some(1));
    assert_eq!(int("cowwar_onset", 1942), Some(0));
    assert_eq!(int("cowwar_inter", 1944), Some(0));
    // The 1937 dispute (Soviet ships sunk in the Mediterranean): use of force.
    assert_eq!(
        (int("cowmid_onset", 1937), int("cowmid_hostlev", 1937)),
        (Some(1), Some(4))
    );
    // No dispute in 1938: ongoing 0, hostility level NULL (not 0).
    assert_eq!(
        (int("cowmid_ongoing", 1938), int("cowmid_hostlev", 1938)),
        (Some(0), None)
    );
    // The 1918 dispute's fatality is -9 in the source: NULL.
    assert_eq!(int("cowmid_fatality", 1918), None);
    // COW-MID v5.0 ends in 2014, war data in 2007.
    assert_eq!(
        (int("cowmid_ongoing", 2015), int("cowwar_inter", 2008)),
        (None, None)
    );
}

#[test]
fn italy_russia_trade_collapses_1936_1938() {
    // cow_trade_ndy.csv: 325,365,1931,29,15 ... 1936,11,1; 1937,5,1; 1938,,0.
    assert_eq!(
        (float("trade_flow1", 1931), float("trade_flow2", 1931)),
        (Some(29.0), Some(15.0))
    );
    assert_eq!(
        (float("trade_flow1", 1936), float("trade_flow2", 1936)),
        (Some(11.0), Some(1.0))
    );
    assert_eq!(
        (float("trade_flow1", 1937), float("trade_flow2", 1937)),
        (Some(5.0), Some(1.0))
    );
    assert_eq!(
        (float("trade_flow1", 1938), float("trade_flow2", 1938)),
        (None, Some(0.0))
    );
    assert_eq!(float("trade_flow1", 1869), None);
    assert!(float("trade_dep1", 1931).unwrap() > float("trade_dep1", 1937).unwrap());
}

/// Expected values computed independently in Python from `un_votes.csv`
/// and `un_roll_calls.csv` (votes of "Italy" and "Russia" on the same roll
/// call, grouped by the year of the roll-call date).
#[test]
fn italy_russia_un_agreement_low_in_the_cold_war_higher_after_1991() {
    assert_eq!(int("un_nvotes", 1985), Some(150));
    assert!((float("un_agree", 1985).unwrap() - 47.0 / 150.0).abs() < 1e-12);
    assert_eq!(int("un_nvotes", 2000), Some(75));
    assert!((float("un_agree", 2000).unwrap() - 51.0 / 75.0).abs() < 1e-12);
    let mean = |from: i32, to: i32| {
        let v: Vec<f64> = (from..=to).filter_map(|y| float("un_agree", y)).collect();
        (v.len(), v.iter().sum::<f64>() / v.len() as f64)
    };
    let (n_cw, cold_war) = mean(1956, 1990);
    let (n_after, after) = mean(1992, 2019);
    assert_eq!((n_cw, n_after), (34, 28));
    assert!((cold_war - 0.3055214613202493).abs() < 1e-12, "{cold_war}");
    assert!((after - 0.6276261420653416).abs() < 1e-12, "{after}");
    // Italy joined the UN in 1955: no common votes before.
    assert_eq!(float("un_agree", 1950), None);
    assert_eq!(int("un_nvotes", 1950), None);
}

#[test]
fn italy_russia_other_measures() {
    // Both majors in 1938, Italy not after 1943.
    assert_eq!(
        (int("cowmaj1", 1938), int("cowmaj2", 1938)),
        (Some(1), Some(1))
    );
    assert_eq!(int("cowmaj1", 1950), Some(0));
    // Not directly contiguous.
    assert_eq!(int("cow_conttype", 1938), Some(0));
    assert_eq!(int("cow_conttype", 2017), None);
    // No TD rivalry between Italy and Russia/USSR.
    assert_eq!(int("td_rivalry", 1938), Some(0));
    // Rome-Moscow great-circle distance, about 2,375 km.
    let d = float("capdist", 1938).unwrap();
    assert!((2300.0..2450.0).contains(&d), "{d}");
    // Polity2 of Italy in 1938 is -9 (a score, not missing).
    assert_eq!(float("dem_polity2_1", 1938), Some(-9.0));
}

/// The directed frame computes symmetric measures once per unordered pair
/// and places them on both orderings (`mirror.rs`); every column must equal
/// the one computed on each ordered key, for years with wars, one-sided
/// pledges, disputes and UN votes.
#[test]
fn mirrored_directed_frames_equal_frames_computed_each_way() {
    let w = world();
    let u = Universe::new(&w.states.system, Some(2022));
    for (from, to) in [(1914, 1918), (1938, 1945), (1989, 1992)] {
        let keys = u.dyad_years(from, to, true);
        let mirrored = dyad_frame(&w.inputs, &w.states, &u, &keys).batch;
        let each_way = dyad_frame_unmirrored(&w.inputs, &w.states, &u, &keys).batch;
        assert_eq!(mirrored.num_rows(), keys.len());
        for (field, (m, e)) in mirrored
            .schema()
            .fields()
            .iter()
            .zip(mirrored.columns().iter().zip(each_way.columns()))
        {
            assert_eq!(m, e, "{} in {from}-{to}", field.name());
        }
    }
    // One ordering only, reversed: Russia-Italy. Its pairs are not among the
    // keys, so every row is placed from a reversed pair.
    let keys = u.dyad(365, 325, 1816, 2022, true);
    let mirrored = dyad_frame(&w.inputs, &w.states, &u, &keys).batch;
    assert_eq!(
        mirrored,
        dyad_frame_unmirrored(&w.inputs, &w.states, &u, &keys).batch
    );
    // And its values are Italy-Russia's, sides swapped: the USSR's CINC in
    // 1938 and its imports from Italy in 1931 (15, against Italy's 29).
    let at = |b: &RecordBatch, col: &str, year: i32| {
        let a = b.column_by_name(col).unwrap().as_primitive::<Float64Type>();
        let i = (year - 1816) as usize;
        a.is_valid(i).then(|| a.value(i))
    };
    assert_eq!(at(&mirrored, "nmc_cinc1", 1938), float("nmc_cinc2", 1938));
    assert!(at(&mirrored, "nmc_cinc1", 1938).is_some());
    assert_eq!(
        (
            at(&mirrored, "trade_flow1", 1931),
            at(&mirrored, "trade_flow2", 1931)
        ),
        (Some(15.0), Some(29.0))
    );
}
