//! The instability index: each recipe component standardised over the
//! recipe's reference window (z-score with the sample standard deviation),
//! signed, and averaged with the recipe's weights — overall and per
//! dimension. Components stay visible beside the index so users can see what
//! drives it. A year needs at least half of the total (or the dimension's)
//! weight to get a value; `weight_available` says how much it had.

use crate::recipe::{Dimension, Recipe};
use ordo_measures::system_year::SystemYear;

/// The value of a named component in a system-year.
pub fn component_value(row: &SystemYear, name: &str) -> Option<f64> {
    let share = |k: Option<i64>| {
        k.filter(|_| row.mm_dyads > 0)
            .map(|k| k as f64 / row.mm_dyads as f64)
    };
    match name {
        "con" => row.con,
        "abs_dcon1" => row.dcon1.map(f64::abs),
        "abs_dcon5" => row.dcon5.map(f64::abs),
        "move1" => row.move1,
        "move5" => row.move5,
        "proximity" => row.lead_ratio.filter(|r| *r > 0.0).map(|r| 1.0 / r),
        "parity" => row.parity.map(|b| f64::from(u8::from(b))),
        "overtaking5" => row.overtaking.map(|b| f64::from(u8::from(b))),
        "growth_diff5" => row.growth_diff,
        "mm_dispute_share" => row.mm_dispute_share,
        "mm_onset_share" => share(row.mm_mid_onsets),
        "mm_war_share" => share(row.mm_war),
        "mm_rivalry_share" => share(row.mm_rivalries),
        "mm_allied_share" => row.mm_allied_share,
        _ => None,
    }
}

/// One year of the index.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexRow {
    pub year: i32,
    pub index: Option<f64>,
    pub distributive: Option<f64>,
    pub normative: Option<f64>,
    /// Share of the recipe's total weight with a value this year.
    pub weight_available: f64,
    /// Raw and standardised (signed) value of each component, recipe order.
    pub raw: Vec<Option<f64>>,
    pub z: Vec<Option<f64>>,
}

/// Mean and sample standard deviation of a component over the reference
/// window, for the record.
#[derive(Debug, Clone, PartialEq)]
pub struct Standardisation {
    pub component: String,
    pub mean: f64,
    pub sd: f64,
    pub n: usize,
}

/// The index for every row; errors when a component cannot be standardised.
pub fn instability_index(
    rows: &[SystemYear],
    recipe: &Recipe,
) -> Result<(Vec<IndexRow>, Vec<Standardisation>), String> {
    let (lo, hi) = recipe.reference;
    let mut stats = Vec::new();
    for c in &recipe.components {
        let v: Vec<f64> = rows
            .iter()
            .filter(|r| lo <= r.year && r.year <= hi)
            .filter_map(|r| component_value(r, &c.name))
            .collect();
        let n = v.len();
        if n < 2 {
            return Err(format!("component `{}` has {n} value(s) in the reference window {lo}-{hi}: cannot standardise", c.name));
        }
        let mean = v.iter().sum::<f64>() / n as f64;
        let sd = (v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1) as f64).sqrt();
        if sd == 0.0 {
            return Err(format!(
                "component `{}` is constant in the reference window {lo}-{hi}",
                c.name
            ));
        }
        stats.push(Standardisation {
            component: c.name.clone(),
            mean,
            sd,
            n,
        });
    }
    let total: f64 = recipe.components.iter().map(|c| c.weight).sum();
    let out = rows
        .iter()
        .map(|r| {
            let raw: Vec<Option<f64>> = recipe
                .components
                .iter()
                .map(|c| component_value(r, &c.name))
                .collect();
            let z: Vec<Option<f64>> = raw
                .iter()
                .zip(&stats)
                .zip(&recipe.components)
                .map(|((x, s), c)| x.map(|x| c.sign * (x - s.mean) / s.sd))
                .collect();
            let combine = |keep: &dyn Fn(Dimension) -> bool| {
                let (mut sum, mut w, mut of) = (0.0, 0.0, 0.0);
                for (c, z) in recipe.components.iter().zip(&z) {
                    if keep(c.dimension) {
                        of += c.weight;
                        if let Some(z) = z {
                            sum += c.weight * z;
                            w += c.weight;
                        }
                    }
                }
                (of > 0.0 && w >= of / 2.0).then(|| sum / w)
            };
            let available: f64 = recipe
                .components
                .iter()
                .zip(&z)
                .filter(|(_, z)| z.is_some())
                .map(|(c, _)| c.weight)
                .sum();
            IndexRow {
                year: r.year,
                index: combine(&|_| true),
                distributive: combine(&|d| d == Dimension::Distributive),
                normative: combine(&|d| d == Dimension::Normative),
                weight_available: available / total,
                raw,
                z,
            }
        })
        .collect();
    Ok((out, stats))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recipe::Recipe;

    fn year(y: i32, dcon5: f64, disputes: i64) -> SystemYear {
        SystemYear {
            year: y,
            dcon5: Some(dcon5),
            mm_dyads: 10,
            mm_dispute_share: Some(disputes as f64 / 10.0),
            ..SystemYear::default()
        }
    }

    #[test]
    fn hand_computed_index() {
        let recipe = Recipe::parse(
            "name = \"t\"\nversion = 1\n[reference]\nfrom = 1\nto = 3\n[[component]]\nname = \"abs_dcon5\"\ndimension = \"distributive\"\nweight = 1\n[[component]]\nname = \"mm_dispute_share\"\ndimension = \"normative\"\nweight = 3\n",
            "t.toml",
        )
        .unwrap();
        // |dcon5| = 0.1, 0.2, 0.3: mean 0.2, sd 0.1 -> z = -1, 0, 1.
        // dispute share = 0.0, 0.1, 0.5: mean 0.2, sd = sqrt((0.04+0.01+0.09)/2) = sqrt(0.07).
        let rows = [year(1, -0.1, 0), year(2, 0.2, 1), year(3, 0.3, 5)];
        let (idx, stats) = instability_index(&rows, &recipe).unwrap();
        assert!((stats[0].mean - 0.2).abs() < 1e-12 && (stats[0].sd - 0.1).abs() < 1e-12);
        let z2 = (0.5 - 0.2) / 0.07f64.sqrt();
        assert!((idx[2].normative.unwrap() - z2).abs() < 1e-12);
        // Year 3: (1·1 + 3·z2) / 4.
        assert!((idx[2].index.unwrap() - (1.0 + 3.0 * z2) / 4.0).abs() < 1e-12);
        assert!(idx[1].distributive.unwrap().abs() < 1e-12);
        // A year missing the heavier component has 1/4 of the weight: no index.
        let partial = SystemYear {
            year: 4,
            dcon5: Some(0.3),
            ..SystemYear::default()
        };
        let (idx, _) = instability_index(
            &[rows[0].clone(), rows[1].clone(), rows[2].clone(), partial],
            &recipe,
        )
        .unwrap();
        assert_eq!((idx[3].index, idx[3].weight_available), (None, 0.25));
    }
}
