//! Periodizations of the international order: orders, their stable, crisis
//! and change phases, and named turning points, in a TOML file (see
//! `crates/analysis/data/periods.toml`, the article's periodization, shipped
//! as the default).
//!
//! Validated on load, with the file, line and key of the problem: unknown
//! keys, inverted years, phases outside their order, and overlapping phases
//! (every year belongs to at most one phase, so comparisons are unambiguous).

use crate::file_error::{from_toml, read_text, sha256_hex, FileError};
use serde::Deserialize;
use std::ops::Range;
use toml::Spanned;

const BUILTIN: &str = include_str!("../data/periods.toml");

/// The kind of a phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseKind {
    Stable,
    Crisis,
    /// Systemic change between two orders.
    Change,
}

impl PhaseKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PhaseKind::Stable => "stable",
            PhaseKind::Crisis => "crisis",
            PhaseKind::Change => "change",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phase {
    pub kind: PhaseKind,
    pub from: i32,
    pub to: i32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TurningPoint {
    pub year: i32,
    pub end: Option<i32>,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Order {
    pub name: String,
    pub from: i32,
    pub to: i32,
    pub phases: Vec<Phase>,
    pub turning_points: Vec<TurningPoint>,
}

/// A validated periodization and the file it came from.
#[derive(Debug, Clone)]
pub struct Periodization {
    pub name: String,
    pub source: String,
    pub file: String,
    pub sha256: String,
    pub orders: Vec<Order>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    name: String,
    #[serde(default)]
    source: String,
    order: Vec<RawOrder>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOrder {
    name: String,
    from: Spanned<i32>,
    to: Spanned<i32>,
    #[serde(default)]
    phase: Vec<RawPhase>,
    #[serde(default)]
    turning_point: Vec<RawTurningPoint>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPhase {
    kind: Spanned<String>,
    from: Spanned<i32>,
    to: Spanned<i32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTurningPoint {
    year: Spanned<i32>,
    end: Option<Spanned<i32>>,
    label: String,
}

impl Periodization {
    /// The article's periodization shipped with ordo.
    pub fn builtin() -> Periodization {
        Periodization::parse(BUILTIN, "crates/analysis/data/periods.toml")
            .expect("the shipped periodization is valid")
    }

    /// Reads and validates a periodization file.
    pub fn load(path: &std::path::Path) -> Result<Periodization, FileError> {
        let (text, file) = read_text(path)?;
        Periodization::parse(&text, &file)
    }

    pub fn parse(text: &str, file: &str) -> Result<Periodization, FileError> {
        let raw: RawFile = toml::from_str(text).map_err(|e| from_toml(file, text, &e))?;
        let err = |span: Range<usize>, key: &str, message: String| {
            FileError::at(file, text, span, key, message)
        };
        let mut orders = Vec::new();
        let mut taken: Vec<(i32, i32, Range<usize>)> = Vec::new();
        for o in raw.order {
            if o.to.get_ref() < o.from.get_ref() {
                return Err(err(
                    o.to.span(),
                    "to",
                    format!(
                        "order `{}` ends ({}) before it starts ({})",
                        o.name,
                        o.to.get_ref(),
                        o.from.get_ref()
                    ),
                ));
            }
            let mut phases = Vec::new();
            for p in o.phase {
                let kind = match p.kind.get_ref().as_str() {
                    "stable" => PhaseKind::Stable,
                    "crisis" => PhaseKind::Crisis,
                    "change" => PhaseKind::Change,
                    other => {
                        return Err(err(
                            p.kind.span(),
                            "kind",
                            format!("unknown phase kind `{other}` (stable, crisis or change)"),
                        ))
                    }
                };
                let (from, to) = (*p.from.get_ref(), *p.to.get_ref());
                if to < from {
                    return Err(err(
                        p.to.span(),
                        "to",
                        format!("phase ends ({to}) before it starts ({from})"),
                    ));
                }
                if from < *o.from.get_ref() || to > *o.to.get_ref() {
                    return Err(err(
                        p.from.span(),
                        "from",
                        format!(
                            "phase {from}-{to} lies outside its order `{}` ({}-{})",
                            o.name,
                            o.from.get_ref(),
                            o.to.get_ref()
                        ),
                    ));
                }
                if let Some((a, b, _)) = taken.iter().find(|(a, b, _)| from <= *b && *a <= to) {
                    return Err(err(p.from.span(), "from", format!("phase {from}-{to} overlaps the phase {a}-{b}; a year can be in one phase only")));
                }
                taken.push((from, to, p.from.span()));
                phases.push(Phase { kind, from, to });
            }
            let mut turning_points = Vec::new();
            for t in o.turning_point {
                let end = t.end.as_ref().map(|e| *e.get_ref());
                if let (Some(e), Some(span)) = (end, t.end.as_ref().map(Spanned::span)) {
                    if e < *t.year.get_ref() {
                        return Err(err(
                            span,
                            "end",
                            format!(
                                "turning point ends ({e}) before it starts ({})",
                                t.year.get_ref()
                            ),
                        ));
                    }
                }
                turning_points.push(TurningPoint {
                    year: *t.year.get_ref(),
                    end,
                    label: t.label,
                });
            }
            orders.push(Order {
                name: o.name,
                from: *o.from.get_ref(),
                to: *o.to.get_ref(),
                phases,
                turning_points,
            });
        }
        Ok(Periodization {
            name: raw.name,
            source: raw.source,
            file: file.to_string(),
            sha256: sha256_hex(text),
            orders,
        })
    }

    /// The order and phase a year falls in, if any.
    pub fn phase_of(&self, year: i32) -> Option<(&Order, &Phase)> {
        self.orders.iter().find_map(|o| {
            o.phases
                .iter()
                .find(|p| p.from <= year && year <= p.to)
                .map(|p| (o, p))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_articles_periodization() {
        let p = Periodization::builtin();
        assert_eq!(p.orders.len(), 3);
        let crisis: Vec<(i32, i32)> = p
            .orders
            .iter()
            .flat_map(|o| {
                o.phases
                    .iter()
                    .filter(|x| x.kind == PhaseKind::Crisis)
                    .map(|x| (x.from, x.to))
            })
            .collect();
        assert_eq!(crisis, [(1936, 1941), (1979, 1985), (2008, 2020)]);
        assert_eq!(
            p.phase_of(1938).map(|(o, ph)| (o.name.as_str(), ph.kind)),
            Some(("Interwar order", PhaseKind::Crisis))
        );
        assert_eq!(
            p.phase_of(1960).map(|(_, ph)| ph.kind),
            Some(PhaseKind::Stable)
        );
        assert_eq!(
            p.phase_of(1991).map(|(o, _)| o.name.as_str()),
            Some("Cold War order")
        );
        assert_eq!(p.phase_of(1944), None);
        let tp: Vec<i32> = p
            .orders
            .iter()
            .flat_map(|o| o.turning_points.iter().map(|t| t.year))
            .collect();
        assert_eq!(tp, [1933, 1935, 1979, 1981, 2007, 2009]);
        assert_eq!(p.sha256.len(), 64);
    }

    fn bad(text: &str) -> FileError {
        Periodization::parse(text, "p.toml").unwrap_err()
    }

    #[test]
    fn errors_name_file_line_and_key() {
        let head = "name = \"x\"\n[[order]]\nname = \"o\"\nfrom = 1900\nto = 1950\n";
        let e = bad(&format!(
            "{head}[[order.phase]]\nkind = \"stable\"\nfrom = 1920\nto = 1910\n"
        ));
        assert_eq!((e.line, e.key.as_str()), (9, "to"), "{e}");
        let e = bad(&format!("{head}[[order.phase]]\nkind = \"stable\"\nfrom = 1900\nto = 1920\n[[order.phase]]\nkind = \"crisis\"\nfrom = 1915\nto = 1930\n"));
        assert!(e.message.contains("overlaps") && e.line == 12, "{e}");
        let e = bad(&format!(
            "{head}[[order.phase]]\nkind = \"calm\"\nfrom = 1900\nto = 1920\n"
        ));
        assert!(
            e.message.contains("unknown phase kind") && e.line == 7,
            "{e}"
        );
        let e = bad(&format!("{head}colour = \"red\"\n"));
        assert!(e.message.contains("unknown field") && e.line == 6, "{e}");
        let e = bad(&format!(
            "{head}[[order.phase]]\nkind = \"stable\"\nfrom = 1890\nto = 1920\n"
        ));
        assert!(e.message.contains("outside its order"), "{e}");
        let e = bad("name = \"x\"\n[[order]]\nname = \"o\"\nfrom = \"soon\"\nto = 1950\n");
        assert_eq!(e.line, 4, "{e}");
        assert!(e.to_string().starts_with("p.toml:4:"), "{e}");
    }
}
