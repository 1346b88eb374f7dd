//! Faults injected into `bulk` runs, as crashes, full disks and odd files
//! really come: every input still ends in exactly one line (a report or an
//! error), `--resume` always picks up, and nothing hangs or reads without
//! bound. Each case is bounded in time: a run that hangs fails the test.
//!
//! Unix only (FIFOs, symlinks, signals, non-UTF-8 names).
#![cfg(unix)]

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_council-reports");

/// Longest any single run may take before it counts as a hang.
const HANG: Duration = Duration::from_secs(60);

fn fixture_texts() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/txt");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    assert!(paths.len() >= 3, "the txt fixtures are missing");
    paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

/// `n` report files in `dir`, each a fixture with a line of its own so
/// that no two share a hash.
fn corpus(dir: &Path, n: usize) -> Vec<String> {
    std::fs::create_dir_all(dir).unwrap();
    let texts = fixture_texts();
    (0..n)
        .map(|i| {
            let path = dir.join(format!("report-{i:04}.txt"));
            let mut bytes = texts[i % texts.len()].clone();
            bytes.extend_from_slice(format!("\nCopy {i}\n").as_bytes());
            std::fs::write(&path, bytes).unwrap();
            path.to_string_lossy().into_owned()
        })
        .collect()
}

/// Runs the binary to its end, failing the test if it outlives [`HANG`].
/// Its output is read as it comes (a full pipe would stall it).
fn run_bounded(mut cmd: Command, stdin: Option<&[u8]>) -> Output {
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    })
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    if let (Some(bytes), Some(mut pipe)) = (stdin, child.stdin.take()) {
        pipe.write_all(bytes).unwrap();
    }
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(HANG) {
        Ok(output) => output.unwrap(),
        Err(_) => {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("the run hung for {HANG:?}: {cmd:?}");
        }
    }
}

fn bulk(args: &[&OsStr]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.arg("bulk").arg("--quiet").args(args);
    cmd
}

/// The lines of an output file; every one must be a JSON record.
fn records(out: &Path) -> Vec<Value> {
    records_in(&std::fs::read(out).unwrap_or_default())
}

/// The lines of a run's output (its stdout, an output file's bytes); every
/// one must be a JSON record.
fn records_in(bytes: &[u8]) -> Vec<Value> {
    bytes
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| {
            serde_json::from_slice(l)
                .unwrap_or_else(|e| panic!("not a JSON line ({e}): {}", String::from_utf8_lossy(l)))
        })
        .collect()
}

/// How many lines each `source.path` has.
fn counts(lines: &[Value]) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for l in lines {
        let path = l["source"]["path"].as_str().unwrap_or_default().to_string();
        *out.entry(path).or_insert(0) += 1;
    }
    out
}

fn assert_once_each(lines: &[Value], inputs: &[String]) {
    let counts = counts(lines);
    for input in inputs {
        assert_eq!(counts.get(input), Some(&1), "{input}: {counts:?}");
    }
    assert_eq!(lines.len(), inputs.len(), "{counts:?}");
}

/// A small random number generator (xorshift), seeded per test, so that
/// the kill moments differ from one iteration to the next yet a failure
/// can be replayed.
struct Rng(u64);
impl Rng {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

#[test]
fn kill_9_at_random_moments_then_resume() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = corpus(&dir.path().join("in"), 300);
    let out = dir.path().join("out.jsonl");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let args = |out: &Path| -> Vec<std::ffi::OsString> {
        vec![
            dir.path().join("in").into_os_string(),
            "-o".into(),
            out.as_os_str().to_owned(),
            "--resume".into(),
            "--jobs".into(),
            "2".into(),
        ]
    };
    let mut kills = 0;
    for _ in 0..24 {
        let mut child: Child = Command::new(BIN)
            .arg("bulk")
            .arg("--quiet")
            .args(args(&out))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(5 + rng.next(120)));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL
            kills += 1;
        }
        child.wait().unwrap();
        // Whatever the kill left, a torn line is the worst: it is cut.
    }
    let args = args(&out);
    let refs: Vec<&OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    let done = run_bounded(bulk(&refs), None);
    assert_eq!(done.status.code(), Some(0), "{done:?}");
    assert_once_each(&records(&out), &inputs);
    assert!(kills >= 3, "only {kills} runs were still going when killed");
}

#[test]
fn a_last_line_torn_inside_a_character_is_cut_and_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = corpus(&dir.path().join("in"), 6);
    let out = dir.path().join("out.jsonl");
    let first = run_bounded(
        bulk(&[
            dir.path().join("in").as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ]),
        None,
    );
    assert_eq!(first.status.code(), Some(0), "{first:?}");
    let bytes = std::fs::read(&out).unwrap();
    // Cut inside the last multi-byte character of the last line.
    let last_start = bytes[..bytes.len() - 1]
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |p| p + 1);
    let cut = (last_start..bytes.len())
        .rev()
        .find(|&i| bytes[i] >= 0xC0)
        .map(|i| i + 1)
        .unwrap_or(bytes.len() - 10);
    std::fs::write(&out, &bytes[..cut]).unwrap();
    assert!(std::str::from_utf8(&bytes[..cut]).is_err() || cut == bytes.len() - 10);
    let again = run_bounded(
        bulk(&[
            dir.path().join("in").as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
            "--resume".as_ref(),
        ]),
        None,
    );
    assert_eq!(again.status.code(), Some(0), "{again:?}");
    assert_once_each(&records(&out), &inputs);
}

#[test]
fn error_lines_are_done_on_resume() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let mut inputs = corpus(&input, 3);
    // An input too big for the cap, a dangling symlink, a symlink loop, a
    // zip that will not open and a zip whose member is over the cap.
    std::fs::write(input.join("big.txt"), vec![b'a'; 5000]).unwrap();
    std::os::unix::fs::symlink(input.join("nowhere.txt"), input.join("dangling.txt")).unwrap();
    std::os::unix::fs::symlink(input.join("loop-b.txt"), input.join("loop-a.txt")).unwrap();
    std::os::unix::fs::symlink(input.join("loop-a.txt"), input.join("loop-b.txt")).unwrap();
    std::fs::write(input.join("broken.zip"), b"PK\x03\x04 not really a zip").unwrap();
    {
        let f = std::fs::File::create(input.join("members.zip")).unwrap();
        let mut z = zip::ZipWriter::new(f);
        let opts = zip::write::SimpleFileOptions::default();
        z.start_file("inner/huge.txt", opts).unwrap();
        z.write_all(&vec![b'b'; 8000]).unwrap();
        z.finish().unwrap();
    }
    let out = dir.path().join("out.jsonl");
    let args = [
        input.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--resume".as_ref(),
        "--max-input-bytes".as_ref(),
        "4000".as_ref(),
    ];
    let first = run_bounded(bulk(&args), None);
    assert_eq!(first.status.code(), Some(1), "{first:?}");
    let lines = records(&out);
    let errors = lines.iter().filter(|l| !l["error"].is_null()).count();
    assert!(errors >= 5, "{} error lines: {lines:?}", errors);
    for _ in 0..2 {
        let again = run_bounded(bulk(&args), None);
        assert!(again.status.code().is_some());
        let now = records(&out);
        assert_eq!(now.len(), lines.len(), "a resume wrote lines again");
    }
    inputs.sort();
    let counts = counts(&records(&out));
    assert!(counts.values().all(|n| *n == 1), "{counts:?}");
}

#[test]
fn a_fifo_in_a_directory_is_skipped_and_a_named_one_is_an_error_line() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let inputs = corpus(&input, 2);
    let fifo = input.join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let walked = run_bounded(bulk(&[input.as_os_str()]), None);
    assert_eq!(walked.status.code(), Some(0), "{walked:?}");
    let lines: Vec<Value> = records_in(&walked.stdout);
    assert_once_each(&lines, &inputs);

    let named = run_bounded(bulk(&[fifo.as_os_str()]), None);
    assert_eq!(named.status.code(), Some(1), "{named:?}");
    let line: Value = serde_json::from_slice(named.stdout.trim_ascii()).unwrap();
    assert_eq!(line["error"]["kind"], "io", "{line}");
    assert!(line["error"]["message"].as_str().unwrap().contains("FIFO"));
}

#[test]
fn the_size_cap_holds_for_files_that_never_end() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let inputs = corpus(&input, 1);
    // A symlink to /dev/zero met in a directory is no regular file: skipped.
    std::os::unix::fs::symlink("/dev/zero", input.join("zeros.txt")).unwrap();
    let walked = run_bounded(bulk(&[input.as_os_str()]), None);
    assert_eq!(walked.status.code(), Some(0), "{walked:?}");
    assert_eq!(records_in(&walked.stdout).len(), 1);
    assert_eq!(inputs.len(), 1);
    // Named, it is an error line, not an endless read.
    let named = run_bounded(bulk(&["/dev/zero".as_ref()]), None);
    assert_eq!(named.status.code(), Some(1), "{named:?}");
    // A /proc file says its length is 0 and is read, within the cap.
    let proc_file = Path::new("/proc/self/status");
    if proc_file.exists() {
        let capped = run_bounded(
            bulk(&[
                proc_file.as_os_str(),
                "--max-input-bytes".as_ref(),
                "64".as_ref(),
            ]),
            None,
        );
        let line: Value = serde_json::from_slice(capped.stdout.trim_ascii()).unwrap();
        assert_eq!(line["error"]["kind"], "limit", "{line}");
    }
    // The library's own reader caps the same way.
    let mut options = council_reports::ParseOptions::default();
    options.max_input_bytes = 64;
    let parser = council_reports::Parser::with_options(options);
    assert!(parser.parse_path(Path::new("/dev/zero")).is_err());
}

#[test]
fn a_stdin_list_reads_names_that_are_not_utf8_and_keeps_going() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let mut inputs = corpus(&input, 2);
    let latin1 = input.join(OsStr::from_bytes(b"caf\xe9 report.txt"));
    std::fs::write(&latin1, fixture_texts()[0].clone()).unwrap();
    let newline = input.join("two\nlines.txt");
    std::fs::write(&newline, fixture_texts()[1].clone()).unwrap();
    let mut list = Vec::new();
    list.extend_from_slice(inputs[0].as_bytes());
    list.push(b'\n');
    list.extend_from_slice(latin1.as_os_str().as_bytes());
    list.push(b'\n');
    list.extend_from_slice(inputs[1].as_bytes());
    list.extend_from_slice(b"\r\n\n");
    let out = run_bounded(bulk(&["-".as_ref()]), Some(&list));
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let lines: Vec<Value> = records_in(&out.stdout);
    assert_eq!(lines.len(), 3, "{lines:?}");
    inputs.push(latin1.to_string_lossy().into_owned());
    assert_once_each(&lines, &inputs);
    // A path with a newline in it, met in a directory, is one line too.
    let walked = run_bounded(bulk(&[input.as_os_str()]), None);
    assert_eq!(walked.status.code(), Some(0), "{walked:?}");
    let n = records_in(&walked.stdout).len();
    assert_eq!(n, 4);
}

#[test]
fn a_file_deleted_or_truncated_during_the_run_ends_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let inputs = corpus(&input, 200);
    let out = dir.path().join("out.jsonl");
    let mut child = Command::new(BIN)
        .args(["bulk", "--quiet", "--jobs", "1", "--ordered"])
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The last inputs go while the run is under way.
    let gone = &inputs[199];
    let cut = &inputs[198];
    std::fs::remove_file(gone).unwrap();
    std::fs::write(cut, b"").unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        assert!(start.elapsed() < HANG, "the run hung");
        std::thread::sleep(Duration::from_millis(10));
    }
    let lines = records(&out);
    let counts = counts(&lines);
    for input in &inputs[..198] {
        assert_eq!(counts.get(input), Some(&1), "{input}");
    }
    // The truncated file is read as it now is; the deleted one is either
    // an error line or was never met (deleted before the walk reached it).
    assert_eq!(counts.get(cut), Some(&1));
    assert!(counts.get(gone).is_none_or(|n| *n == 1));
}

#[test]
fn unreadable_files_end_in_an_error_line() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let inputs = corpus(&input, 2);
    let locked = input.join("locked.txt");
    std::fs::write(&locked, b"To: Cabinet\n").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_ok() {
        eprintln!("skipped: running as root, a mode-000 file is still readable");
        return;
    }
    let out = run_bounded(bulk(&[input.as_os_str()]), None);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let lines: Vec<Value> = records_in(&out.stdout);
    assert_eq!(lines.len(), inputs.len() + 1);
    assert!(lines.iter().any(|l| l["error"]["kind"] == "io"));
}

/// A full output filesystem: a small tmpfs where the test may mount one.
/// The run stops with a clear message and exit 1; once there is room, a
/// resume completes with every input once.
#[test]
fn a_full_disk_then_a_resume() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let inputs = corpus(&input, 150);
    let mnt = dir.path().join("small");
    std::fs::create_dir(&mnt).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(&mnt)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("skipped: cannot mount a small tmpfs here (needs root and mount rights)");
        return;
    }
    struct Unmount(PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(&self.0).status();
        }
    }
    let guard = Unmount(mnt.clone());
    let out = mnt.join("out.jsonl");
    let args = [
        input.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--resume".as_ref(),
    ];
    let full = run_bounded(bulk(&args), None);
    assert_eq!(full.status.code(), Some(1), "{full:?}");
    let stderr = String::from_utf8_lossy(&full.stderr);
    assert!(stderr.contains("cannot write the output"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    // Make room: move what was written to a roomy place and go on there.
    let roomy = dir.path().join("out.jsonl");
    std::fs::copy(&out, &roomy).unwrap();
    drop(guard);
    let args = [
        input.as_os_str(),
        "-o".as_ref(),
        roomy.as_os_str(),
        "--resume".as_ref(),
    ];
    let again = run_bounded(bulk(&args), None);
    assert_eq!(again.status.code(), Some(0), "{again:?}");
    assert_once_each(&records(&roomy), &inputs);
}
