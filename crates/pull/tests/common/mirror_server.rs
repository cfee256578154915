//! A static HTTP/1.1 server on loopback for the pull tests: it serves a
//! directory laid out as `<host>/<path>` (the mirror of upstream bytes),
//! honours `Range: bytes=N-`, and injects faults on chosen paths. It stops
//! when dropped, so a failing test never leaves it running.
//!
//! Hand-written (a few dozen lines of std) because the faults the tests
//! need — a body cut off mid-transfer, a byte flipped, a status forced —
//! are what a well-behaved server crate is built never to do.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// A fault injected on requests whose path ends with a given suffix.
#[derive(Debug, Clone)]
pub enum Fault {
    /// Answer with this status and no body.
    Status(u16),
    /// Serve the bytes with one byte flipped.
    FlipByte,
    /// Serve only the first half of the file, as if it were complete.
    CutShort,
    /// Announce the full length, send half, close the connection; only the
    /// first `times` requests (then serve normally, honouring Range).
    CloseMidBody { times: usize },
    /// Serve these bytes instead of the file.
    Replace(Vec<u8>),
}

/// What the server saw: (path, range header) per request.
pub type Log = Arc<Mutex<Vec<(String, Option<String>)>>>;

pub struct MirrorServer {
    pub base: String,
    stop: Arc<AtomicBool>,
    addr: std::net::SocketAddr,
    handle: Option<JoinHandle<()>>,
    pub log: Log,
}

impl MirrorServer {
    pub fn start(root: &Path, faults: Vec<(&str, Fault)>) -> MirrorServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let addr = listener.local_addr().unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let log: Log = Arc::default();
        let faults: Arc<Mutex<Vec<(String, Fault)>>> = Arc::new(Mutex::new(
            faults
                .into_iter()
                .map(|(p, f)| (p.to_string(), f))
                .collect(),
        ));
        let root = root.to_path_buf();
        let (stop2, log2) = (Arc::clone(&stop), Arc::clone(&log));
        let handle = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stop2.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let (root, faults, log) = (root.clone(), Arc::clone(&faults), Arc::clone(&log2));
                std::thread::spawn(move || {
                    let _ = serve(stream, &root, &faults, &log);
                });
            }
        });
        MirrorServer {
            base: format!("http://{addr}"),
            stop,
            addr,
            handle: Some(handle),
            log,
        }
    }
}

impl MirrorServer {
    /// The paths asked for so far, in order.
    pub fn paths(&self) -> Vec<String> {
        self.log
            .lock()
            .unwrap()
            .iter()
            .map(|(p, _)| p.clone())
            .collect()
    }
}

impl Drop for MirrorServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr);
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

fn serve(
    stream: TcpStream,
    root: &Path,
    faults: &Mutex<Vec<(String, Fault)>>,
    log: &Mutex<Vec<(String, Option<String>)>>,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut out = stream;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
        let mut headers = HashMap::new();
        loop {
            let mut h = String::new();
            reader.read_line(&mut h)?;
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            if let Some((k, v)) = h.split_once(':') {
                headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
            }
        }
        let range = headers.get("range").cloned();
        log.lock().unwrap().push((path.clone(), range.clone()));
        let fault = {
            let mut faults = faults.lock().unwrap();
            let found = faults
                .iter_mut()
                .find(|(suffix, _)| path.ends_with(suffix.as_str()));
            match found {
                Some((_, Fault::CloseMidBody { times })) if *times > 0 => {
                    *times -= 1;
                    Some(Fault::CloseMidBody { times: 1 })
                }
                Some((_, Fault::CloseMidBody { .. })) => None,
                Some((_, f)) => Some(f.clone()),
                None => None,
            }
        };
        let file: PathBuf = root.join(path.trim_start_matches('/'));
        let mut body = match (&fault, std::fs::read(&file)) {
            (Some(Fault::Status(code)), _) => {
                write!(out, "HTTP/1.1 {code} Fault\r\nContent-Length: 0\r\n\r\n")?;
                continue;
            }
            (Some(Fault::Replace(bytes)), _) => bytes.clone(),
            (_, Ok(b)) => b,
            (_, Err(_)) => {
                write!(out, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")?;
                continue;
            }
        };
        match fault {
            Some(Fault::FlipByte) => {
                let mid = body.len() / 2;
                body[mid] ^= 0x01;
            }
            Some(Fault::CutShort) => body.truncate(body.len() / 2),
            Some(Fault::CloseMidBody { .. }) => {
                write!(
                    out,
                    "HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n",
                    body.len()
                )?;
                out.write_all(&body[..body.len() / 2])?;
                out.flush()?;
                return Ok(()); // connection dropped mid-body
            }
            _ => {}
        }
        let start = range
            .as_deref()
            .and_then(|r| r.strip_prefix("bytes="))
            .and_then(|r| r.strip_suffix('-'))
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|&n| n < body.len());
        match start {
            Some(n) => {
                write!(
                    out,
                    "HTTP/1.1 206 Partial Content\r\nContent-Length: {}\r\nContent-Range: bytes {n}-{}/{}\r\n\r\n",
                    body.len() - n,
                    body.len() - 1,
                    body.len()
                )?;
                out.write_all(&body[n..])?;
            }
            None => {
                write!(
                    out,
                    "HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n",
                    body.len()
                )?;
                out.write_all(&body)?;
            }
        }
        out.flush()?;
    }
}
