//! `ordo serve`: the web dashboard and its JSON API.

use crate::context::Context;
use clap::Args;

/// The dashboard: a dyad picker with type-ahead over every name ordo
/// knows, the dyad's timeline (cooperation index and components, phases,
/// turning points, change points, chronology; zoom, hover, click for the
/// year's chronology entries and ingested events), the instability of the
/// order, and the panel. Its JSON API (`/api/openapi.json`) answers with
/// the tables the CLI prints. Binds to loopback by default; SQL through
/// the API is read-only and limited.
#[derive(Args)]
#[command(
    after_long_help = "Examples:\n  ordo serve\n  ordo serve --addr 127.0.0.1:9000\n  curl -s localhost:8080/api/test/ITA/RUS"
)]
pub struct ServeArgs {
    /// Address to listen on (port 0 picks a free port, printed at start)
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: std::net::SocketAddr,
    /// Time limit of a query through /api/sql, in milliseconds
    #[arg(long, default_value_t = 10_000)]
    sql_timeout_ms: u64,
    /// Rows kept from a query through /api/sql
    #[arg(long, default_value_t = 10_000)]
    max_rows: usize,
}

pub fn run(ctx: &Context, args: ServeArgs) -> anyhow::Result<()> {
    if !args.addr.ip().is_loopback() {
        eprintln!(
            "warning: listening on {}: anyone who can reach it can read the data and run read-only SQL",
            args.addr
        );
    }
    let limits = ordo_server::Limits {
        max_rows: args.max_rows,
        sql_timeout: std::time::Duration::from_millis(args.sql_timeout_ms),
    };
    ordo_server::serve(ctx.session.clone(), args.addr, limits)
}
