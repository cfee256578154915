//! The report's charts: yearly series on a shared year axis, with the
//! order's stable and crisis phases shaded, turning points and detected
//! change points as vertical lines and chronology entries as markers.
//!
//! Drawn with plotters' SVG backend. No font files are read (plotters
//! estimates text sizes; the browser draws the text with its sans-serif
//! font), so the SVG is the same bytes on every machine. Colours are the
//! Okabe–Ito palette, which stays distinguishable with the common forms of
//! colour blindness; the cooperation index is also drawn thicker than its
//! components so that it is found without colour.

use anyhow::anyhow;
use plotters::prelude::*;

/// Chart width in pixels; the legend takes the right-hand strip.
pub const WIDTH: u32 = 1000;
const LEGEND_WIDTH: u32 = 210;

/// Okabe & Ito (2008), "Color Universal Design".
pub const PALETTE: [RGBColor; 8] = [
    RGBColor(0, 0, 0),
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(213, 94, 0),
    RGBColor(240, 228, 66),
];
const STABLE: RGBColor = RGBColor(86, 180, 233);
const CRISIS: RGBColor = RGBColor(213, 94, 0);
const UP: RGBColor = RGBColor(0, 158, 115);
const DOWN: RGBColor = RGBColor(213, 94, 0);
const GREY: RGBColor = RGBColor(110, 110, 110);

/// A phase of an order, shaded from `from` to `to` (inclusive years).
#[derive(Debug, Clone)]
pub struct Phase {
    pub from: i32,
    pub to: i32,
    pub crisis: bool,
}

/// A chronology entry: cooperation (marker pointing up, at the top) or
/// competition (pointing down, at the bottom).
#[derive(Debug, Clone)]
pub struct Marker {
    pub year: i32,
    pub up: bool,
}

/// One yearly series; years without a value break the line.
#[derive(Debug, Clone)]
pub struct Line {
    pub label: String,
    pub points: Vec<(i32, f64)>,
    pub color: RGBColor,
    pub width: u32,
}

/// Everything one chart shows.
#[derive(Debug, Clone, Default)]
pub struct Chart {
    pub title: String,
    pub y_label: String,
    pub years: (i32, i32),
    pub height: u32,
    pub lines: Vec<Line>,
    pub phases: Vec<Phase>,
    pub turning_points: Vec<i32>,
    pub breaks: Vec<i32>,
    pub markers: Vec<Marker>,
}

fn err(e: impl std::fmt::Display) -> anyhow::Error {
    anyhow!("drawing a chart: {e}")
}

/// The value range of the lines, padded so lines and markers do not touch
/// the frame.
fn y_range(lines: &[Line], years: (i32, i32)) -> (f64, f64) {
    let values = lines
        .iter()
        .flat_map(|l| &l.points)
        .filter(|(y, _)| years.0 <= *y && *y <= years.1)
        .map(|(_, v)| *v);
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if !lo.is_finite() {
        return (-1.0, 1.0);
    }
    let pad = ((hi - lo) * 0.12).max(0.05);
    (lo - pad, hi + pad)
}

/// A y-axis tick label with as many decimals as the axis's span needs, and
/// no `-0`.
fn tick(v: f64, span: f64) -> String {
    let d = if span >= 100.0 {
        0
    } else if span >= 10.0 {
        1
    } else {
        2
    };
    super::table::fixed(v, d)
}

/// Runs of consecutive years, so a missing year is a gap in the line.
fn runs(points: &[(i32, f64)], years: (i32, i32)) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut last: Option<i32> = None;
    for &(y, v) in points
        .iter()
        .filter(|(y, _)| years.0 <= *y && *y <= years.1)
    {
        if last != Some(y - 1) {
            out.push(Vec::new());
        }
        out.last_mut().expect("pushed").push((f64::from(y), v));
        last = Some(y);
    }
    out
}

/// The chart as an SVG document.
pub fn render(chart: &Chart) -> anyhow::Result<String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, chart.height)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let (plot_area, legend_area) = root.split_horizontally(WIDTH - LEGEND_WIDTH);
        let (x0, x1) = (
            f64::from(chart.years.0) - 0.5,
            f64::from(chart.years.1) + 0.5,
        );
        let (lo, hi) = y_range(&chart.lines, chart.years);
        let mut plot = ChartBuilder::on(&plot_area)
            .caption(&chart.title, ("sans-serif", 17))
            .margin(8)
            .x_label_area_size(34)
            .y_label_area_size(72)
            .build_cartesian_2d(x0..x1, lo..hi)
            .map_err(err)?;
        plot.configure_mesh()
            .disable_x_mesh()
            .light_line_style(RGBColor(235, 235, 235))
            .x_desc("year")
            .y_desc(chart.y_label.as_str())
            .x_label_formatter(&|v| format!("{v:.0}"))
            .y_label_formatter(&|v| tick(*v, hi - lo))
            .label_style(("sans-serif", 13))
            .axis_desc_style(("sans-serif", 13))
            .draw()
            .map_err(err)?;
        let clip = |from: i32, to: i32| {
            (
                f64::from(from.max(chart.years.0)) - 0.5,
                f64::from(to.min(chart.years.1)) + 0.5,
            )
        };
        plot.draw_series(
            chart
                .phases
                .iter()
                .filter(|p| p.to >= chart.years.0 && p.from <= chart.years.1)
                .map(|p| {
                    let (a, b) = clip(p.from, p.to);
                    let color = if p.crisis { CRISIS } else { STABLE };
                    Rectangle::new([(a, lo), (b, hi)], color.mix(0.16).filled())
                }),
        )
        .map_err(err)?;
        let in_range = |y: &&i32| chart.years.0 <= **y && **y <= chart.years.1;
        for &t in chart.turning_points.iter().filter(in_range) {
            let x = f64::from(t);
            plot.draw_series(LineSeries::new(
                vec![(x, lo), (x, hi)],
                BLACK.stroke_width(1),
            ))
            .map_err(err)?;
        }
        for &b in chart.breaks.iter().filter(in_range) {
            let x = f64::from(b);
            plot.draw_series(DashedLineSeries::new(
                vec![(x, lo), (x, hi)],
                6,
                4,
                GREY.stroke_width(2),
            ))
            .map_err(err)?;
        }
        for line in &chart.lines {
            for run in runs(&line.points, chart.years) {
                if run.len() == 1 {
                    plot.draw_series(std::iter::once(Circle::new(run[0], 2, line.color.filled())))
                        .map_err(err)?;
                } else {
                    plot.draw_series(LineSeries::new(run, line.color.stroke_width(line.width)))
                        .map_err(err)?;
                }
            }
        }
        let span = hi - lo;
        for m in chart.markers.iter().filter(|m| in_range(&&m.year)) {
            let (y, color, shape) = if m.up {
                (hi - span * 0.04, UP, vec![(0, -6), (6, 5), (-6, 5)])
            } else {
                (lo + span * 0.04, DOWN, vec![(0, 6), (6, -5), (-6, -5)])
            };
            plot.draw_series(std::iter::once(
                EmptyElement::at((f64::from(m.year), y))
                    + Polygon::new(shape, color.mix(0.85).filled()),
            ))
            .map_err(err)?;
        }
        draw_legend(&legend_area, chart)?;
        root.present().map_err(err)?;
    }
    Ok(svg)
}

/// The legend, drawn in its own strip so it never hides data.
fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    chart: &Chart,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let style = ("sans-serif", 12).into_font().color(&BLACK);
    let mut y = 34;
    let mut entry =
        |swatch: &dyn Fn(i32) -> anyhow::Result<()>, label: &str| -> anyhow::Result<()> {
            swatch(y)?;
            area.draw_text(label, &style, (34, y - 6)).map_err(err)?;
            y += 19;
            Ok(())
        };
    for line in &chart.lines {
        let (c, w) = (line.color, line.width);
        entry(
            &|y| {
                area.draw(&PathElement::new(vec![(6, y), (28, y)], c.stroke_width(w)))
                    .map_err(err)
            },
            &line.label,
        )?;
    }
    let years = |y: &i32| chart.years.0 <= *y && *y <= chart.years.1;
    let phase = |crisis: bool| chart.phases.iter().any(|p| p.crisis == crisis);
    for (crisis, label) in [(false, "stable phase"), (true, "crisis phase")] {
        if phase(crisis) {
            let c = if crisis { CRISIS } else { STABLE };
            entry(
                &|y| {
                    area.draw(&Rectangle::new(
                        [(6, y - 6), (28, y + 6)],
                        c.mix(0.3).filled(),
                    ))
                    .map_err(err)
                },
                label,
            )?;
        }
    }
    if chart.turning_points.iter().any(years) {
        entry(
            &|y| {
                area.draw(&PathElement::new(
                    vec![(17, y - 7), (17, y + 7)],
                    BLACK.stroke_width(1),
                ))
                .map_err(err)
            },
            "turning point",
        )?;
    }
    if chart.breaks.iter().any(years) {
        entry(
            &|y| {
                area.draw(&PathElement::new(
                    vec![(17, y - 7), (17, y - 2)],
                    GREY.stroke_width(2),
                ))
                .and_then(|()| {
                    area.draw(&PathElement::new(
                        vec![(17, y + 2), (17, y + 7)],
                        GREY.stroke_width(2),
                    ))
                })
                .map_err(err)
            },
            "detected change point",
        )?;
    }
    for (up, label) in [
        (true, "chronology: cooperation"),
        (false, "chronology: competition"),
    ] {
        if chart.markers.iter().any(|m| m.up == up && years(&m.year)) {
            let (c, shape) = if up {
                (UP, vec![(17, -6), (23, 5), (11, 5)])
            } else {
                (DOWN, vec![(17, 6), (23, -5), (11, -5)])
            };
            entry(
                &|y| {
                    let pts: Vec<(i32, i32)> = shape.iter().map(|(dx, dy)| (*dx, y + dy)).collect();
                    area.draw(&Polygon::new(pts, c.mix(0.85).filled()))
                        .map_err(err)
                },
                label,
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_years_break_the_line_and_out_of_range_years_are_dropped() {
        let pts = vec![(1990, 1.0), (1991, 2.0), (1993, 3.0), (2001, 4.0)];
        let r = runs(&pts, (1990, 2000));
        assert_eq!(
            r,
            vec![vec![(1990.0, 1.0), (1991.0, 2.0)], vec![(1993.0, 3.0)]]
        );
    }

    #[test]
    fn tick_labels_fit_the_span_and_never_show_minus_zero() {
        assert_eq!(tick(25000.0, 26000.0), "25000");
        assert_eq!(tick(-0.001, 1.4), "0.00");
        assert_eq!(tick(-0.5, 1.4), "-0.50");
        assert_eq!(tick(12.345, 40.0), "12.3");
    }

    #[test]
    fn the_range_is_padded_and_an_empty_chart_gets_a_unit_range() {
        let l = Line {
            label: "x".into(),
            points: vec![(2000, 0.0), (2001, 1.0)],
            color: PALETTE[0],
            width: 1,
        };
        let (lo, hi) = y_range(&[l], (1990, 2010));
        assert!((lo + 0.12).abs() < 1e-12 && (hi - 1.12).abs() < 1e-12);
        assert_eq!(y_range(&[], (1990, 2010)), (-1.0, 1.0));
    }

    #[test]
    fn a_chart_is_svg_with_its_title_legend_and_shaded_phases() {
        let chart = Chart {
            title: "Test chart".into(),
            y_label: "index".into(),
            years: (1930, 1945),
            height: 300,
            lines: vec![Line {
                label: "cooperation index".into(),
                points: (1930..=1945).map(|y| (y, f64::from(y - 1937))).collect(),
                color: PALETTE[0],
                width: 3,
            }],
            phases: vec![Phase {
                from: 1936,
                to: 1941,
                crisis: true,
            }],
            turning_points: vec![1936],
            breaks: vec![1941],
            markers: vec![
                Marker {
                    year: 1933,
                    up: true,
                },
                Marker {
                    year: 1941,
                    up: false,
                },
            ],
        };
        let svg = render(&chart).unwrap();
        assert!(svg.starts_with("<svg"), "{}", &svg[..60]);
        for text in [
            "Test chart",
            "cooperation index",
            "crisis phase",
            "turning point",
            "detected change point",
            "chronology: cooperation",
            "chronology: competition",
            "1940",
        ] {
            assert!(svg.contains(text), "missing {text}");
        }
        assert!(!svg.contains("stable phase"), "no stable phase was given");
        assert_eq!(svg, render(&chart).unwrap(), "charts are deterministic");
    }
}
