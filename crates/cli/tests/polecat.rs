//! `ordo ingest polecat` on real rows: the Georgia–Russia GDELT events of
//! `../shared/data`, rewritten into POLECAT's 40-column layout with their
//! CAMEO codes turned into PLOVER types by the official CAMEO2PLOVER table
//! (re-implemented here from `plover.csv`, longest prefix), give the same
//! series under the `plover` profile as the GDELT rows they came from; the
//! known broken files (extra header names, trailing tabs) are repaired and
//! counted, bad rows quarantined with their reason.

#[allow(dead_code)] // each test binary uses part of the helpers
mod common;

use common::rows_in as run;
use std::collections::BTreeMap;
use std::path::Path;

/// CAMEO code -> PLOVER type by the longest prefix of the shipped table.
fn plover_map() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../events/data/schemes/plover.csv"),
    )
    .unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("prefix") && !l.is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[0].to_string(), f[1].to_string())
        })
        .filter(|(p, _)| p.chars().all(|c| c.is_ascii_digit()))
        .collect()
}

fn plover_type(map: &[(String, String)], code: &str) -> String {
    map.iter()
        .filter(|(p, _)| code.starts_with(p.as_str()))
        .max_by_key(|(p, _)| p.len())
        .map(|(_, t)| t.to_uppercase())
        .unwrap()
}

fn quad_label(t: &str) -> &'static str {
    match t {
        "AGREE" | "CONSULT" | "SUPPORT" | "CONCEDE" => "VERBAL COOPERATION",
        "COOPERATE" | "AID" | "RETREAT" => "MATERIAL COOPERATION",
        "REQUEST" | "ACCUSE" | "REJECT" | "THREATEN" => "VERBAL CONFLICT",
        _ => "MATERIAL CONFLICT",
    }
}

/// A POLECAT row of 40 fields with the given values, `None` elsewhere.
fn row(id: &str, date: &str, kind: &str, intensity: &str, quad: &str, a: &str, r: &str) -> String {
    let mut f = vec!["None".to_string(); 40];
    f[0] = id.into();
    f[1] = date.into();
    f[2] = kind.into();
    f[4] = intensity.into();
    f[5] = quad.into();
    f[8] = a.into();
    f[16] = r.into();
    f[39] = "1.0".into();
    f.join("\t")
}

const HEADER: &str = "Event ID\tEvent Date\tEvent Type\tEvent Mode\tIntensity\tQuad Code\tContexts\tActor Name\tActor Country\tActor COW\tPrimary Actor Sector\tActor Sectors\tActor Title\tActor Name Raw\tWikipedia Actor ID\tRecipient Name\tRecipient Country\tRecipient COW\tPrimary Recipient Sector\tRecipient Sectors\tRecipient Title\tRecipient Name Raw\tWikipedia Recipient ID\tPlacename\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude\tGeoNames ID\tRaw Placename\tFeature Type\tSource\tPublication Date\tStory People\tStory Organizations\tStory Locations\tLanguage\tVersion";

#[test]
fn polecat_rows_score_like_the_gdelt_rows_they_came_from() {
    let t = tempfile::tempdir().unwrap();
    let (gdelt, polecat) = (t.path().join("gdelt"), t.path().join("polecat"));
    let events = common::georgia_russia_rows(&gdelt);
    let map = plover_map();
    let mut lines = vec![HEADER.to_string()];
    let mut converted = 0;
    let mut first_type = String::new();
    // per year: converted rows, cooperative and conflictual by PLOVER quad
    let mut by_year: BTreeMap<String, (i64, i64, i64)> = BTreeMap::new();
    for e in &events {
        let t = plover_type(&map, &e["event_code"]);
        if t == "OTHER" {
            continue; // CAMEO 01 and 02 have no PLOVER type
        }
        converted += 1;
        if first_type.is_empty() {
            first_type = t.to_lowercase();
        }
        let y = by_year.entry(e["day"][..4].to_string()).or_default();
        y.0 += 1;
        if quad_label(&t).ends_with("COOPERATION") {
            y.1 += 1;
        } else {
            y.2 += 1;
        }
        lines.push(row(
            &format!("{}-{}_{t}_R", e["day"], e["event_id"]),
            &e["day"],
            &t,
            &e["goldstein"],
            quad_label(&t),
            &e["actor1_code"],
            &e["actor2_code"],
        ));
    }
    // the known broken shapes and bad rows, each once
    let sample = lines[1].clone();
    lines.push(format!("{}\t\t\t", sample.replacen("_R\t", "_T\t", 1))); // trailing tabs: repaired
    lines.push(row(
        "x-1",
        "2012-03-03",
        "ASSAULT",
        "-9.5",
        "MATERIAL CONFLICT",
        "GEO;RUS",
        "RUS",
    )); // compound: no dyad
    lines.push(row(
        "x-2",
        "2012-03-03",
        "ATTACK",
        "-9.5",
        "MATERIAL CONFLICT",
        "GEO",
        "RUS",
    )); // not PLOVER
    lines.push(row(
        "x-3",
        "None",
        "AGREE",
        "3",
        "VERBAL COOPERATION",
        "GEO",
        "RUS",
    )); // no date
    lines.push(format!(
        "{}\tleftover",
        row(
            "x-4",
            "2012-03-03",
            "AGREE",
            "3",
            "VERBAL COOPERATION",
            "GEO",
            "RUS"
        )
    )); // non-empty extra field
    let weekly = t.path().join("ngecEvents.20240102.Release700.DV.txt");
    std::fs::write(&weekly, lines.join("\n") + "\n").unwrap();
    let (ingested, err) = run(
        &polecat,
        &[
            "ingest",
            "polecat",
            weekly.to_str().unwrap(),
            "--format",
            "csv",
        ],
    );
    let n = |k: &str| ingested[0][k].parse::<usize>().unwrap();
    assert_eq!(n("read"), converted + 5);
    assert_eq!(n("stored"), converted + 2);
    assert_eq!(n("quarantined"), 3);
    assert_eq!(n("repaired"), 1);
    assert!(
        err.contains("polecat_trailing_tabs repaired 1 row"),
        "{err}"
    );
    assert!(
        err.contains("compound actor or recipient (no state): 1"),
        "{err}"
    );

    // the series: every PLOVER class and the total, year by year, from
    // the POLECAT rows equal the GDELT rows' less class `other`; the
    // repaired duplicate-looking row is a distinct event (its own id)
    let args = [
        "events",
        "GEO",
        "RUS",
        "--by",
        "year",
        "--profile",
        "plover",
        "--format",
        "csv",
    ];
    let (from_gdelt, _) = run(&gdelt, &args);
    let (from_polecat, _) = run(&polecat, &args);
    assert_eq!(from_gdelt.len(), from_polecat.len());
    let classes: Vec<&String> = from_gdelt[0]
        .keys()
        .filter(|k| {
            ![
                "actor1", "actor2", "period", "year", "profile", "events", "other", "coop",
                "conflict", "neutral",
            ]
            .contains(&k.as_str())
                && !k.starts_with("goldstein")
                && !k.contains("total")
                && !k.contains("share")
                && !k.contains("per_million")
                && !k.contains("net_coop")
                && k.as_str() != "mentions"
        })
        .collect();
    assert!(classes.len() >= 15, "{classes:?}");
    let extra_year = sample.split('\t').nth(1).unwrap()[..4].to_string();
    for (g, p) in from_gdelt.iter().zip(&from_polecat) {
        assert_eq!(g["year"], p["year"]);
        let plus = usize::from(g["year"] == extra_year);
        let int = |r: &BTreeMap<String, String>, k: &str| r[k].parse::<usize>().unwrap();
        assert_eq!(
            int(p, "events"),
            int(g, "events") - int(g, "other") + plus,
            "{}",
            g["year"]
        );
        for c in &classes {
            let bump = if **c == first_type { plus } else { 0 };
            assert_eq!(int(p, c), int(g, c) + bump, "{} {c}", g["year"]);
        }
    }

    // one series across sources: the GDELT store takes the POLECAT file
    // too; each source's columns are its own series, the harmonised ones
    // add them up, PLOVER rows scored by the PLOVER manual's quad classes
    let (alone, _) = run(
        &gdelt,
        &["events", "GEO", "RUS", "--by", "year", "--format", "csv"],
    );
    run(
        &gdelt,
        &[
            "ingest",
            "polecat",
            weekly.to_str().unwrap(),
            "--format",
            "csv",
        ],
    );
    let (multi, err) = run(
        &gdelt,
        &[
            "events",
            "GEO",
            "RUS",
            "--by",
            "year",
            "--sources",
            "gdelt,polecat",
            "--format",
            "csv",
        ],
    );
    assert!(err.contains("sources gdelt, polecat side by side"), "{err}");
    let first_year = lines[1].split('\t').nth(1).unwrap()[..4].to_string();
    assert_eq!(multi.len(), alone.len());
    for (m, g) in multi.iter().zip(&alone) {
        let int = |r: &BTreeMap<String, String>, k: &str| r[k].parse::<i64>().unwrap();
        let y = &m["year"];
        assert_eq!(int(m, "events_gdelt"), int(g, "events"), "{y}");
        assert_eq!(int(m, "coop_gdelt"), int(g, "coop"), "{y}");
        let (n, coop, conflict) = by_year[y];
        let extra = i64::from(*y == first_year);
        let first_is_coop =
            i64::from(quad_label(&first_type.to_uppercase()).ends_with("COOPERATION"));
        assert_eq!(int(m, "events_polecat"), n + extra, "{y}");
        assert_eq!(int(m, "coop_polecat"), coop + extra * first_is_coop, "{y}");
        assert_eq!(
            int(m, "conflict_polecat"),
            conflict + extra * (1 - first_is_coop),
            "{y}"
        );
        assert_eq!(
            int(m, "events"),
            int(m, "events_gdelt") + int(m, "events_polecat"),
            "{y}"
        );
        assert_eq!(
            int(m, "coop"),
            int(m, "coop_gdelt") + int(m, "coop_polecat"),
            "{y}"
        );
        assert_eq!(int(m, "sources_present"), 2, "{y}");
    }

    // a broken file with extra header names is read by position, counted
    let broken = t.path().join("ngecEventsDV-2022-Jan.txt");
    let body: Vec<String> = lines[1..4]
        .iter()
        .map(|l| l.replace("_R\t", "_B\t"))
        .collect();
    std::fs::write(
        &broken,
        format!("{HEADER}\tHeadline\n{}\n", body.join("\n")),
    )
    .unwrap();
    let (ing, err) = run(
        &polecat,
        &[
            "ingest",
            "polecat",
            broken.to_str().unwrap(),
            "--format",
            "csv",
        ],
    );
    assert_eq!(
        (ing[0]["stored"].as_str(), ing[0]["repaired"].as_str()),
        ("3", "3")
    );
    assert!(
        err.contains("polecat_extra_header_names repaired 3 rows"),
        "{err}"
    );
}
