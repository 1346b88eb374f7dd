//! The `council-reports` binary, run as a user runs it: its output is read
//! back as JSON, its exit status checked.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

#[allow(dead_code)]
#[path = "../examples/to_json.rs"]
mod to_json;

const BIN: &str = env!("CARGO_BIN_EXE_council-reports");

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
}

fn txt_fixtures() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixture("txt"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    assert!(paths.len() >= 3, "the txt fixtures are missing");
    paths
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().unwrap()
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("killed by a signal")
}

fn json_lines(bytes: &[u8]) -> Vec<Value> {
    std::str::from_utf8(bytes)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}

fn path_of(line: &Value) -> String {
    line["source"]["path"].as_str().unwrap().to_string()
}

/// Every field of a SCHEMA.md error line: the record shape, with `error`
/// set, `kind` and `metadata` null and every list empty.
fn assert_error_line(line: &Value) {
    assert_eq!(line["schema_version"], "1", "{line}");
    let source = line["source"].as_object().unwrap();
    for key in ["path", "format", "bytes", "sha256", "pages"] {
        assert!(source.contains_key(key), "source.{key} missing: {line}");
    }
    assert!(
        ["txt", "docx", "pdf"].contains(&source["format"].as_str().unwrap()),
        "{line}"
    );
    assert_eq!(source["sha256"].as_str().unwrap().len(), 64, "{line}");
    let kind = line["error"]["kind"].as_str().unwrap();
    assert!(!kind.is_empty() && !kind.contains(' '), "{line}");
    let message = line["error"]["message"].as_str().unwrap();
    assert!(
        message.contains(&path_of(line)),
        "message must name the file: {line}"
    );
    assert!(
        line["metadata"].is_null() && line["kind"].is_null(),
        "{line}"
    );
    assert_eq!(line["paragraphs"], Value::Array(Vec::new()), "{line}");
    assert_eq!(line.as_object().unwrap().len(), 14, "{line}");
}

fn assert_report_line(line: &Value) {
    assert_eq!(line["schema_version"], "1", "{line}");
    assert!(line["error"].is_null(), "{line}");
    for key in [
        "kind",
        "metadata",
        "paragraphs",
        "sections",
        "tables",
        "warnings",
    ] {
        assert!(line.get(key).is_some(), "{key} missing: {line}");
    }
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

/// A directory of small, distinct text reports.
fn text_corpus(dir: &Path, n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            let path = dir.join(format!("r{i:03}.txt"));
            write(
                &path,
                format!(
                    "To: Council\nDate: {} March 2023\n\n1. Report number {i}.\n",
                    i % 28 + 1
                )
                .as_bytes(),
            );
            path.to_string_lossy().into_owned()
        })
        .collect()
}

#[test]
fn parse_one_file_prints_one_json_object() {
    let path = &txt_fixtures()[0];
    let out = run(&["parse", path.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_report_line(&report);
    assert_eq!(path_of(&report), path.to_str().unwrap());

    let pretty = run(&["parse", path.to_str().unwrap(), "--pretty"]);
    assert!(pretty.stdout.iter().filter(|&&b| b == b'\n').count() > 10);
    let again: Value = serde_json::from_slice(&pretty.stdout).unwrap();
    assert_eq!(again, report);
}

#[test]
fn parse_several_files_prints_one_line_each() {
    let paths = txt_fixtures();
    let args: Vec<&str> = std::iter::once("parse")
        .chain(paths.iter().map(|p| p.to_str().unwrap()))
        .collect();
    let out = run(&args);
    assert_eq!(code(&out), 0);
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), paths.len());
    for (line, path) in lines.iter().zip(&paths) {
        assert_report_line(line);
        assert_eq!(path_of(line), path.to_str().unwrap());
    }
}

#[test]
fn parse_reads_stdin_and_fails_with_one_line_on_a_missing_file() {
    let mut child = Command::new(BIN)
        .args(["parse", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let bytes = std::fs::read(&txt_fixtures()[0]).unwrap();
    child.stdin.take().unwrap().write_all(&bytes).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(code(&out), 0);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(path_of(&report), "-");

    let missing = run(&["parse", "no/such/report.pdf"]);
    assert_eq!(code(&missing), 1);
    assert!(missing.stdout.is_empty());
    let stderr = String::from_utf8(missing.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("no/such/report.pdf"), "{stderr}");
}

#[test]
fn bulk_writes_a_line_per_input_and_exits_1_when_some_fail() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::copy(&txt_fixtures()[0], root.join("good.txt")).unwrap();
    write(
        &root.join("junk.pdf"),
        b"<html><body>404 Not Found</body></html>",
    );
    write(&root.join("sub/empty.docx"), b"");
    write(&root.join("logo.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    write(&root.join(".DS_Store"), b"\0\0\0\x01Bud1");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(root.join("gone.pdf"), root.join("dangling.pdf")).unwrap();
        // A symlinked directory is not followed (it could loop), only counted.
        std::os::unix::fs::symlink(root, root.join("sub/loop")).unwrap();
    }
    let out_path = root.join("out.jsonl");
    let summary_path = root.join("summary.json");

    let out = run(&[
        "bulk",
        root.to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
        "--summary-json",
        summary_path.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 1, "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty(), "-o means nothing on stdout");
    let lines = json_lines(&std::fs::read(&out_path).unwrap());
    let mut expected: BTreeSet<String> = ["good.txt", "junk.pdf", "sub/empty.docx"]
        .iter()
        .map(|n| root.join(n).to_string_lossy().into_owned())
        .collect();
    if cfg!(unix) {
        expected.insert(root.join("dangling.pdf").to_string_lossy().into_owned());
    }
    let got: BTreeSet<String> = lines.iter().map(path_of).collect();
    assert_eq!(
        got, expected,
        "one line per input, no line for skipped files"
    );
    assert_eq!(lines.len(), expected.len(), "no input twice");
    for line in &lines {
        if path_of(line).ends_with("good.txt") {
            assert_report_line(line);
        } else {
            assert_error_line(line);
        }
    }
    let junk = lines
        .iter()
        .find(|l| path_of(l).ends_with("junk.pdf"))
        .unwrap();
    assert_eq!(junk["source"]["format"], "pdf");
    assert_eq!(junk["source"]["bytes"], 39);

    let summary: Value = serde_json::from_slice(&std::fs::read(&summary_path).unwrap()).unwrap();
    assert_eq!(summary["files"], expected.len());
    assert_eq!(summary["reports"], 1);
    assert_eq!(summary["errors"], expected.len() - 1);
    let skipped = if cfg!(unix) { 3 } else { 2 };
    assert_eq!(
        summary["skipped"], skipped,
        "logo.png, .DS_Store, loop: {summary}"
    );
    let by_kind: u64 = summary["errors_by_kind"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(by_kind, expected.len() as u64 - 1);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("files/s"), "summary on stderr: {stderr}");
}

#[test]
fn bulk_reads_zip_members_and_names_them_inside_the_archive() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("papers.zip");
    let report = std::fs::read(&txt_fixtures()[0]).unwrap();
    let mut inner = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    inner.start_file("c.txt", opts).unwrap();
    inner.write_all(&report).unwrap();
    let inner = inner.finish().unwrap().into_inner();
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&archive).unwrap());
    zip.add_directory("2019/", opts).unwrap();
    zip.start_file("2019/a.txt", opts).unwrap();
    zip.write_all(&report).unwrap();
    zip.start_file("2019/b.pdf", opts).unwrap();
    zip.write_all(b"%PDF-1.7\ntruncated").unwrap();
    zip.start_file("2019/photo.jpg", opts).unwrap();
    zip.write_all(b"\xFF\xD8\xFF\xE0\0\x10JFIF\0").unwrap();
    zip.start_file("more.zip", opts).unwrap();
    zip.write_all(&inner).unwrap();
    zip.finish().unwrap();

    let a = archive.to_str().unwrap();
    let out = run(&["bulk", a, "--ordered", "--quiet"]);
    assert_eq!(code(&out), 1, "b.pdf cannot be read");
    assert!(out.stderr.is_empty(), "--quiet");
    let lines = json_lines(&out.stdout);
    let paths: Vec<String> = lines.iter().map(path_of).collect();
    assert_eq!(
        paths,
        vec![
            format!("{a}!/2019/a.txt"),
            format!("{a}!/2019/b.pdf"),
            format!("{a}!/more.zip!/c.txt"),
        ]
    );
    assert_report_line(&lines[0]);
    assert_error_line(&lines[1]);
    assert_report_line(&lines[2]);
    assert_eq!(lines[0]["source"]["sha256"], lines[2]["source"]["sha256"]);
    assert_eq!(lines[0]["source"]["bytes"], report.len());

    // A member over the size cap is an error line, not a silent skip.
    let capped = run(&["bulk", a, "--max-input-bytes", "100", "--quiet"]);
    let lines = json_lines(&capped.stdout);
    let limited: Vec<&Value> = lines
        .iter()
        .filter(|l| l["error"]["kind"] == "limit")
        .collect();
    assert!(
        limited.iter().any(|l| path_of(l).ends_with("!/2019/a.txt")),
        "{lines:?}"
    );
}

#[test]
fn shards_partition_the_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let all: BTreeSet<String> = text_corpus(dir.path(), 30).into_iter().collect();
    let root = dir.path().to_str().unwrap();
    let mut union = BTreeSet::new();
    let mut total = 0;
    for k in 1..=3 {
        let out = run(&["bulk", root, "--shard", &format!("{k}/3"), "--quiet"]);
        assert_eq!(code(&out), 0);
        let paths: Vec<String> = json_lines(&out.stdout).iter().map(path_of).collect();
        assert!(
            !paths.is_empty() && paths.len() < all.len(),
            "shard {k}: {}",
            paths.len()
        );
        total += paths.len();
        union.extend(paths);
    }
    assert_eq!(union, all, "the shards together cover every input");
    assert_eq!(total, all.len(), "no input is in two shards");
    assert_eq!(code(&run(&["bulk", root, "--shard", "0/3"])), 2);
    assert_eq!(code(&run(&["bulk", root, "--shard", "4/3"])), 2);
}

#[test]
fn resume_skips_inputs_already_written() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let paths = text_corpus(&corpus, 4);
    let out_path = dir.path().join("out.jsonl");
    let summary_path = dir.path().join("summary.json");
    let (c, o, s) = (
        corpus.to_str().unwrap(),
        out_path.to_str().unwrap(),
        summary_path.to_str().unwrap(),
    );
    assert_eq!(code(&run(&["bulk", c, "-o", o, "--quiet"])), 0);
    assert_eq!(json_lines(&std::fs::read(&out_path).unwrap()).len(), 4);

    // One file changes, one is new, and the last line was torn by a crash.
    write(
        Path::new(&paths[1]),
        b"To: Cabinet\nDate: 1 May 2024\n\n1. Changed.\n",
    );
    write(&corpus.join("r999.txt"), b"To: Council\n\n1. New.\n");
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&out_path)
        .unwrap();
    file.write_all(br#"{"schema_version":"1","source":{"pa"#)
        .unwrap();
    drop(file);

    let out = run(&["bulk", c, "-o", o, "--resume", "--summary-json", s]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    let summary: Value = serde_json::from_slice(&std::fs::read(&summary_path).unwrap()).unwrap();
    assert_eq!(summary["resumed"], 3, "{summary}");
    assert_eq!(summary["files"], 2, "{summary}");
    let text = std::fs::read_to_string(&out_path).unwrap();
    let good: Vec<Value> = text
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    assert_eq!(text.lines().count(), 6, "4 + 2 new; the torn line is cut");
    assert_eq!(good.len(), 6, "every line is a record");
    let paths_now: Vec<String> = good.iter().map(path_of).collect();
    assert_eq!(paths_now.iter().filter(|p| **p == paths[1]).count(), 2);
    assert!(paths_now.iter().any(|p| p.ends_with("r999.txt")));

    // Nothing left to do: nothing appended.
    let again = run(&["bulk", c, "-o", o, "--resume", "--quiet"]);
    assert_eq!(code(&again), 0);
    assert_eq!(std::fs::read_to_string(&out_path).unwrap(), text);
    assert_eq!(code(&run(&["bulk", c, "--resume"])), 2, "--resume needs -o");
}

#[test]
fn ordered_output_follows_input_order_and_stdin_lists_paths() {
    let dir = tempfile::tempdir().unwrap();
    let paths = text_corpus(dir.path(), 40);
    let out = run(&[
        "bulk",
        dir.path().to_str().unwrap(),
        "--ordered",
        "--jobs",
        "3",
        "--quiet",
    ]);
    let got: Vec<String> = json_lines(&out.stdout).iter().map(path_of).collect();
    assert_eq!(got, paths, "walk order is name order");

    let mut child = Command::new(BIN)
        .args(["bulk", "-", "--ordered", "--quiet"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let listed: Vec<&String> = paths.iter().rev().take(5).collect();
    let list: String = listed.iter().map(|p| format!("{p}\n")).collect();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(list.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(code(&out), 0);
    let got: Vec<String> = json_lines(&out.stdout).iter().map(path_of).collect();
    assert_eq!(got.iter().collect::<Vec<_>>(), listed);
}

#[test]
fn a_closed_stdout_is_success() {
    let dir = tempfile::tempdir().unwrap();
    text_corpus(dir.path(), 50);
    write(&dir.path().join("junk.pdf"), b"not a pdf");
    let mut child = Command::new(BIN)
        .args(["bulk", dir.path().to_str().unwrap(), "--quiet"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
}

#[test]
fn usage_errors_exit_2() {
    // An input that is the output is refused before the output is emptied.
    let dir = tempfile::tempdir().unwrap();
    let same = dir.path().join("same.jsonl");
    std::fs::write(&same, b"{\"earlier\":1}\n").unwrap();
    let s = same.to_str().unwrap();
    assert_eq!(code(&run(&["bulk", s, "-o", s])), 2);
    assert_eq!(std::fs::read(&same).unwrap(), b"{\"earlier\":1}\n");
    // An unwritable summary path is found before the run.
    let out = dir.path().join("out.jsonl");
    let args = [
        "bulk",
        "fixtures/txt",
        "-o",
        out.to_str().unwrap(),
        "--summary-json",
        "/no/such/dir/s.json",
    ];
    assert_eq!(code(&run(&args)), 2);
    assert!(!out.exists(), "nothing written before the usage error");
    // Sizes with suffixes; a shard count of 0 says so.
    assert_eq!(
        code(&run(&[
            "bulk",
            "--quiet",
            "fixtures/txt",
            "--max-input-bytes",
            "10M"
        ])),
        0
    );
    assert_eq!(
        code(&run(&["bulk", "fixtures/txt", "--max-input-bytes", "10Q"])),
        2
    );
    let zero = run(&["bulk", "fixtures/txt", "--shard", "1/0"]);
    assert_eq!(code(&zero), 2);
    assert!(String::from_utf8_lossy(&zero.stderr).contains("at least 1"));
    assert_eq!(code(&run(&["bulk"])), 2);
    // A memory cap is for the children of --isolate.
    assert_eq!(
        code(&run(&["bulk", "fixtures/txt", "--max-memory", "1G"])),
        2
    );
    assert_eq!(code(&run(&["bulk", ".", "--jobs", "0"])), 2);
    assert_eq!(code(&run(&["frobnicate"])), 2);
    assert_eq!(
        code(&run(&["bulk", ".", "-o", "/no/such/dir/out.jsonl"])),
        2
    );
}

#[test]
fn schema_has_the_top_level_fields_of_schema_md() {
    let out = run(&["schema"]);
    assert_eq!(code(&out), 0);
    let schema: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(schema["$schema"].as_str().unwrap().contains("json-schema"));
    let properties = schema["properties"].as_object().unwrap();
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for field in [
        "schema_version",
        "source",
        "kind",
        "metadata",
        "paragraphs",
        "sections",
        "tables",
        "projects",
        "partnerships",
        "contacts",
        "footnotes",
        "links",
        "warnings",
    ] {
        assert!(
            properties.contains_key(field),
            "{field} missing from the schema"
        );
        assert!(required.contains(&field), "{field} must be required");
    }
}

#[test]
fn help_shows_examples() {
    for args in [&["--help"][..], &["bulk", "--help"], &["parse", "--help"]] {
        let out = run(args);
        assert_eq!(code(&out), 0);
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("Examples:"), "{args:?}: {text}");
    }
}

#[test]
fn the_to_json_example_prints_a_report() {
    let mut out = Vec::new();
    to_json::to_json(&txt_fixtures()[0], &mut out).unwrap();
    let report: Value = serde_json::from_slice(&out).unwrap();
    assert_report_line(&report);
    assert!(to_json::to_json(Path::new("no/such.txt"), &mut Vec::new()).is_err());
}

#[test]
fn the_set_up_command_reads_no_markdown_and_counts_other_files_apart() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("reports.jsonl");
    let summary = dir.path().join("summary.json");
    let fixtures = fixture("");
    let args = [
        "bulk",
        fixtures.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--summary-json",
        summary.to_str().unwrap(),
    ];
    let run_out = run(&args);
    assert_eq!(
        code(&run_out),
        0,
        "{}",
        String::from_utf8_lossy(&run_out.stderr)
    );
    let lines = json_lines(&std::fs::read(&out).unwrap());
    for line in &lines {
        let path = path_of(line);
        assert!(
            !path.ends_with(".md"),
            "a Markdown source or README read: {path}"
        );
        let warned = line["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["code"] == "not-a-council-paper");
        assert_eq!(line["kind"] == "other", warned, "{path}");
    }
    let summary: Value = serde_json::from_slice(&std::fs::read(&summary).unwrap()).unwrap();
    let n = |k: &str| summary[k].as_u64().unwrap();
    assert_eq!(n("files"), n("reports") + n("other") + n("errors"));
    assert_eq!(n("files"), lines.len() as u64);
    let others = lines.iter().filter(|l| l["kind"] == "other").count() as u64;
    assert_eq!(n("other"), others);
    // Only the hostile inputs of fixtures/bad are no council papers.
    for line in lines.iter().filter(|l| l["kind"] == "other") {
        assert!(path_of(line).contains("/bad/"), "{}", path_of(line));
    }
    assert!(
        n("skipped") >= 29,
        "the Markdown files are skipped: {summary}"
    );
    let stderr = String::from_utf8_lossy(&run_out.stderr);
    assert!(stderr.contains(&format!("{others} other")), "{stderr}");

    // Files named by hand that are plainly no council paper: a JSON Lines
    // file of reports, and a README.
    let readme = dir.path().join("README");
    write(
        &readme,
        b"# mytool\n\nA small tool that renames photos by date.\n\nInstall it with make install.\n\nRun mytool --help for options.\n\nLicensed under MIT.\n",
    );
    let parsed = run(&["parse", out.to_str().unwrap(), readme.to_str().unwrap()]);
    assert_eq!(code(&parsed), 0);
    for line in json_lines(&parsed.stdout) {
        assert_eq!(line["kind"], "other", "{}", path_of(&line));
        assert!(
            line["warnings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|w| w["code"] == "not-a-council-paper"),
            "{}",
            path_of(&line)
        );
    }
}

#[test]
#[cfg(target_os = "linux")]
fn a_failed_write_counts_as_errors_in_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.json");
    for ordered in [false, true] {
        let mut args = vec![
            "bulk",
            "fixtures/txt",
            "-o",
            "/dev/full",
            "--summary-json",
            summary.to_str().unwrap(),
        ];
        if ordered {
            args.push("--ordered");
        }
        let out = run(&args);
        assert_eq!(code(&out), 1);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains("cannot write the output"), "{stderr}");
        assert!(!stderr.contains(" 0 errors"), "{stderr}");
        let s: Value = serde_json::from_slice(&std::fs::read(&summary).unwrap()).unwrap();
        assert!(s["errors_by_kind"]["write"].as_u64().unwrap() >= 1, "{s}");
        assert_eq!(s["reports"], 0, "nothing reached the output: {s}");
        // The run stops at the failure: inputs not yet read are not counted.
        let files = s["files"].as_u64().unwrap();
        assert!(files >= 1 && files <= txt_fixtures().len() as u64, "{s}");
        assert_eq!(s["errors"], files, "every file read is lost: {s}");
    }
}

#[test]
fn a_limit_names_the_flag_that_raises_it_not_the_library() {
    let out = run(&[
        "bulk",
        "--quiet",
        "fixtures/txt",
        "--max-input-bytes",
        "100",
    ]);
    assert_eq!(code(&out), 1);
    for line in json_lines(&out.stdout) {
        let message = line["error"]["message"].as_str().unwrap();
        assert!(message.contains("--max-input-bytes"), "{message}");
        assert!(!message.contains("ParseOptions"), "{message}");
    }
}

/// Runs `command` under `script`, which gives it a terminal for stdout and
/// stderr alike; `None` where `script` (util-linux) is missing.
fn on_a_terminal(command: &str) -> Option<String> {
    let out = Command::new("script")
        .args(["-qec", command, "/dev/null"])
        .stdin(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn progress_is_not_drawn_into_json_on_the_same_terminal() {
    let dir = tempfile::tempdir().unwrap();
    text_corpus(dir.path(), 60);
    let input = dir.path().to_str().unwrap();
    let out_file = dir.path().join("out.jsonl");
    let with_o = format!("{BIN} bulk {input} -o {}", out_file.display());
    let Some(drawn) = on_a_terminal(&with_o) else {
        eprintln!("skipped: no `script` to run the tool on a terminal");
        return;
    };
    assert!(
        drawn.contains(" files  "),
        "with -o, progress is drawn on the terminal: {drawn:.400}"
    );
    let to_terminal = on_a_terminal(&format!("{BIN} bulk {input}")).unwrap();
    assert!(
        !to_terminal.contains(" files  "),
        "no progress among the JSON lines: {to_terminal:.400}"
    );
    let lines = to_terminal.lines().filter(|l| l.starts_with('{')).count();
    assert_eq!(lines, 60, "every line whole");
}

/// `bulk` over `inputs` with `extra` options, ordered, quiet, to stdout.
fn bulk_lines(inputs: &[&str], extra: &[&str]) -> (i32, Vec<u8>) {
    let mut args = vec!["bulk", "--ordered", "--quiet"];
    args.extend_from_slice(inputs);
    args.extend_from_slice(extra);
    let out = run(&args);
    (code(&out), out.stdout)
}

#[test]
fn isolate_writes_the_same_lines_in_the_same_order() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.pdf");
    write(&junk, b"<html>404</html>");
    let txt = fixture("txt");
    let docx = fixture("docx");
    let inputs = [
        txt.to_str().unwrap(),
        docx.to_str().unwrap(),
        junk.to_str().unwrap(),
    ];
    let (code_in, lines_in) = bulk_lines(&inputs, &[]);
    let (code_out, lines_out) = bulk_lines(&inputs, &["--isolate", "--max-memory", "1G"]);
    assert_eq!((code_in, code_out), (1, 1), "junk.pdf fails both ways");
    assert_eq!(json_lines(&lines_in).len(), 11);
    assert!(lines_in == lines_out, "the same bytes with --isolate");
    // A shard is the same shard.
    let shard = ["--shard", "2/3"];
    assert!(
        bulk_lines(&inputs, &shard).1
            == bulk_lines(&inputs, &[&shard[..], &["--isolate"]].concat()).1
    );

    // Resume sees the records a child wrote.
    let out_path = dir.path().join("out.jsonl");
    let o = out_path.to_str().unwrap();
    let args = [&["bulk", "--isolate", "--quiet", "-o", o], &inputs[..]].concat();
    assert_eq!(code(&run(&args)), 1);
    let written = std::fs::read(&out_path).unwrap();
    let again = run(&[&args[..], &["--resume"]].concat());
    assert_eq!(
        code(&again),
        0,
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert_eq!(
        std::fs::read(&out_path).unwrap(),
        written,
        "nothing appended"
    );
}

/// A file that needs more memory than `--max-memory` allows kills its
/// child (the allocator aborts): one `crash` line, every other file
/// written, the run goes on and the summary counts it.
#[cfg(unix)]
#[test]
fn isolate_turns_a_child_that_dies_into_one_crash_line() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    std::fs::create_dir_all(&root).unwrap();
    for f in &txt_fixtures()[..2] {
        std::fs::copy(f, root.join(f.file_name().unwrap())).unwrap();
    }
    // 48 MiB of prose: read and parsed, it needs well over 128 MiB.
    let line = "The council will consider the proposals set out in this report, one by one.\n";
    let big = format!("To: Council\n\n{}", line.repeat((48 << 20) / line.len()));
    let big_path = root.join("big.txt");
    write(&big_path, big.as_bytes());
    let summary_path = dir.path().join("summary.json");
    let out = run(&[
        "bulk",
        root.to_str().unwrap(),
        "--ordered",
        "--quiet",
        "--isolate",
        "--max-memory",
        "128M",
        "--summary-json",
        summary_path.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 1, "{}", String::from_utf8_lossy(&out.stderr));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 3, "one line per file");
    let big_name = big_path.to_string_lossy();
    let (crashed, reports): (Vec<&Value>, Vec<&Value>) =
        lines.iter().partition(|l| path_of(l) == big_name);
    let crashed = crashed[0];
    assert_error_line(crashed);
    assert_eq!(crashed["error"]["kind"], "crash", "{crashed}");
    let message = crashed["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("child process") && message.contains("--max-memory 134217728"),
        "{message}"
    );
    assert_eq!(crashed["source"]["bytes"], big.len());
    assert_eq!(reports.len(), 2);
    for report in reports {
        assert_report_line(report);
    }
    let summary: Value = serde_json::from_slice(&std::fs::read(&summary_path).unwrap()).unwrap();
    assert_eq!(summary["errors_by_kind"]["crash"], 1, "{summary}");
    assert_eq!(summary["reports"], 2, "{summary}");
}
