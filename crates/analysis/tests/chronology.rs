//! The Italy–Russia chronology written from the two seed documents, and the
//! validation every chronology file goes through.

use ordo_analysis::chronology::Chronology;
use ordo_analysis::periods::Periodization;

fn ita_rus() -> Chronology {
    Chronology::builtin(&Periodization::builtin()).remove(0)
}

fn entry<'a>(c: &'a Chronology, id: &str) -> &'a ordo_analysis::chronology::Entry {
    c.entries
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("no entry {id}"))
}

/// Over 100 entries, spread over the orders as the seeds cover them, and
/// the article's Table 1 items (24 cells' entries) all present.
#[test]
fn counts_per_order_and_table1() {
    let c = ita_rus();
    assert_eq!(c.dyad, ["ITA".to_string(), "RUS".to_string()]);
    assert_eq!(c.entries.len(), 104);
    let count = |order: &str| c.entries.iter().filter(|e| e.order == order).count();
    assert_eq!(
        (
            count("pre_1920"),
            count("interwar"),
            count("cold_war"),
            count("liberal")
        ),
        (15, 31, 29, 29)
    );
    let t1 = |col: &str| {
        c.entries
            .iter()
            .filter(|e| e.table1_column.as_deref() == Some(col))
            .count()
    };
    assert_eq!(
        (t1("cooperation"), t1("turning_point"), t1("competition")),
        (9, 5, 10)
    );
    // Both documents are used: the French text alone for 17 entries.
    let only = |s: &str| c.entries.iter().filter(|e| e.source == [s]).count();
    assert_eq!((only("000"), only("004")), (73, 17));
}

/// Known events, by date and by the stance the texts give them.
#[test]
fn known_events_by_date_and_stance() {
    let c = ita_rus();
    let check = |id: &str, date: &str, stance: &str| {
        let e = entry(&c, id);
        assert_eq!((e.date.as_str(), e.stance.as_str()), (date, stance), "{id}");
    };
    check("1909-racconigi", "1909-01-01", "cooperation");
    check("1933-italo-soviet-pact", "1933-09-02", "cooperation");
    check("1937-anti-comintern-pact", "1937-11-06", "competition");
    check("1939-molotov-ribbentrop", "1939-08-23", "competition");
    check("1941-expeditionary-corps", "1941-06-01", "competition");
    check("1965-fiat-tolyatti", "1965-01-01", "cooperation");
    check("1979-euromissile-offer", "1979-01-01", "competition");
    check("2002-nato-russia-council", "2002-05-28", "cooperation");
    check("2014-eu-sanctions", "2014-01-01", "competition");
    let pact = entry(&c, "1933-italo-soviet-pact");
    assert_eq!(
        (pact.order.as_str(), pact.phase.as_str()),
        ("interwar", "stable")
    );
    assert!(pact.in_table1);
    let afghan = entry(&c, "1979-soviet-afghan-war");
    assert_eq!(afghan.table1_column.as_deref(), Some("turning_point"));
    assert_eq!(afghan.phase, "crisis");
}

fn problem(text: &str) -> String {
    Chronology::parse(text, "mine.toml", &Periodization::builtin())
        .unwrap_err()
        .to_string()
}

const GOOD: &str = r#"dyad = ["FRN", "GMY"]
version = 1

[[event]]
id = "1963-elysee"
date = "1963-01-22"
precision = "day"
actor = "FRN"
target = "GMY"
summary = "Friendship treaty."
stance = "cooperation"
order = "cold_war"
phase = "stable"
area = "diplomacy"
in_table1 = false
source = ["my notes"]
"#;

/// A user's own chronology for another dyad loads; mistakes are reported
/// with the file, line and key.
#[test]
fn user_files_are_validated_with_line_and_key() {
    let c = Chronology::parse(GOOD, "mine.toml", &Periodization::builtin()).unwrap();
    assert_eq!(c.entries[0].line, 4);
    assert_eq!(
        problem(&GOOD.replace("1963-01-22", "1963-02-30")),
        "mine.toml:6: `date`: `1963-02-30` is not a date YYYY-MM-DD"
    );
    assert_eq!(
        problem(&GOOD.replace("precision = \"day\"", "precision = \"year\"")),
        "mine.toml:6: `date`: `1963-01-22` with precision year: write the first day of the year (e.g. 1963-01-01)"
    );
    assert!(problem(&GOOD.replace("\"cooperation\"", "\"friendly\""))
        .starts_with("mine.toml:11: `stance`: `friendly` is not one of"));
    assert!(
        problem(&GOOD.replace("phase = \"stable\"", "phase = \"crisis\""))
            .starts_with("mine.toml:13: `phase`: 1963 is in a `stable` phase")
    );
    assert_eq!(
        problem(&GOOD.replace(
            "in_table1 = false",
            "in_table1 = false\ntable1_column = \"cooperation\""
        )),
        "mine.toml:16: `table1_column`: set only with in_table1 = true"
    );
    let twice = format!(
        "{GOOD}\n[[event]]{}",
        GOOD.split("[[event]]").nth(1).unwrap()
    );
    assert_eq!(
        problem(&twice),
        "mine.toml:19: `id`: `1963-elysee` is already used at line 4"
    );
    assert!(problem(&GOOD.replace("area = ", "areas = ")).contains("unknown field `areas`"));
}
