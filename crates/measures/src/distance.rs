//! Distance between the two states: between capitals (great circle) and the
//! minimum distance between their territories (CShapes 2.0).
//!
//! `capdist`: haversine distance in km on a sphere of radius 6,371 km
//! between the capitals in place on 31 December of the year (else the capital
//! of the latest spell that touches the year), from peacesciencer's capitals
//! list. `cow_mindist`: minimum distance in km between the two territories,
//! 1886-2019 (Schvitz et al. 2022); NULL outside or when absent.

use crate::batch;
use crate::column::Column;
use crate::dyads::DyadYear;
use crate::dyads::DyadYears;
use crate::Map;
use ordo_sources::datasets::{capitals, mindist};
use ordo_sources::{DataDir, DataError, SourceUse};

#[derive(Debug, Default)]
pub struct Distances {
    /// code -> (start day, end day, lat, lng) of each capital spell.
    capitals: Map<u16, Vec<(i32, i32, f64, f64)>>,
    mindist: Map<DyadYear, f64>,
}

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
        let b = &c.batch;
        let (code, st, en) = (
            batch::codes(b, "ccode"),
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

    /// Coordinates of a state's capital for a year.
    fn capital(&self, code: u16, year: i32) -> Option<(f64, f64)> {
        let spells = self.capitals.get(&code)?;
        let dec31 = batch::day_number(chrono::NaiveDate::from_ymd_opt(year, 12, 31)?)?;
        let jan1 = batch::day_number(chrono::NaiveDate::from_ymd_opt(year, 1, 1)?)?;
        spells
            .iter()
            .find(|(s, e, _, _)| *s <= dec31 && dec31 <= *e)
            .or_else(|| {
                spells
                    .iter()
                    .filter(|(s, e, _, _)| *s <= dec31 && *e >= jan1)
                    .max_by_key(|(s, ..)| *s)
            })
            .map(|(_, _, la, lo)| (*la, *lo))
    }

    pub fn columns(&self, keys: &DyadYears) -> Vec<Column> {
        let capdist = (0..keys.len()).map(|i| {
            let (a, b, y) = keys.key(i);
            let ((la1, lo1), (la2, lo2)) = (self.capital(a, y)?, self.capital(b, y)?);
            Some(haversine_km(la1, lo1, la2, lo2))
        });
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
