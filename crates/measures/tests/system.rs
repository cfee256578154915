//! The system-year frame on the real data. Expected values are printed by
//! `bench/system_reference.py`, an independent computation from the raw files
//! (Python standard library only).

use ordo_measures::majors_rule::MajorsRule;
use ordo_measures::system_year::{system_years, SystemYear};
use ordo_measures::{Inputs, Universe};
use ordo_sources::DataDir;
use ordo_states::States;
use std::sync::OnceLock;

fn rows() -> &'static Vec<SystemYear> {
    static R: OnceLock<Vec<SystemYear>> = OnceLock::new();
    R.get_or_init(|| {
        let dir = DataDir::discover(None).unwrap();
        let states = States::load(&dir).unwrap();
        let inputs = Inputs::load(&dir, &states).unwrap();
        let u = Universe::new(&states.system, Some(2022));
        system_years(&inputs, &states, &u, &MajorsRule::Cow2024, 1816, 2022).rows
    })
}

fn year(y: i32) -> &'static SystemYear {
    &rows()[(y - 1816) as usize]
}

#[test]
fn one_row_per_year_1816_2022() {
    assert_eq!(rows().len(), 2022 - 1816 + 1);
    assert_eq!(rows().last().unwrap().year, 2022);
}

#[test]
fn majors_and_concentration_match_the_reference_script() {
    let cases = [
        (1816, vec![200, 220, 255, 300, 365], 0.329628622314),
        (1870, vec![200, 220, 255, 300, 325, 365], 0.296377853789),
        (
            1914,
            vec![2, 200, 220, 255, 300, 325, 365, 740],
            0.220208402360,
        ),
        (1938, vec![2, 200, 220, 255, 325, 365, 740], 0.226980914210),
        (1950, vec![2, 200, 220, 365, 710], 0.331667782810),
        (1990, vec![2, 200, 220, 365, 710], 0.305368651349),
        (2010, vec![2, 200, 220, 255, 365, 710, 740], 0.422905265599),
    ];
    for (y, majors, con) in cases {
        let r = year(y);
        assert_eq!(
            r.majors.iter().map(|(c, _)| *c).collect::<Vec<_>>(),
            majors,
            "{y}"
        );
        assert!(
            (r.con.unwrap() - con).abs() < 1e-9,
            "{y}: {:?} vs {con}",
            r.con
        );
    }
    // Russia is not a COW major 1918-1921.
    assert!(!year(1920).majors.iter().any(|(c, _)| *c == 365));
    assert!(year(1922).majors.iter().any(|(c, _)| *c == 365));
}

#[test]
fn disputes_and_wars_among_majors_in_1914_and_1939() {
    let (a, b) = (year(1914), year(1939));
    assert_eq!(
        (a.mm_dyads, a.mm_mid_ongoing, a.mm_mid_onsets, a.mm_war),
        (28, Some(10), Some(10), Some(8))
    );
    assert_eq!(
        (b.mm_dyads, b.mm_mid_ongoing, b.mm_mid_onsets, b.mm_war),
        (21, Some(12), Some(10), Some(3))
    );
    assert_eq!(year(1990).mm_mid_ongoing, Some(0));
    // COW-MID ends in 2014, war data in 2007: NULL after, not 0.
    assert_eq!((year(2015).mm_mid_ongoing, year(2008).mm_war), (None, None));
}

#[test]
fn deltas_movement_and_leader() {
    let r = year(1950);
    let d5 = r.con.unwrap() - year(1945).con.unwrap();
    assert!((r.dcon5.unwrap() - d5).abs() < 1e-12);
    assert!(r.move1.unwrap() >= 0.0 && r.move1.unwrap() <= 1.0);
    // The United States leads 1950 (CINC), the USSR is the challenger.
    assert_eq!((r.leader, r.challenger), (Some(2), Some(365)));
    // China overtakes the United States in CINC (NMC v7.0) by the 2010s.
    assert_eq!(year(2016).leader, Some(710));
}
