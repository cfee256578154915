//! Temporal dependence: peace spells and their Carter–Signorino cubic terms
//! (`--spells COLUMN[,COLUMN]` on dyad and state frames).
//!
//! For each listed 0/1 event column `x`, `x_spell` counts, per unit (dyad or
//! state) in year order, the rows since the unit's last event, with
//! peacesciencer's `add_spells()` rule (its `ps_spells()`, from
//! spduration): a unit's first row is 0; each later row adds 1, except the
//! row right after an event, which is 0. The event year itself keeps the
//! running count (events in 1990 and 1993 after a quiet 1985: 1985-1990 read
//! 0-5, 1991 0, 1992 1, 1993 2, 1994 0). `x_spell2` and `x_spell3` are its
//! square and cube (Carter & Signorino 2010, "Back to the Future: Modeling
//! Time Dependence in Binary Data", Political Analysis 18(3)), which
//! peacesciencer leaves to the model formula.
//!
//! Where ordo differs, and why:
//! - Rows whose event is NULL (outside the source's years) get a NULL spell
//!   and are skipped; peacesciencer stops on them and asks the user to drop
//!   those years first.
//! - The count runs over the unit's whole history in the frame (1816-2022),
//!   then the requested years are kept, so a spell in 1990 is the same
//!   whether one asks for 1816-2022 or 1990-2000 (peacesciencer counts on
//!   the rows it is given, so subsetting years first restarts spells).
//! - As peacesciencer, rows are counted, not calendar years: a state absent
//!   for some years (Germany 1946-1990) continues its count across the gap.
//!
//! Written as SQL window functions so the engine computes them next to the
//! frame, on one dyad or on two million dyad-years alike.

use anyhow::{bail, Context as _};

/// The SQL select items of the spells of `columns` over rows of `unit`:
/// first the running event count that splits a unit's rows into spells
/// (`__spell_idK`), then the spells (which read those ids), then their
/// square and cube (which read the spells): three stages of one query.
pub(crate) struct SpellSql {
    pub ids: Vec<String>,
    pub spells: Vec<String>,
    pub powers: Vec<String>,
    /// The helper columns to drop at the end.
    pub helpers: Vec<String>,
}

impl SpellSql {
    pub fn new(unit: &[&str], columns: &[String]) -> SpellSql {
        let unit = unit.join(", ");
        let each = |f: &dyn Fn(usize, &str) -> String| -> Vec<String> {
            columns.iter().enumerate().map(|(k, c)| f(k, c)).collect()
        };
        SpellSql {
            ids: each(&|k, c| {
                format!("COALESCE(SUM(CASE WHEN \"{c}\" = 1 THEN 1 ELSE 0 END) OVER (PARTITION BY {unit} ORDER BY year ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS __spell_id{k}")
            }),
            spells: each(&|k, c| {
                format!("CASE WHEN \"{c}\" IS NULL THEN NULL ELSE CAST(ROW_NUMBER() OVER (PARTITION BY {unit}, \"{c}\" IS NULL, __spell_id{k} ORDER BY year) AS BIGINT) - 1 END AS \"{c}_spell\"")
            }),
            powers: each(&|_, c| {
                format!("\"{c}_spell\" * \"{c}_spell\" AS \"{c}_spell2\", \"{c}_spell\" * \"{c}_spell\" * \"{c}_spell\" AS \"{c}_spell3\"")
            }),
            helpers: each(&|k, _| format!("__spell_id{k}")),
        }
    }
}

/// Checks that each column exists in `schema_columns` and holds only 0, 1
/// or NULL in `relation` (a table or a parenthesised query with an alias),
/// with an error that names the frame's event columns.
pub(crate) fn check(
    engine: &ordo_store::Engine,
    frame: &str,
    schema_columns: &[String],
    relation: &str,
    columns: &[String],
) -> anyhow::Result<()> {
    for c in columns {
        if !schema_columns.iter().any(|n| n == c) {
            bail!(
                "--spells: `{c}` is not a column of the {frame} frame; event columns are 0/1 flags such as {}",
                examples(frame)
            );
        }
        let bad = engine
            .sql(&format!(
                "SELECT COUNT(*) AS n FROM {relation} WHERE \"{c}\" IS NOT NULL AND \"{c}\" NOT IN (0, 1)"
            ))
            .with_context(|| format!("--spells: checking `{c}`"))?;
        let n = crate::columns::ints(&bad[0], "n")[0].unwrap_or(0);
        if n > 0 {
            bail!(
                "--spells: `{c}` is not a 0/1 event column ({n} rows hold other values); use a flag such as {}",
                examples(frame)
            );
        }
    }
    Ok(())
}

fn examples(table: &str) -> &'static str {
    if table.ends_with("state_years") {
        "gml_mid_ongoing, gml_mid_onset, ucdp_ongoing, ucdp_onset, cowintra_ongoing"
    } else {
        "cowmid_ongoing, cowmid_onset, gmlmid_ongoing, gmlmid_onset, cowwar_inter, ucdp_interstate"
    }
}

/// The spell columns a user listed, split on commas, trimmed and deduplicated.
pub fn parse_list(items: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in items.iter().flat_map(|s| s.split(',')).map(str::trim) {
        if !c.is_empty() && !out.iter().any(|o| o == c) {
            out.push(c.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_on_commas_once_each() {
        let v = parse_list(&["a, b".into(), "a".into(), "".into(), "c".into()]);
        assert_eq!(v, ["a", "b", "c"]);
    }
}
