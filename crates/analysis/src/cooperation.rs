//! A yearly cooperation index for a dyad: the available indicators, each
//! standardised over the dyad's own years and signed so that higher means
//! more cooperative, averaged with the weights of a recipe file
//! (`data/cooperation.toml`). The components are always reported beside the
//! composite, and a year with less than half of the recipe's weight has no
//! index: few indicators are not quietly treated as many.

use crate::file_error::{from_toml, read_text, sha256_hex, FileError};
use serde::Deserialize;
use toml::Spanned;

const BUILTIN: &str = include_str!("../data/cooperation.toml");

/// Components a cooperation recipe can use.
pub const COMPONENTS: &[(&str, &str)] = &[
    ("atop_s", "alliance-portfolio similarity S (ATOP)"),
    ("atop_any", "1 if any ATOP pledge links the two"),
    ("un_agree", "share of UN roll calls with the same vote"),
    ("bsv_distance", "absolute UN ideal-point distance (BSV)"),
    ("trade_dep_mean", "mean of the two sides' trade dependence"),
    (
        "mid_hostility",
        "highest MID hostility level, 0 without a dispute",
    ),
    ("war", "1 if at war (COW inter-state)"),
    (
        "event_net_coop",
        "(coop - conflict) / (coop + conflict) of the year's events",
    ),
];

#[derive(Debug, Clone, PartialEq)]
pub struct CoopComponent {
    pub name: String,
    pub weight: f64,
    pub sign: f64,
}

/// A validated cooperation recipe.
#[derive(Debug, Clone)]
pub struct CoopRecipe {
    pub name: String,
    pub version: u32,
    pub description: String,
    pub reference: (i32, i32),
    pub components: Vec<CoopComponent>,
    pub file: String,
    pub sha256: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    name: String,
    version: u32,
    #[serde(default)]
    description: String,
    reference: RawRef,
    component: Vec<RawComponent>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRef {
    from: Spanned<i32>,
    to: i32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawComponent {
    name: Spanned<String>,
    weight: Spanned<f64>,
    sign: Spanned<f64>,
}

impl CoopRecipe {
    pub fn builtin() -> CoopRecipe {
        CoopRecipe::parse(BUILTIN, "crates/analysis/data/cooperation.toml")
            .expect("the shipped cooperation recipe is valid")
    }

    pub fn load(path: &std::path::Path) -> Result<CoopRecipe, FileError> {
        let (text, file) = read_text(path)?;
        CoopRecipe::parse(&text, &file)
    }

    pub fn parse(text: &str, file: &str) -> Result<CoopRecipe, FileError> {
        let raw: Raw = toml::from_str(text).map_err(|e| from_toml(file, text, &e))?;
        let err = |span: std::ops::Range<usize>, key: &str, message: String| {
            FileError::at(file, text, span, key, message)
        };
        if raw.reference.to < *raw.reference.from.get_ref() {
            return Err(err(
                raw.reference.from.span(),
                "reference",
                "`to` is before `from`".into(),
            ));
        }
        let mut components = Vec::new();
        for c in raw.component {
            let name = c.name.get_ref();
            if !COMPONENTS.iter().any(|(n, _)| n == name) {
                let known: Vec<&str> = COMPONENTS.iter().map(|(n, _)| *n).collect();
                return Err(err(
                    c.name.span(),
                    "name",
                    format!("unknown component `{name}` (one of {})", known.join(", ")),
                ));
            }
            if components.iter().any(|x: &CoopComponent| &x.name == name) {
                return Err(err(
                    c.name.span(),
                    "name",
                    format!("`{name}` is listed twice"),
                ));
            }
            if !c.weight.get_ref().is_finite() || *c.weight.get_ref() <= 0.0 {
                return Err(err(c.weight.span(), "weight", "must be positive".into()));
            }
            if c.sign.get_ref().abs() != 1.0 {
                return Err(err(c.sign.span(), "sign", "must be 1 or -1".into()));
            }
            components.push(CoopComponent {
                name: name.clone(),
                weight: *c.weight.get_ref(),
                sign: *c.sign.get_ref(),
            });
        }
        Ok(CoopRecipe {
            name: raw.name,
            version: raw.version,
            description: raw.description,
            reference: (*raw.reference.from.get_ref(), raw.reference.to),
            components,
            file: file.to_string(),
            sha256: sha256_hex(text),
        })
    }
}

/// One year of the index.
#[derive(Debug, Clone, PartialEq)]
pub struct CoopYear {
    pub year: i32,
    pub index: Option<f64>,
    /// Share of the usable components' weight with a value this year.
    pub weight_available: f64,
    /// Components with a value this year.
    pub components: usize,
    pub raw: Vec<Option<f64>>,
    pub z: Vec<Option<f64>>,
}

/// Mean, sample SD and count of a component over the reference years.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    pub mean: f64,
    pub sd: f64,
    pub n: usize,
}

/// The index. `values[c][i]` is component `c` of the recipe in `years[i]`.
/// A component with fewer than 2 values, or constant, in the reference
/// window cannot be standardised: it is left out (its scale is `None`),
/// missing every year and not part of the weight a year must reach.
pub fn cooperation_index(
    years: &[i32],
    values: &[Vec<Option<f64>>],
    recipe: &CoopRecipe,
) -> (Vec<CoopYear>, Vec<Option<Scale>>) {
    let (lo, hi) = recipe.reference;
    let scales: Vec<Option<Scale>> = values
        .iter()
        .map(|v| {
            let x: Vec<f64> = years
                .iter()
                .zip(v)
                .filter(|(y, _)| lo <= **y && **y <= hi)
                .filter_map(|(_, v)| *v)
                .collect();
            let n = x.len();
            if n < 2 {
                return None;
            }
            let mean = x.iter().sum::<f64>() / n as f64;
            let sd = (x.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1) as f64).sqrt();
            (sd > 0.0).then_some(Scale { mean, sd, n })
        })
        .collect();
    // A component that cannot be standardised for this dyad (no event data
    // ingested, say) is out of the recipe for it: it does not count toward
    // the weight a year must reach.
    let total: f64 = recipe
        .components
        .iter()
        .zip(&scales)
        .filter(|(_, s)| s.is_some())
        .map(|(c, _)| c.weight)
        .sum();
    let rows = years
        .iter()
        .enumerate()
        .map(|(i, &year)| {
            let raw: Vec<Option<f64>> = values.iter().map(|v| v[i]).collect();
            let z: Vec<Option<f64>> = raw
                .iter()
                .zip(&scales)
                .zip(&recipe.components)
                .map(|((x, s), c)| match (x, s) {
                    (Some(x), Some(s)) => Some(c.sign * (x - s.mean) / s.sd),
                    _ => None,
                })
                .collect();
            let (mut sum, mut w, mut k) = (0.0, 0.0, 0);
            for (c, z) in recipe.components.iter().zip(&z) {
                if let Some(z) = z {
                    sum += c.weight * z;
                    w += c.weight;
                    k += 1;
                }
            }
            CoopYear {
                year,
                index: (w >= total / 2.0 && w > 0.0).then(|| sum / w),
                weight_available: w / total,
                components: k,
                raw,
                z,
            }
        })
        .collect();
    (rows, scales)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hand-computed: two components over three years.
    /// a = [1, 2, 3] (mean 2, sd 1), b = [10, NULL, 30] (mean 20, sd 14.142…),
    /// b reversed. Year 1: (-1 + 0.70710678) / 2 = -0.14644661;
    /// year 2: only a (weight 1 of 2 = half): 0; year 3: (1 - 0.70710678)/2.
    #[test]
    fn hand_computed_index() {
        let recipe = CoopRecipe::parse(
            "name = \"t\"\nversion = 1\n[reference]\nfrom = 1\nto = 3\n[[component]]\nname = \"atop_s\"\nweight = 1.0\nsign = 1.0\n[[component]]\nname = \"war\"\nweight = 1.0\nsign = -1.0\n",
            "t.toml",
        )
        .unwrap();
        let (rows, scales) = cooperation_index(
            &[1, 2, 3],
            &[
                vec![Some(1.0), Some(2.0), Some(3.0)],
                vec![Some(10.0), None, Some(30.0)],
            ],
            &recipe,
        );
        assert!((scales[1].as_ref().unwrap().sd - 200f64.sqrt()).abs() < 1e-12);
        assert!((rows[0].index.unwrap() - (-1.0 + 0.5f64.sqrt()) / 2.0).abs() < 1e-12);
        assert_eq!(rows[1].index, Some(0.0));
        assert_eq!(rows[1].components, 1);
        assert!((rows[2].index.unwrap() - (1.0 - 0.5f64.sqrt()) / 2.0).abs() < 1e-12);
        let three = CoopRecipe::parse(
            "name = \"t\"\nversion = 1\n[reference]\nfrom = 1\nto = 3\n[[component]]\nname = \"atop_s\"\nweight = 1.0\nsign = 1.0\n[[component]]\nname = \"war\"\nweight = 2.0\nsign = -1.0\n",
            "t.toml",
        )
        .unwrap();
        let (rows, _) = cooperation_index(
            &[1, 2, 3],
            &[
                vec![Some(1.0), Some(2.0), Some(3.0)],
                vec![Some(10.0), None, Some(30.0)],
            ],
            &three,
        );
        assert_eq!(rows[1].index, None, "1 of 3 weight units is less than half");
        assert!(CoopRecipe::parse("name = \"t\"\nversion = 1\n[reference]\nfrom = 1\nto = 3\n[[component]]\nname = \"nope\"\nweight = 1.0\nsign = 1.0\n", "t.toml").unwrap_err().to_string().starts_with("t.toml:7: `name`: unknown component `nope`"));
    }
}
