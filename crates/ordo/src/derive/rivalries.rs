//! Strategic rivalries of the two beginning and ending (Thompson, Sakuwa and
//! Suhas's list: start and end years, and the rivalry's types). The list
//! gives the last year of its coverage (2020 in the 2021 release) as the end
//! of the 56 rivalries still running then: an end in that year is read as
//! "ongoing", never dated as a rivalry ending.

use super::{Ctx, Found};
use crate::columns::{ints, texts};
use ordo_analysis::derive_recipe::{Rule, RuleKind};

const TYPES: [&str; 4] = ["positional", "spatial", "ideological", "interventionary"];

pub(super) fn find(ctx: &Ctx, rule: &Rule) -> anyhow::Result<Vec<Found>> {
    let begin = rule.kind == RuleKind::RivalryBegin;
    let batches = ctx.sql(&format!(
        "SELECT tssr_id, rivalry, start, \"end\", (SELECT MAX(\"end\") FROM tss_rivalries) AS last, {} FROM tss_rivalries \
         WHERE (ccode1 = {lo} AND ccode2 = {hi}) OR (ccode1 = {hi} AND ccode2 = {lo}) ORDER BY start, tssr_id",
        TYPES.join(", "),
        lo = ctx.lo,
        hi = ctx.hi
    ))?;
    let mut out = Vec::new();
    for b in &batches {
        let last = ints(b, "last");
        let (id, name, start) = (ints(b, "tssr_id"), texts(b, "rivalry"), ints(b, "start"));
        // the coverage's last year is not an end (see above)
        let end: Vec<Option<i64>> = ints(b, "end")
            .into_iter()
            .zip(&last)
            .map(|(e, l)| e.filter(|e| Some(*e) != *l))
            .collect();
        let kinds: Vec<Vec<Option<i64>>> = TYPES.iter().map(|t| ints(b, t)).collect();
        for i in 0..b.num_rows() {
            let Some(y) = (if begin { start[i] } else { end[i] }) else {
                // an ongoing rivalry has no end year: nothing to date
                continue;
            };
            let types: Vec<&str> = TYPES
                .iter()
                .zip(&kinds)
                .filter(|(_, k)| k[i] == Some(1))
                .map(|(t, _)| *t)
                .collect();
            let name = name[i].clone().unwrap_or_default();
            let span = format!(
                "{}-{}",
                start[i].map_or("?".into(), |v| v.to_string()),
                end[i].map_or(format!("ongoing in {}", last[i].unwrap_or(0)), |v| v
                    .to_string())
            );
            out.push(Found {
                date: format!("{y:04}-01-01"),
                precision: "year",
                end: None,
                actor: ctx.abb_lo.clone(),
                target: ctx.abb_hi.clone(),
                stance: rule.stance.clone().unwrap_or_default(),
                summary: format!(
                    "strategic rivalry {name} {} ({span}; {})",
                    if begin { "begins" } else { "ends" },
                    if types.is_empty() {
                        "type not coded".to_string()
                    } else {
                        types.join(", ")
                    }
                ),
                dataset: "tss_rivalries",
                key: format!("tss_rivalries tssr_id={}", id[i].unwrap_or(0)),
                note: String::new(),
            });
        }
    }
    Ok(out)
}
