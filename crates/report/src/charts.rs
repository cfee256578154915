//! The report's four charts, built from the dossier's tables: the dyad's
//! cooperation index and its components, the instability index of the
//! order, the dyad's trade, and its UN voting agreement. All share the year
//! axis, the shaded phases, the turning points and the chronology markers.

use super::chart::{Chart, Line, Marker, Phase, PALETTE};
use super::{text_column, year_values, Dossier};
use ordo::columns::ints;

/// A chart's file stem (for the Markdown version's SVG files) and the chart.
pub struct Named {
    pub name: &'static str,
    pub caption: String,
    pub chart: Chart,
}

/// Stable and crisis phases, and the turning points, of the periodization.
fn phases(d: &Dossier) -> (Vec<Phase>, Vec<i32>) {
    let Some(t) = d.periods.batch() else {
        return (Vec::new(), Vec::new());
    };
    let kinds = text_column(&t, "kind");
    let from = ints(&t, "from");
    let to = ints(&t, "to");
    let mut phases = Vec::new();
    let mut turning = Vec::new();
    for i in 0..t.num_rows() {
        let (Some(f), t) = (from[i], to[i]) else {
            continue;
        };
        match kinds[i].as_str() {
            "stable" | "crisis" => phases.push(Phase {
                from: f as i32,
                to: t.unwrap_or(f) as i32,
                crisis: kinds[i] == "crisis",
            }),
            "turning point" => turning.push(f as i32),
            _ => {}
        }
    }
    turning.sort_unstable();
    turning.dedup();
    (phases, turning)
}

/// Chronology entries of cooperation and competition (neutral entries and
/// turning points are not drawn as markers; turning points are lines).
fn markers(d: &Dossier) -> Vec<Marker> {
    let Some(t) = d.chronology.batch() else {
        return Vec::new();
    };
    text_column(&t, "date")
        .iter()
        .zip(text_column(&t, "stance"))
        .filter_map(|(date, stance)| {
            let year = date.get(..4)?.parse().ok()?;
            match stance.as_str() {
                "cooperation" => Some(Marker { year, up: true }),
                "competition" => Some(Marker { year, up: false }),
                _ => None,
            }
        })
        .collect()
}

fn breaks(d: &Dossier) -> Vec<i32> {
    d.breaks
        .batch()
        .map(|t| {
            ints(&t, "break_year")
                .into_iter()
                .flatten()
                .map(|y| y as i32)
                .collect()
        })
        .unwrap_or_default()
}

fn line(
    label: impl Into<String>,
    points: impl IntoIterator<Item = (i32, f64)>,
    k: usize,
    width: u32,
) -> Line {
    Line {
        label: label.into(),
        points: points.into_iter().collect(),
        color: PALETTE[k % PALETTE.len()],
        width,
    }
}

/// The four charts.
pub fn all(d: &Dossier) -> Vec<Named> {
    let (phases, turning) = phases(d);
    let base = Chart {
        years: (d.from, d.to),
        height: 340,
        phases,
        turning_points: turning,
        markers: markers(d),
        ..Chart::default()
    };
    let mut out = Vec::new();
    if let Some(t) = d.cooperation.batch() {
        let mut lines = vec![line("cooperation index", year_values(&t, "index"), 0, 3)];
        let schema = t.schema();
        for (k, f) in schema
            .fields()
            .iter()
            .filter(|f| f.name().starts_with("z_"))
            .enumerate()
        {
            lines.push(line(
                f.name().trim_start_matches("z_"),
                year_values(&t, f.name()),
                k + 1,
                1,
            ));
        }
        out.push(Named {
            name: "cooperation",
            caption: format!(
                "Cooperation index of {}–{} (thick) and its standardised components (z-scores), {}–{}; shading: the order's stable and crisis phases; vertical lines: turning points (solid) and change points detected in the index (dashed); triangles: chronology entries. Source: `{}`, `{}`.",
                d.a, d.b, d.from, d.to, d.cooperation.command, d.breaks.command
            ),
            chart: Chart {
                title: format!("{}–{}: cooperation index and components", d.a, d.b),
                y_label: "standard deviations".into(),
                lines,
                breaks: breaks(d),
                ..base.clone()
            },
        });
    }
    if let Some(t) = d.instability.batch() {
        out.push(Named {
            name: "instability",
            caption: format!(
                "Instability index of the international order (thick) and its distributive and normative parts, {}–{}. Source: `{}`.",
                d.from, d.to, d.instability.command
            ),
            chart: Chart {
                title: "Instability of the international order".into(),
                y_label: "standard deviations".into(),
                lines: vec![
                    line("instability index", year_values(&t, "index"), 0, 3),
                    line("distributive", year_values(&t, "distributive"), 1, 1),
                    line("normative", year_values(&t, "normative"), 2, 1),
                ],
                ..base.clone()
            },
        });
    }
    if let Some(t) = d.dyad.batch() {
        let c1 = ints(&t, "ccode1").first().copied().flatten().unwrap_or(0);
        let (s1, s2) = if c1 as u16 == d.codes.0 {
            (&d.a, &d.b)
        } else {
            (&d.b, &d.a)
        };
        let panel = |name, caption: String, title: String, y_label: &str, lines| Named {
            name,
            caption: format!("{caption} Source: `{}`.", d.dyad.command),
            chart: Chart {
                title: format!("{}–{}: {title}", d.a, d.b),
                y_label: y_label.into(),
                lines,
                ..base.clone()
            },
        };
        out.push(panel(
            "trade",
            format!("Trade between {} and {} (COW dyadic trade, million current US dollars; missing years are gaps).", d.a, d.b),
            "trade".into(),
            "million US$ (current)",
            vec![
                line(format!("{s1} imports from {s2}"), year_values(&t, "trade_flow1"), 1, 2),
                line(format!("{s2} imports from {s1}"), year_values(&t, "trade_flow2"), 2, 2),
            ],
        ));
        out.push(panel(
            "un",
            format!("UN General Assembly voting agreement of {} and {} (share of identical votes on roll calls where both voted) and Signorino–Ritter S.", d.a, d.b),
            "UN voting agreement".into(),
            "agreement",
            vec![
                line("agreement index", year_values(&t, "un_agree"), 1, 2),
                line("S (votes)", year_values(&t, "un_s"), 2, 2),
            ],
        ));
    }
    out
}
