//! Which states count as major powers in a year. The choice drives every
//! system measure, so it is a parameter and is printed with every output.
//!
//! - `cow`: COW Major Powers v2016 (spells end 2016: no majors after 2016);
//! - `cow2024`: COW v2024 (same spells, open ones to 2024) — the default;
//! - `top:K`: the K members with the largest CINC that year;
//! - `share:θ`: members whose CINC is at least θ of the members' total;
//! - a CSV file `ccode,from,to` (years, inclusive) of the user's own list.
//!
//! In every case a major must be a system member that year (a day of
//! membership), and a state counts for a year if it held the status on any
//! day of it (COW: Russia is not a major in 1918-1921).

use crate::capabilities::Capabilities;
use crate::dyads::Universe;
use crate::majors::is_major_in;
use ordo_states::States;
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub enum MajorsRule {
    Cow,
    Cow2024,
    Top(usize),
    Share(f64),
    List {
        path: String,
        spans: Vec<(u16, i32, i32)>,
    },
}

impl MajorsRule {
    /// Parses `cow`, `cow2024`, `top:K`, `share:θ`, or reads a CSV list.
    pub fn parse(text: &str) -> Result<MajorsRule, String> {
        let t = text.trim();
        match t {
            "cow" => return Ok(MajorsRule::Cow),
            "cow2024" => return Ok(MajorsRule::Cow2024),
            _ => {}
        }
        if let Some(k) = t.strip_prefix("top:") {
            return k
                .parse::<usize>()
                .ok()
                .filter(|k| *k >= 1)
                .map(MajorsRule::Top)
                .ok_or_else(|| format!("`{t}`: top:K needs a whole number K >= 1"));
        }
        if let Some(v) = t.strip_prefix("share:") {
            return v
                .parse::<f64>()
                .ok()
                .filter(|v| *v > 0.0 && *v < 1.0)
                .map(MajorsRule::Share)
                .ok_or_else(|| format!("`{t}`: share:θ needs 0 < θ < 1"));
        }
        read_list(t)
    }

    /// The majors of `year`, by COW code.
    pub fn majors(
        &self,
        year: i32,
        states: &States,
        caps: &Capabilities,
        universe: &Universe<'_>,
    ) -> Vec<u16> {
        let members = universe.members_in(year);
        let mut out: Vec<u16> = match self {
            MajorsRule::Cow => members
                .into_iter()
                .filter(|c| is_major_in(&states.majors, *c, year))
                .collect(),
            MajorsRule::Cow2024 => members
                .into_iter()
                .filter(|c| is_major_in(&states.majors_2024, *c, year))
                .collect(),
            MajorsRule::Top(k) => {
                let mut ranked: Vec<(u16, f64)> = members
                    .iter()
                    .filter_map(|c| Some((*c, caps.cinc(*c, year)?)))
                    .collect();
                ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                ranked.into_iter().take(*k).map(|(c, _)| c).collect()
            }
            MajorsRule::Share(theta) => {
                let with: Vec<(u16, f64)> = members
                    .iter()
                    .filter_map(|c| Some((*c, caps.cinc(*c, year)?)))
                    .collect();
                let total: f64 = with.iter().map(|(_, v)| v).sum();
                with.into_iter()
                    .filter(|(_, v)| total > 0.0 && v / total >= *theta)
                    .map(|(c, _)| c)
                    .collect()
            }
            MajorsRule::List { spans, .. } => members
                .into_iter()
                .filter(|c| {
                    spans
                        .iter()
                        .any(|(s, from, to)| s == c && *from <= year && year <= *to)
                })
                .collect(),
        };
        out.sort_unstable();
        out
    }
}

impl fmt::Display for MajorsRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MajorsRule::Cow => f.write_str("cow (COW Major Powers v2016)"),
            MajorsRule::Cow2024 => f.write_str("cow2024 (COW Major Powers v2024)"),
            MajorsRule::Top(k) => write!(f, "top:{k} (the {k} largest CINC each year)"),
            MajorsRule::Share(t) => write!(f, "share:{t} (CINC share of the system >= {t})"),
            MajorsRule::List { path, spans } => write!(f, "list {path} ({} spells)", spans.len()),
        }
    }
}

/// A CSV `ccode,from,to` with a header; errors name the file and line.
fn read_list(path: &str) -> Result<MajorsRule, String> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "majors rule `{path}`: not cow, cow2024, top:K, share:θ, and not a readable file ({e})"
        )
    })?;
    let mut spans = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split(',').map(str::trim).collect();
        let bad = |what: &str| format!("{path}:{}: {what} (expected ccode,from,to)", i + 1);
        if f.len() != 3 {
            return Err(bad(&format!("{} fields", f.len())));
        }
        let c = f[0]
            .parse::<u16>()
            .map_err(|_| bad("ccode is not a number"))?;
        let from = f[1].parse::<i32>().map_err(|_| bad("from is not a year"))?;
        let to = f[2].parse::<i32>().map_err(|_| bad("to is not a year"))?;
        if to < from {
            return Err(bad("to is before from"));
        }
        spans.push((c, from, to));
    }
    Ok(MajorsRule::List {
        path: path.to_string(),
        spans,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_parse_and_bad_ones_say_why() {
        assert_eq!(MajorsRule::parse("cow"), Ok(MajorsRule::Cow));
        assert_eq!(MajorsRule::parse("top:5"), Ok(MajorsRule::Top(5)));
        assert_eq!(MajorsRule::parse("share:0.05"), Ok(MajorsRule::Share(0.05)));
        assert!(MajorsRule::parse("top:0").unwrap_err().contains("K >= 1"));
        assert!(MajorsRule::parse("share:2")
            .unwrap_err()
            .contains("0 < θ < 1"));
        assert!(MajorsRule::parse("/nonexistent.csv")
            .unwrap_err()
            .contains("not a readable file"));
        let d = std::env::temp_dir().join(format!("ordo-majors-{}.csv", std::process::id()));
        std::fs::write(&d, "ccode,from,to\n2,1898,2022\n365,1950,1940\n").unwrap();
        let e = MajorsRule::parse(d.to_str().unwrap()).unwrap_err();
        assert!(e.contains(":3:") && e.contains("to is before from"), "{e}");
        std::fs::remove_file(d).ok();
    }
}
