//! Recipes of composite indices: named, versioned, hashed TOML files listing
//! components, their dimension, weight and sign, and the reference window of
//! the standardisation. The default instability recipe is
//! `crates/analysis/data/instability.toml`.

use crate::file_error::{from_toml, line_of, read_text, sha256_hex, FileError};
use serde::Deserialize;
use toml::Spanned;

const BUILTIN: &str = include_str!("../data/instability.toml");

/// Components the instability index can use, with what they measure (the
/// system-year columns of `ordo system`).
pub const COMPONENTS: &[(&str, &str)] = &[
    (
        "con",
        "Ray-Singer concentration of capabilities among the majors",
    ),
    ("abs_dcon1", "|change of CON over 1 year|"),
    ("abs_dcon5", "|change of CON over 5 years|"),
    ("move1", "MOVE over 1 year"),
    ("move5", "MOVE over 5 years"),
    (
        "proximity",
        "challenger's CINC over the leader's (1 / lead ratio)",
    ),
    (
        "parity",
        "1 if the challenger has >= 80% of the leader's CINC",
    ),
    (
        "overtaking5",
        "1 if leader and challenger swapped ranks within 5 years",
    ),
    (
        "growth_diff5",
        "challenger's minus leader's annual log CINC growth, 5 years",
    ),
    (
        "mm_dispute_share",
        "share of major-major dyads in an ongoing COW MID",
    ),
    (
        "mm_onset_share",
        "share of major-major dyads with a MID onset",
    ),
    ("mm_war_share", "share of major-major dyads at war"),
    (
        "mm_rivalry_share",
        "share of major-major dyads in a strategic rivalry (TSS)",
    ),
    (
        "mm_allied_share",
        "share of major-major dyads with an ATOP defence or offence pledge",
    ),
];

/// The two dimensions of an international order in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    Distributive,
    Normative,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Component {
    pub name: String,
    pub dimension: Dimension,
    pub weight: f64,
    /// +1: higher = less stable; -1 reverses the component.
    pub sign: f64,
}

/// A validated recipe.
#[derive(Debug, Clone)]
pub struct Recipe {
    pub name: String,
    pub version: u32,
    pub description: String,
    pub reference: (i32, i32),
    pub components: Vec<Component>,
    pub file: String,
    pub sha256: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRecipe {
    name: String,
    version: u32,
    #[serde(default)]
    description: String,
    reference: RawReference,
    component: Vec<RawComponent>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReference {
    from: Spanned<i32>,
    to: Spanned<i32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawComponent {
    name: Spanned<String>,
    dimension: Spanned<String>,
    weight: Spanned<f64>,
    #[serde(default)]
    sign: Option<Spanned<f64>>,
}

impl Recipe {
    pub fn builtin() -> Recipe {
        Recipe::parse(BUILTIN, "crates/analysis/data/instability.toml")
            .expect("the shipped recipe is valid")
    }

    pub fn load(path: &std::path::Path) -> Result<Recipe, FileError> {
        let (text, file) = read_text(path)?;
        Recipe::parse(&text, &file)
    }

    pub fn parse(text: &str, file: &str) -> Result<Recipe, FileError> {
        let raw: RawRecipe = toml::from_str(text).map_err(|e| from_toml(file, text, &e))?;
        let err = |span: std::ops::Range<usize>, key: &str, message: String| FileError {
            file: file.to_string(),
            line: line_of(text, span.start),
            key: key.to_string(),
            message,
        };
        let (from, to) = (*raw.reference.from.get_ref(), *raw.reference.to.get_ref());
        if to <= from {
            return Err(err(
                raw.reference.to.span(),
                "to",
                format!("reference window ends ({to}) before or when it starts ({from})"),
            ));
        }
        if raw.component.is_empty() {
            return Err(err(
                0..0,
                "component",
                "a recipe needs at least one component".into(),
            ));
        }
        let mut components = Vec::new();
        for c in raw.component {
            let name = c.name.get_ref().clone();
            if !COMPONENTS.iter().any(|(n, _)| *n == name) {
                let known: Vec<&str> = COMPONENTS.iter().map(|(n, _)| *n).collect();
                return Err(err(
                    c.name.span(),
                    "name",
                    format!("unknown component `{name}` (known: {})", known.join(", ")),
                ));
            }
            let dimension = match c.dimension.get_ref().as_str() {
                "distributive" => Dimension::Distributive,
                "normative" => Dimension::Normative,
                other => {
                    return Err(err(
                        c.dimension.span(),
                        "dimension",
                        format!("unknown dimension `{other}` (distributive or normative)"),
                    ))
                }
            };
            let weight = *c.weight.get_ref();
            if !(weight.is_finite() && weight > 0.0) {
                return Err(err(
                    c.weight.span(),
                    "weight",
                    format!("weight must be a positive number, found {weight}"),
                ));
            }
            let sign = match &c.sign {
                None => 1.0,
                Some(s) if *s.get_ref() == 1.0 || *s.get_ref() == -1.0 => *s.get_ref(),
                Some(s) => {
                    return Err(err(
                        s.span(),
                        "sign",
                        format!("sign must be 1 or -1, found {}", s.get_ref()),
                    ))
                }
            };
            components.push(Component {
                name,
                dimension,
                weight,
                sign,
            });
        }
        Ok(Recipe {
            name: raw.name,
            version: raw.version,
            description: raw.description,
            reference: (from, to),
            components,
            file: file.to_string(),
            sha256: sha256_hex(text),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_recipe() {
        let r = Recipe::builtin();
        assert_eq!(r.reference, (1816, 2007));
        assert_eq!(r.components.len(), 6);
        assert_eq!(
            r.components
                .iter()
                .filter(|c| c.dimension == Dimension::Normative)
                .count(),
            3
        );
    }

    #[test]
    fn bad_recipes_name_line_and_key() {
        let head = "name = \"r\"\nversion = 1\n[reference]\nfrom = 1816\nto = 2007\n";
        let e = Recipe::parse(
            &format!(
                "{head}[[component]]\nname = \"mood\"\ndimension = \"normative\"\nweight = 1.0\n"
            ),
            "r.toml",
        )
        .unwrap_err();
        assert!(
            e.message.contains("unknown component `mood`") && e.line == 7 && e.key == "name",
            "{e}"
        );
        let e = Recipe::parse(&format!("{head}[[component]]\nname = \"move5\"\ndimension = \"normative\"\nweight = \"heavy\"\n"), "r.toml").unwrap_err();
        assert_eq!(e.line, 9, "{e}");
        let e = Recipe::parse("name = \"r\"\nversion = 1\n[reference]\nfrom = 2000\nto = 1990\n[[component]]\nname = \"move5\"\ndimension = \"normative\"\nweight = 1\n", "r.toml").unwrap_err();
        assert!(e.message.contains("reference window") && e.line == 5, "{e}");
        let e = Recipe::parse(
            &format!(
                "{head}[[component]]\nname = \"move5\"\ndimension = \"normative\"\nweight = -2.0\n"
            ),
            "r.toml",
        )
        .unwrap_err();
        assert!(e.message.contains("positive"), "{e}");
    }
}
