//! The readers on the real samples and on arbitrary bytes.
//!
//! Fuzzing (proptest): any bytes, in the headerless GDELT path and in the
//! header path, must scan without a panic and with every row accounted for
//! (stored in a chunk or quarantined). The inputs that once broke a reader,
//! and hand-made nasty ones, are kept in `tests/corpus/` and replayed.

use ordo_events::parse::RowContext;
use ordo_events::{scan_file, ActorResolver, ActorScheme, Cameo, Compiled, Family, ScanOptions};
use ordo_sources::DataDir;
use ordo_states::States;
use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

struct World {
    cameo: Cameo,
    resolver: ActorResolver,
}

fn world() -> &'static World {
    static W: OnceLock<World> = OnceLock::new();
    W.get_or_init(|| {
        let dir = DataDir::discover(None).expect("data directory");
        let states = States::load(&dir).unwrap();
        let mut resolver = ActorResolver::new(&states.crosswalk, &states.system).unwrap();
        resolver.add_icews_names(&dir).unwrap();
        World {
            cameo: Cameo::load(&dir).unwrap(),
            resolver,
        }
    })
}

/// Scan options for a family, with its usual actor codes.
fn options(family: Family) -> ScanOptions<'static> {
    let w = world();
    ScanOptions {
        family,
        ctx: RowContext {
            family,
            actors: if family == Family::Icews {
                ActorScheme::IcewsName
            } else {
                ActorScheme::Cameo
            },
            resolver: &w.resolver,
            codes: &w.cameo.codes,
            event_texts: &w.cameo.icews_texts,
        },
        map: Vec::new(),
        threads: 2,
        progress: &|_| {},
        hook: None,
        prefilter: None,
    }
}

/// Scans a file; returns (rows read, rows in chunks, rows quarantined) or
/// the error message.
fn scan(path: &Path, family: Family) -> Result<(u64, u64, u64), String> {
    let opts = options(family);
    let mut stored = 0u64;
    let s = scan_file(path, &opts, &mut |c| {
        stored += c.len() as u64;
        Ok(())
    })
    .map_err(|e| e.to_string())?;
    Ok((s.read, stored, s.quarantined.len() as u64))
}

fn accounted(path: &Path, family: Family) {
    if let Ok((read, stored, quarantined)) = scan(path, family) {
        assert_eq!(read, stored + quarantined, "{}", path.display());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let t = tempfile::tempdir().unwrap();
        let p = t.path().join("x.tsv");
        std::fs::write(&p, &bytes).unwrap();
        accounted(&p, Family::Gdelt);
        accounted(&p, Family::Icews);
        accounted(&p, Family::Csv);
        accounted(&p, Family::Polecat);
        accounted(&p, Family::Phoenix);
    }

    #[test]
    fn tab_splitting_equals_the_obvious_split(bytes in proptest::collection::vec(prop_oneof![Just(b'\t'), any::<u8>()], 0..300)) {
        use ordo_events::split::{split_tabs, MAX_FIELDS};
        let mut out = [&bytes[..0]; MAX_FIELDS];
        let n = split_tabs(&bytes, &mut out);
        let naive: Vec<&[u8]> = bytes.split(|b| *b == b'\t').collect();
        prop_assert_eq!(n, naive.len());
        prop_assert_eq!(&out[..n.min(MAX_FIELDS)], &naive[..n.min(MAX_FIELDS)]);
    }

    /// Real rows with random bytes spliced in: close to valid, so the
    /// field parsers (dates, codes, numbers) are exercised, not just the
    /// width check.
    #[test]
    fn mutated_real_rows_never_panic(pos in 0usize..2000, junk in proptest::collection::vec(any::<u8>(), 1..8)) {
        let real = std::fs::read(DataDir::discover(None).unwrap().root().join("gdelt_v1_raw_sample/events_raw.tsv")).unwrap();
        let mut bytes = real[..2000].to_vec();
        let at = pos.min(bytes.len());
        bytes.splice(at..at, junk);
        let t = tempfile::tempdir().unwrap();
        let p = t.path().join("x.tsv");
        std::fs::write(&p, &bytes).unwrap();
        accounted(&p, Family::Gdelt);
    }

    /// Arbitrary rows under an ICEWS header without `CAMEO Code` (codes
    /// rebuilt from `Event Text`).
    #[test]
    fn arbitrary_rows_without_a_code_column_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let mut file = icews_header(true).into_bytes();
        file.push(b'\n');
        file.extend(bytes);
        let t = tempfile::tempdir().unwrap();
        let p = t.path().join("x.tab");
        std::fs::write(&p, &file).unwrap();
        accounted(&p, Family::Icews);
    }

    /// Real ICEWS rows with `m/d/yyyy` dates (with and without `CAMEO
    /// Code`), random bytes spliced in: the per-file date decision, its
    /// second read and the code rebuild see near-valid input.
    #[test]
    fn mutated_icews_slash_rows_never_panic(
        drop_code in any::<bool>(),
        date in proptest::collection::vec(prop_oneof![Just(b'/'), b'0'..=b'9'], 0..12),
        pos in 0usize..3000,
        junk in proptest::collection::vec(any::<u8>(), 1..8),
    ) {
        let mut bytes = icews_slash_sample(drop_code, &date);
        bytes.truncate(3000);
        let at = pos.min(bytes.len());
        bytes.splice(at..at, junk);
        let t = tempfile::tempdir().unwrap();
        let p = t.path().join("x.tab");
        std::fs::write(&p, &bytes).unwrap();
        accounted(&p, Family::Icews);
    }
}

/// The real ICEWS sample's header line, without `CAMEO Code` if asked.
fn icews_header(drop_code: bool) -> String {
    let text = std::fs::read_to_string(
        DataDir::discover(None)
            .unwrap()
            .root()
            .join("icews_sample/events.2018.sample.tab"),
    )
    .unwrap();
    let header = text.lines().next().unwrap();
    header
        .split('\t')
        .filter(|c| !(drop_code && *c == "CAMEO Code"))
        .collect::<Vec<_>>()
        .join("\t")
}

/// The first rows of the real ICEWS sample with `m/d/yyyy` dates (the
/// third row's date replaced by `date`), without `CAMEO Code` if asked.
fn icews_slash_sample(drop_code: bool, date: &[u8]) -> Vec<u8> {
    let text = std::fs::read_to_string(
        DataDir::discover(None)
            .unwrap()
            .root()
            .join("icews_sample/events.2018.sample.tab"),
    )
    .unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let code = header.iter().position(|c| *c == "CAMEO Code").unwrap();
    let mut out = icews_header(drop_code).into_bytes();
    for (i, line) in lines.take(12).enumerate() {
        let mut cells: Vec<String> = line.split('\t').map(String::from).collect();
        cells[1] = match i {
            2 => String::from_utf8_lossy(date).into_owned(),
            5 => "6/13/2018".into(),
            // 2018-06-01 -> 6/1/2018 (the sample's dates are 06-01, 06-02)
            _ => cells[1].replace("2018-06-0", "6/") + "/2018",
        };
        if drop_code {
            cells.remove(code);
        }
        out.push(b'\n');
        out.extend(cells.join("\t").into_bytes());
    }
    out
}

#[test]
fn corpus_inputs_are_accounted_for() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        for f in [
            Family::Gdelt,
            Family::Icews,
            Family::Csv,
            Family::Polecat,
            Family::Phoenix,
        ] {
            accounted(&p, f);
        }
        n += 1;
    }
    assert!(n >= 10, "corpus has {n} files");
    // Two of them, checked in detail.
    let (read, stored, q) = scan(&dir.join("bare_minus_goldstein.tsv"), Family::Gdelt).unwrap();
    assert_eq!((read, stored, q), (1, 0, 1));
    let (read, stored, q) = scan(&dir.join("empty_lines.tsv"), Family::Gdelt).unwrap();
    assert_eq!((read, stored, q), (3, 0, 3));
}

/// GDELT's QuadClass is the root-code rule of the `gdelt` profile on every
/// real row (710 + 105,444), and the GDELT Goldstein table equals the
/// row's own GoldsteinScale on all but one row (GLOBALEVENTID 72555981,
/// code 106, row 0.0, table -5.0: found by the reference script).
#[test]
fn gdelt_quadclass_and_goldstein_follow_the_tables() {
    let w = world();
    let gdelt = Compiled::new(&w.cameo.profile("gdelt").unwrap(), &w.cameo.codes);
    let dir = DataDir::discover(None).unwrap();
    let mut files = vec![dir.root().join("gdelt_v1_raw_sample/events_raw.tsv")];
    let mut g: Vec<_> = std::fs::read_dir(dir.root().join("gdelt_v1_georgia_2011_2013"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    g.sort();
    files.extend(g);
    let (mut rows, mut quad_bad, mut gold_bad) = (0, 0, Vec::new());
    for f in &files {
        let opts = options(Family::Gdelt);
        scan_file(f, &opts, &mut |c| {
            for i in 0..c.len() {
                rows += 1;
                let (class, weight) = gdelt.by_code[&c.event_code[i]];
                if class + 1 != c.quad[i] {
                    quad_bad += 1;
                }
                if weight != c.gold10[i] {
                    gold_bad.push((c.id[i], c.event_code[i].to_string(), c.gold10[i], weight));
                }
            }
            Ok(())
        })
        .unwrap();
    }
    assert_eq!(rows, 710 + 105_444);
    assert_eq!(quad_bad, 0);
    assert_eq!(gold_bad, [(72555981, "106".to_string(), 0, -50)]);
}

/// The CAMEO tables: 311 GDELT codes, 312 ICEWS codes (1213 only in
/// ICEWS), and the four codes whose weights differ (PROVENANCE.md).
#[test]
fn goldstein_tables_differ_where_documented() {
    let w = world();
    assert_eq!(w.cameo.gdelt.len(), 311);
    assert_eq!(w.cameo.icews.len(), 312);
    let code = |s: &str| ordo_events::Code::pack(s.as_bytes()).unwrap();
    let mut diff: Vec<(String, i32, i32)> = w
        .cameo
        .gdelt
        .iter()
        .filter(|(c, v)| w.cameo.icews.get(c) != Some(v))
        .map(|(c, v)| (c.to_string(), *v, w.cameo.icews[c]))
        .collect();
    diff.sort();
    assert_eq!(
        diff,
        [
            ("016".into(), -20, -50),
            ("022".into(), 32, 34),
            ("164".into(), -70, -65),
            ("165".into(), -65, -70)
        ]
    );
    assert!(!w.cameo.gdelt.contains_key(&code("1213")));
    assert!(w.cameo.icews.contains_key(&code("1213")));
}

/// CAMEO actor codes resolve on the day: SUN is the USSR only 1922-12-30 ..
/// 1991-12-25, DEU is the FRG (260) before unification and Germany (255)
/// after, SUNRUS resolves through SUN.
#[test]
fn actor_codes_resolve_on_the_day() {
    let r = &world().resolver;
    let day = |s: &str| ordo_events::date::parse_day(s.as_bytes()).unwrap();
    assert_eq!(
        r.resolve(ActorScheme::Cameo, b"SUN", day("1982-01-02")),
        365
    );
    assert_eq!(r.resolve(ActorScheme::Cameo, b"SUN", day("1995-01-01")), 0);
    assert_eq!(
        r.resolve(ActorScheme::Cameo, b"RUS", day("1982-01-02")),
        365
    );
    assert_eq!(
        r.resolve(ActorScheme::Cameo, b"SUNRUS", day("1982-01-02")),
        365
    );
    assert_eq!(
        r.resolve(ActorScheme::Cameo, b"DEU", day("1982-01-02")),
        260
    );
    assert_eq!(
        r.resolve(ActorScheme::Cameo, b"DEU", day("2012-01-02")),
        255
    );
    assert_eq!(r.resolve(ActorScheme::Cameo, b"EUR", day("2012-01-02")), 0);
    assert_eq!(
        r.resolve(
            ActorScheme::IcewsName,
            b"Russian Federation",
            day("2018-06-01")
        ),
        365
    );
    assert_eq!(r.resolve(ActorScheme::Cow, b"325", day("2018-06-01")), 325);
}

/// GDELT 2.0 rows (61 fields: ADM2Code added to each geo block, DATEADDED
/// with time, SOURCEURL last), made from real 1.0 daily rows: read by width,
/// the URL kept from the last field.
#[test]
fn gdelt2_rows_are_read_by_width() {
    let dir = DataDir::discover(None).unwrap();
    let text =
        std::fs::read_to_string(dir.root().join("gdelt_v1_raw_sample/events_raw.tsv")).unwrap();
    let mut out = String::new();
    for line in text
        .lines()
        .filter(|l| l.split('\t').count() == 58)
        .take(50)
    {
        let f: Vec<&str> = line.split('\t').collect();
        // Geo blocks start at 35, 42 and 49 (Type, FullName, CountryCode,
        // ADM1Code, Lat, Long, FeatureID); ADM2Code goes after ADM1Code.
        let mut g: Vec<String> = f[..35].iter().map(|s| s.to_string()).collect();
        for block in [35, 42, 49] {
            g.extend(f[block..block + 4].iter().map(|s| s.to_string()));
            g.push(String::new());
            g.extend(f[block + 4..block + 7].iter().map(|s| s.to_string()));
        }
        g.push(format!("{}000000", f[56]));
        g.push(f[57].to_string());
        assert_eq!(g.len(), 61);
        out.push_str(&g.join("\t"));
        out.push('\n');
    }
    let t = tempfile::tempdir().unwrap();
    let p = t.path().join("20160728000000.export.CSV");
    std::fs::write(&p, out).unwrap();
    let mut urls = 0;
    let s = scan_file(&p, &options(Family::Gdelt), &mut |c| {
        urls += (0..c.len())
            .filter(|&i| c.url_str(i).is_some_and(|u| u.starts_with("http")))
            .count();
        Ok(())
    })
    .unwrap();
    assert_eq!((s.read, s.quarantined.len()), (50, 0));
    assert_eq!(s.layouts.get("gdelt-61"), Some(&50));
    assert_eq!(urls, 50);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]
    /// Near-valid POLECAT and Phoenix files: a real header (POLECAT's 40
    /// columns, the Cline Center's 25) or none (OEDA), then random fields
    /// between tabs and commas, so the field parsers run, not just the
    /// header check.
    #[test]
    fn near_valid_polecat_and_phoenix_never_panic(
        fields in proptest::collection::vec(
            prop_oneof![
                Just("None".to_string()), Just("2019-08-01".to_string()), Just("ASSAULT".to_string()),
                Just("MATERIAL CONFLICT".to_string()), Just("-7.25".to_string()), Just("RUS;UKR".to_string()),
                Just("365".to_string()), Just("3/4/1950".to_string()), Just("42".to_string()), Just("4".to_string()),
                "[ -~]{0,12}".prop_map(|s| s), any::<u8>().prop_map(|b| (b as char).to_string())
            ],
            0..120,
        ),
        tabs in any::<bool>(),
    ) {
        let t = tempfile::tempdir().unwrap();
        let sep = if tabs { "\t" } else { "," };
        let body: Vec<String> = fields.chunks(40).map(|c| c.join(sep)).collect();
        for (name, head, family) in [
            ("p.txt", ordo_events::polecat::COLUMNS.join("\t"), Family::Polecat),
            ("c.csv", ordo_events::phoenix::CLINE_COLUMNS.join(","), Family::Phoenix),
            ("o.txt", String::new(), Family::Phoenix),
        ] {
            let p = t.path().join(name);
            let text = if head.is_empty() { body.join("\n") } else { format!("{head}\n{}", body.join("\n")) };
            std::fs::write(&p, text).unwrap();
            accounted(&p, family);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]
    /// GDELT 2.0 Mentions: arbitrary bytes and near-valid rows (16 fields
    /// of plausible values, some rows short or long) never panic, and
    /// every non-empty line is stored or quarantined.
    #[test]
    fn mentions_never_panic_and_account_for_every_line(
        rows in proptest::collection::vec(
            proptest::collection::vec(
                prop_oneof![
                    Just("410412347".to_string()), Just("bbc.co.uk".to_string()), Just("70".to_string()),
                    Just("".to_string()), Just("101".to_string()), Just("-3".to_string()),
                    "[ -~]{0,10}".prop_map(|s| s), any::<u8>().prop_map(|b| (b as char).to_string()),
                ],
                14..18,
            ),
            0..40,
        ),
        junk in proptest::collection::vec(any::<u8>(), 0..512),
    ) {
        let t = tempfile::tempdir().unwrap();
        let store = ordo_events::EventStore::new(&t.path().join("store"));
        let mut bytes: Vec<u8> = rows.iter().map(|r| r.join("\t")).collect::<Vec<_>>().join("\n").into_bytes();
        bytes.push(b'\n');
        bytes.extend(&junk);
        let path = t.path().join("m.mentions.CSV");
        std::fs::write(&path, &bytes).unwrap();
        let lines = bytes
            .split(|b| *b == b'\n')
            .filter(|l| !l.strip_suffix(b"\r").unwrap_or(l).is_empty())
            .count() as u64;
        let report = ordo_events::mentions::ingest_mentions(&store, &[path], &mut |_| {}).unwrap();
        let f = &report.files[0];
        prop_assert_eq!(f.read, lines);
        prop_assert_eq!(f.read, f.stored + f.duplicates + f.quarantined);
    }
}
