//! Scoring profiles: how an event becomes a Goldstein weight and a class.
//!
//! A profile pairs a Goldstein table (GDELT's `CAMEO.goldsteinscale.txt`,
//! the `icews` package's table, or the value each row carries) with a class
//! scheme (`data/schemes/*.csv`, each citing its source). Tools disagree on
//! both — GDELT and ICEWS weigh four codes differently, and QuadClass cuts
//! the CAMEO roots differently from the `icews` package, Phoenix and PLOVER
//! — so every series names the profile it used, and `--sensitivity`
//! recomputes a series under all of them.

use crate::code::Code;
use crate::EventsError;
use foldhash::{HashMap, HashSet};
use ordo_sources::{DataDir, SourceUse};

/// A class scheme: longest CAMEO prefix → class, each class with a stance.
#[derive(Debug, Clone)]
pub struct Scheme {
    pub name: &'static str,
    pub file: &'static str,
    pub classes: Vec<String>,
    /// Per class: 1 cooperation, -1 conflict, 0 neutral.
    pub stance: Vec<i8>,
    prefixes: Vec<(String, u8)>,
}

const SCHEMES: [(&str, &str, &str); 4] = [
    (
        "gdelt_quad",
        "crates/events/data/schemes/gdelt_quad.csv",
        include_str!("../data/schemes/gdelt_quad.csv"),
    ),
    (
        "icews_quad",
        "crates/events/data/schemes/icews_quad.csv",
        include_str!("../data/schemes/icews_quad.csv"),
    ),
    (
        "phoenix_pentaclass",
        "crates/events/data/schemes/phoenix_pentaclass.csv",
        include_str!("../data/schemes/phoenix_pentaclass.csv"),
    ),
    (
        "plover",
        "crates/events/data/schemes/plover.csv",
        include_str!("../data/schemes/plover.csv"),
    ),
];

impl Scheme {
    fn parse(name: &'static str, file: &'static str, text: &str) -> Result<Scheme, EventsError> {
        let mut s = Scheme {
            name,
            file,
            classes: Vec::new(),
            stance: Vec::new(),
            prefixes: Vec::new(),
        };
        let mut header = false;
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if !header {
                header = true;
                if line != "prefix,class,stance" {
                    return Err(EventsError::Data(format!(
                        "{file}:{}: header must be `prefix,class,stance`",
                        n + 1
                    )));
                }
                continue;
            }
            let parts: Vec<&str> = line.split(',').collect();
            let [prefix, class, stance] = parts[..] else {
                return Err(EventsError::Data(format!(
                    "{file}:{}: expected 3 fields",
                    n + 1
                )));
            };
            let stance = match stance {
                "coop" => 1,
                "conflict" => -1,
                "neutral" => 0,
                other => {
                    return Err(EventsError::Data(format!(
                        "{file}:{}: stance `{other}` is not coop, conflict or neutral",
                        n + 1
                    )))
                }
            };
            let idx = match s.classes.iter().position(|c| c == class) {
                Some(i) if s.stance[i] != stance => {
                    return Err(EventsError::Data(format!(
                        "{file}:{}: class `{class}` given two stances",
                        n + 1
                    )))
                }
                Some(i) => i,
                None => {
                    s.classes.push(class.to_string());
                    s.stance.push(stance);
                    s.classes.len() - 1
                }
            };
            s.prefixes.push((prefix.to_string(), idx as u8));
        }
        Ok(s)
    }

    /// The class of an event code: its longest matching prefix.
    pub fn class_of(&self, code: &str) -> Option<u8> {
        self.prefixes
            .iter()
            .filter(|(p, _)| code.starts_with(p.as_str()))
            .max_by_key(|(p, _)| p.len())
            .map(|(_, c)| *c)
    }

    pub fn builtin(name: &str) -> Result<Scheme, EventsError> {
        let (n, f, t) = SCHEMES
            .iter()
            .find(|(n, _, _)| *n == name)
            .ok_or_else(|| EventsError::Usage(format!("unknown class scheme `{name}`")))?;
        Scheme::parse(n, f, t)
    }
}

/// Where a profile's Goldstein weights come from.
#[derive(Debug, Clone)]
pub enum Goldstein {
    /// A table by event code, in tenths, with the file it came from.
    Table(HashMap<Code, i32>, String),
    /// The value each row carries (GDELT `GoldsteinScale`, ICEWS `Intensity`).
    Source,
}

/// A named, versioned scoring profile.
#[derive(Debug, Clone)]
pub struct Profile {
    pub name: &'static str,
    pub version: &'static str,
    pub description: &'static str,
    pub goldstein: Goldstein,
    pub scheme: Scheme,
}

impl Profile {
    /// `name@version`, as recorded beside every series.
    pub fn id(&self) -> String {
        format!("{}@{}", self.name, self.version)
    }

    /// Class and Goldstein tenths of a code under this profile, or `None`
    /// for a code the profile's table lacks.
    pub fn table_weight(&self, code: Code) -> Option<i32> {
        match &self.goldstein {
            Goldstein::Table(t, _) => t.get(&code).copied(),
            Goldstein::Source => None,
        }
    }
}

/// The CAMEO tables from the data directory: both Goldstein tables, the
/// set of valid event codes (their union), and the ICEWS codebook's event
/// names.
#[derive(Debug, Clone)]
pub struct Cameo {
    pub gdelt: HashMap<Code, i32>,
    pub icews: HashMap<Code, i32>,
    pub codes: HashSet<Code>,
    /// ICEWS `Event Text` → CAMEO code, from the icews package's codebook
    /// (`cameo_lookups/icews_cameo_codebook.csv`): how codes are rebuilt
    /// for ICEWS files released without a `CAMEO Code` column. Its 312
    /// names are unique (checked on load) and give the `CAMEO Code` of all
    /// 3,705 rows of the real 2018 sample.
    pub icews_texts: HashMap<String, Code>,
    pub sources: Vec<SourceUse>,
}

/// The codebook's event names and codes; a name given two codes is an
/// error (the rebuild would not be certain).
fn icews_texts(dir: &DataDir) -> Result<(HashMap<String, Code>, SourceUse), EventsError> {
    let mut t = dir.open("cameo_lookups", "icews_cameo_codebook.csv")?;
    let (n, c) = (t.column("name")?, t.column("code")?);
    let mut out: HashMap<String, Code> = HashMap::default();
    while let Some(row) = t.next_row()? {
        let (name, code) = (row.str(&n)?, row.str(&c)?);
        let packed = Code::pack(code.as_bytes())
            .ok_or_else(|| row.error(&c, code, "a CAMEO code of at most 7 characters"))?;
        if out
            .insert(name.to_string(), packed)
            .is_some_and(|old| old != packed)
        {
            return Err(row
                .error(&n, name, "an event name the codebook gives one code")
                .into());
        }
    }
    Ok((out, t.finish()?))
}

fn goldstein_table(
    dir: &DataDir,
    file: &str,
    code_col: &str,
    weight_col: &str,
) -> Result<(HashMap<Code, i32>, SourceUse), EventsError> {
    let mut t = dir.open("cameo_lookups", file)?;
    let (c, w) = (t.column(code_col)?, t.column(weight_col)?);
    let mut out = HashMap::default();
    while let Some(row) = t.next_row()? {
        let code = row.str(&c)?;
        let value = row.str(&w)?;
        let tenths = crate::parse::tenths(value.as_bytes())
            .ok_or_else(|| row.error(&w, value, "a Goldstein weight with one decimal"))?;
        let code = Code::pack(code.as_bytes())
            .ok_or_else(|| row.error(&c, code, "a CAMEO code of at most 7 characters"))?;
        out.insert(code, tenths);
    }
    Ok((out, t.finish()?))
}

impl Cameo {
    pub fn load(dir: &DataDir) -> Result<Cameo, EventsError> {
        let (gdelt, g) = goldstein_table(
            dir,
            "gdelt_cameo_goldsteinscale.csv",
            "CAMEOEVENTCODE",
            "GOLDSTEINSCALE",
        )?;
        let (icews, i) = goldstein_table(dir, "icews_goldstein_mappings.csv", "code", "goldstein")?;
        let (icews_texts, t) = icews_texts(dir)?;
        let codes = gdelt.keys().chain(icews.keys()).copied().collect();
        Ok(Cameo {
            gdelt,
            icews,
            codes,
            icews_texts,
            sources: vec![g, i, t],
        })
    }

    /// Every built-in profile; the first is the default.
    pub fn profiles(&self) -> Result<Vec<Profile>, EventsError> {
        let gdelt = || {
            Goldstein::Table(
                self.gdelt.clone(),
                "cameo_lookups/gdelt_cameo_goldsteinscale.csv".into(),
            )
        };
        Ok(vec![
            Profile {
                name: "gdelt",
                version: "1",
                description: "GDELT Goldstein table (CAMEO.goldsteinscale.txt) and GDELT QuadClass (roots 01-05, 06-09, 10-14, 15-20)",
                goldstein: gdelt(),
                scheme: Scheme::builtin("gdelt_quad")?,
            },
            Profile {
                name: "icews",
                version: "1",
                description: "ICEWS Goldstein table (icews package) and the icews package's quad_category (roots 01-05, 06-08, 09-13, 14-20)",
                goldstein: Goldstein::Table(self.icews.clone(), "cameo_lookups/icews_goldstein_mappings.csv".into()),
                scheme: Scheme::builtin("icews_quad")?,
            },
            Profile {
                name: "phoenix",
                version: "1",
                description: "GDELT Goldstein table and the Phoenix PentaClass (neutral 01-02; root 16 verbal conflict)",
                goldstein: gdelt(),
                scheme: Scheme::builtin("phoenix_pentaclass")?,
            },
            Profile {
                name: "plover",
                version: "1",
                description: "GDELT Goldstein table and PLOVER event types (CAMEO2PLOVER-2021)",
                goldstein: gdelt(),
                scheme: Scheme::builtin("plover")?,
            },
            Profile {
                name: "source",
                version: "1",
                description: "the Goldstein value each row carries (GDELT GoldsteinScale, ICEWS Intensity) and GDELT QuadClass",
                goldstein: Goldstein::Source,
                scheme: Scheme::builtin("gdelt_quad")?,
            },
        ])
    }

    pub fn profile(&self, name: &str) -> Result<Profile, EventsError> {
        let all = self.profiles()?;
        let names: Vec<&str> = all.iter().map(|p| p.name).collect();
        let names = names.join(", ");
        all.into_iter()
            .find(|p| p.name == name || p.id() == name)
            .ok_or_else(|| EventsError::Usage(format!("unknown profile `{name}` ({names})")))
    }
}

/// A profile compiled for the hot loop: class and weight per event code.
#[derive(Debug, Clone)]
pub struct Compiled {
    pub by_code: HashMap<Code, (u8, i32)>,
    pub from_source: bool,
    pub stance: Vec<i8>,
}

impl Compiled {
    /// Class and table weight of every CAMEO code in `codes` and of the 16
    /// PLOVER types (POLECAT rows), by the profile's scheme.
    pub fn new(profile: &Profile, codes: &HashSet<Code>) -> Compiled {
        let mut by_code = HashMap::default();
        for code in codes.iter().copied().chain(crate::plover::codes()) {
            let class = profile.scheme.class_of(&code.to_string()).unwrap_or(0);
            let weight = profile.table_weight(code).unwrap_or(crate::chunk::NO_GOLD);
            by_code.insert(code, (class, weight));
        }
        Compiled {
            by_code,
            from_source: matches!(profile.goldstein, Goldstein::Source),
            stance: profile.scheme.stance.clone(),
        }
    }
}
