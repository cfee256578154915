//! The check a query passes before `Engine::read_only` runs it: one
//! `SELECT` (or `WITH … SELECT`, `VALUES`), reading only ordo's tables.
//!
//! DataFusion's `SQLOptions` already refuse DDL, DML and session
//! statements; this adds what they do not cover for a query that arrives
//! over HTTP: table functions (a name with arguments in `FROM`, the way a
//! query could name a file) and relations that are not registered tables.
//! Written against the parser's visitor because the rule is about the
//! query's structure, which string matching gets wrong.

use crate::StoreError;
use datafusion::sql::parser::{DFParser, Statement};
use datafusion::sql::sqlparser::ast::{self, TableFactor, Visit, Visitor};
use std::collections::BTreeSet;
use std::ops::ControlFlow;

/// Refuses anything but one query over `known` tables (lower-case names,
/// unqualified).
pub fn check(query: &str, known: &BTreeSet<String>) -> Result<(), StoreError> {
    let refused = |m: String| Err(StoreError::Refused(m));
    let statements = DFParser::parse_sql(query)?;
    if statements.len() != 1 {
        return refused(format!(
            "exactly one statement is allowed, got {}",
            statements.len()
        ));
    }
    let Statement::Statement(statement) = &statements[0] else {
        return refused(
            "only queries (SELECT) are allowed: no CREATE EXTERNAL TABLE, COPY, EXPLAIN or RESET"
                .into(),
        );
    };
    if !matches!(**statement, ast::Statement::Query(_)) {
        return refused(
            "only queries (SELECT) are allowed: no DDL, DML or session statements".into(),
        );
    }
    let mut walk = Walk::default();
    if let ControlFlow::Break(message) = statement.visit(&mut walk) {
        return refused(message);
    }
    for name in &walk.relations {
        if !known.contains(name) && !walk.ctes.contains(name) {
            return refused(format!(
                "unknown table `{name}`: queries may read ordo's tables only (SELECT table_name FROM information_schema.tables lists them)"
            ));
        }
    }
    Ok(())
}

/// Refuses plans with a join that has no equality condition (nested-loop
/// or cross joins): one such step can compute for hours without yielding,
/// and no time limit can stop it in between. `ordo sql` runs them.
pub fn check_plan(
    plan: &std::sync::Arc<dyn datafusion::physical_plan::ExecutionPlan>,
) -> Result<(), StoreError> {
    let name = plan.name();
    if name == "NestedLoopJoinExec" || name == "CrossJoinExec" {
        return Err(StoreError::Refused(
            "joins without an equality condition (cross or nested-loop joins) are not run through the API: they can compute for hours; use `ordo sql`".into(),
        ));
    }
    plan.children().into_iter().try_for_each(check_plan)
}

#[derive(Default)]
struct Walk {
    relations: BTreeSet<String>,
    ctes: BTreeSet<String>,
}

/// The table part of a possibly qualified name, as DataFusion would fold it.
fn last_part(name: &ast::ObjectName) -> String {
    let text = name.to_string();
    let last = text.rsplit('.').next().unwrap_or(&text);
    if last.starts_with('"') {
        last.trim_matches('"').to_string()
    } else {
        last.to_lowercase()
    }
}

impl Visitor for Walk {
    type Break = String;

    fn pre_visit_query(&mut self, q: &ast::Query) -> ControlFlow<String> {
        if let Some(with) = &q.with {
            for cte in &with.cte_tables {
                self.ctes.insert(cte.alias.name.value.to_lowercase());
            }
        }
        ControlFlow::Continue(())
    }

    fn pre_visit_table_factor(&mut self, t: &TableFactor) -> ControlFlow<String> {
        match t {
            TableFactor::Table {
                name,
                args: Some(_),
                ..
            } => ControlFlow::Break(format!(
                "table functions are not allowed (`{name}(…)`): they can read files"
            )),
            TableFactor::Table { name, .. } => {
                self.relations.insert(last_part(name));
                ControlFlow::Continue(())
            }
            TableFactor::TableFunction { .. } | TableFactor::Function { .. } => {
                ControlFlow::Break("table functions are not allowed: they can read files".into())
            }
            _ => ControlFlow::Continue(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> BTreeSet<String> {
        ["dyad_years", "tables", "cow_states"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    fn refused(q: &str) -> String {
        match check(q, &known()) {
            Err(StoreError::Refused(m)) => m,
            Err(e) => format!("error: {e}"),
            Ok(()) => panic!("accepted: {q}"),
        }
    }

    #[test]
    fn queries_over_known_tables_and_ctes_pass() {
        for q in [
            "SELECT year, un_agree FROM dyad_years WHERE ccode1 = 325 ORDER BY 1",
            "SELECT table_name FROM information_schema.tables",
            "WITH x AS (SELECT * FROM dyad_years) SELECT count(*) FROM x JOIN cow_states c ON true",
            "SELECT * FROM (SELECT 1 AS a) t",
            "SELECT 1 + 1",
        ] {
            check(q, &known()).unwrap_or_else(|e| panic!("{q}: {e}"));
        }
    }

    #[test]
    fn writes_file_reads_and_unknown_tables_are_refused() {
        assert!(
            refused("CREATE EXTERNAL TABLE t STORED AS CSV LOCATION '/etc/passwd'")
                .contains("only queries")
        );
        assert!(refused("COPY (SELECT 1) TO '/tmp/x.csv'").contains("only queries"));
        assert!(refused("INSERT INTO dyad_years VALUES (1)").contains("only queries"));
        assert!(refused("DROP TABLE dyad_years").contains("only queries"));
        assert!(refused("SET datafusion.execution.batch_size = 1").contains("only queries"));
        assert!(refused("SELECT * FROM read_csv('/etc/passwd')").contains("table functions"));
        assert!(refused(
            "SELECT * FROM dyad_years WHERE year IN (SELECT y FROM read_parquet('/x'))"
        )
        .contains("table functions"));
        assert!(refused("SELECT * FROM '/etc/passwd'").contains("unknown table"));
        assert!(refused("SELECT 1; SELECT 2").contains("exactly one"));
        assert!(refused("SELEC oops").starts_with("error"));
    }
}
