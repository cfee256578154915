//! The dashboard and its JSON API, an axum app (`ordo serve`).
//!
//! Every API answer is the table an `ordo` command prints (the same library
//! call, rendered as the CLI's `--format json`), so the dashboard and the
//! CLI cannot disagree; each answer names its command. Answers are pure functions of the data directory and ordo's
//! version, so they are cached in memory for the life of the server
//! (event-store answers are not: an ingest may run beside the server).
//!
//! Safety: loopback by default, read-only SQL with row and time limits
//! (`Engine::read_only`), bodies and query strings size-limited, static
//! files from a fixed embedded list (no path ever reaches the filesystem),
//! errors as JSON `{"error", "status"}` with no internals.

mod api;
mod assets;

use axum::body::Bytes;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use ordo::Session;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Largest request body (the SQL endpoint's JSON) in bytes.
pub const MAX_BODY: usize = 16 * 1024;
/// Longest SQL text in bytes.
pub const MAX_SQL: usize = 8 * 1024;

/// Limits of `/api/sql` (`ordo serve --max-rows --sql-timeout-ms`).
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Rows kept from an answer.
    pub max_rows: usize,
    /// Time after which a query is cancelled.
    pub sql_timeout: std::time::Duration,
}
/// Answers kept in the cache before it is emptied.
const CACHE_ENTRIES: usize = 512;

/// What the handlers share.
pub struct App {
    pub session: Session,
    pub limits: Limits,
    cache: Mutex<HashMap<String, Bytes>>,
    /// Computations at once (the machine's cores); more requests wait.
    permits: tokio::sync::Semaphore,
}

impl App {
    pub fn new(session: Session, limits: Limits) -> Arc<App> {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Arc::new(App {
            session,
            limits,
            cache: Mutex::new(HashMap::new()),
            permits: tokio::sync::Semaphore::new(cores),
        })
    }

    /// Runs `compute` on a blocking thread (DataFusion runs its own
    /// runtime), caching a successful answer under `key` when given.
    pub async fn answer<F>(self: &Arc<App>, key: Option<String>, compute: F) -> Response
    where
        F: FnOnce(&Session) -> Result<serde_json::Value, ApiError> + Send + 'static,
    {
        if let Some(k) = &key {
            if let Some(hit) = self.cache.lock().ok().and_then(|c| c.get(k).cloned()) {
                return json_bytes(StatusCode::OK, hit);
            }
        }
        let Ok(_permit) = self.permits.acquire().await else {
            return ApiError::internal("the server is shutting down").into_response();
        };
        let app = Arc::clone(self);
        let result = tokio::task::spawn_blocking(move || compute(&app.session)).await;
        let value = match result {
            Ok(Ok(v)) => v,
            Ok(Err(e)) => return e.into_response(),
            Err(_) => return ApiError::internal("the computation failed").into_response(),
        };
        let bytes = Bytes::from(serde_json::to_vec(&value).unwrap_or_default());
        if let (Some(k), Ok(mut cache)) = (key, self.cache.lock()) {
            if cache.len() >= CACHE_ENTRIES {
                cache.clear();
            }
            cache.insert(k, bytes.clone());
        }
        json_bytes(StatusCode::OK, bytes)
    }
}

fn json_bytes(status: StatusCode, bytes: impl Into<Bytes>) -> Response {
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        bytes.into(),
    )
        .into_response()
}

/// An error answer: a status and a message for the user, as JSON.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }
    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({"error": self.message, "status": self.status.as_u16()});
        json_bytes(self.status, body.to_string().into_bytes())
    }
}

/// Headers on every answer: no MIME sniffing, no framing, and pages may
/// load only their own scripts and styles.
async fn harden(mut response: Response) -> Response {
    let h = response.headers_mut();
    h.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    h.insert("x-frame-options", HeaderValue::from_static("DENY"));
    h.insert(
        "content-security-policy",
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'",
        ),
    );
    response
}

/// The app's routes.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(assets::index))
        .route("/static/{*file}", get(assets::file))
        .merge(api::routes())
        .fallback(|| async { ApiError::new(StatusCode::NOT_FOUND, "no such page or API route") })
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY))
        .layer(axum::middleware::map_response(harden))
        .with_state(app)
}

/// Serves until interrupted.
pub fn serve(session: Session, addr: std::net::SocketAddr, limits: Limits) -> anyhow::Result<()> {
    // Fail now, not on the first request, when the data are missing.
    session.states()?;
    let app = App::new(session, limits);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| anyhow::anyhow!("cannot listen on {addr}: {e}"))?;
        let bound = listener.local_addr()?;
        // Build the derived tables into the store's cache now, so that the
        // first SQL query's time limit is not spent building them.
        let warm = Arc::clone(&app);
        tokio::task::spawn_blocking(move || {
            let built = warm
                .session
                .sql("SELECT count(*) FROM dyad_years")
                .and_then(ordo::Query::collect);
            if let Err(e) = built {
                eprintln!("warning: building the dyad-year frame failed: {e:#}");
            }
        });
        eprintln!("ordo dashboard on http://{bound}/ (API: http://{bound}/api/openapi.json); Ctrl-C stops it");
        axum::serve(listener, router(app))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        Ok(())
    })
}
