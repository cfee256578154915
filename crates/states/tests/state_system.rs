//! The state system read from the real files in the data directory
//! (`../shared/data`, or `$ORDO_DATA`). Expected values were checked by hand
//! against the files: member counts with
//! `awk -F, 'NR>1{s=$4*10000+$5*100+$6; e=$7*10000+$8*100+$9; if(s<=D&&D<=e)c[$2]=1} END{print length(c)}' cow_states.csv`
//! and spells by reading the rows of `cow_states.csv` / `cow_majors.csv`.

use chrono::NaiveDate;
use ordo_sources::DataDir;
use ordo_states::{Scheme, StateCode, States};
use std::sync::OnceLock;

fn states() -> &'static States {
    static STATES: OnceLock<States> = OnceLock::new();
    STATES.get_or_init(|| {
        let dir = DataDir::discover(None).expect("data directory (../shared/data or $ORDO_DATA)");
        States::load(&dir).expect("state system loads")
    })
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn spells(code: u16) -> Vec<String> {
    states()
        .system
        .get(StateCode(code))
        .unwrap()
        .spells
        .iter()
        .map(|s| s.to_string())
        .collect()
}

#[test]
fn italy_and_russia_membership_spells() {
    assert_eq!(spells(325), ["1816-01-01..2016-12-31"]);
    assert_eq!(spells(365), ["1816-01-01..2016-12-31"]);
    let s = states();
    let italy = s.system.get(StateCode(325)).unwrap();
    assert_eq!(
        (italy.abbrev.as_str(), italy.name.as_str()),
        ("ITA", "Italy")
    );
}

#[test]
fn states_with_several_spells() {
    assert_eq!(
        spells(255),
        ["1816-01-01..1945-05-08", "1990-10-03..2016-12-31"]
    );
    assert_eq!(
        spells(345),
        ["1878-07-13..1941-04-20", "1944-10-20..2016-12-31"]
    );
    assert_eq!(spells(260), ["1955-05-05..1990-10-02"]);
    assert_eq!(spells(265), ["1954-03-25..1990-10-02"]);
    assert_eq!(spells(678), ["1926-09-02..1990-05-21"]);
    assert_eq!(spells(679), ["1990-05-22..2016-12-31"]);
}

#[test]
fn member_counts_on_given_days() {
    let count = |d: &str| states().system.members_on(day(d)).count();
    assert_eq!(count("1816-12-31"), 23);
    assert_eq!(count("1914-12-31"), 45);
    assert_eq!(count("1938-12-31"), 65);
    // German reunification: FRG and GDR leave on 1990-10-02, Germany enters
    // on 1990-10-03: one member fewer.
    assert_eq!(count("1990-10-02"), 162);
    assert_eq!(count("1990-10-03"), 161);
    assert_eq!(count("2016-12-31"), 195);
}

#[test]
fn major_powers_in_1938_and_1950() {
    let on = |d: &str| {
        states()
            .majors
            .on(day(d))
            .iter()
            .map(|c| c.0)
            .collect::<Vec<_>>()
    };
    assert_eq!(on("1938-12-31"), [2, 200, 220, 255, 325, 365, 740]);
    assert_eq!(on("1950-12-31"), [2, 200, 220, 365, 710]);
    // Russia is not a major between the revolution and 1922 in COW.
    assert!(!states()
        .majors
        .is_major_on(StateCode(365), day("1920-06-01")));
    // Italy is a major 1860-1943 only.
    let italy: Vec<String> = states()
        .majors
        .spells_of(StateCode(325))
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(italy, ["1860-01-01..1943-09-02"]);
}

#[test]
fn v2024_majors_extend_the_open_spells() {
    let s = states();
    let rus: Vec<String> = s
        .majors_2024
        .spells_of(StateCode(365))
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(rus, ["1816-01-01..1917-12-05", "1922-01-01..2024-12-31"]);
    assert!(s.majors_2024.is_major_on(StateCode(710), day("2020-01-01")));
    assert!(!s.majors.is_major_on(StateCode(710), day("2020-01-01")));
}

#[test]
fn gleditsch_ward_spells() {
    let gw = states().gw.get(260).unwrap();
    assert_eq!(
        gw.spells.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        ["1949-09-21..2017-12-31"]
    );
    assert_eq!(states().gw.get(340).unwrap().spells.len(), 2);
}

fn to_cow(scheme: Scheme, code: &str, d: &str) -> Option<u16> {
    states().crosswalk.to_cow(scheme, code, day(d)).map(|c| c.0)
}

#[test]
fn ussr_and_russia_one_cow_code_several_cameo_codes() {
    assert_eq!(to_cow(Scheme::Cameo, "SUN", "1980-06-01"), Some(365));
    assert_eq!(to_cow(Scheme::Cameo, "SUN", "2000-06-01"), None);
    assert_eq!(to_cow(Scheme::Cameo, "RUS", "1982-01-01"), Some(365));
    assert_eq!(to_cow(Scheme::Cameo, "RUS", "2014-03-18"), Some(365));
    assert_eq!(to_cow(Scheme::Iso3, "SUN", "1980-06-01"), Some(365));
    assert_eq!(to_cow(Scheme::Iso3, "RUS", "1980-06-01"), None);
    assert_eq!(to_cow(Scheme::Fips, "UR", "1980-06-01"), Some(365));
    assert_eq!(to_cow(Scheme::Fips, "RS", "1980-06-01"), Some(365));
}

#[test]
fn germany_255_gfr_260_gdr_265() {
    assert_eq!(to_cow(Scheme::Iso3, "DEU", "1938-12-31"), Some(255));
    assert_eq!(to_cow(Scheme::Iso3, "DEU", "1980-01-01"), Some(260));
    assert_eq!(to_cow(Scheme::Iso3, "DEU", "2000-01-01"), Some(255));
    assert_eq!(to_cow(Scheme::Iso2, "DD", "1980-01-01"), Some(265));
    assert_eq!(to_cow(Scheme::Gw, "260", "1980-01-01"), Some(260));
    assert_eq!(to_cow(Scheme::Gw, "260", "2000-01-01"), Some(255));
    assert_eq!(to_cow(Scheme::Gw, "265", "1980-01-01"), Some(265));
}

#[test]
fn yemen_north_south_unified() {
    assert_eq!(to_cow(Scheme::Gw, "678", "1980-01-01"), Some(678));
    assert_eq!(to_cow(Scheme::Gw, "678", "2000-01-01"), Some(679));
    assert_eq!(to_cow(Scheme::Gw, "680", "1980-01-01"), Some(680));
    assert_eq!(to_cow(Scheme::Iso3, "YEM", "2000-01-01"), Some(679));
    assert_eq!(to_cow(Scheme::Iso3, "YMD", "1980-01-01"), Some(680));
}

#[test]
fn vietnam_and_serbia_yugoslavia() {
    assert_eq!(to_cow(Scheme::Iso3, "VNM", "2000-01-01"), Some(816));
    assert_eq!(to_cow(Scheme::Gw, "817", "1970-01-01"), Some(817));
    assert_eq!(to_cow(Scheme::Iso3, "YUG", "1980-01-01"), Some(345));
    assert_eq!(to_cow(Scheme::Iso3, "SCG", "2004-01-01"), Some(345));
    assert_eq!(to_cow(Scheme::Iso3, "SRB", "2010-01-01"), Some(345));
    assert_eq!(to_cow(Scheme::Gw, "340", "2010-01-01"), Some(345));
    assert_eq!(to_cow(Scheme::Gw, "345", "1980-01-01"), Some(345));
    // CS: Czechoslovakia until 1992, Serbia and Montenegro 2003-2006.
    assert_eq!(to_cow(Scheme::Iso2, "CS", "1980-01-01"), Some(315));
    assert_eq!(to_cow(Scheme::Iso2, "CS", "2004-01-01"), Some(345));
}

#[test]
fn ukraine_and_belarus_un_seats_before_independence() {
    let s = states();
    for (name, code, ccode) in [("Ukraine", "UA", 369), ("Belarus", "BY", 370)] {
        let c = s
            .crosswalk
            .un_to_cow(name, Some(code), day("1970-10-01"))
            .unwrap();
        assert_eq!(c.0, ccode);
        // ... but those votes are not COW state-years: the republics join the
        // system on 1991-12-26.
        assert!(!s.system.get(c).unwrap().is_member_on(day("1970-10-01")));
        assert!(s.system.get(c).unwrap().is_member_on(day("1991-12-26")));
    }
    assert_eq!(
        s.crosswalk
            .un_to_cow("Russia", Some("RU"), day("1970-10-01"))
            .unwrap()
            .0,
        365
    );
    assert_eq!(
        s.crosswalk
            .un_to_cow("Federal Republic of Germany", None, day("1980-10-01"))
            .unwrap()
            .0,
        260
    );
    assert_eq!(
        s.crosswalk
            .un_to_cow("Yemen Arab Republic", None, day("1980-10-01"))
            .unwrap()
            .0,
        678
    );
    assert_eq!(
        s.crosswalk
            .un_to_cow("Yugoslavia", Some("YU"), day("2010-10-01"))
            .unwrap()
            .0,
        345
    );
}

/// Every (country, country_code) of the UN votes resolves to one COW state on
/// the date of every roll call it voted in.
#[test]
fn every_un_votes_country_resolves_on_its_vote_dates() {
    let dir = DataDir::discover(None).unwrap();
    let mut calls = dir.open("unvotes", "un_roll_calls.csv").unwrap();
    let (rcid, date) = (calls.column("rcid").unwrap(), calls.column("date").unwrap());
    let mut dates = std::collections::HashMap::new();
    while let Some(r) = calls.next_row().unwrap() {
        dates.insert(r.i64(&rcid).unwrap(), day(r.str(&date).unwrap()));
    }
    let mut votes = dir.open("unvotes", "un_votes.csv").unwrap();
    let (rc, country, code) = (
        votes.column("rcid").unwrap(),
        votes.column("country").unwrap(),
        votes.column("country_code").unwrap(),
    );
    let mut seen = std::collections::HashSet::new();
    let mut unresolved = Vec::new();
    while let Some(r) = votes.next_row().unwrap() {
        let key = (
            r.str(&country).unwrap().to_string(),
            r.opt_str(&code).unwrap().map(str::to_string),
            dates[&r.i64(&rc).unwrap()],
        );
        if seen.insert(key.clone())
            && states()
                .crosswalk
                .un_to_cow(&key.0, key.1.as_deref(), key.2)
                .is_none()
        {
            unresolved.push(key);
        }
    }
    let used = votes.finish().unwrap();
    assert_eq!(used.rows, 870_109);
    assert!(
        unresolved.is_empty(),
        "{} unresolved, e.g. {:?}",
        unresolved.len(),
        &unresolved[..unresolved.len().min(5)]
    );
}

/// ICEWS country names resolve through the ICEWS name → GW table plus the
/// crosswalk; the only names left are those that are no COW state in 2018.
#[test]
fn icews_country_names_resolve() {
    let dir = DataDir::discover(None).unwrap();
    let mut t = dir
        .open("icews_country_gwcode", "country_to_gwcode.csv")
        .unwrap();
    let (name, gw) = (t.column("country").unwrap(), t.column("gwcode").unwrap());
    let mut unresolved = Vec::new();
    let mut resolved = 0;
    while let Some(r) = t.next_row().unwrap() {
        let (n, g) = (r.str(&name).unwrap(), r.opt_i64(&gw).unwrap());
        match states()
            .crosswalk
            .icews_to_cow(n, g.map(|g| g as u16), day("2018-06-01"))
        {
            Some(_) => resolved += 1,
            None if g.is_some() => unresolved.push(n.to_string()),
            None => {}
        }
    }
    // The Holy See is mapped by the icews package to GW 327 (Papal States,
    // a COW state only until 1870).
    assert_eq!(unresolved, ["Holy See"]);
    assert!(resolved >= 240, "{resolved}");
    assert_eq!(
        states()
            .crosswalk
            .icews_to_cow("Russian Federation", Some(365), day("2018-06-01"))
            .map(|c| c.0),
        Some(365)
    );
    assert_eq!(
        states()
            .crosswalk
            .icews_to_cow("Serbia", None, day("2018-06-01"))
            .map(|c| c.0),
        Some(345)
    );
    assert_eq!(
        states()
            .crosswalk
            .icews_to_cow("Vietnam", Some(817), day("2018-06-01"))
            .map(|c| c.0),
        Some(816)
    );
}

/// Every member at the end of 2016 has one ISO alpha-3, GW and FIPS code that
/// maps back to it on that day.
#[test]
fn current_members_round_trip_through_iso_gw_and_fips() {
    let s = states();
    let d = day("2016-12-31");
    for state in s.system.members_on(d) {
        for scheme in [Scheme::Iso3, Scheme::Gw, Scheme::Fips] {
            let codes = s.crosswalk.codes_of(state.code, scheme, Some(d));
            assert!(!codes.is_empty(), "{} has no {scheme} code", state.abbrev);
            for m in codes {
                assert_eq!(
                    s.crosswalk.to_cow(scheme, &m.code, d),
                    Some(state.code),
                    "{scheme} {}",
                    m.code
                );
            }
        }
    }
}

/// No code points to two states on the same day, in any scheme (sampled at
/// every year end).
#[test]
fn no_code_is_ambiguous_on_any_day() {
    let s = states();
    for year in 1816..=2020 {
        let d = NaiveDate::from_ymd_opt(year, 12, 31).unwrap();
        for state in s.system.iter() {
            for m in s.crosswalk.of_state(state.code).filter(|m| m.valid_on(d)) {
                let hits = s.crosswalk.lookup(m.scheme, &m.code, Some(d));
                let mut codes: Vec<_> = hits.iter().map(|h| h.ccode).collect();
                codes.sort();
                codes.dedup();
                assert_eq!(codes.len(), 1, "{} {} on {d}: {codes:?}", m.scheme, m.code);
            }
        }
    }
}
