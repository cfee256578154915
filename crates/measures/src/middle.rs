//! Middle powers: states below the majors but above the rest, a class that
//! changes over time (Holbraad 1984, Middle Powers in International
//! Politics, ranks states by capability below the great powers).
//!
//! Rules:
//! - `next:K` (default K = 20): the K members with the largest CINC that are
//!   not majors under the chosen majors rule. 20 keeps the band below the
//!   majors roughly the size of Holbraad's lists; Italy, a COW major until
//!   1943 and so not a middle power before, ranks 3rd to 15th among
//!   non-majors in every year 1944-2022 (NMC v7.0), so it is a middle power
//!   in all of them.
//! - `band:lo:hi`: non-majors whose CINC share of the members' total lies in
//!   `[lo, hi)`.

use crate::capabilities::Capabilities;
use crate::dyads::Universe;
use crate::majors_rule::MajorsRule;
use ordo_states::States;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MiddleRule {
    Next(usize),
    Band(f64, f64),
}

impl MiddleRule {
    pub fn parse(text: &str) -> Result<MiddleRule, String> {
        let t = text.trim();
        if let Some(k) = t.strip_prefix("next:") {
            return k
                .parse::<usize>()
                .ok()
                .filter(|k| *k >= 1)
                .map(MiddleRule::Next)
                .ok_or_else(|| format!("`{t}`: next:K needs K >= 1"));
        }
        if let Some(b) = t.strip_prefix("band:") {
            let parts: Vec<Option<f64>> = b.split(':').map(|v| v.parse().ok()).collect();
            if let [Some(lo), Some(hi)] = parts[..] {
                if 0.0 <= lo && lo < hi && hi <= 1.0 {
                    return Ok(MiddleRule::Band(lo, hi));
                }
            }
            return Err(format!("`{t}`: band:lo:hi needs 0 <= lo < hi <= 1"));
        }
        Err(format!(
            "unknown middle-power rule `{t}` (next:K or band:lo:hi)"
        ))
    }

    /// Middle powers of `year`: (code, CINC, share of the members' total),
    /// largest first.
    pub fn middle_powers(
        &self,
        year: i32,
        majors: &MajorsRule,
        states: &States,
        caps: &Capabilities,
        universe: &Universe<'_>,
    ) -> Vec<(u16, f64, f64)> {
        let major = majors.majors(year, states, caps, universe);
        let members: Vec<(u16, f64)> = universe
            .members_in(year)
            .into_iter()
            .filter_map(|c| Some((c, caps.cinc(c, year)?)))
            .collect();
        let total: f64 = members.iter().map(|(_, v)| v).sum();
        let mut rest: Vec<(u16, f64, f64)> = members
            .into_iter()
            .filter(|(c, _)| !major.contains(c))
            .map(|(c, v)| (c, v, v / total))
            .collect();
        rest.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        match self {
            MiddleRule::Next(k) => rest.into_iter().take(*k).collect(),
            MiddleRule::Band(lo, hi) => rest
                .into_iter()
                .filter(|(_, _, s)| *lo <= *s && *s < *hi)
                .collect(),
        }
    }
}

impl fmt::Display for MiddleRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MiddleRule::Next(k) => write!(f, "next:{k} (the {k} largest non-majors by CINC)"),
            MiddleRule::Band(lo, hi) => write!(
                f,
                "band:{lo}:{hi} (non-majors with a CINC share in [{lo}, {hi}))"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_parse() {
        assert_eq!(MiddleRule::parse("next:20"), Ok(MiddleRule::Next(20)));
        assert_eq!(
            MiddleRule::parse("band:0.005:0.05"),
            Ok(MiddleRule::Band(0.005, 0.05))
        );
        assert!(MiddleRule::parse("band:0.5:0.1").is_err());
        assert!(MiddleRule::parse("big").unwrap_err().contains("next:K"));
    }
}
