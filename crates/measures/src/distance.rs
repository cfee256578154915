//! Distance between the two states: between capitals (great circle) and the
//! minimum distance between their territories (CShapes 2.0).
//!
//! `capdist`: haversine distance in km on a sphere of radius 6,371 km
//! between the capitals in place on 31 December of the year (the latest
//! spell holding that day, else the latest spell that touches the year),
//! from peacesciencer's capitals lists: `cow_capitals` by COW code,
//! `gw_capitals` by GW code for the Gleditsch–Ward frames. Only the GW list
//! has overlapping spells on a 31 December (the United Provinces of Central
//! America, 1833 and 1834: the later move wins). `cow_mindist`: minimum
//! distance in km between the two territories, 1886-2019 (Schvitz et al.
//! 2022); NULL outside or when absent.

use crate::batch;
use crate::column::Column;
use crate::dyads::DyadYear;
use crate::dyads::DyadYears;
use crate::Map;
use ordo_sources::datasets::{capitals, mindist};
use ordo_sources::{DataDir, DataError, SourceUse};

#[derive(Debug, Default)]
pub struct Distances {
    capitals: Capitals,
    mindist: Map<DyadYear, f64>,
}

/// Capital spells by state code: (start day, end day, lat, lng).
#[derive(Debug, Default)]
struct Capitals(Map<u16, Vec<(i32, i32, f64, f64)>>);

/// The capitals of the Gleditsch–Ward states (`gw_capitals`), for the GW
/// frames' `capdist`.
#[derive(Debug, Default)]
pub struct GwCapitals(Capitals);

/// Great-circle distance in km between two points given in degrees.
pub fn haversine_km(lat1: f64, lng1: f64, lat2: f64, lng2: f64) -> f64 {
    const R: f64 = 6371.0;
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lng2 - lng1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * R * h.sqrt().min(1.0).asin()
}

impl Distances {
    pub fn load(dir: &DataDir) -> Result<(Distances, Vec<SourceUse>), DataError> {
        let c = capitals::COW_CAPITALS.read(dir)?;
        let caps = Capitals::of(&c.batch, "ccode");
        let m = mindist::MINDIST.read(dir)?;
        let b = &m.batch;
        let (c1, c2, y, d) = (
            batch::codes(b, "ccode1"),
            batch::codes(b, "ccode2"),
            batch::ints(b, "year"),
            batch::floats(b, "mindist"),
        );
        let mindist = (0..c1.len())
            .filter_map(|i| Some(((c1[i].min(c2[i]), c1[i].max(c2[i]), y[i]? as i32), d[i]?)))
            .collect();
        Ok((
            Distances {
                capitals: caps,
                mindist,
            },
            vec![c.source, m.source],
        ))
    }

    pub fn columns(&self, keys: &DyadYears) -> Vec<Column> {
        let capdist = (0..keys.len()).map(|i| self.capitals.distance(keys.key(i)));
        let mind = (0..keys.len()).map(|i| {
            let (a, b, y) = keys.key(i);
            self.mindist.get(&(a.min(b), a.max(b), y)).copied()
        });
        vec![
            Column::floats("capdist", "cow_capitals", (1816, 2020), capdist),
            Column::floats("cow_mindist", "cow_mindist", mindist::COVERAGE, mind),
        ]
    }
}

impl Capitals {
    /// The capital spells of a capitals table keyed by `code`.
    fn of(b: &arrow_array::RecordBatch, code: &str) -> Capitals {
        let (code, st, en) = (
            batch::codes(b, code),
            batch::dates(b, "stdate"),
            batch::dates(b, "enddate"),
        );
        let (lat, lng) = (batch::floats(b, "lat"), batch::floats(b, "lng"));
        let mut caps: Map<u16, Vec<(i32, i32, f64, f64)>> = Map::default();
        for i in 0..code.len() {
            if let (Some(s), Some(e), Some(la), Some(lo)) = (st[i], en[i], lat[i], lng[i]) {
                caps.entry(code[i]).or_default().push((s, e, la, lo));
            }
        }
        Capitals(caps)
    }

    /// Coordinates of a state's capital for a year: the latest-starting
    /// spell holding 31 December, else the latest-starting spell touching
    /// the year.
    fn capital(&self, code: u16, year: i32) -> Option<(f64, f64)> {
        let spells = self.0.get(&code)?;
        let dec31 = batch::day_number(chrono::NaiveDate::from_ymd_opt(year, 12, 31)?)?;
        let jan1 = batch::day_number(chrono::NaiveDate::from_ymd_opt(year, 1, 1)?)?;
        let latest = |keep: &dyn Fn(i32, i32) -> bool| {
            spells
                .iter()
                .filter(|(s, e, _, _)| keep(*s, *e))
                .max_by_key(|(s, ..)| *s)
        };
        latest(&|s, e| s <= dec31 && dec31 <= e)
            .or_else(|| latest(&|s, e| s <= dec31 && e >= jan1))
            .map(|(_, _, la, lo)| (*la, *lo))
    }

    /// Distance between the two states' capitals of the year.
    fn distance(&self, (a, b, y): DyadYear) -> Option<f64> {
        let ((la1, lo1), (la2, lo2)) = (self.capital(a, y)?, self.capital(b, y)?);
        Some(haversine_km(la1, lo1, la2, lo2))
    }
}

impl GwCapitals {
    pub fn load(dir: &DataDir) -> Result<(GwCapitals, SourceUse), DataError> {
        let t = capitals::GW_CAPITALS.read(dir)?;
        Ok((GwCapitals(Capitals::of(&t.batch, "gwcode")), t.source))
    }

    /// `capdist` of dyad-years keyed by GW codes.
    pub fn column(&self, keys: &DyadYears) -> Column {
        let v = (0..keys.len()).map(|i| self.0.distance(keys.key(i)));
        Column::floats("capdist", "gw_capitals", (1816, 2020), v)
    }
}

#[cfg(test)]
mod tests {
    use super::haversine_km;

    #[test]
    fn rome_to_moscow() {
        // Rome (41.9028 N, 12.4964 E) to Moscow (55.7558 N, 37.6173 E):
        // 2,375.329344618039 km, computed independently in Python with
        // math.asin/sin/cos (haversine term a = 0.0343507199516).
        let d = haversine_km(41.9028, 12.4964, 55.7558, 37.6173);
        assert!((d - 2375.329344618039).abs() < 1e-6, "{d}");
        assert_eq!(haversine_km(10.0, 20.0, 10.0, 20.0), 0.0);
    }
}
