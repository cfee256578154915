//! Turning what a scholar types into a COW state.
//!
//! Accepted, in this order: `scheme:code` (`gw:260`, `iso3:DEU`, `cameo:SUN`,
//! `fips:UR`, `cow:365`, `un:Russia`, `icews:Russia`), a COW number (`365`),
//! a COW abbreviation (`RUS`, `GFR`), a name in English, Italian, French or
//! Russian (`Unione Sovietica`, `Россия`), then an ISO 3166 alpha-3, CAMEO,
//! ISO alpha-2 or FIPS code. A code that has denoted different states over
//! time (ISO `DEU`: the FRG until 1990, Germany after) is ambiguous unless a
//! date is given. Unknown input gets the closest names as suggestions.

use crate::code::StateCode;
use crate::crosswalk::Scheme;
use crate::gw::GwState;
use crate::names::normalize;
use crate::system::State;
use crate::States;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::fmt;

/// How an input was recognised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Match {
    CowCode,
    CowAbbrev,
    Code { scheme: Scheme, code: String },
    Name { lang: String, name: String },
}

impl fmt::Display for Match {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Match::CowCode => f.write_str("COW code"),
            Match::CowAbbrev => f.write_str("COW abbreviation"),
            Match::Code { scheme, code } => write!(f, "{scheme} code {code}"),
            Match::Name { lang, name } => write!(f, "name ({lang}): {name}"),
        }
    }
}

/// A resolved state and how it was found.
#[derive(Debug, Clone)]
pub struct Resolved<'a> {
    pub state: &'a State,
    pub matched: Match,
}

/// Why an input could not be resolved to one state.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ResolveError {
    #[error("no state given (empty name)")]
    Empty,
    #[error("unknown state `{input}`{}", suggest(.suggestions))]
    Unknown {
        input: String,
        suggestions: Vec<String>,
    },
    #[error(
        "`{input}` is ambiguous: it can mean {}; give the COW code, a more specific name, or a date",
        .candidates.join("; ")
    )]
    Ambiguous {
        input: String,
        candidates: Vec<String>,
    },
    #[error("{0}")]
    BadScheme(String),
    #[error(
        "`{input}` is more than one Gleditsch-Ward state: {}; give the GW code",
        .candidates.join("; ")
    )]
    AmbiguousGw {
        input: String,
        candidates: Vec<String>,
    },
    #[error("`{input}` ({state}) is no state of the Gleditsch-Ward list ordo reads (it has no microstates)")]
    NotInGw { input: String, state: String },
}

fn suggest(s: &[String]) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!("; did you mean: {}?", s.join(", "))
    }
}

/// Resolves user input against the loaded states.
pub struct Resolver<'a> {
    states: &'a States,
}

impl<'a> Resolver<'a> {
    pub fn new(states: &'a States) -> Self {
        Resolver { states }
    }

    /// Resolves without a date: codes that changed meaning are ambiguous.
    pub fn resolve(&self, input: &str) -> Result<Resolved<'a>, ResolveError> {
        self.resolve_on(input, None)
    }

    /// Resolves, using `on` to pick among dated code mappings.
    pub fn resolve_on(
        &self,
        input: &str,
        on: Option<NaiveDate>,
    ) -> Result<Resolved<'a>, ResolveError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(ResolveError::Empty);
        }
        if let Some((prefix, code)) = input.split_once(':') {
            return self.by_prefix(input, prefix, code, on);
        }
        if input.bytes().all(|b| b.is_ascii_digit()) {
            return self.by_cow_code(input);
        }
        if let Some(state) = self.states.system.by_abbrev(input) {
            return Ok(Resolved {
                state,
                matched: Match::CowAbbrev,
            });
        }
        if let Some(found) = self.by_name(input)? {
            return Ok(found);
        }
        for scheme in [Scheme::Iso3, Scheme::Cameo, Scheme::Iso2, Scheme::Fips] {
            if let Some(found) = self.by_code(input, scheme, input, on)? {
                return Ok(found);
            }
        }
        Err(ResolveError::Unknown {
            input: input.to_string(),
            suggestions: self.suggestions(input),
        })
    }

    /// Resolves to a Gleditsch–Ward state (`--system gw`): a number, or
    /// `gw:NNN`, is a GW code; then a GW abbreviation or name as the GW list
    /// writes it (`GFR`, `Orange Free State`); anything else is resolved to a
    /// COW state as [`Resolver::resolve`] does and taken to the GW state the
    /// crosswalk gives it at any date. When that is several (COW 255,
    /// Germany, is GW 255 to 1945 and GW 260 from 1990) the user is asked to
    /// give the GW code.
    pub fn resolve_gw(&self, input: &str) -> Result<&'a GwState, ResolveError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(ResolveError::Empty);
        }
        let gw = &self.states.gw;
        let digits = match input.split_once(':') {
            Some((p, code)) if p.trim().eq_ignore_ascii_case("gw") => code.trim(),
            _ => input,
        };
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            return digits
                .parse::<u16>()
                .ok()
                .and_then(|c| gw.get(c))
                .ok_or_else(|| ResolveError::Unknown {
                    input: input.to_string(),
                    suggestions: vec![
                        "a Gleditsch-Ward code (see `ordo states list --system gw`)".to_string()
                    ],
                });
        }
        let key = normalize(input);
        let direct: Vec<&'a GwState> = gw
            .iter()
            .filter(|s| s.abbrev.eq_ignore_ascii_case(input) || normalize(&s.name) == key)
            .collect();
        if let [one] = direct.as_slice() {
            return Ok(one);
        }
        let cow = self.resolve(input)?.state;
        let mut codes: Vec<u16> = self
            .states
            .crosswalk
            .codes_of(cow.code, Scheme::Gw, None)
            .iter()
            .filter_map(|m| m.code.parse().ok())
            .filter(|g| gw.get(*g).is_some())
            .collect();
        codes.sort_unstable();
        codes.dedup();
        let found: Vec<&'a GwState> = codes.iter().filter_map(|g| gw.get(*g)).collect();
        match found.as_slice() {
            [one] => Ok(one),
            [] => Err(ResolveError::NotInGw {
                input: input.to_string(),
                state: format!("COW {} {}", cow.code, cow.name),
            }),
            many => Err(ResolveError::AmbiguousGw {
                input: input.to_string(),
                candidates: many
                    .iter()
                    .map(|s| {
                        let spells: Vec<String> =
                            s.spells.iter().map(|sp| sp.to_string()).collect();
                        format!("gw:{} {} ({})", s.code, s.name, spells.join(", "))
                    })
                    .collect(),
            }),
        }
    }

    fn by_prefix(
        &self,
        input: &str,
        prefix: &str,
        code: &str,
        on: Option<NaiveDate>,
    ) -> Result<Resolved<'a>, ResolveError> {
        if prefix.eq_ignore_ascii_case("cow") {
            return self.by_cow_code(code.trim());
        }
        let scheme: Scheme = prefix.parse().map_err(ResolveError::BadScheme)?;
        self.by_code(input, scheme, code, on)?
            .ok_or_else(|| ResolveError::Unknown {
                input: input.to_string(),
                suggestions: Vec::new(),
            })
    }

    fn by_cow_code(&self, digits: &str) -> Result<Resolved<'a>, ResolveError> {
        digits
            .parse::<i64>()
            .ok()
            .and_then(StateCode::from_i64)
            .and_then(|c| self.states.system.get(c))
            .map(|state| Resolved {
                state,
                matched: Match::CowCode,
            })
            .ok_or_else(|| ResolveError::Unknown {
                input: digits.to_string(),
                suggestions: vec!["a COW state code (see `ordo states list`)".to_string()],
            })
    }

    fn by_name(&self, input: &str) -> Result<Option<Resolved<'a>>, ResolveError> {
        let hits = self.states.names.lookup(input);
        match hits.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(Resolved {
                state: self.state(one.ccode),
                matched: Match::Name {
                    lang: one.lang.clone(),
                    name: one.name.clone(),
                },
            })),
            many => Err(ResolveError::Ambiguous {
                input: input.to_string(),
                candidates: many.iter().map(|e| self.describe(e.ccode, "")).collect(),
            }),
        }
    }

    fn by_code(
        &self,
        input: &str,
        scheme: Scheme,
        code: &str,
        on: Option<NaiveDate>,
    ) -> Result<Option<Resolved<'a>>, ResolveError> {
        let rows = self.states.crosswalk.lookup(scheme, code, on);
        let mut by_state: BTreeMap<StateCode, Vec<String>> = BTreeMap::new();
        for m in rows {
            by_state.entry(m.ccode).or_default().push(m.validity());
        }
        match by_state.len() {
            0 => Ok(None),
            1 => {
                let ccode = *by_state.keys().next().expect("one entry");
                Ok(Some(Resolved {
                    state: self.state(ccode),
                    matched: Match::Code {
                        scheme,
                        code: code.trim().to_uppercase(),
                    },
                }))
            }
            _ => Err(ResolveError::Ambiguous {
                input: input.to_string(),
                candidates: by_state
                    .iter()
                    .map(|(c, v)| self.describe(*c, &format!(" as {scheme} {}", v.join(", "))))
                    .collect(),
            }),
        }
    }

    fn state(&self, code: StateCode) -> &'a State {
        self.states
            .system
            .get(code)
            .expect("project data codes are checked against the COW list at load")
    }

    fn describe(&self, code: StateCode, extra: &str) -> String {
        let s = self.state(code);
        format!("{} {} ({}){extra}", s.code, s.name, s.abbrev)
    }

    /// Up to three states whose names are closest to the input.
    fn suggestions(&self, input: &str) -> Vec<String> {
        let wanted = normalize(input);
        let mut best: BTreeMap<StateCode, (f64, String)> = BTreeMap::new();
        let candidates = self
            .states
            .names
            .keys()
            .map(|(k, e)| (k.to_string(), e.ccode, e.name.clone()))
            .chain(
                self.states
                    .system
                    .iter()
                    .map(|s| (s.abbrev.to_lowercase(), s.code, s.abbrev.clone())),
            );
        for (key, ccode, shown) in candidates {
            let score = strsim::jaro_winkler(&wanted, &key);
            let entry = best.entry(ccode).or_insert((0.0, String::new()));
            if score > entry.0 {
                *entry = (score, shown);
            }
        }
        let mut ranked: Vec<_> = best.into_iter().filter(|(_, (s, _))| *s >= 0.8).collect();
        ranked.sort_by(|a, b| b.1 .0.total_cmp(&a.1 .0).then(a.0.cmp(&b.0)));
        ranked
            .into_iter()
            .take(3)
            .map(|(c, (_, shown))| format!("{shown} ({c} {})", self.state(c).abbrev))
            .collect()
    }
}
