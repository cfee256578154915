//! `ordo chronology` end to end.

#[allow(dead_code)] // each test binary uses part of the helpers
mod common;

/// `ordo chronology` filters the shipped Italy–Russia chronology; names in
/// any language resolve; a dyad without a chronology is a clear error.
#[test]
fn chronology_of_italy_and_russia() {
    let (h, rows) = common::csv_of(&[
        "chronology",
        "Italia",
        "URSS",
        "--from",
        "1933",
        "--to",
        "1941",
        "--stance",
        "competition",
        "--format",
        "csv",
    ]);
    let id = common::col(&h, "id");
    let ids: Vec<&str> = rows.iter().map(|r| r[id].as_str()).collect();
    assert!(ids.contains(&"1937-anti-comintern-pact"), "{ids:?}");
    assert!(ids.contains(&"1939-molotov-ribbentrop"));
    assert!(!ids.contains(&"1933-italo-soviet-pact"));
    assert!(rows
        .iter()
        .all(|r| r[common::col(&h, "stance")] == "competition"));
    let (h, rows) = common::csv_of(&["chronology", "RUS", "ITA", "--table1", "--format", "csv"]);
    assert_eq!(rows.len(), 24);
    assert!(rows
        .iter()
        .all(|r| !r[common::col(&h, "table1")].is_empty()));
    let o = common::ordo(&["chronology", "FRN", "GMY"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("no curated chronology"));
}

/// Table 1 rebuilt: every one of the article's 24 items lands in its own
/// column from its stance and the phase of its year, and the entries that
/// go against the pattern are listed, not hidden.
#[test]
fn table1_is_rebuilt_from_the_chronology() {
    let (h, rows) = common::csv_of(&["table1", "ITA", "RUS", "--format", "csv"]);
    let (order, column, art) = (
        common::col(&h, "order"),
        common::col(&h, "column"),
        common::col(&h, "in_article"),
    );
    let n = |o: &str, c: &str| {
        rows.iter()
            .filter(|r| r[order] == o && r[column] == c)
            .count()
    };
    assert_eq!(rows.iter().filter(|r| r[art] == "true").count(), 24);
    assert_eq!(n("Interwar order", "cooperation (stable)"), 9);
    assert_eq!(n("Interwar order", "competition (crisis)"), 13);
    assert_eq!(n("Cold War order", "turning point"), 2);
    assert_eq!(n("Cold War order", "against: competition while stable"), 4);
    assert_eq!(n("Liberal order", "against: cooperation in crisis"), 5);
    let id = common::col(&h, "id");
    let row = rows
        .iter()
        .find(|r| r[id] == "1933-italo-soviet-pact")
        .unwrap();
    assert_eq!(
        (row[order].as_str(), row[column].as_str(), row[art].as_str()),
        ("Interwar order", "cooperation (stable)", "true")
    );
}

/// The evidence per phase from the structural data, checked against facts
/// a historian would: in the interwar crisis (1936-41) the 1933 neutrality
/// pact is in force every year (ATOP), there are MIDs in 1937 (use of
/// force) and 1941 (war, hostility 5), and one war year (1941).
#[test]
fn table1_evidence_per_phase() {
    let (h, rows) = common::csv_of(&["table1", "ITA", "RUS", "--evidence", "--format", "csv"]);
    let get = |o: &str, p: &str, c: &str| {
        let r = rows
            .iter()
            .find(|r| r[common::col(&h, "order")] == o && r[common::col(&h, "phase")] == p)
            .unwrap();
        r[common::col(&h, c)].clone()
    };
    assert_eq!(rows.len(), 7);
    assert_eq!(get("Interwar order", "crisis", "years"), "6");
    assert_eq!(get("Interwar order", "crisis", "atop_pledge_share"), "1.0");
    assert_eq!(get("Interwar order", "crisis", "mid_years"), "2");
    assert_eq!(get("Interwar order", "crisis", "mid_max_hostlev"), "5");
    assert_eq!(get("Interwar order", "crisis", "war_years"), "1");
    assert_eq!(get("Interwar order", "stable", "war_years"), "0");
    // UN votes: no agreement before Italy's admission (1955); COW wars end
    // in 2007, so the 2008-2020 crisis has no war coverage (not zero wars).
    assert_eq!(get("Interwar order", "stable", "un_years"), "0");
    assert_eq!(get("Liberal order", "crisis", "war_years_covered"), "0");
    let agree = |o: &str, p: &str| get(o, p, "un_agree_mean").parse::<f64>().unwrap();
    assert!(agree("Liberal order", "stable") > agree("Cold War order", "stable") + 0.3);
}

/// The Italy–Russia cooperation index equals the independent computation
/// of `tests/reference/cooperation_reference.py` (numbers committed in
/// `tests/reference/cooperation_expected.txt`) to 1e-9; 2020 has one
/// component and no index; the 1941 war year is the lowest of the century.
#[test]
fn cooperation_index_matches_the_reference() {
    let (h, rows) = common::csv_of(&["cooperation", "ITA", "RUS", "--format", "csv"]);
    let (year, index, n) = (
        common::col(&h, "year"),
        common::col(&h, "index"),
        common::col(&h, "components"),
    );
    let expected = [
        (1870, Some(0.33267460888436373), 4),
        (1915, Some(0.5124060323276199), 3),
        (1925, Some(0.2869716626830544), 3),
        (1937, Some(-1.3609273064582363), 4),
        (1941, Some(-3.654551022445872), 3),
        (1955, Some(-0.45795843863202135), 4),
        (1975, Some(-0.20419327145277108), 6),
        (1983, Some(-0.12746839667159507), 6),
        (1995, Some(0.6180709534070975), 6),
        (2005, Some(0.3950763906883963), 6),
        (2014, Some(0.006509968628504649), 4),
        (2020, None, 1),
    ];
    for (y, want, k) in expected {
        let r = rows.iter().find(|r| r[year] == y.to_string()).unwrap();
        assert_eq!(r[n], k.to_string(), "{y}");
        match want {
            Some(w) => assert!(
                (r[index].parse::<f64>().unwrap() - w).abs() < 1e-9,
                "{y}: {}",
                r[index]
            ),
            None => assert_eq!(r[index], "", "{y}"),
        }
    }
    let lowest = rows
        .iter()
        .filter(|r| !r[index].is_empty())
        .min_by(|x, y| {
            x[index]
                .parse::<f64>()
                .unwrap()
                .total_cmp(&y[index].parse::<f64>().unwrap())
        })
        .unwrap();
    assert!(
        ["1941", "1942", "1943"].contains(&lowest[year].as_str()),
        "{}",
        lowest[year]
    );
}

/// `ordo test ITA RUS`: Welch's t per order and pooled equals scipy's on the
/// same index (tests/reference/phase_test_reference.py, numbers in
/// phase_test_expected.txt) to 1e-6; the bootstrap verdicts follow from
/// the intervals; the same seed gives the same table.
#[test]
fn phase_test_matches_scipy_and_is_seeded() {
    let (h, rows) = common::csv_of(&["test", "ITA", "RUS", "--format", "csv"]);
    let get = |scope: &str, c: &str| {
        rows.iter()
            .find(|r| r[common::col(&h, "scope")] == scope)
            .unwrap()[common::col(&h, c)]
        .clone()
    };
    let num = |scope: &str, c: &str| get(scope, c).parse::<f64>().unwrap();
    let expect = [
        (
            "Interwar order",
            16,
            6,
            -1.8368175518689536,
            5.051852702088355,
            0.1250619482297263,
        ),
        (
            "Cold War order",
            30,
            7,
            -0.16115106836183066,
            10.088456036648779,
            0.8751559216870277,
        ),
        (
            "Liberal order",
            16,
            7,
            -3.5417693269408206,
            13.135797327820896,
            0.003559675067140464,
        ),
        (
            "pooled",
            62,
            20,
            -1.5479246789712482,
            21.562106347923223,
            0.13619351717417358,
        ),
    ];
    for (scope, ns, nc, t, df, p) in expect {
        assert_eq!(get(scope, "n_stable"), ns.to_string(), "{scope}");
        assert_eq!(get(scope, "n_crisis"), nc.to_string(), "{scope}");
        assert!((num(scope, "welch_t") - t).abs() < 1e-6, "{scope}");
        assert!((num(scope, "welch_df") - df).abs() < 1e-6, "{scope}");
        assert!((num(scope, "welch_p") - p).abs() < 1e-6, "{scope}");
        let (lo, hi) = (num(scope, "boot_lo"), num(scope, "boot_hi"));
        let verdict = if hi < 0.0 {
            "supports"
        } else if lo > 0.0 {
            "contradicts"
        } else {
            "silent"
        };
        assert_eq!(get(scope, "verdict"), verdict, "{scope}");
        assert!(
            lo <= num(scope, "diff") && num(scope, "diff") <= hi,
            "{scope}"
        );
    }
    assert_eq!(
        common::csv_of(&["test", "ITA", "RUS", "--format", "csv"]).1,
        rows
    );
    assert_ne!(
        common::csv_of(&["test", "ITA", "RUS", "--seed", "7", "--format", "csv"]).1,
        rows
    );
}

/// Change points of the Italy–Russia cooperation index: PELT (default
/// penalty) and Bai–Perron (LWZ) agree on the Crimean War (1854, 1857),
/// the Second World War (1941, 1944) and Gorbachev's détente (1987); the
/// penalty path runs from many breaks to none, each segmentation optimal
/// over a penalty range that starts where the previous one ends.
#[test]
fn breaks_of_the_cooperation_index() {
    let years = |method: &str| {
        let (h, rows) = common::csv_of(&[
            "breaks",
            "cooperation",
            "ITA",
            "RUS",
            "--method",
            method,
            "--format",
            "csv",
        ]);
        rows.iter()
            .map(|r| r[common::col(&h, "break_year")].clone())
            .collect::<Vec<_>>()
    };
    let want = ["1854", "1857", "1941", "1944", "1987"];
    assert_eq!(years("pelt"), want);
    assert_eq!(years("bai-perron"), want);
    // One component: UN voting agreement shifts when the PRC takes China's
    // seat (1971), after the Cold War (1990), and again in 2018.
    let (h, rows) = common::csv_of(&[
        "breaks",
        "cooperation",
        "ITA",
        "RUS",
        "--component",
        "un_agree",
        "--method",
        "bai-perron",
        "--format",
        "csv",
    ]);
    let un: Vec<&str> = rows
        .iter()
        .map(|r| r[common::col(&h, "break_year")].as_str())
        .collect();
    assert_eq!(un, ["1971", "1990", "2018"]);
    let (h, rows) = common::csv_of(&[
        "breaks",
        "cooperation",
        "ITA",
        "RUS",
        "--path",
        "0.5:50",
        "--format",
        "csv",
    ]);
    let n: Vec<i64> = rows
        .iter()
        .map(|r| r[common::col(&h, "breaks")].parse().unwrap())
        .collect();
    assert!(n.windows(2).all(|w| w[0] > w[1]), "{n:?}");
    assert_eq!(n.last(), Some(&0));
    for w in rows.windows(2) {
        assert_eq!(
            w[0][common::col(&h, "penalty_to")],
            w[1][common::col(&h, "penalty_from")]
        );
    }
}

/// `ordo test ITA RUS --regression`: the same sample (141 years,
/// 1874-2014, 4 lags) and the same Newey–West estimates as the independent
/// assembly and statsmodels fit of
/// tests/reference/test_regression_reference.py (test_regression_expected.txt).
#[test]
fn regression_matches_statsmodels() {
    let (h, rows) = common::csv_of(&["test", "ITA", "RUS", "--regression", "--format", "csv"]);
    let expect = [
        (
            "const",
            0.13265788323464095,
            0.08698342366479747,
            0.1272356945365569,
        ),
        (
            "instability",
            -1.0110727147357432,
            0.40161326242451034,
            0.01181815076398612,
        ),
        (
            "instability_lag1",
            0.01874110396583291,
            0.20324396863258232,
            0.9265312805381977,
        ),
        (
            "leader_change",
            0.0287993771215407,
            0.09830761894575919,
            0.7695591247675813,
        ),
        (
            "regime_distance",
            -0.38004373590691426,
            0.25811143286463806,
            0.14091240994364446,
        ),
    ];
    assert_eq!(rows.len(), expect.len());
    for (row, (term, b, se, p)) in rows.iter().zip(expect) {
        let v = |c: &str| row[common::col(&h, c)].parse::<f64>().unwrap();
        assert_eq!(row[common::col(&h, "term")], term);
        assert!((v("estimate") - b).abs() < 1e-6, "{term}");
        assert!((v("se_newey_west") - se).abs() < 1e-6, "{term}");
        assert!((v("p") - p).abs() < 1e-6, "{term}");
    }
    let o = common::ordo(&["test", "ITA", "RUS", "--regression", "--format", "csv"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("regression over 141 years (1874-2014, Newey-West 4 lags)"),
        "{err}"
    );
}

/// `ordo panel --middle-powers` 1946-2014: every dyad gets a verdict and
/// the counts under the table add up; Italy, a middle power in every year
/// after 1943, meets the United States, the USSR/Russia, the United
/// Kingdom and France in all 69 years; the pooled fixed-effects line
/// reports both clustered and Driscoll–Kraay errors.
#[test]
fn panel_of_middle_powers() {
    let o = common::ordo(&["panel", "--middle-powers", "--format", "csv"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut r = csv::Reader::from_reader(o.stdout.as_slice());
    let h: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let rows: Vec<Vec<String>> = r
        .records()
        .map(|x| x.unwrap().iter().map(String::from).collect())
        .collect();
    let get = |a: &str, b: &str, c: &str| {
        rows.iter()
            .find(|r| r[common::col(&h, "state1")] == a && r[common::col(&h, "state2")] == b)
            .map(|r| r[common::col(&h, c)].clone())
    };
    for major in ["USA", "RUS", "UKG", "FRN"] {
        assert_eq!(get("ITA", major, "years").as_deref(), Some("69"), "{major}");
    }
    let err = String::from_utf8_lossy(&o.stderr);
    let line = err
        .lines()
        .find(|l| l.contains("dyads (middle powers"))
        .unwrap();
    let n = |word: &str| -> usize {
        let i = line.find(word).unwrap();
        line[..i]
            .trim_end()
            .rsplit(' ')
            .next()
            .unwrap()
            .trim_start_matches(':')
            .parse()
            .unwrap()
    };
    let total = n("support") + n("contradict") + n("silent,") + n("with fewer");
    assert_eq!(total, rows.len(), "{line}");
    let verdicts: Vec<&str> = rows
        .iter()
        .map(|r| r[common::col(&h, "verdict")].as_str())
        .collect();
    assert_eq!(
        verdicts.iter().filter(|v| **v == "supports").count(),
        n("support")
    );
    assert!(
        err.contains("SE clustered by dyad") && err.contains("Driscoll-Kraay SE"),
        "{err}"
    );
    // Sorted by slope, rows without a slope last.
    let slopes: Vec<f64> = rows
        .iter()
        .filter_map(|r| r[common::col(&h, "slope")].parse().ok())
        .collect();
    assert!(slopes.windows(2).all(|w| w[0] <= w[1]));
}

/// `--counterparts rivals`: middle powers against their strategic rivals
/// of each year (TSS); India and Pakistan, both middle powers and rivals,
/// are in the panel.
#[test]
fn panel_against_rivals() {
    let (h, rows) = common::csv_of(&[
        "panel",
        "--middle-powers",
        "--counterparts",
        "rivals",
        "--format",
        "csv",
    ]);
    let pair = |a: &str, b: &str| {
        rows.iter()
            .any(|r| r[common::col(&h, "state1")] == a && r[common::col(&h, "state2")] == b)
    };
    assert!(pair("IND", "PAK") || pair("PAK", "IND"));
    assert!(!rows.is_empty() && rows.len() < 200, "{}", rows.len());
}
