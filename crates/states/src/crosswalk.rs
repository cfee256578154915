//! The dated code crosswalk: COW codes to Gleditsch–Ward, ISO 3166, FIPS 10-4,
//! CAMEO, UN-votes and ICEWS names.
//!
//! The table is ordo's own project data (`data/crosswalk.csv`), written by hand
//! with a note on every non-obvious row, because no published crosswalk covers
//! the historical codes event data use (CAMEO `SUN` for the Soviet Union, FIPS
//! `UR`, UN seats of the Ukrainian and Byelorussian SSRs, …). Each row is valid
//! over a date range, so the same code can point to different COW states at
//! different times (ISO `DEU` was the FRG, 260, until 1990-10-02 and is
//! Germany, 255, from 1990-10-03).

use crate::code::StateCode;
use crate::spell::parse_iso;
use crate::system::StateSystem;
use crate::StatesError;
use chrono::NaiveDate;
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

const FILE: &str = "crates/states/data/crosswalk.csv";
const TEXT: &str = include_str!("../data/crosswalk.csv");

/// A code scheme the crosswalk maps COW codes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scheme {
    /// Gleditsch–Ward numeric code.
    Gw,
    /// ISO 3166-1 alpha-3 (ISO 3166-3 codes for dissolved states).
    Iso3,
    /// ISO 3166-1 alpha-2 (also the UN-votes `country_code`).
    Iso2,
    /// FIPS 10-4, used by GDELT's `*Geo_CountryCode` fields.
    Fips,
    /// CAMEO country code, used by GDELT/ICEWS actor codes.
    Cameo,
    /// Country name as written in the UN-votes data.
    Un,
    /// Country name as written in ICEWS (exceptions only; the rest go through
    /// the ICEWS name → GW table and the `gw` rows).
    Icews,
}

impl Scheme {
    pub const ALL: [Scheme; 7] = [
        Scheme::Gw,
        Scheme::Iso3,
        Scheme::Iso2,
        Scheme::Fips,
        Scheme::Cameo,
        Scheme::Un,
        Scheme::Icews,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Scheme::Gw => "gw",
            Scheme::Iso3 => "iso3",
            Scheme::Iso2 => "iso2",
            Scheme::Fips => "fips",
            Scheme::Cameo => "cameo",
            Scheme::Un => "un",
            Scheme::Icews => "icews",
        }
    }
}

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Scheme {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Scheme::ALL
            .into_iter()
            .find(|x| x.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                let names: Vec<_> = Scheme::ALL.iter().map(|x| x.as_str()).collect();
                format!("unknown code scheme `{s}` (known: {})", names.join(", "))
            })
    }
}

/// One dated row of the crosswalk.
#[derive(Debug, Clone)]
pub struct Mapping {
    pub ccode: StateCode,
    pub scheme: Scheme,
    pub code: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub note: String,
    /// Line in `crosswalk.csv`, for error messages.
    pub line: u64,
}

impl Mapping {
    pub fn valid_on(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= day) && self.to.is_none_or(|t| day <= t)
    }

    /// `from..to` with open ends left blank, for display.
    pub fn validity(&self) -> String {
        let d = |x: Option<NaiveDate>| x.map_or_else(String::new, |d| d.to_string());
        if self.from.is_none() && self.to.is_none() {
            String::new()
        } else {
            format!("{}..{}", d(self.from), d(self.to))
        }
    }
}

/// The crosswalk, indexed by (scheme, code) and by COW code.
#[derive(Debug, Clone)]
pub struct Crosswalk {
    mappings: Vec<Mapping>,
    by_code: HashMap<(Scheme, String), Vec<usize>>,
}

fn key(code: &str) -> String {
    code.trim().to_uppercase()
}

impl Crosswalk {
    /// The crosswalk shipped with ordo.
    pub fn builtin() -> Result<Crosswalk, StatesError> {
        Crosswalk::parse(TEXT, FILE)
    }

    /// Parses crosswalk CSV text (`ccode,scheme,code,from,to,note`; `#` lines
    /// are comments).
    pub fn parse(text: &str, file: &'static str) -> Result<Crosswalk, StatesError> {
        let err = |line: u64, message: String| StatesError::ProjectData {
            file,
            line,
            message,
        };
        let mut reader = csv::ReaderBuilder::new()
            .comment(Some(b'#'))
            .from_reader(text.as_bytes());
        let header = reader.headers().map_err(|e| err(1, e.to_string()))?.clone();
        if header.iter().collect::<Vec<_>>() != ["ccode", "scheme", "code", "from", "to", "note"] {
            return Err(err(
                1,
                format!("header must be ccode,scheme,code,from,to,note, found {header:?}"),
            ));
        }
        let mut mappings = Vec::new();
        for record in reader.records() {
            let record =
                record.map_err(|e| err(e.position().map_or(0, |p| p.line()), e.to_string()))?;
            let line = record.position().map_or(0, |p| p.line());
            let field = |i: usize| record.get(i).unwrap_or("").trim();
            let ccode = field(0)
                .parse::<i64>()
                .ok()
                .and_then(StateCode::from_i64)
                .ok_or_else(|| {
                    err(
                        line,
                        format!("column `ccode`: not a COW code: {:?}", field(0)),
                    )
                })?;
            let scheme = field(1)
                .parse::<Scheme>()
                .map_err(|m| err(line, format!("column `scheme`: {m}")))?;
            let date = |i: usize, name: &str| -> Result<Option<NaiveDate>, StatesError> {
                match field(i) {
                    "" => Ok(None),
                    s => parse_iso(s).map(Some).ok_or_else(|| {
                        err(
                            line,
                            format!("column `{name}`: not a date YYYY-MM-DD: {s:?}"),
                        )
                    }),
                }
            };
            let (from, to) = (date(3, "from")?, date(4, "to")?);
            if let (Some(f), Some(t)) = (from, to) {
                if t < f {
                    return Err(err(line, format!("column `to`: {t} is before `from` {f}")));
                }
            }
            if field(2).is_empty() {
                return Err(err(line, "column `code` is empty".into()));
            }
            mappings.push(Mapping {
                ccode,
                scheme,
                code: field(2).to_string(),
                from,
                to,
                note: field(5).to_string(),
                line,
            });
        }
        let mut by_code: HashMap<(Scheme, String), Vec<usize>> = HashMap::new();
        for (i, m) in mappings.iter().enumerate() {
            by_code.entry((m.scheme, key(&m.code))).or_default().push(i);
        }
        Ok(Crosswalk { mappings, by_code })
    }

    /// Every COW code in the crosswalk must be a COW state.
    pub fn check_against(&self, system: &StateSystem) -> Result<(), StatesError> {
        match self.mappings.iter().find(|m| system.get(m.ccode).is_none()) {
            None => Ok(()),
            Some(m) => Err(StatesError::ProjectData {
                file: FILE,
                line: m.line,
                message: format!("ccode {} is not in the COW state system", m.ccode),
            }),
        }
    }

    pub fn len(&self) -> usize {
        self.mappings.len()
    }

    pub fn is_empty(&self) -> bool {
        self.mappings.is_empty()
    }

    /// Rows for a code in a scheme (case-insensitive), valid on `on` when given.
    pub fn lookup(&self, scheme: Scheme, code: &str, on: Option<NaiveDate>) -> Vec<&Mapping> {
        self.by_code
            .get(&(scheme, key(code)))
            .into_iter()
            .flatten()
            .map(|&i| &self.mappings[i])
            .filter(|m| on.is_none_or(|d| m.valid_on(d)))
            .collect()
    }

    /// The single COW state a code denotes on a day; `None` when unknown or
    /// when several states match (a data error the tests guard against).
    pub fn to_cow(&self, scheme: Scheme, code: &str, on: NaiveDate) -> Option<StateCode> {
        let mut codes: Vec<StateCode> = self
            .lookup(scheme, code, Some(on))
            .iter()
            .map(|m| m.ccode)
            .collect();
        codes.dedup();
        match codes.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// All rows of a state in a scheme, valid on `on` when given.
    pub fn codes_of(
        &self,
        ccode: StateCode,
        scheme: Scheme,
        on: Option<NaiveDate>,
    ) -> Vec<&Mapping> {
        self.mappings
            .iter()
            .filter(|m| m.ccode == ccode && m.scheme == scheme && on.is_none_or(|d| m.valid_on(d)))
            .collect()
    }

    /// The codes of a state in a scheme on a day, joined with `/`.
    pub fn code_on(&self, ccode: StateCode, scheme: Scheme, on: NaiveDate) -> Option<String> {
        let codes: Vec<&str> = self
            .codes_of(ccode, scheme, Some(on))
            .iter()
            .map(|m| m.code.as_str())
            .collect();
        (!codes.is_empty()).then(|| codes.join("/"))
    }

    /// Every row of a scheme, for callers that index it their own way (the
    /// event readers precompute day ranges per code).
    pub fn rows(&self, scheme: Scheme) -> impl Iterator<Item = &Mapping> {
        self.mappings.iter().filter(move |m| m.scheme == scheme)
    }

    /// Every row of a state.
    pub fn of_state(&self, ccode: StateCode) -> impl Iterator<Item = &Mapping> {
        self.mappings.iter().filter(move |m| m.ccode == ccode)
    }

    /// A UN-votes country (name and ISO alpha-2 code, which may be empty) on
    /// the day of a vote: an explicit `un` row by name first, else `iso2`.
    pub fn un_to_cow(&self, name: &str, iso2: Option<&str>, on: NaiveDate) -> Option<StateCode> {
        self.to_cow(Scheme::Un, name, on).or_else(|| {
            iso2.filter(|c| !c.is_empty())
                .and_then(|c| self.to_cow(Scheme::Iso2, c, on))
        })
    }

    /// An ICEWS country (name, and GW code from the ICEWS table when it has
    /// one) on a day: an explicit `icews` row first, else through `gw`.
    pub fn icews_to_cow(
        &self,
        name: &str,
        gwcode: Option<u16>,
        on: NaiveDate,
    ) -> Option<StateCode> {
        self.to_cow(Scheme::Icews, name, on)
            .or_else(|| gwcode.and_then(|g| self.to_cow(Scheme::Gw, &g.to_string(), on)))
    }
}
