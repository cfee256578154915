//! The Python tests (tests/test_*.py, pytest), run by `cargo test` against
//! the extension module that the same `cargo test` has just built.
//!
//! Cargo builds the package's lib target, both crate types, before its
//! integration tests, so the cdylib is there when this test runs: beside the
//! test binary, in target/<profile>/deps, as `lib_ordo.so` (a cdylib's name
//! carries no hash; `cargo build` also copies it up to target/<profile>/,
//! `cargo test` does not). The test copies it as `ordo/_ordo.abi3.so` with
//! the package's Python sources and the Python tests into a temporary
//! directory and runs pytest there, so the source tree is neither imported
//! (python/ordo has no built module) nor written to.
//!
//! The module built this way links libpython (no PYO3_BUILD_EXTENSION_MODULE
//! here, unlike maturin's wheels), so pytest runs with the interpreter PyO3
//! built against: $PYO3_PYTHON, else `python3`, as PyO3 chooses it.
//!
//! The tests get, through the environment: ORDO_DATA (the public datasets,
//! `../shared/data` above the checkout unless set), ORDO_STORE (a store of
//! this run), ORDO_BIN (the `ordo` binary of the same profile, which the
//! tests compare with; `cargo test --workspace` builds it, `cargo test -p
//! ordo-python` alone does not: `cargo build -p ordo-cli` first),
//! ORDO_DOCS (docs/python.md, whose examples they run) and ORDO_REFERENCE
//! (tests/reference, the independent computations' expected values).

use std::path::{Path, PathBuf};
use std::process::Command;

/// The interpreter PyO3 built the module against.
fn python() -> String {
    std::env::var("PYO3_PYTHON").unwrap_or_else(|_| "python3".to_string())
}

/// target/<profile>/deps, where cargo puts this test binary and the cdylib.
fn deps_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary's path");
    exe.parent()
        .expect("the test binary's directory")
        .to_path_buf()
}

/// The extension module cargo built for this test run.
fn extension_module() -> PathBuf {
    let name = format!(
        "{}_ordo{}",
        std::env::consts::DLL_PREFIX,
        std::env::consts::DLL_SUFFIX
    );
    deps_dir().join(name)
}

/// The `ordo` binary of the same profile: target/<profile>/ordo. The tests
/// fail, saying how to build it, when it is missing.
fn ordo_binary() -> PathBuf {
    let profile_dir = deps_dir().parent().expect("target/<profile>").to_path_buf();
    profile_dir.join(format!("ordo{}", std::env::consts::EXE_SUFFIX))
}

/// The name Python imports the module by, inside the package directory.
fn module_file_name() -> &'static str {
    if cfg!(windows) {
        "_ordo.pyd"
    } else {
        "_ordo.abi3.so"
    }
}

/// Copies the regular files of `from` (not its subdirectories, nor bytecode
/// or built modules left by a local build) into `to`.
fn copy_sources(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let built = name.ends_with(".so") || name.ends_with(".pyd") || name.ends_with(".pyc");
        if path.is_file() && !built {
            std::fs::copy(&path, to.join(&name)).unwrap();
        }
    }
}

/// The workplace's reference data, `../shared/data` above the clone, if any.
fn shared_data() -> Option<PathBuf> {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .map(|dir| dir.join("../shared/data"))
        .find(|dir| dir.is_dir())
}

#[test]
fn python_tests() {
    let python = python();
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));

    // pytest and pyarrow are the tests' own requirements (`pip install
    // 'ordo[test]'`). Without them the tests are skipped on a developer's
    // machine, and fail under CI, where they must run.
    let probe = Command::new(&python)
        .args(["-c", "import pytest, pyarrow"])
        .output();
    if !matches!(&probe, Ok(o) if o.status.success()) {
        let why = match &probe {
            Ok(o) => String::from_utf8_lossy(&o.stderr).into_owned(),
            Err(e) => format!("{python}: {e}"),
        };
        assert!(
            std::env::var_os("CI").is_none(),
            "the Python tests need pytest and pyarrow under {python}: {why}"
        );
        eprintln!("skipped: the Python tests need pytest and pyarrow ({why})");
        return;
    }

    let module = extension_module();
    assert!(
        module.is_file(),
        "no extension module at {} (cargo builds it with the lib target)",
        module.display()
    );
    let dir = tempfile::tempdir().unwrap();
    copy_sources(&here.join("ordo"), &dir.path().join("ordo"));
    std::fs::copy(&module, dir.path().join("ordo").join(module_file_name())).unwrap();
    copy_sources(&here.join("tests"), &dir.path().join("tests"));

    let mut pytest = Command::new(&python);
    pytest
        .args(["-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"])
        .current_dir(dir.path())
        .env("PYTHONPATH", dir.path())
        .env("PYTHONDONTWRITEBYTECODE", "1")
        // One store for the Python tests, new for each run: the first test
        // to need the frame builds it, the others read the Parquet cache. Not
        // kept between runs: a cached table names the dataset files by the
        // path they had when it was built, and the tests compare those
        // sources, and the report's bytes, with the CLI's.
        .env("ORDO_STORE", dir.path().join("store"))
        // The CLI the tables are compared with, and the walkthrough whose
        // examples are run.
        .env("ORDO_BIN", ordo_binary())
        .env("ORDO_DOCS", here.join("../docs/python.md"))
        .env("ORDO_REFERENCE", here.join("../tests/reference"));
    // The tests run in the temporary directory, where the CLI's discovery
    // of ../shared/data would find nothing.
    if std::env::var_os("ORDO_DATA").is_none() {
        if let Some(data) = shared_data() {
            pytest.env("ORDO_DATA", data);
        }
    }
    let out = pytest.output().expect("pytest runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Any exit but 0 fails, 5 ("no tests collected") included: tests that
    // vanished are a failure, not a pass.
    assert!(
        out.status.code() != Some(5),
        "pytest collected no tests:\n{stdout}\n{stderr}"
    );
    assert!(
        out.status.success(),
        "pytest failed ({}):\n{stdout}\n{stderr}",
        out.status
    );
    // pytest's summary, e.g. "12 passed in 3.4s", in cargo's captured output.
    eprintln!("{}", stdout.trim_end().lines().last().unwrap_or_default());
}
