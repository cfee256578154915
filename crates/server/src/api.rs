//! The JSON API. Each route makes the library calls of the `ordo` commands
//! it names and answers with their tables as `{"command", "rows",
//! "sources"}`, `rows` being exactly what `ordo <command> --format json`
//! prints. Documented in
//! `assets/openapi.json` (served at `/api/openapi.json`).

use super::{ApiError, App, MAX_SQL};
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use ordo::{Session, Table};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::Arc;

type Params = Result<Query<HashMap<String, String>>, QueryRejection>;
type Dyad = Result<Path<(String, String)>, PathRejection>;

pub fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/api/openapi.json", get(super::assets::openapi))
        .route("/api/states", get(states))
        .route("/api/dyad/{a}/{b}", get(dyad))
        .route("/api/test/{a}/{b}", get(test))
        .route("/api/events/{a}/{b}", get(events))
        .route("/api/events/{a}/{b}/rows", get(event_rows))
        .route("/api/system", get(system))
        .route("/api/panel", get(panel))
        .route("/api/sql", get(sql_get).post(sql_post))
}

/// A table as the CLI's JSON output.
pub fn table_value(command: &str, t: &Table) -> Result<Value, ApiError> {
    let mut buf = Vec::new();
    {
        let mut w = ordo::output::json_writer(&mut buf);
        for b in &t.batches {
            w.write(b).map_err(|e| ApiError::internal(e.to_string()))?;
        }
        w.finish().map_err(|e| ApiError::internal(e.to_string()))?;
    }
    let rows: Value = if buf.is_empty() {
        json!([])
    } else {
        serde_json::from_slice(&buf).map_err(|e| ApiError::internal(e.to_string()))?
    };
    Ok(json!({"command": command, "rows": rows, "sources": t.sources}))
}

/// The answer labelled `ordo <words>` (the command the call equals; a
/// label, never run) from the result of its library call; an error is returned as `{"command",
/// "error"}` when `soft` (a part of a page that some dyads lack, e.g. a
/// chronology), else as a 4xx/5xx answer.
fn table(words: &[&str], result: anyhow::Result<Table>, soft: bool) -> Result<Value, ApiError> {
    let command = format!("ordo {}", words.join(" "));
    match result {
        Ok(t) => table_value(&command, &t),
        Err(e) if soft => Ok(json!({"command": command, "error": format!("{e:#}")})),
        Err(e) => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("{command}: {e:#}"),
        )),
    }
}

/// Resolves both states (404 with suggestions when one is unknown) and
/// returns their COW abbreviations and names.
fn resolve(session: &Session, a: &str, b: &str) -> Result<[(u16, String, String); 2], ApiError> {
    let states = session
        .states()
        .map_err(|e| ApiError::internal(format!("{e:#}")))?;
    let r = states.resolver();
    let one = |s: &str| {
        r.resolve(s)
            .map(|x| (x.state.code.0, x.state.abbrev.clone(), x.state.name.clone()))
            .map_err(|e| ApiError::new(StatusCode::NOT_FOUND, e.to_string()))
    };
    let (x, y) = (one(a)?, one(b)?);
    if x.0 == y.0 {
        return Err(ApiError::bad_request(format!(
            "a dyad needs two different states ({a} and {b} are the same state)"
        )));
    }
    Ok([x, y])
}

fn state_value(s: &(u16, String, String)) -> Value {
    json!({"ccode": s.0, "abbrev": s.1, "name": s.2})
}

fn path_error(e: PathRejection) -> ApiError {
    ApiError::bad_request(format!("bad path: {e}"))
}

fn query_error(e: QueryRejection) -> ApiError {
    ApiError::bad_request(format!("bad query string: {e}"))
}

/// Type-ahead over every name ordo knows (English, Italian, French,
/// Russian, COW names and abbreviations): states whose name starts with the
/// typed text, then those containing it.
async fn states(State(app): State<Arc<App>>, q: Params) -> Response {
    let Ok(Query(q)) = q else {
        return ApiError::bad_request("bad query string").into_response();
    };
    let text = q.get("q").cloned().unwrap_or_default();
    if text.len() > 100 {
        return ApiError::bad_request("q is longer than 100 bytes").into_response();
    }
    app.answer(Some(format!("states?{text}")), move |session| {
        let states = session
            .states()
            .map_err(|e| ApiError::internal(format!("{e:#}")))?;
        Ok(json!({"query": text, "states": suggestions(states, &text)}))
    })
    .await
}

/// At most 12 states matching `text`, best first: exact, prefix, contains.
pub fn suggestions(states: &ordo_states::States, text: &str) -> Vec<Value> {
    let key = ordo_states::names::normalize(text);
    if key.is_empty() {
        return Vec::new();
    }
    let mut best: HashMap<u16, (u8, String, String)> = HashMap::new();
    for (k, entry) in states.names.keys() {
        let rank = if k == key {
            0
        } else if k.starts_with(&key) {
            1
        } else if k.contains(&key) {
            2
        } else {
            continue;
        };
        let c = entry.ccode.0;
        let cand = (rank, entry.name.clone(), entry.lang.clone());
        if best
            .get(&c)
            .is_none_or(|b| (cand.0, cand.1.len()) < (b.0, b.1.len()))
        {
            best.insert(c, cand);
        }
    }
    let mut out: Vec<_> = best.into_iter().collect();
    out.sort_by(|x, y| (x.1 .0, &x.1 .1, x.0).cmp(&(y.1 .0, &y.1 .1, y.0)));
    out.into_iter()
        .take(12)
        .filter_map(|(c, (_, name, lang))| {
            let s = states.system.get(ordo_states::StateCode(c))?;
            let years = match (s.spells.first(), s.spells.last()) {
                (Some(f), Some(l)) => format!("{}-{}", f.start.format("%Y"), l.end.format("%Y")),
                _ => String::new(),
            };
            Some(json!({"ccode": c, "abbrev": s.abbrev, "name": s.name, "matched": name, "lang": lang, "years": years}))
        })
        .collect()
}

/// The dyad timeline's data: the cooperation index and components, the
/// periodization, the chronology, the change points and every dyad-year
/// measure (trade, UN agreement).
async fn dyad(State(app): State<Arc<App>>, path: Dyad) -> Response {
    let Path((a, b)) = match path {
        Ok(p) => p,
        Err(e) => return path_error(e).into_response(),
    };
    app.answer(Some(format!("dyad/{a}/{b}")), move |s| {
        use ordo::{breaks, chronology, cooperation, dyad};
        let [x, y] = resolve(s, &a, &b)?;
        let (a, b) = (x.1.as_str(), y.1.as_str());
        let (sa, sb) = (a.to_string(), b.to_string());
        let coop = cooperation::CooperationOptions {
            a: sa.clone(),
            b: sb.clone(),
            ..Default::default()
        };
        let chrono = chronology::ChronologyOptions {
            a: sa.clone(),
            b: sb.clone(),
            ..Default::default()
        };
        let breaks = breaks::BreaksOptions {
            series: "cooperation".into(),
            states: vec![sa.clone(), sb.clone()],
            ..Default::default()
        };
        let dyad = dyad::DyadOptions {
            a: sa,
            b: sb,
            ..Default::default()
        };
        Ok(json!({
            "a": state_value(&x),
            "b": state_value(&y),
            "cooperation": table(&["cooperation", a, b], s.cooperation(&coop), false)?,
            "periods": table(&["periods"], s.periods(None), false)?,
            "chronology": table(&["chronology", a, b], s.chronology(&chrono), true)?,
            "breaks": table(&["breaks", "cooperation", a, b], s.breaks(&breaks), true)?,
            "dyad": table(&["dyad", a, b], s.dyad(&dyad).and_then(ordo::Query::collect), false)?,
        }))
    })
    .await
}

/// The hypothesis test (`ordo test A B`).
async fn test(State(app): State<Arc<App>>, path: Dyad) -> Response {
    let Path((a, b)) = match path {
        Ok(p) => p,
        Err(e) => return path_error(e).into_response(),
    };
    app.answer(Some(format!("test/{a}/{b}")), move |s| {
        let [x, y] = resolve(s, &a, &b)?;
        let options = ordo::test::TestOptions {
            a: x.1.clone(),
            b: y.1.clone(),
            ..Default::default()
        };
        let mut v = table(&["test", &x.1, &y.1], s.test(&options), false)?;
        v["a"] = state_value(&x);
        v["b"] = state_value(&y);
        Ok(v)
    })
    .await
}

/// A dyad path with its query string, or the 400 answer.
fn dyad_query(
    path: Dyad,
    q: Params,
) -> Result<(String, String, HashMap<String, String>), ApiError> {
    match (path, q) {
        (Ok(Path((a, b))), Ok(Query(q))) => Ok((a, b, q)),
        (Err(e), _) => Err(path_error(e)),
        (_, Err(e)) => Err(query_error(e)),
    }
}

/// Event series of the dyad from the event store (`ordo events A B --by`).
async fn events(State(app): State<Arc<App>>, path: Dyad, q: Params) -> Response {
    let (a, b, q) = match dyad_query(path, q) {
        Ok(x) => x,
        Err(e) => return e.into_response(),
    };
    let by = q.get("by").cloned().unwrap_or_else(|| "month".into());
    if !["month", "quarter", "year"].contains(&by.as_str()) {
        return ApiError::bad_request("by must be month, quarter or year").into_response();
    }
    app.answer(None, move |s| {
        let [x, y] = resolve(s, &a, &b)?;
        let options = ordo::events::EventsOptions {
            a: Some(x.1.clone()),
            b: Some(y.1.clone()),
            by: by.clone(),
            ..Default::default()
        };
        table(
            &["events", &x.1, &y.1, "--by", &by],
            s.events(&options),
            false,
        )
    })
    .await
}

/// The event rows of the dyad in one year, with their source URLs, for
/// the timeline's drill-down (at most 500, by day).
async fn event_rows(State(app): State<Arc<App>>, path: Dyad, q: Params) -> Response {
    let (a, b, q) = match dyad_query(path, q) {
        Ok(x) => x,
        Err(e) => return e.into_response(),
    };
    let Some(year) = q.get("year").and_then(|y| y.parse::<i32>().ok()) else {
        return ApiError::bad_request("year=YYYY is required").into_response();
    };
    app.answer(None, move |s| {
        let [x, y] = resolve(s, &a, &b)?;
        let sql = format!(
            "SELECT day, actor1_code, actor2_code, event_code, quad_class, goldstein, mentions, source_url, file, line FROM events WHERE ((actor1 = {0} AND actor2 = {1}) OR (actor1 = {1} AND actor2 = {0})) AND year = {year} ORDER BY day, event_id LIMIT 500",
            x.0, y.0
        );
        table(&["sql", &sql], s.sql(&sql).and_then(ordo::Query::collect), false)
    })
    .await
}

/// The instability index of the order (`ordo instability`).
async fn system(State(app): State<Arc<App>>) -> Response {
    app.answer(Some("system".into()), |s| {
        let instability = s.instability(&ordo::instability::InstabilityOptions::default());
        Ok(json!({
            "instability": table(&["instability"], instability, false)?,
            "periods": table(&["periods"], s.periods(None), false)?,
        }))
    })
    .await
}

/// The panel of middle powers against the majors (`ordo panel --middle-powers`).
async fn panel(State(app): State<Arc<App>>) -> Response {
    app.answer(Some("panel".into()), |s| {
        let options = ordo::panel::PanelOptions {
            middle_powers: true,
            ..Default::default()
        };
        table(&["panel", "--middle-powers"], s.panel(&options), false)
    })
    .await
}

async fn sql_get(State(app): State<Arc<App>>, q: Params) -> Response {
    let Query(q) = match q {
        Ok(q) => q,
        Err(e) => return query_error(e).into_response(),
    };
    match q.get("q") {
        Some(sql) => run_sql(app, sql.clone()).await,
        None => ApiError::bad_request("q=SQL is required").into_response(),
    }
}

async fn sql_post(State(app): State<Arc<App>>, body: Result<Bytes, BytesRejection>) -> Response {
    let body = match body {
        Ok(b) => b,
        Err(e) => {
            return ApiError::new(e.status(), format!("bad body: {}", e.body_text()))
                .into_response()
        }
    };
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Request {
        sql: String,
    }
    match serde_json::from_slice::<Request>(&body) {
        Ok(r) => run_sql(app, r.sql).await,
        Err(e) => ApiError::bad_request(format!(
            "the body must be JSON {{\"sql\": \"SELECT …\"}}: {e}"
        ))
        .into_response(),
    }
}

/// Read-only SQL with row and time limits (see `Engine::read_only`).
async fn run_sql(app: Arc<App>, sql: String) -> Response {
    if sql.len() > MAX_SQL {
        return ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("SQL longer than {MAX_SQL} bytes"),
        )
        .into_response();
    }
    let limits = app.limits;
    app.answer(None, move |session| {
        let (engine, _world) = session
            .engine()
            .map_err(|e| ApiError::internal(format!("{e:#}")))?;
        let result = engine
            .read_only(&sql, limits.max_rows, limits.sql_timeout)
            .map_err(|e| match e {
                ordo_store::StoreError::Refused(m) => ApiError::new(StatusCode::FORBIDDEN, m),
                other => ApiError::bad_request(other.to_string()),
            })?;
        let answer = Table {
            schema: result.schema,
            batches: result.batches,
            sources: engine.provenance(),
        };
        let mut v = table_value(&format!("ordo sql {sql:?}"), &answer)?;
        v["truncated"] = json!(result.truncated);
        v["max_rows"] = json!(limits.max_rows);
        Ok(v)
    })
    .await
}
