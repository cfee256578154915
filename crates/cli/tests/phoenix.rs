//! `ordo ingest phoenix` on real rows: the Georgia–Russia GDELT events of
//! `../shared/data` rewritten into the Cline Center Historical Phoenix
//! layout (header, `m/d/yyyy` dates, codes that lost their leading zero as
//! in integer-typed copies) and into the OEDA daily layout (26 positional
//! columns, string ids, merged reports) give the same series as the GDELT
//! rows they came from, with the repairs counted and bad rows quarantined.

#[allow(dead_code)] // each test binary uses part of the helpers
mod common;

use common::rows_in as run;

/// `2012-03-04` as Cline writes it: `3/4/2012`.
fn mdy(day: &str) -> String {
    let p: Vec<u32> = day.split('-').map(|x| x.parse().unwrap()).collect();
    format!("{}/{}/{}", p[1], p[2], p[0])
}

/// Phoenix's quad class of a CAMEO root (phoenix_pipeline postprocess.py).
fn quad(root: u32) -> u32 {
    match root {
        1 | 2 => 0,
        3..=5 => 1,
        6..=8 => 2,
        9..=13 | 16 => 3,
        _ => 4,
    }
}

#[test]
fn phoenix_layouts_score_like_the_gdelt_rows_they_came_from() {
    let t = tempfile::tempdir().unwrap();
    let gdelt = t.path().join("gdelt");
    let events = common::georgia_russia_rows(&gdelt);
    assert!(events.len() > 100, "{}", events.len());
    let lost_zero = events
        .iter()
        .filter(|e| e["event_code"].starts_with('0'))
        .count();
    assert!(lost_zero > 10);

    // Cline Center layout: header, m/d/yyyy, leading zeros dropped
    let mut cline = vec![
        "eid,story_date,year,month,day,source,source_root,source_agent,source_others,target,target_root,target_agent,target_others,code,root_code,quad_class,goldstein,joined_issues,lat,lon,placename,statename,countryname,aid,process".to_string(),
    ];
    for e in &events {
        let root: u32 = e["root_code"].parse().unwrap();
        let code = e["event_code"].trim_start_matches('0');
        let p: Vec<&str> = e["day"].split('-').collect();
        cline.push(format!(
            "{},{},{},{},{},{}GOV,{},GOV,,{},{},,,{code},{root},{},{},,,,,,,{},",
            e["event_id"],
            mdy(&e["day"]),
            p[0],
            p[1],
            p[2],
            e["actor1_code"],
            e["actor1_code"],
            e["actor2_code"],
            e["actor2_code"],
            quad(root),
            e["goldstein"],
            e["event_id"]
        ));
    }
    cline.push("1,13/45/2012,2012,13,45,GEO,GEO,,,RUS,RUS,,,190,19,4,-10.0,,,,,,,1,".into()); // bad date
    cline.push("2,3/4/2012,2012,3,4,GEO,GEO,,,RUS,RUS,,,190,4,4,-10.0,,,,,,,2,".into()); // code/root disagree
    let cline_file = t.path().join("PhoenixSWB_1979-2015.csv");
    std::fs::write(&cline_file, cline.join("\n") + "\n").unwrap();

    // OEDA daily layout: 26 tab-separated fields, string ids, merged reports
    let mut oeda = Vec::new();
    for (n, e) in events.iter().enumerate() {
        let root: u32 = e["root_code"].parse().unwrap();
        let day = e["day"].replace('-', "");
        let (a, b) = (&e["actor1_code"], &e["actor2_code"]);
        let fields = [
            format!("{}_v0.1.0", e["event_id"]),
            day.clone(),
            day[..4].to_string(),
            day[4..6].to_string(),
            day[6..].to_string(),
            a.to_string(),
            a.to_string(),
            String::new(),
            String::new(),
            b.to_string(),
            b.to_string(),
            String::new(),
            String::new(),
            e["event_code"].clone(),
            format!("{root:02}"),
            quad(root).to_string(),
            e["goldstein"].clone(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            if n % 2 == 0 {
                "s1;s2".into()
            } else {
                "s1".into()
            },
            format!("http://example.org/{n};http://example.org/{n}b"),
            if n % 2 == 0 {
                "Reuters;Reuters".into()
            } else {
                "AFP".into()
            },
        ];
        oeda.push(fields.join("\t"));
    }
    oeda.push("x\t20120304\t2012\t03\t04".into()); // too narrow
    let oeda_file = t.path().join("events.full.20120304.txt");
    std::fs::write(&oeda_file, oeda.join("\n") + "\n").unwrap();

    let args = [
        "events",
        "GEO",
        "RUS",
        "--by",
        "year",
        "--profile",
        "phoenix",
        "--format",
        "csv",
    ];
    let (expected, _) = run(&gdelt, &args);
    for (file, bad, repaired) in [
        (&cline_file, 2usize, Some(lost_zero)),
        (&oeda_file, 1, None),
    ] {
        let store = t.path().join(format!(
            "store-{}",
            file.file_name().unwrap().to_string_lossy()
        ));
        let (ing, err) = run(
            &store,
            &[
                "ingest",
                "phoenix",
                file.to_str().unwrap(),
                "--format",
                "csv",
            ],
        );
        let n = |k: &str| ing[0][k].parse::<usize>().unwrap();
        assert_eq!(n("read"), events.len() + bad, "{file:?}");
        assert_eq!(
            (n("stored"), n("quarantined")),
            (events.len(), bad),
            "{file:?}"
        );
        assert_eq!(n("repaired"), repaired.unwrap_or(0), "{file:?}");
        if let Some(r) = repaired {
            assert!(
                err.contains(&format!("phoenix_code_zero repaired {r} rows")),
                "{err}"
            );
        }
        let (got, _) = run(&store, &args);
        assert_eq!(got.len(), expected.len());
        for (g, e) in got.iter().zip(&expected) {
            for k in [
                "year",
                "events",
                "neutral",
                "verbal_coop",
                "material_coop",
                "verbal_conflict",
                "material_conflict",
                "goldstein_sum",
                "net_coop",
            ] {
                assert_eq!(g[k], e[k], "{file:?} {k} {}", e["year"]);
            }
        }
    }
    // OEDA's merged reports: mentions = story ids, sources = distinct names
    let oeda_store = t.path().join("store-events.full.20120304.txt");
    let (m, _) = run(
        &oeda_store,
        &[
            "sql",
            "SELECT SUM(mentions) AS m, SUM(sources) AS s, COUNT(source_url) AS u FROM events",
            "--format",
            "csv",
        ],
    );
    let k = events.len();
    assert_eq!(m[0]["m"], (k.div_ceil(2) * 2 + k / 2).to_string());
    assert_eq!(m[0]["s"], k.to_string());
    assert_eq!(m[0]["u"], k.to_string());
}
