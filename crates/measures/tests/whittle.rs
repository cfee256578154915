//! Whittling dispute-years by a chain of rules, against
//! `tests/reference/whittle_reference.py` (an independent Python
//! implementation of peacesciencer's documented rules) and against
//! peacesciencer's pre-whittled files, which the full chain must rebuild.

use ordo_measures::whittle::{dispute_years, parse_chain, whittle, MidFamily};
use ordo_sources::datasets::mids::{COW_MID, GML_MID};
use ordo_sources::DataDir;
use std::collections::HashMap;

fn expected() -> Vec<(String, String, String, i64)> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/reference/whittle_expected.csv"
    );
    let mut r = csv::Reader::from_path(path).unwrap();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            (
                rec[0].to_string(),
                rec[1].to_string(),
                rec[2].to_string(),
                rec[3].parse().unwrap(),
            )
        })
        .collect()
}

#[test]
fn chains_match_the_reference_and_the_full_chain_rebuilds_the_files() {
    let dir = DataDir::discover(None).unwrap();
    let want = expected();
    let mut checked = 0;
    for (family, name, pre) in [
        (MidFamily::Cow, "cow", &COW_MID),
        (MidFamily::Gml, "gml", &GML_MID),
    ] {
        let (rows, missing, _) = dispute_years(&dir, family).unwrap();
        assert_eq!(missing, 0, "{name}: every dispute-year has its dispute");
        let t = pre.read(&dir).unwrap();
        let prewhittled: HashMap<(u16, u16, i32), i64> = {
            use arrow_array::cast::AsArray;
            use arrow_array::types::Int64Type;
            let col = |c: &str| {
                t.batch
                    .column_by_name(c)
                    .unwrap()
                    .as_primitive::<Int64Type>()
                    .clone()
            };
            let (n, a, b, y) = (col("dispnum"), col("ccode1"), col("ccode2"), col("year"));
            (0..n.len())
                .map(|i| {
                    (
                        (a.value(i) as u16, b.value(i) as u16, y.value(i) as i32),
                        n.value(i),
                    )
                })
                .collect()
        };
        let chains: Vec<&str> = {
            let mut c: Vec<&str> = want
                .iter()
                .filter(|w| w.0 == name)
                .map(|w| w.1.as_str())
                .collect();
            c.dedup();
            c
        };
        assert_eq!(chains.len(), 5);
        for chain in chains {
            let steps = parse_chain(chain).unwrap();
            let (kept, report) = whittle(rows.clone(), &steps);
            let mut got: HashMap<String, i64> = HashMap::new();
            got.insert("duplicated_before".into(), report.duplicated_before as i64);
            for (s, n) in &report.after_step {
                got.insert(format!("after_{s}"), *n as i64);
            }
            got.insert("by_lowest_dispnum".into(), report.by_lowest_dispnum as i64);
            got.insert("rows".into(), kept.len() as i64);
            got.insert("dispnum_sum".into(), kept.values().map(|d| d.dispnum).sum());
            got.insert(
                "differs_from_prewhittled".into(),
                kept.iter()
                    .filter(|(k, d)| prewhittled.get(k) != Some(&d.dispnum))
                    .count() as i64,
            );
            for (k, d) in &kept {
                got.insert(format!("dispnum {}-{}-{}", k.0, k.1, k.2), d.dispnum);
            }
            for w in want.iter().filter(|w| w.0 == name && w.1 == chain) {
                assert_eq!(got.get(&w.2), Some(&w.3), "{name} {chain} {}", w.2);
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked}");
}
