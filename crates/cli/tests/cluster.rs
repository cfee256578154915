//! Distributed mode end to end: a Ballista scheduler and two executors run
//! as separate `ordo cluster` processes on loopback; generated GDELT files
//! (about 280 MB, `../shared/bench/gen_gdelt.py`) are ingested through the
//! cluster and locally, and the stores, the full dyad-month aggregation, a
//! one-dyad series and SQL answers must be identical. Then one executor is
//! killed during a query: the answer must be the embedded one or a clear
//! error, never a partial table, and the store must not change.
//!
//! The processes are killed when the test ends, also when it fails (their
//! guards' `Drop`).

#![cfg(feature = "cluster")]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A child process killed (SIGKILL) and reaped when dropped.
struct Proc {
    name: String,
    child: Child,
}

impl Proc {
    fn start(name: &str, args: &[String], log: &Path) -> Proc {
        let out = std::fs::File::create(log).expect("log file");
        let child = Command::new(env!("CARGO_BIN_EXE_ordo"))
            .args(args)
            .stdout(Stdio::null())
            .stderr(out)
            .spawn()
            .expect("ordo cluster starts");
        Proc {
            name: name.to_string(),
            child,
        }
    }

    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        self.kill();
        eprintln!("stopped {}", self.name);
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// Status code of `GET path` on loopback `port`, if it answers.
fn http_status(port: u16, path: &str) -> Option<u16> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut buf = String::new();
    let _ = s.read_to_string(&mut buf);
    buf.split_whitespace().nth(1)?.parse().ok()
}

fn ordo(store: &Path, cluster: Option<&str>, args: &[&str]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_ordo"));
    c.arg("--store").arg(store);
    if let Some(url) = cluster {
        c.arg("--cluster").arg(url);
    }
    c.env_remove("ORDO_CLUSTER")
        .args(args)
        .output()
        .expect("ordo runs")
}

fn ok(o: Output, what: &str) -> String {
    assert!(
        o.status.success(),
        "{what} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("UTF-8 output")
}

/// Generates the input: four GDELT 1.0 files with distinct event ids (one
/// with URLs, the 58-column layout), and three malformed rows appended to
/// the last.
fn generate(dir: &Path) -> Vec<PathBuf> {
    let gen = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench/gen_gdelt.py");
    assert!(gen.is_file(), "{} is missing", gen.display());
    let mut files = Vec::new();
    for i in 0..4u64 {
        let path = dir.join(format!("gdelt-{i}.tsv"));
        if !path.exists() {
            let tmp = path.with_extension("part");
            let mut args = vec![
                gen.display().to_string(),
                "--rows".into(),
                "250000".into(),
                "--seed".into(),
                (11 + i).to_string(),
                "--first-id".into(),
                (300_000_000 + i * 1_000_000).to_string(),
                "--start".into(),
                "2013-04".into(),
                "--out".into(),
                tmp.display().to_string(),
            ];
            if i == 1 {
                args.push("--with-url".into());
            }
            let o = Command::new("python3")
                .args(&args)
                .output()
                .expect("python3");
            assert!(
                o.status.success(),
                "gen_gdelt.py (needs numpy): {}",
                String::from_utf8_lossy(&o.stderr)
            );
            if i == 3 {
                let mut f = std::fs::OpenOptions::new().append(true).open(&tmp).unwrap();
                // Wrong width, a bad date, and bytes that are not UTF-8.
                f.write_all(b"1\t2\t3\n").unwrap();
                let mut bad = vec!["399999999", "20131340"];
                bad.extend(std::iter::repeat_n("", 55));
                f.write_all(bad.join("\t").as_bytes()).unwrap();
                f.write_all(b"\n\xff\xfe\t\t\n").unwrap();
            }
            std::fs::rename(&tmp, &path).unwrap();
        }
        files.push(path);
    }
    files
}

/// The events table of a store, summarised so that any lost, doubled or
/// altered row changes it.
fn fingerprint(store: &Path) -> String {
    ok(
        ordo(
            store,
            None,
            &[
                "sql",
                "SELECT count(*) AS n, sum(event_id) AS ids, sum(line) AS lines, \
                 count(source_url) AS urls, sum(dyad) AS dyads, \
                 sum(CAST(round(goldstein * 10) AS BIGINT)) AS gold, \
                 count(DISTINCT file) AS files, min(day) AS first, max(day) AS last \
                 FROM events",
                "--format",
                "csv",
            ],
        ),
        "fingerprint",
    )
}

struct Cluster {
    url: String,
    scheduler_port: u16,
    executors: Vec<Proc>,
    _scheduler: Proc,
}

/// Executor `i` (one slot, its log `executor-{i}.log` in `dir`).
fn start_executor(dir: &Path, scheduler_port: u16, i: usize) -> Proc {
    Proc::start(
        &format!("executor {i}"),
        &[
            "cluster".into(),
            "executor".into(),
            "--scheduler".into(),
            format!("127.0.0.1:{scheduler_port}"),
            "--bind".into(),
            format!("127.0.0.1:{}", free_port()),
            "--slots".into(),
            "1".into(),
            "--memory-mib".into(),
            "1024".into(),
            "--work-dir".into(),
            dir.join(format!("work-{i}")).display().to_string(),
        ],
        &dir.join(format!("executor-{i}.log")),
    )
}

/// Waits until two executors are registered and alive.
fn ready(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(120);
    while http_status(port, "/readyz") != Some(200) {
        assert!(
            Instant::now() < deadline,
            "two executors did not register within 120 s"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Tasks of stage 2 (the final stage of the grouped query) that executor
/// 0 has finished, from its log (`TID job/stage.attempt/task.attempt`).
fn final_stage_tasks_done(dir: &Path) -> usize {
    std::fs::read_to_string(dir.join("executor-0.log"))
        .unwrap_or_default()
        .lines()
        .filter(|l| {
            l.split_once("Finished task : [TID ")
                .and_then(|(_, tid)| tid.split('/').nth(1))
                .is_some_and(|stage| stage.starts_with("2."))
        })
        .count()
}

/// When to kill executor 1 during a query.
enum KillAt {
    /// This long after the query started (the scan stage, as a rule).
    After(Duration),
    /// As soon as executor 0 has finished a task of the final stage: the
    /// moment at which Ballista 55's recovery doubles partitions.
    FinalStage,
}

/// Kills executor 1 during `events --all-dyads` on the cluster store. The
/// command must either answer exactly the embedded table or fail with an
/// error that names the cluster and writes nothing; the store must not
/// change. Executor 1 is started again afterwards.
fn fault(cluster: &mut Cluster, logs: &Path, store: &Path, out: &Path, at: KillAt, embedded: &str) {
    let manifest = std::fs::read(store.join("events/manifest.json")).unwrap();
    let stored = fingerprint(store);
    let done_before = final_stage_tasks_done(logs);
    let mut query = Command::new(env!("CARGO_BIN_EXE_ordo"))
        .arg("--store")
        .arg(store)
        .args(["--cluster", &cluster.url, "events", "--all-dyads", "--out"])
        .arg(out)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let when = match at {
        KillAt::After(d) => {
            std::thread::sleep(d);
            format!("{} ms in", d.as_millis())
        }
        KillAt::FinalStage => {
            let deadline = Instant::now() + Duration::from_secs(120);
            while final_stage_tasks_done(logs) == done_before && query.try_wait().unwrap().is_none()
            {
                assert!(Instant::now() < deadline, "no final-stage task finished");
                std::thread::sleep(Duration::from_millis(10));
            }
            "once executor 0 had finished a final-stage task".to_string()
        }
    };
    let running = query.try_wait().unwrap().is_none();
    cluster.executors[1].kill();
    // A hung job would hang the test: give the query three minutes.
    let deadline = Instant::now() + Duration::from_secs(180);
    while query.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = query.kill();
            panic!("the query neither answered nor failed within 180 s of the executor's death");
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    let o = query.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr).to_string();
    eprintln!(
        "fault: executor killed {when}, {} the query ended; exit {:?}; {}",
        if running { "before" } else { "after" },
        o.status.code(),
        stderr.lines().next().unwrap_or("")
    );
    if o.status.success() {
        assert_eq!(std::fs::read_to_string(out).unwrap(), embedded);
    } else {
        assert!(!out.exists(), "a failed query left {}", out.display());
        assert!(stderr.starts_with("error: "), "{stderr}");
        assert!(stderr.contains("cluster"), "{stderr}");
        assert!(stderr.contains("nothing was written"), "{stderr}");
    }
    assert_eq!(
        std::fs::read(store.join("events/manifest.json")).unwrap(),
        manifest
    );
    assert_eq!(fingerprint(store), stored);
    let _ = std::fs::remove_file(out);
    cluster.executors[1] = start_executor(logs, cluster.scheduler_port, 1);
}

fn start_cluster(dir: &Path) -> Cluster {
    let port = free_port();
    let scheduler = Proc::start(
        "scheduler",
        &[
            "cluster".into(),
            "scheduler".into(),
            "--bind".into(),
            format!("127.0.0.1:{port}"),
            "--executor-timeout".into(),
            "6".into(),
            "--min-executors".into(),
            "2".into(),
        ],
        &dir.join("scheduler.log"),
    );
    let deadline = Instant::now() + Duration::from_secs(60);
    while http_status(port, "/healthz") != Some(200) {
        assert!(Instant::now() < deadline, "the scheduler did not start");
        std::thread::sleep(Duration::from_millis(200));
    }
    let executors = (0..2).map(|i| start_executor(dir, port, i)).collect();
    ready(port);
    Cluster {
        url: format!("df://127.0.0.1:{port}"),
        scheduler_port: port,
        executors,
        _scheduler: scheduler,
    }
}

#[test]
fn a_cluster_of_two_executors_gives_the_embedded_answers_and_fails_cleanly() {
    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("ordo-cluster-test");
    let inputs = root.join("inputs");
    std::fs::create_dir_all(&inputs).unwrap();
    let files = generate(&inputs);
    for d in ["local", "cluster", "logs"] {
        let _ = std::fs::remove_dir_all(root.join(d));
    }
    std::fs::create_dir_all(root.join("logs")).unwrap();
    let (local, remote) = (root.join("local"), root.join("cluster"));
    let mut cluster = start_cluster(&root.join("logs"));
    let url = cluster.url.clone();

    // Ingest: the four files and the first once more (all duplicates).
    let mut args: Vec<String> = vec!["ingest".into(), "gdelt".into()];
    args.extend(files.iter().map(|f| f.display().to_string()));
    args.push(files[0].display().to_string());
    args.extend(["--format".into(), "csv".into()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let here = ok(ordo(&local, None, &args), "local ingest");
    let there = ok(ordo(&remote, Some(&url), &args), "cluster ingest");
    assert_eq!(here, there, "per-file accounting differs");
    let counts: Vec<Vec<String>> = here
        .lines()
        .skip(1)
        .map(|l| l.rsplit(',').skip(1).take(4).map(String::from).collect())
        .collect();
    // (quarantined, duplicates, stored, read), per file (before the last
    // column, `repaired`).
    assert_eq!(counts[0], ["0", "0", "250000", "250000"]);
    assert_eq!(counts[3], ["3", "0", "250000", "250003"]);
    assert_eq!(counts[4], ["0", "250000", "0", "250000"]);
    assert_eq!(fingerprint(&local), fingerprint(&remote));
    let stored = fingerprint(&local);
    assert!(
        stored.lines().nth(1).unwrap().starts_with("1000000,"),
        "{stored}"
    );
    let quarantine = |store: &Path| {
        let segs = store.join("events/segments");
        let seg = std::fs::read_dir(&segs).unwrap().next().unwrap().unwrap();
        std::fs::read_to_string(seg.path().join("quarantine.tsv")).unwrap()
    };
    assert_eq!(quarantine(&local), quarantine(&remote));
    assert_eq!(
        quarantine(&local).lines().count(),
        4,
        "header and three rows"
    );

    // The full dyad-month aggregation, a one-dyad series and SQL, through
    // the cluster over the cluster-ingested store, against the embedded
    // run over the local store.
    let out = |name: &str| root.join(format!("{name}.csv"));
    let all = |store: &Path, cluster: Option<&str>, name: &str| {
        let path = out(name);
        let p = path.display().to_string();
        ok(
            ordo(store, cluster, &["events", "--all-dyads", "--out", &p]),
            name,
        );
        std::fs::read_to_string(path).unwrap()
    };
    let embedded = all(&local, None, "embedded");
    let distributed = all(&remote, Some(&url), "distributed");
    assert!(
        embedded.lines().count() > 50_000,
        "{}",
        embedded.lines().count()
    );
    assert_eq!(embedded, distributed, "dyad-month series differ");
    for q in [
        vec!["events", "USA", "RUS", "--format", "csv"],
        vec![
            "events",
            "ITA",
            "RUS",
            "--by",
            "quarter",
            "--weight",
            "mentions",
            "--directed",
            "--format",
            "csv",
        ],
    ] {
        let e = ok(ordo(&local, None, &q), "one dyad, embedded");
        let d = ok(ordo(&remote, Some(&url), &q), "one dyad, cluster");
        assert!(e.lines().count() > 3, "{e}");
        assert_eq!(e, d, "{q:?}");
    }
    let sql = [
        "sql",
        "SELECT actor1, actor2, ordo_period(day, 'quarter') AS q, count(*) AS n, \
         sum(mentions) AS m FROM events WHERE actor1 IS NOT NULL AND actor2 IS NOT NULL \
         GROUP BY 1, 2, 3 ORDER BY n DESC, actor1, actor2, q LIMIT 20",
        "--format",
        "csv",
    ];
    let e = ok(ordo(&local, None, &sql), "sql embedded");
    let d = ok(ordo(&remote, Some(&url), &sql), "sql cluster");
    assert_eq!(e.lines().count(), 21);
    assert_eq!(e, d);

    // The panel's data-loading step: the dyad-year frame is written to the
    // store's cache as Parquet and read by the executors.
    let dyads = root.join("dyads.csv");
    std::fs::write(&dyads, "a,b\nITA,RUS\nFRN,RUS\nITA,USA\n").unwrap();
    let panel = [
        "panel",
        "--counterparts",
        dyads.to_str().unwrap(),
        "--format",
        "csv",
    ];
    let e = ok(ordo(&local, None, &panel), "panel embedded");
    let d = ok(ordo(&remote, Some(&url), &panel), "panel cluster");
    assert_eq!(e.lines().count(), 4, "{e}");
    assert_eq!(e, d);

    // Faults: executor 1 killed during the scan, then at the moment
    // Ballista's recovery would double part of the answer (see
    // `cluster::check`). Each time the command answers what the embedded
    // run answers or fails cleanly, and the store is unchanged.
    let logs = root.join("logs");
    let faulted = out("faulted");
    for at in [
        KillAt::After(Duration::from_millis(700)),
        KillAt::FinalStage,
    ] {
        fault(&mut cluster, &logs, &remote, &faulted, at, &embedded);
        ready(cluster.scheduler_port);
    }
    cluster.executors[1].kill();

    // The survivor alone still answers, identically.
    let again = all(&remote, Some(&url), "survivor");
    assert_eq!(again, embedded);
    let _ = http_status(cluster.scheduler_port, "/healthz");
}
