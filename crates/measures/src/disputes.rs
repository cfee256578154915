//! Militarized interstate disputes between the two states, COW-MID v5.0 and
//! GML v2.2.1, from the directed dyad-year files with no duplicate dyad-years.
//!
//! `*_ongoing` / `*_onset`: 1 if a dispute is ongoing / begins that year, 0
//! inside the coverage when there is none (1816-2014 COW, 1816-2010 GML),
//! NULL outside. `*_hostlev`: the dyad's highest hostility level in the
//! dispute (1 none, 2 threat, 3 display, 4 use of force, 5 war);
//! `*_fatality`: its fatality level (0 none ... 6 more than 999); both NULL
//! when there is no dispute or the source does not know; `*_dispnum`: the
//! dispute the dyad-year shows (NULL without one). When a dyad has
//! several disputes in a year, the whittled files keep one by the rule of
//! Miller (2021) — onsets first, then highest fatality, hostility, duration,
//! reciprocation, earliest start month — which ordo inherits by default;
//! `--whittle` applies another chain to the dispute-year files
//! (`whittle.rs`).

use crate::batch;
use crate::column::{flag, Column};
use crate::dyads::DyadYear;
use crate::dyads::DyadYears;
use crate::Map;
use ordo_sources::datasets::mids::{COW_COVERAGE, COW_MID, GML_COVERAGE, GML_MID};
use ordo_sources::typed::TableSpec;
use ordo_sources::{DataDir, DataError, SourceUse};

/// One dyad-year of dispute data: ongoing, onset, hostlev, fatality and the
/// dispute kept.
type Record = (i64, i64, Option<i64>, Option<i64>, Option<i64>);

/// Dispute records by directed dyad-year.
type DisputeYears = Map<DyadYear, Record>;

#[derive(Debug, Default)]
pub struct Disputes {
    cow: Map<DyadYear, Record>,
    gml: Map<DyadYear, Record>,
}

fn load_one(
    dir: &DataDir,
    spec: &TableSpec,
    ongoing: &str,
    onset: &str,
) -> Result<(DisputeYears, SourceUse), DataError> {
    let t = spec.read(dir)?;
    let b = &t.batch;
    let (c1, c2, y) = (
        batch::codes(b, "ccode1"),
        batch::codes(b, "ccode2"),
        batch::ints(b, "year"),
    );
    let (on, st, h, f, n) = (
        batch::ints(b, ongoing),
        batch::ints(b, onset),
        batch::ints(b, "hostlev"),
        batch::ints(b, "fatality"),
        batch::ints(b, "dispnum"),
    );
    let map = (0..c1.len())
        .filter_map(|i| {
            Some((
                (c1[i], c2[i], y[i]? as i32),
                (on[i].unwrap_or(0), st[i].unwrap_or(0), h[i], f[i], n[i]),
            ))
        })
        .collect();
    Ok((map, t.source))
}

impl Disputes {
    pub fn load(dir: &DataDir) -> Result<(Disputes, Vec<SourceUse>), DataError> {
        let (cow, s1) = load_one(dir, &COW_MID, "cowmidongoing", "cowmidonset")?;
        let (gml, s2) = load_one(dir, &GML_MID, "gmlmidongoing", "gmlmidonset")?;
        Ok((Disputes { cow, gml }, vec![s1, s2]))
    }

    /// Disputes from dispute-years whittled by a chain of rules
    /// (`whittle.rs`) instead of the pre-whittled files.
    pub fn whittled(
        cow: &Map<DyadYear, crate::whittle::DisputeYear>,
        gml: &Map<DyadYear, crate::whittle::DisputeYear>,
    ) -> Disputes {
        let records = |m: &Map<DyadYear, crate::whittle::DisputeYear>| {
            m.iter()
                .map(|(k, d)| {
                    let fatality = d.fatality.filter(|f| *f >= 0);
                    (
                        *k,
                        (d.ongoing, d.onset, d.hostlev, fatality, Some(d.dispnum)),
                    )
                })
                .collect()
        };
        Disputes {
            cow: records(cow),
            gml: records(gml),
        }
    }

    /// Every directed dyad-year with a dispute in either family, sorted.
    pub fn keys(&self) -> DyadYears {
        let mut all: Vec<DyadYear> = self.cow.keys().chain(self.gml.keys()).copied().collect();
        all.sort_unstable();
        all.dedup();
        DyadYears {
            ccode1: all.iter().map(|k| k.0).collect(),
            ccode2: all.iter().map(|k| k.1).collect(),
            year: all.iter().map(|k| k.2).collect(),
            directed: true,
        }
    }

    pub fn columns(&self, keys: &DyadYears) -> Vec<Column> {
        let mut out = columns_of(
            &self.cow,
            keys,
            [
                "cowmid_ongoing",
                "cowmid_onset",
                "cowmid_hostlev",
                "cowmid_fatality",
                "cowmid_dispnum",
            ],
            "cow_mid_ddydisps",
            COW_COVERAGE,
        );
        out.extend(columns_of(
            &self.gml,
            keys,
            [
                "gmlmid_ongoing",
                "gmlmid_onset",
                "gmlmid_hostlev",
                "gmlmid_fatality",
                "gmlmid_dispnum",
            ],
            "gml_mid_ddydisps",
            GML_COVERAGE,
        ));
        out
    }
}

fn columns_of(
    map: &Map<DyadYear, Record>,
    keys: &DyadYears,
    names: [&'static str; 5],
    source: &'static str,
    coverage: (i32, i32),
) -> Vec<Column> {
    let rec: Vec<Option<&Record>> = (0..keys.len()).map(|i| map.get(&keys.key(i))).collect();
    let year = &keys.year;
    vec![
        Column::ints(
            names[0],
            source,
            coverage,
            rec.iter()
                .zip(year)
                .map(|(r, y)| flag(r.map(|r| r.0), coverage, *y)),
        ),
        Column::ints(
            names[1],
            source,
            coverage,
            rec.iter()
                .zip(year)
                .map(|(r, y)| flag(r.map(|r| r.1), coverage, *y)),
        ),
        Column::ints(
            names[2],
            source,
            coverage,
            rec.iter().map(|r| r.and_then(|r| r.2)),
        ),
        Column::ints(
            names[3],
            source,
            coverage,
            rec.iter().map(|r| r.and_then(|r| r.3)),
        ),
        Column::ints(
            names[4],
            source,
            coverage,
            rec.iter().map(|r| r.and_then(|r| r.4)),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dispute_years_and_gaps() {
        // Italy-USSR 1937 (dispute 336): onset, hostility 4, fatality 0.
        let mut m = DisputeYears::default();
        m.insert((325, 365, 1937), (1, 1, Some(4), Some(0), Some(336)));
        let keys = DyadYears {
            ccode1: vec![325, 325, 325],
            ccode2: vec![365, 365, 365],
            year: vec![1937, 1938, 2015],
            directed: false,
        };
        let cols = columns_of(
            &m,
            &keys,
            ["on", "onset", "host", "fat", "num"],
            "cow_mid_ddydisps",
            (1816, 2014),
        );
        let ints = |k: usize| {
            cols[k]
                .values
                .as_any()
                .downcast_ref::<arrow_array::Int64Array>()
                .unwrap()
                .iter()
                .collect::<Vec<_>>()
        };
        assert_eq!(ints(0), [Some(1), Some(0), None]);
        assert_eq!(
            ints(2),
            [Some(4), None, None],
            "hostility only with a dispute"
        );
        assert_eq!(ints(3), [Some(0), None, None]);
        assert_eq!(ints(4), [Some(336), None, None]);
    }
}
