//! What every test of the `aims` binary shares: running it as a user would (arguments,
//! standard input, exit code, both output streams), the engine's reference files, temporary
//! files and snapshots.

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

/// One run of `aims`.
pub struct Run {
    pub ok: bool,
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// `aims ARGS` with `stdin` on its standard input.
pub fn aims_with_stdin(args: &[&str], stdin: &str) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_aims"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Closing standard input (at the end of the block) lets the command finish reading. A
    // command may stop reading early (an input over a limit), so the write may fail: what the
    // command printed tells.
    {
        let mut input = child.stdin.take().unwrap();
        let _ = input.write_all(stdin.as_bytes());
    }
    let out = child.wait_with_output().unwrap();
    Run {
        ok: out.status.success(),
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// `aims ARGS` with an empty standard input.
pub fn aims(args: &[&str]) -> Run {
    aims_with_stdin(args, "")
}

/// The output of `aims ARGS`, which must succeed.
pub fn ok(args: &[&str]) -> String {
    let r = aims(args);
    assert!(r.ok, "aims {args:?}: {}", r.stderr);
    r.stdout
}

/// The error output of `aims ARGS`, which must fail with exit code 2.
pub fn error_of(args: &[&str]) -> String {
    let r = aims(args);
    assert_eq!(r.code, Some(2), "aims {args:?} should fail: {}", r.stdout);
    r.stderr
}

/// `aims ARGS` fails with exit code 2 and an error that says `says`.
pub fn fails(args: &[&str], says: &str) {
    let err = error_of(args);
    assert!(err.contains(says), "aims {args:?}: {err}");
}

/// The path of a reference file of the engine (`engine/tests/fixtures/`).
pub fn fixture(name: &str) -> String {
    format!(
        "{}/../engine/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// A file named `name` holding `text`, in a directory of this test run (names must be unique
/// across the tests, which run in parallel).
pub fn temp_file(name: &str, text: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("aims-cli-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

pub fn json(s: &str) -> Value {
    serde_json::from_str(s).unwrap()
}

/// `actual` matches the snapshot `tests/snapshots/NAME` (expect-test: `UPDATE_EXPECT=1 cargo
/// test -p aims-cli` rewrites it after an intended change; review the diff). expect-test reads
/// files with CRLF line ends as LF, so the CRLF of CSV output is checked here, line by line.
pub fn assert_snapshot(name: &str, actual: &str) {
    if actual.contains("\r\n") {
        let lines = actual.split_inclusive('\n');
        assert!(
            lines.clone().all(|l| l.ends_with("\r\n")),
            "{name}: mixed line ends"
        );
    }
    expect_test::expect_file![format!("snapshots/{name}")].assert_eq(&actual.replace("\r\n", "\n"));
}
