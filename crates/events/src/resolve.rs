//! Actor codes to COW state codes, on the day of each event.
//!
//! The crosswalk is indexed once into day ranges per code, so the parse loop
//! resolves a code with one hash lookup and a scan of one to three ranges
//! (CAMEO `RUS` is valid throughout, `SUN` 1922-12-30..1991-12-25, `DEU`
//! is the FRG until 1990-10-02 and Germany from 1990-10-03).

use crate::code::Code;
use crate::EventsError;
use chrono::NaiveDate;
use foldhash::HashMap;
use ordo_sources::DataDir;
use ordo_states::{Crosswalk, Scheme, StateSystem};

/// How actor fields are coded in an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorScheme {
    /// CAMEO country codes (GDELT `Actor1CountryCode`); longer CAMEO actor
    /// codes such as `SUNRUS` resolve through their first three letters.
    Cameo,
    Iso3,
    /// COW numeric codes.
    Cow,
    /// Gleditsch–Ward numeric codes.
    Gw,
    /// ICEWS country names.
    IcewsName,
}

impl ActorScheme {
    pub fn parse(text: &str) -> Result<ActorScheme, EventsError> {
        Ok(match text {
            "cameo" => ActorScheme::Cameo,
            "iso3" => ActorScheme::Iso3,
            "cow" => ActorScheme::Cow,
            "gw" => ActorScheme::Gw,
            "icews" | "icews-name" => ActorScheme::IcewsName,
            other => {
                return Err(EventsError::Usage(format!(
                    "unknown actor code scheme `{other}` (cameo, iso3, cow, gw, icews)"
                )))
            }
        })
    }
}

type Spell = (i32, i32, u16);

/// Day ranges per code, for every scheme an event file may use.
#[derive(Debug, Clone, Default)]
pub struct ActorResolver {
    short: HashMap<(u8, Code), Vec<Spell>>,
    names: HashMap<String, Vec<Spell>>,
    cow: HashMap<u16, Vec<Spell>>,
}

fn day(d: Option<NaiveDate>, open: i32) -> i32 {
    d.and_then(crate::date::day_number).unwrap_or(open)
}

fn scheme_tag(s: ActorScheme) -> u8 {
    s as u8
}

impl ActorResolver {
    /// Indexes the crosswalk and the state system.
    pub fn new(crosswalk: &Crosswalk, system: &StateSystem) -> Result<ActorResolver, EventsError> {
        let mut r = ActorResolver::default();
        for (scheme, tag) in [
            (Scheme::Cameo, ActorScheme::Cameo),
            (Scheme::Iso3, ActorScheme::Iso3),
            (Scheme::Gw, ActorScheme::Gw),
        ] {
            for m in crosswalk.rows(scheme) {
                if let Some(code) = Code::pack(m.code.trim().to_uppercase().as_bytes()) {
                    r.short.entry((scheme_tag(tag), code)).or_default().push((
                        day(m.from, i32::MIN),
                        day(m.to, i32::MAX),
                        m.ccode.0,
                    ));
                }
            }
        }
        // A COW code names its state on any day: events about a state
        // outside its membership spells (colonies, occupation) are kept.
        for state in system.iter() {
            r.cow
                .insert(state.code.0, vec![(i32::MIN, i32::MAX, state.code.0)]);
        }
        for m in crosswalk.rows(Scheme::Icews) {
            r.names.entry(m.code.clone()).or_default().push((
                day(m.from, i32::MIN),
                day(m.to, i32::MAX),
                m.ccode.0,
            ));
        }
        Ok(r)
    }

    /// Adds ICEWS country names, through their GW code in the `icews` R
    /// package's table, unless the crosswalk has an explicit `icews` row for
    /// the name. Needed only for ICEWS input.
    pub fn add_icews_names(&mut self, dir: &DataDir) -> Result<(), EventsError> {
        let mut t = dir.open("icews_country_gwcode", "country_to_gwcode.csv")?;
        let (name, gw) = (t.column("country")?, t.column("gwcode")?);
        while let Some(row) = t.next_row()? {
            let (n, g) = (row.str(&name)?.to_string(), row.opt_i64(&gw)?);
            if self.names.contains_key(&n) {
                continue;
            }
            let Some(g) = g.and_then(|g| Code::pack(g.to_string().as_bytes())) else {
                continue;
            };
            if let Some(spells) = self.short.get(&(scheme_tag(ActorScheme::Gw), g)) {
                let spells = spells.clone();
                self.names.insert(n, spells);
            }
        }
        Ok(())
    }

    /// The COW state a code denotes on a day; 0 when none or ambiguous.
    #[inline]
    pub fn resolve(&self, scheme: ActorScheme, code: &[u8], on: i32) -> u16 {
        let spells = match scheme {
            ActorScheme::IcewsName => std::str::from_utf8(code)
                .ok()
                .and_then(|n| self.names.get(n)),
            ActorScheme::Cow => std::str::from_utf8(code)
                .ok()
                .and_then(|c| c.trim().parse::<u16>().ok())
                .and_then(|c| self.cow.get(&c)),
            ActorScheme::Cameo if code.len() > 3 => {
                Code::pack(&code[..3]).and_then(|c| self.short.get(&(scheme_tag(scheme), c)))
            }
            _ => Code::pack(code).and_then(|c| self.short.get(&(scheme_tag(scheme), c))),
        };
        let Some(spells) = spells else { return 0 };
        let mut found = 0u16;
        for &(from, to, ccode) in spells {
            if from <= on && on <= to {
                if found != 0 && found != ccode {
                    return 0;
                }
                found = ccode;
            }
        }
        found
    }
}
