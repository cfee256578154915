//! Which state system a frame is built on: Correlates of War (the default)
//! or Gleditsch–Ward (`--system gw`, peacesciencer's `system = "gw"`).
//!
//! The two systems share every rule of the frames (day-precision
//! membership, the same-day rule for dyads, open spells carried through
//! 2022); a GW frame carries the COW codes beside its GW codes and the COW
//! measures of those codes (see `ordo_measures::gw` and docs/units.md).

use crate::Session;
use std::fmt;
use std::str::FromStr;

/// A state system.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum System {
    /// Correlates of War State System Membership v2016.
    #[default]
    Cow,
    /// Gleditsch–Ward independent states (2017 list, without microstates).
    Gw,
}

/// How the GW frames are made, printed with `--verbose` in place of the COW
/// universe's rule.
pub const GW_RULES: &[&str] = &[
    "dyad-years (gw): pairs of Gleditsch-Ward members (2017 list, no microstates) on a same day of the year; spells open at the end of the GW data (2017-12-31) extended through 2022",
    "codes (gw): ccode1/ccode2 are the crosswalk's COW codes on the last day of the year both states were GW members (ccode: the last day the state was), NULL when that COW state has no day of COW membership in the year",
    "measures (gw): computed on the COW codes as in the COW frames; a state's ...1/...2 attributes are NULL on a side without a COW code, dyadic measures when either side has none; capdist between GW capitals (gw_capitals)",
];

impl System {
    pub fn as_str(self) -> &'static str {
        match self {
            System::Cow => "cow",
            System::Gw => "gw",
        }
    }

    /// The stored dyad-year frame.
    pub fn dyad_table(self, directed: bool) -> &'static str {
        match (self, directed) {
            (System::Cow, false) => "dyad_years",
            (System::Cow, true) => "dyad_years_directed",
            (System::Gw, false) => "gw_dyad_years",
            (System::Gw, true) => "gw_dyad_years_directed",
        }
    }

    /// The stored state-year frame.
    pub fn state_table(self) -> &'static str {
        match self {
            System::Cow => "state_years",
            System::Gw => "gw_state_years",
        }
    }

    /// The columns that identify a dyad.
    pub fn dyad_unit(self) -> &'static [&'static str] {
        match self {
            System::Cow => &["ccode1", "ccode2"],
            System::Gw => &["gwcode1", "gwcode2"],
        }
    }

    /// The column that identifies a state.
    pub fn state_unit(self) -> &'static [&'static str] {
        match self {
            System::Cow => &["ccode"],
            System::Gw => &["gwcode"],
        }
    }

    /// The rules behind this system's dyad-year frames, for `--verbose`.
    pub fn dyad_rules(self) -> Vec<&'static str> {
        let rules = crate::query::DYAD_RULES.iter().copied();
        match self {
            System::Cow => rules.collect(),
            System::Gw => GW_RULES
                .iter()
                .copied()
                .chain(rules.filter(|r| !r.starts_with("dyad-years:")))
                .collect(),
        }
    }
}

impl System {
    /// `--whittle` and `--attach` join on COW keys; on a GW frame they are
    /// refused rather than joined on the wrong codes.
    pub(crate) fn check_joins(self, whittle: bool, attach: bool) -> anyhow::Result<()> {
        if self == System::Gw && (whittle || attach) {
            anyhow::bail!(
                "--{} works on COW frames only; on the Gleditsch-Ward frames join your data in SQL on gwcode or on the ccode columns (`ordo sql` with the gw_dyad_years, gw_state_years tables)",
                if whittle { "whittle" } else { "attach" }
            );
        }
        Ok(())
    }
}

impl fmt::Display for System {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for System {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "cow" => Ok(System::Cow),
            "gw" => Ok(System::Gw),
            other => Err(format!(
                "unknown state system `{other}`: cow (Correlates of War) or gw (Gleditsch-Ward)"
            )),
        }
    }
}

impl Session {
    /// The code of a state in `system`: a COW code as [`Session::resolve`]
    /// finds it, or a GW code (a number is a GW code; names and other
    /// codes go through the COW state and the crosswalk).
    pub fn state_code(&self, system: System, input: &str) -> anyhow::Result<u16> {
        let resolver = self.states()?.resolver();
        Ok(match system {
            System::Cow => resolver.resolve(input)?.state.code.0,
            System::Gw => resolver.resolve_gw(input)?.code,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_tables_and_units() {
        assert_eq!("GW".parse::<System>(), Ok(System::Gw));
        assert_eq!(" cow ".parse::<System>(), Ok(System::Cow));
        assert!("isard".parse::<System>().is_err());
        assert_eq!(System::default(), System::Cow);
        assert_eq!(System::Gw.dyad_table(true), "gw_dyad_years_directed");
        assert_eq!(System::Gw.state_unit(), ["gwcode"]);
        let rules = System::Gw.dyad_rules();
        assert!(rules[0].starts_with("dyad-years (gw)"));
        assert!(!rules.iter().any(|r| r.starts_with("dyad-years:")));
    }
}
