//! The dashboard in a real browser: `e2e/dashboard.mjs` drives Debian's
//! headless Chromium through playwright-core against a running `ordo
//! serve` (type-ahead, timeline with phases, hover value, click-through to
//! a chronology entry) and renders the HTML report. Screenshots are kept
//! in `target/e2e-artifacts/`.
//!
//! Needs /usr/bin/chromium and `npm ci --prefix e2e` (`.ci/run` installs
//! both). Without them the test fails under CI (`CI` set) and otherwise
//! says what to install and passes, so `cargo test` works on a laptop
//! without a browser.

#[allow(dead_code)] // each test binary uses part of the helpers
mod common;
#[allow(dead_code)]
#[path = "common/server.rs"]
mod server;

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

#[test]
fn the_dashboard_works_in_headless_chromium() {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let playwright = repo().join("e2e/node_modules/playwright-core");
    if !Path::new(&chromium).exists() || !playwright.exists() {
        let missing = format!(
            "browser test needs {chromium} (apt-get install chromium) and {} (npm ci --prefix e2e)",
            playwright.display()
        );
        assert!(std::env::var_os("CI").is_none(), "{missing}");
        eprintln!("skipped: {missing}");
        return;
    }
    let artifacts = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("../e2e-artifacts");
    std::fs::create_dir_all(&artifacts).unwrap();
    let reports = artifacts.join("report");
    let o = common::ordo(&["report", "ITA", "RUS", "--out", reports.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let s = server::Server::start(&[]);
    let out = Command::new("node")
        .arg(repo().join("e2e/dashboard.mjs"))
        .arg(&s.base)
        .arg(&artifacts)
        .arg(reports.join("ordo-report-ITA-RUS.html"))
        .env("CHROMIUM", &chromium)
        .output()
        .expect("node runs");
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!("{log}");
    assert!(
        out.status.success(),
        "browser test failed (screenshots in {}):\n{log}",
        artifacts.display()
    );
    for shot in [
        "dashboard-timeline.png",
        "dashboard-hover.png",
        "dashboard-entry.png",
        "dashboard-system.png",
        "report.png",
    ] {
        assert!(
            artifacts
                .join(shot)
                .metadata()
                .map(|m| m.len() > 10_000)
                .unwrap_or(false),
            "{shot} saved"
        );
    }
}
