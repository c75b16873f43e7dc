//! The command line, run as a user runs it.

use serde_json::{Map, Value};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

const SLIP: &str = "corpus/van_de_kamp_v_goldstein_2009_slip.txt";
/// A slip opinion with footnotes, so that records carry `footnote`.
const SLIP_NOTES: &str = "corpus/scotus_bartenwerfer_v_buckley_2023_slip.txt";

/// What one run of the binary did.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `pincite` with `args` from the repository root, stdin closed.
fn pincite(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_pincite"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .output()
        .expect("run pincite");
    Run {
        code: out.status.code().expect("pincite exited by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// A file or directory under the system temp directory, removed on drop.
struct Temp(PathBuf);

impl Temp {
    /// A fresh, unused path whose file name ends with `suffix`.
    fn path(suffix: &str) -> Temp {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let name = format!("pincite-cli-{}-{n}-{suffix}", std::process::id());
        Temp(std::env::temp_dir().join(name))
    }

    /// A file holding `bytes`.
    fn file(suffix: &str, bytes: &[u8]) -> Temp {
        let t = Temp::path(suffix);
        std::fs::write(&t.0, bytes).expect("write temp file");
        t
    }

    /// A directory holding the given files.
    fn dir(files: &[(&str, &[u8])]) -> Temp {
        let t = Temp::path("dir");
        std::fs::create_dir(&t.0).expect("create temp dir");
        for (name, bytes) in files {
            std::fs::write(t.0.join(name), bytes).expect("write temp file");
        }
        t
    }

    fn arg(&self) -> &str {
        self.0.to_str().expect("temp path is UTF-8")
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if self.0.is_dir() {
            let _ = std::fs::remove_dir_all(&self.0);
        } else {
            let _ = std::fs::remove_file(&self.0);
        }
    }
}

fn repo_file(path: &str) -> Vec<u8> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Parses JSON Lines output, failing on any line that is not a JSON object.
fn records(stdout: &str) -> Vec<Map<String, Value>> {
    stdout
        .lines()
        .map(|line| match serde_json::from_str(line) {
            Ok(Value::Object(m)) => m,
            other => panic!("not a JSON object: {line:?} ({other:?})"),
        })
        .collect()
}

fn field<'a>(rec: &'a Map<String, Value>, key: &str) -> &'a str {
    rec[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} is not a string in {rec:?}"))
}

/// Checks the fields of one record and that its span holds UTF-8 text of
/// `source`; returns the span.
fn check_record(rec: &Map<String, Value>, source: &[u8]) -> (usize, usize) {
    let mut keys: Vec<&str> = rec.keys().map(String::as_str).collect();
    keys.sort_unstable();
    let kind = field(rec, "kind");
    if kind == "footnote" {
        assert_eq!(
            keys,
            [
                "file",
                "footnote",
                "kind",
                "section",
                "slip_page",
                "span",
                "text"
            ]
        );
        assert!(!field(rec, "footnote").is_empty(), "empty label: {rec:?}");
    } else {
        assert_eq!(
            keys,
            ["file", "kind", "section", "slip_page", "span", "text"]
        );
    }
    assert!(
        ["caption", "heading", "paragraph", "footnote"].contains(&kind),
        "kind {kind:?}"
    );
    assert!(!field(rec, "section").is_empty());
    assert!(
        rec["slip_page"].is_null() || rec["slip_page"].is_u64(),
        "slip_page {:?}",
        rec["slip_page"]
    );
    assert!(!field(rec, "text").is_empty(), "empty text: {rec:?}");
    let span: Vec<usize> = rec["span"]
        .as_array()
        .unwrap_or_else(|| panic!("span is not an array: {rec:?}"))
        .iter()
        .map(|v| v.as_u64().expect("span bound is a number") as usize)
        .collect();
    let [s, e] = span[..] else {
        panic!("span has {} bounds: {rec:?}", span.len())
    };
    assert!(
        s < e && e <= source.len(),
        "span {s}..{e} of {}",
        source.len()
    );
    if let Err(err) = std::str::from_utf8(&source[s..e]) {
        panic!("span {s}..{e} is not UTF-8: {err}");
    }
    (s, e)
}

#[test]
fn text_output_is_unwrapped_and_dehyphenated() {
    let run = pincite(&["normalize", SLIP]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    assert!(!run.stdout.trim().is_empty());
    assert!(!run.stdout.contains("mate-\n"));
    assert!(!run.stdout.contains("mate- rial"));
    assert!(
        run.stdout
            .contains("disclose impeachment material, see Giglio")
    );
    // One block per line: no line ends inside a hyphenated word.
    let broken: Vec<&str> = run.stdout.lines().filter(|l| l.ends_with('-')).collect();
    assert!(broken.is_empty(), "lines ending in a hyphen: {broken:?}");
}

#[test]
fn text_is_the_default_format() {
    let default = pincite(&["normalize", SLIP]);
    let text = pincite(&["normalize", "--format", "text", SLIP]);
    assert_eq!(text.code, 0, "{}", text.stderr);
    assert_eq!(default.stdout, text.stdout);
}

#[test]
fn jsonl_records_name_the_file_as_given_and_span_the_original() {
    let given = "corpus/../corpus/van_de_kamp_v_goldstein_2009_slip.txt";
    let run = pincite(&["normalize", "--format", "jsonl", given, SLIP_NOTES]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    let recs = records(&run.stdout);
    let (first, second) = (repo_file(SLIP), repo_file(SLIP_NOTES));
    // The first file's records, then the second's.
    let split = recs
        .iter()
        .position(|r| field(r, "file") != given)
        .expect("records of the second file");
    assert!(split > 0, "no records of {given}");
    for (i, rec) in recs.iter().enumerate() {
        let (name, source) = if i < split {
            (given, &first)
        } else {
            (SLIP_NOTES, &second)
        };
        assert_eq!(field(rec, "file"), name, "record {i}");
        check_record(rec, source);
    }
    assert!(
        recs[split..].iter().any(|r| field(r, "kind") == "footnote"),
        "no footnote records in {SLIP_NOTES}"
    );
}

#[test]
fn jsonl_spans_hold_text_for_every_corpus_file() {
    let run = pincite(&["normalize", "--format", "jsonl", "corpus"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let recs = records(&run.stdout);
    let mut files: Vec<&str> = Vec::new();
    let mut source = Vec::new();
    for rec in &recs {
        let name = field(rec, "file");
        if files.last() != Some(&name) {
            files.push(name);
            source = repo_file(name);
        }
        check_record(rec, &source);
    }
    let mut txt: Vec<String> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"))
            .expect("read corpus/")
            .map(|e| {
                e.expect("corpus entry")
                    .file_name()
                    .into_string()
                    .expect("UTF-8 name")
            })
            .filter(|n| n.ends_with(".txt"))
            .map(|n| format!("corpus/{n}"))
            .collect();
    txt.sort();
    assert_eq!(files, txt);
}

#[test]
fn invalid_utf8_is_reported_with_its_offset_and_others_still_run() {
    let before = "caf\u{e9} au lait, one paragraph.\n".as_bytes();
    let mut bytes = before.to_vec();
    bytes.extend_from_slice(b"\xff and the rest.\n");
    let bad = Temp::file("bad.txt", &bytes);
    let a = Temp::file("a.txt", b"Alpha paragraph here.\n");
    let z = Temp::file("z.txt", b"Omega paragraph here.\n");
    let run = pincite(&["normalize", a.arg(), bad.arg(), z.arg()]);
    assert_eq!(run.code, 1);
    let want = format!(
        "pincite: {}: invalid UTF-8 at byte {}\n",
        bad.arg(),
        before.len()
    );
    assert_eq!(run.stderr, want);
    assert_eq!(run.stdout, "Alpha paragraph here.\nOmega paragraph here.\n");
}

#[test]
fn missing_file_is_named_and_others_still_run() {
    let missing = Temp::path("missing.txt");
    let a = Temp::file("a.txt", b"Alpha paragraph here.\n");
    let z = Temp::file("z.txt", b"Omega paragraph here.\n");
    let run = pincite(&[
        "normalize",
        "--format",
        "jsonl",
        a.arg(),
        missing.arg(),
        z.arg(),
    ]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .starts_with(&format!("pincite: {}: ", missing.arg())),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    let files: Vec<String> = records(&run.stdout)
        .iter()
        .map(|r| field(r, "file").to_owned())
        .collect();
    assert_eq!(files, [a.arg(), z.arg()]);
}

#[test]
fn empty_file_is_empty_success() {
    let empty = Temp::file("empty.txt", b"");
    for format in ["text", "jsonl"] {
        let run = pincite(&["normalize", "--format", format, empty.arg()]);
        assert_eq!(run.code, 0, "{format}: {}", run.stderr);
        assert_eq!(run.stdout, "", "{format}");
        assert_eq!(run.stderr, "", "{format}");
    }
}

#[test]
fn bom_and_crlf_are_accepted_and_left_out_of_the_reading_text() {
    let src = "\u{feff}The prosecution failed to disclose impeachment mate-\r\nrial.\r\n\r\nA second paragraph.\r\n";
    let f = Temp::file("bom-crlf.txt", src.as_bytes());

    let run = pincite(&["normalize", f.arg()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains('\r'), "{:?}", run.stdout);
    assert!(!run.stdout.contains('\u{feff}'), "{:?}", run.stdout);
    assert!(
        run.stdout.contains("impeachment material."),
        "{:?}",
        run.stdout
    );
    assert!(
        run.stdout.contains("A second paragraph."),
        "{:?}",
        run.stdout
    );

    let run = pincite(&["normalize", "--format", "jsonl", f.arg()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let recs = records(&run.stdout);
    assert!(!recs.is_empty());
    for rec in &recs {
        let (s, e) = check_record(rec, src.as_bytes());
        let original = &src[s..e];
        assert!(!original.starts_with('\u{feff}'), "{original:?}");
        assert!(!original.ends_with(['\r', '\n']), "{original:?}");
        assert!(!field(rec, "text").contains(['\r', '\u{feff}']));
    }
}

#[test]
fn directory_stands_for_its_txt_files() {
    let dir = Temp::dir(&[
        ("b.txt", b"Second file paragraph.\n"),
        ("a.txt", b"First file paragraph.\n"),
        ("notes.md", b"Not an opinion.\n"),
    ]);
    let run = pincite(&["normalize", "--format", "jsonl", dir.arg()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains("Not an opinion"), "{}", run.stdout);
    let files: Vec<String> = records(&run.stdout)
        .iter()
        .map(|r| field(r, "file").to_owned())
        .collect();
    let name = |n: &str| dir.0.join(n).display().to_string();
    assert_eq!(files, [name("a.txt"), name("b.txt")]);
}

#[cfg(unix)]
#[test]
fn directory_links_are_not_followed_into_loops() {
    let dir = Temp::dir(&[("a.txt", b"Only paragraph.\n")]);
    std::os::unix::fs::symlink(&dir.0, dir.0.join("self")).unwrap();
    std::os::unix::fs::symlink("..", dir.0.join("up")).unwrap();
    let run = pincite(&["normalize", "--format", "jsonl", dir.arg()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(records(&run.stdout).len(), 1, "{}", run.stdout);
}

#[test]
fn directory_without_txt_files_is_named() {
    let dir = Temp::dir(&[("notes.md", b"Not an opinion.\n")]);
    let run = pincite(&["normalize", dir.arg()]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr
            .contains(&format!("pincite: {}: no .txt files", dir.arg())),
        "{}",
        run.stderr
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["normalize"][..],
        &["frobnicate", SLIP][..],
        &["normalize", "--format", "xml", SLIP][..],
    ] {
        let run = pincite(args);
        assert_eq!(run.code, 2, "pincite {args:?}");
        assert_eq!(run.stdout, "", "pincite {args:?}");
        assert!(!run.stderr.is_empty(), "pincite {args:?}");
    }
}

#[test]
fn closed_stdout_is_not_an_error() {
    // Far more output than a pipe buffers, so writes meet the closed pipe.
    let args: Vec<&str> = std::iter::once("normalize")
        .chain(std::iter::repeat_n(SLIP, 40))
        .collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_pincite"))
        .args(&args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run pincite");
    drop(child.stdout.take());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("read stderr");
    let status = child.wait().expect("wait for pincite");
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert_eq!(stderr, "");
}
