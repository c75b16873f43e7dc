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

/// How many citations the library finds in the slip, which every command
/// reading it must report too.
fn slip_citations() -> usize {
    let src = String::from_utf8(repo_file(SLIP)).unwrap();
    pincite::extract(&src, &pincite::normalize(&src)).len()
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
    // Every text and HTML file of corpus/ and its folders, in path order.
    let mut texts = Vec::new();
    let mut dirs = vec![(
        "corpus".to_string(),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"),
    )];
    while let Some((rel, dir)) = dirs.pop() {
        for e in std::fs::read_dir(&dir).expect("read corpus/") {
            let e = e.expect("corpus entry");
            let name = e.file_name().into_string().expect("UTF-8 name");
            if e.path().is_dir() {
                dirs.push((format!("{rel}/{name}"), e.path()));
            } else if name.ends_with(".txt") || name.ends_with(".html") {
                texts.push(format!("{rel}/{name}"));
            }
        }
    }
    texts.sort();
    assert_eq!(files, texts);
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
            .contains(&format!("pincite: {}: no .txt or .html files", dir.arg())),
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

const SYLLABUS: &str = "corpus/van_de_kamp_v_goldstein_2009_syllabus.txt";

/// Runs `pincite` with `args` from the repository root, `input` on its
/// standard input.
fn pincite_with_stdin(args: &[&str], input: &[u8]) -> Run {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_pincite"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run pincite");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    // Written on its own thread, so that a large input cannot block on a
    // child that is blocked on its full output.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("wait for pincite");
    writer.join().expect("stdin writer");
    Run {
        code: out.status.code().expect("pincite exited by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// The names in a directory, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A directory holding `good.idx`, an index of the slip; returns it and
/// the path of the index.
fn dir_with_index() -> (Temp, String) {
    let dir = Temp::dir(&[]);
    let idx = dir.0.join("good.idx").to_str().expect("UTF-8").to_string();
    let run = pincite(&["index", "-o", &idx, SLIP]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    (dir, idx)
}

/// `pincite index -o good.idx typo.tx` replaced a good index with an
/// empty one. Now any bad input leaves the old file as it was and no
/// temporary file beside it.
#[test]
fn index_with_a_bad_input_keeps_the_old_index() {
    let (dir, idx) = dir_with_index();
    let before = std::fs::read(&idx).unwrap();
    let pdf = Temp::file("brief.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
    let latin1 = Temp::file("latin1.txt", b"caf\xe9\n");
    let bads = ["typo.tx", pdf.arg(), latin1.arg()];
    // Built again from scratch or changed in place, alike.
    for (bad, rebuild) in bads.iter().flat_map(|b| [(*b, false), (*b, true)]) {
        let mut args = vec!["index", "-o", &idx, SLIP, bad];
        if rebuild {
            args.push("--rebuild");
        }
        let run = pincite(&args);
        assert_eq!(run.code, 1, "{bad}: {}", run.stderr);
        assert_eq!(run.stdout, "", "{bad}");
        assert!(
            run.stderr.starts_with(&format!("pincite: {bad}: ")),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr.ends_with(&format!(
                "pincite: {idx}: not written: 1 of 2 inputs could not be read\n"
            )),
            "{}",
            run.stderr
        );
        assert_eq!(std::fs::read(&idx).unwrap(), before, "{bad}");
        assert_eq!(listing(&dir.0), ["good.idx"], "{bad}");
    }
    // Nothing to index is no reason to empty it either.
    let empty = Temp::dir(&[("notes.md", b"Not an opinion.\n")]);
    let run = pincite(&["index", "-o", &idx, empty.arg()]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("not written: no files to index"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read(&idx).unwrap(), before);
}

/// Output that cannot be written is its own exit status, 3, with the
/// reason in a few words, and leaves nothing behind.
#[test]
fn index_that_cannot_be_written_exits_3_and_leaves_nothing() {
    let dir = Temp::dir(&[("keep.txt", b"Kept paragraph.\n")]);
    let keep = dir.0.join("keep.txt").to_str().unwrap().to_string();
    let missing = dir.0.join("no/x.idx").to_str().unwrap().to_string();
    for (out, why) in [
        (dir.arg(), "is a directory"),
        (missing.as_str(), "no such directory"),
        // An opinion text named as the output by mistake.
        (keep.as_str(), "exists and is not a pincite index"),
    ] {
        let run = pincite(&["index", "-o", out, SLIP]);
        assert_eq!(run.code, 3, "{out}: {}", run.stderr);
        assert_eq!(run.stderr, format!("pincite: {out}: {why}; not written\n"));
        assert_eq!(listing(&dir.0), ["keep.txt"]);
    }
    assert_eq!(std::fs::read(&keep).unwrap(), b"Kept paragraph.\n");
}

/// `--rebuild` replaces an index, of this version or another, and never
/// a database of some other program.
#[test]
fn index_rebuild_replaces_only_an_index() {
    let dir = Temp::dir(&[]);
    let other = dir.0.join("other.db");
    let conn = rusqlite::Connection::open(&other).unwrap();
    conn.execute_batch("CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('mine');")
        .unwrap();
    drop(conn);
    let before = std::fs::read(&other).unwrap();
    let other = other.to_str().unwrap();
    let run = pincite(&["index", "--rebuild", "-o", other, SLIP]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        format!("pincite: {other}: exists and is not a pincite index; not written\n")
    );
    assert_eq!(std::fs::read(other).unwrap(), before);
    // An index of another version is built again in this one.
    let old = dir.0.join("old.db");
    let conn = rusqlite::Connection::open(&old).unwrap();
    conn.execute_batch("PRAGMA application_id = 1885563252; PRAGMA user_version = 99;")
        .unwrap();
    conn.execute_batch("CREATE TABLE files (id INTEGER);")
        .unwrap();
    drop(conn);
    let old = old.to_str().unwrap();
    let run = pincite(&["query", "--index", old, "--authority", "x"]);
    assert!(
        run.stderr.contains("rebuild it with this version"),
        "{}",
        run.stderr
    );
    let run = pincite(&["index", "--rebuild", "-o", old, SLIP]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let index = pincite::Index::open_read_only(old).expect("an index of this version");
    assert_eq!(index.files().unwrap(), [SLIP]);
    assert_eq!(listing(&dir.0), ["old.db", "other.db"]);
}

/// A process killed while it reads leaves the old index as it was and no
/// temporary file.
#[test]
fn index_killed_while_reading_keeps_the_old_index() {
    use std::io::Write;
    let (dir, idx) = dir_with_index();
    let before = std::fs::read(&idx).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_pincite"))
        .args(["index", "-o", &idx, "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("run pincite");
    let mut stdin = child.stdin.take().unwrap();
    stdin
        .write_all(b"Imbler v. Pachtman, 424 U. S. 409 (1976).\n")
        .unwrap();
    // Standard input is still open: the index is not built yet.
    child.kill().unwrap();
    child.wait().unwrap();
    drop(stdin);
    assert_eq!(std::fs::read(&idx).unwrap(), before);
    assert_eq!(listing(&dir.0), ["good.idx"]);
}

/// Two writers of one index at once leave one whole index: the last one's.
#[test]
fn concurrent_index_writers_leave_a_whole_index() {
    let (dir, idx) = dir_with_index();
    let spawn = |input: &str| {
        Command::new(env!("CARGO_BIN_EXE_pincite"))
            .args(["index", "-o", &idx, input])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(Stdio::null())
            .spawn()
            .expect("run pincite")
    };
    let mut a = spawn(SLIP);
    let mut b = spawn(SYLLABUS);
    assert!(a.wait().unwrap().success());
    assert!(b.wait().unwrap().success());
    let index = pincite::Index::open_read_only(&idx).expect("a whole index");
    let files = index.files().unwrap();
    assert!(files == [SLIP] || files == [SYLLABUS], "{files:?}");
    assert_eq!(listing(&dir.0), ["good.idx"]);
}

/// A PDF, Word document, archive or image given by mistake is named as
/// such, with what to do, not as "invalid UTF-8 at byte 10".
#[test]
fn binary_inputs_are_named_with_what_to_do() {
    let docx = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml\
                 \x9d\x93PK\x03\x04\x14\x00\x06\x00word/document.xml";
    let cases: [(&str, &[u8], &str); 5] = [
        (
            "brief.pdf",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
            "looks like a PDF: convert it to text first, e.g. pdftotext -layout ",
        ),
        (
            "brief.docx",
            docx,
            "looks like a Word document (.docx): save it as plain text first",
        ),
        (
            "op.txt.gz",
            b"\x1f\x8b\x08\x00\x00\x00\x00\x00",
            "looks like a gzip-compressed file: decompress it first, e.g. gunzip -k ",
        ),
        (
            "scan.png",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "looks like a PNG image: pincite reads text; run OCR on it first",
        ),
        ("a.out", b"\x7fELF\x02\x01\x01\x00", "looks like a program"),
    ];
    for (name, bytes, want) in cases {
        let f = Temp::file(name, bytes);
        let run = pincite(&["extract", f.arg(), SLIP]);
        assert_eq!(run.code, 1, "{name}");
        let line = format!("pincite: {}: {want}", f.arg());
        assert!(run.stderr.starts_with(&line), "{name}: {}", run.stderr);
        assert!(!run.stderr.contains("UTF-8 at"), "{name}: {}", run.stderr);
        // The other file still comes out.
        assert_eq!(records(&run.stdout).len(), slip_citations(), "{name}");
    }
    let run = pincite_with_stdin(&["extract", "-"], b"\x00\x01\x02binary\x00");
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "pincite: -: looks like binary data: pincite reads plain text (UTF-8)\n"
    );
}

/// `pincite extract /dev/zero` grew without bound: devices and FIFOs are
/// refused, standard input is read up to the size limit, which
/// `--max-size` raises.
#[cfg(unix)]
#[test]
fn devices_and_fifos_are_refused_and_inputs_have_a_size_limit() {
    let run = pincite(&["extract", "/dev/zero", SLIP]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "pincite: /dev/zero: not a regular file (a character device); give it on standard input as - to read it\n"
    );
    assert_eq!(records(&run.stdout).len(), slip_citations());
    let dir = Temp::dir(&[]);
    let fifo = dir.0.join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        // Not opened (which would block): refused from what it is.
        let run = pincite(&["normalize", dir.arg()]);
        assert_eq!(run.code, 1);
        assert!(
            run.stderr.contains("not a regular file (a FIFO)"),
            "{}",
            run.stderr
        );
    }
    let big = "Imbler v. Pachtman, 424 U. S. 409 (1976).\n".repeat(30_000);
    let run = pincite_with_stdin(&["extract", "--max-size", "1M", "-"], big.as_bytes());
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "pincite: -: larger than 1 MiB, the limit for one document (--max-size BYTES raises it)\n"
    );
    assert_eq!(run.stdout, "");
    let f = Temp::file("big.txt", big.as_bytes());
    let run = pincite(&["extract", "--max-size", "1000000", f.arg()]);
    assert!(
        run.stderr.contains("larger than 1000000 bytes, the limit"),
        "{}",
        run.stderr
    );
    let run = pincite(&["extract", "--max-size", "2M", f.arg()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(records(&run.stdout).len(), 30_000);
    let run = pincite(&["extract", "--max-size", "lots", f.arg()]);
    assert_eq!(run.code, 2);
}

/// Standard input was read in no command: `-` stands for it in every
/// command that reads opinions, named `-` in the output.
#[test]
fn dash_reads_standard_input_in_every_command() {
    let slip = repo_file(SLIP);
    let by_name = pincite(&["normalize", SLIP]);
    let run = pincite_with_stdin(&["normalize", "-"], &slip);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(run.stdout, by_name.stdout);

    let run = pincite_with_stdin(&["extract", "-"], &slip);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let recs = records(&run.stdout);
    assert_eq!(recs.len(), slip_citations());
    assert!(recs.iter().all(|r| field(r, "file") == "-"));

    let by_name = pincite(&["toa", SLIP]);
    let run = pincite_with_stdin(&["toa", "-"], &slip);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, by_name.stdout);

    let run = pincite_with_stdin(&["verify", "-"], &repo_file(SYLLABUS));
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("-:5:1469: error: "),
        "{}",
        run.stdout
    );

    let run = pincite_with_stdin(&["annotate", "-"], &slip);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.matches("<cite ").count(), slip_citations());

    let dir = Temp::dir(&[]);
    let idx = dir.0.join("in.idx");
    let idx = idx.to_str().unwrap();
    let run = pincite_with_stdin(&["index", "-o", idx, "-"], &slip);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        format!(
            "{idx}: 1 files, {} citations, 11 authorities\n",
            slip_citations()
        )
    );
    let index = pincite::Index::open_read_only(idx).unwrap();
    assert_eq!(index.files().unwrap(), ["-"]);

    // Read once: a second `-` is an error, not an empty file.
    let run = pincite_with_stdin(&["extract", "-", "-"], &slip);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "pincite: -: standard input is read once; given again\n"
    );
    assert_eq!(records(&run.stdout).len(), slip_citations());
}

#[test]
fn annotate_of_a_directory_says_is_a_directory() {
    let run = pincite(&["annotate", "corpus"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr, "pincite: corpus: is a directory\n");
}

/// `toa` printed an empty table when no file could be read.
#[test]
fn toa_without_a_readable_file_prints_no_table() {
    let pdf = Temp::file("brief.pdf", b"%PDF-1.4\n");
    let run = pincite(&["toa", "corpus/no-such-file.txt", pdf.arg()]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr.lines().count(), 2, "{}", run.stderr);
    let empty = Temp::dir(&[]);
    let run = pincite(&["toa", "--format", "json", empty.arg()]);
    assert_eq!((run.code, run.stdout.as_str()), (1, ""));
    assert!(
        run.stderr.ends_with(": no .txt or .html files\n"),
        "{}",
        run.stderr
    );
}

/// `extract --format tsv` over several files had no file column.
#[test]
fn extract_tsv_has_a_file_column() {
    let run = pincite(&["extract", "--format", "tsv", SLIP, SYLLABUS]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut lines = run.stdout.lines();
    assert_eq!(
        lines.next(),
        Some("file\tkind\tauthority\tpins\tslip_page\tstart\tend\ttext")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert!(rows.iter().all(|r| r.len() == 8), "a row without 8 columns");
    let slip = rows.iter().filter(|r| r[0] == SLIP).count();
    let syllabus = rows.iter().filter(|r| r[0] == SYLLABUS).count();
    assert_eq!(slip, slip_citations());
    assert_eq!(slip + syllabus, rows.len());
    assert!(syllabus > 0);
    // The columns after the file are those of the annotation files.
    let first = &rows[0];
    let source = repo_file(SLIP);
    let (start, end): (usize, usize) = (first[5].parse().unwrap(), first[6].parse().unwrap());
    assert_eq!(std::str::from_utf8(&source[start..end]).unwrap(), first[7]);
}

/// An index of the two Van de Kamp texts, in a directory of its own.
fn van_de_kamp_index() -> (Temp, String) {
    let dir = Temp::dir(&[]);
    let idx = dir.0.join("vdk.idx").to_str().unwrap().to_string();
    let run = pincite(&["index", "-o", &idx, SLIP, SYLLABUS]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    (dir, idx)
}

/// Pasted table entries, statutes and spellings found nothing and said
/// nothing; now they find their authority.
#[test]
fn query_accepts_pasted_entries_statutes_and_spellings() {
    let (_dir, idx) = van_de_kamp_index();
    let counts = |authority: &str| {
        let run = pincite(&[
            "query",
            "--index",
            &idx,
            "--authority",
            authority,
            "--counts",
            "--format",
            "text",
        ]);
        assert_eq!(run.code, 0, "{authority}: {}", run.stderr);
        run.stdout
    };
    // Every citation of Imbler, the mentions ("In Imbler, the Court
    // concluded") too.
    let imbler = format!("40\t{SYLLABUS}\n32\t{SLIP}\n");
    for typed in [
        "424 U.S. 409",
        "424 US 409",
        "Imbler v. Pachtman, 424 U.S. 409 (1976)",
        "Imbler v. Pachtman, 424 U. S. 409, 430 (1976).",
    ] {
        assert_eq!(counts(typed), imbler, "{typed}");
    }
    let section_1983 = format!("12\t{SYLLABUS}\n10\t{SLIP}\n");
    for typed in [
        "§1983",
        "§ 1983",
        "42 USC 1983",
        "42 U.S.C. § 1983",
        "section 1983",
    ] {
        assert_eq!(counts(typed), section_1983, "{typed}");
    }
}

/// A query that matched nothing printed nothing and exited 0.
#[test]
fn query_without_a_match_says_so_and_exits_1() {
    let (_dir, idx) = van_de_kamp_index();
    for (args, what) in [
        (&["--authority", "999 U.S. 1"][..], "999 U.S. 1"),
        (&["--name", "Nobody"][..], "Nobody"),
        (
            &["--authority", "424 U.S. 409", "--pin", "999"][..],
            "424 U.S. 409 at 999",
        ),
        (&["--authority", "§ 9999", "--counts"][..], "§ 9999"),
    ] {
        let mut all = vec!["query", "--index", idx.as_str()];
        all.extend_from_slice(args);
        let run = pincite(&all);
        assert_eq!(run.code, 1, "{args:?}");
        assert_eq!(run.stdout, "", "{args:?}");
        assert_eq!(
            run.stderr,
            format!("pincite: no citation of {what} in 2 files\n")
        );
    }
    for empty in ["", "  "] {
        for opt in ["--authority", "--name"] {
            let run = pincite(&["query", "--index", &idx, opt, empty]);
            assert_eq!(run.code, 2, "{opt} {empty:?}");
            assert!(run.stderr.contains("empty query"), "{}", run.stderr);
        }
    }
}

/// `--limit` and `--offset` print a page of the hits, in the order of
/// all of them, and say which on standard error.
#[test]
fn query_prints_pages_of_hits() {
    let (_dir, idx) = van_de_kamp_index();
    let ask = |more: &[&str]| {
        let mut args = vec![
            "query",
            "--index",
            idx.as_str(),
            "--authority",
            "424 U.S. 409",
        ];
        args.extend_from_slice(more);
        args.extend_from_slice(&["--pin", "430", "--format", "text"]);
        pincite(&args)
    };
    let all = ask(&[]);
    assert_eq!((all.code, all.stderr.as_str()), (0, ""));
    let lines: Vec<&str> = all.stdout.lines().collect();
    assert_eq!(lines.len(), 15);
    let first = ask(&["--limit", "4"]);
    assert_eq!(first.code, 0);
    assert_eq!(first.stdout.lines().collect::<Vec<_>>(), lines[..4]);
    assert_eq!(first.stderr, "pincite: citations 1 to 4 of 15\n");
    let last = ask(&["--limit", "4", "--offset", "12"]);
    assert_eq!(last.stdout.lines().collect::<Vec<_>>(), lines[12..]);
    assert_eq!(last.stderr, "pincite: citations 13 to 15 of 15\n");
    let past = ask(&["--offset", "15"]);
    assert_eq!((past.code, past.stdout.as_str()), (1, ""));
    assert_eq!(
        past.stderr,
        "pincite: 15 citations of 424 U.S. 409 at 430, none after the first 15\n"
    );
    let run = pincite(&[
        "query",
        "--index",
        &idx,
        "--authority",
        "x",
        "--counts",
        "--limit",
        "1",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let run = pincite(&["query", "--index", &idx, "--authority", "x", "--limit", "0"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("limit of 0"), "{}", run.stderr);
}

/// `pincite verify ... | head -1` exited 0 though the run had errors:
/// the files are still checked when the output is closed, and the status
/// is the whole run's.
#[test]
fn verify_status_survives_a_closed_pipe() {
    // More warnings than a pipe buffers, so that a write meets the closed
    // pipe; the error comes after, in the last file.
    let line = "See Imbler v. Pachtman, 424 U. S. 409, 430-420 (1976).\n";
    let warnings = Temp::file("warnings.txt", line.repeat(2000).as_bytes());
    let mut child = Command::new(env!("CARGO_BIN_EXE_pincite"))
        .args(["verify", warnings.arg(), SYLLABUS])
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
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1), "{stderr}");
    assert_eq!(stderr, "");
}

/// A write error and "errors found" both exited 1; a write error is 3.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_on_standard_output_exits_3() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return;
    };
    let out = Command::new(env!("CARGO_BIN_EXE_pincite"))
        .args(["normalize", SLIP])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(full)
        .output()
        .expect("run pincite");
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "pincite: standard output: no space left on device\n"
    );
}

/// OS errors printed as "Not a directory (os error 20)"; every one is in
/// the short form now.
#[cfg(unix)]
#[test]
fn os_errors_print_in_the_short_form() {
    let f = Temp::file("plain.txt", b"Plain paragraph.\n");
    let under = format!("{}/x.txt", f.arg());
    let dir = Temp::dir(&[]);
    let looped = dir.0.join("loop.txt");
    std::os::unix::fs::symlink("loop.txt", &looped).unwrap();
    let looped = looped.to_str().unwrap();
    let run = pincite(&["normalize", &under, looped]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        format!(
            "pincite: {under}: not a directory\n\
             pincite: {looped}: too many levels of symbolic links\n"
        )
    );
}

/// Names that are not UTF-8 printed lossily, so that two files could
/// print the same: their bytes are escaped now, in messages and in the
/// JSON `file` fields.
#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_stay_distinct() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = Temp::dir(&[]);
    for name in [&b"a\xff.txt"[..], b"a\xfe.txt"] {
        std::fs::write(dir.0.join(OsStr::from_bytes(name)), b"Some paragraph.\n").unwrap();
    }
    let run = pincite(&["normalize", "--format", "jsonl", dir.arg()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let files: Vec<String> = records(&run.stdout)
        .iter()
        .map(|r| field(r, "file").to_owned())
        .collect();
    let name = |n: &str| format!("{}/{n}", dir.arg());
    assert_eq!(files, [name(r"a\xfe.txt"), name(r"a\xff.txt")]);
    let out = Command::new(env!("CARGO_BIN_EXE_pincite"))
        .arg("extract")
        .arg(OsStr::from_bytes(b"missing\xff\n.txt"))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "pincite: missing\\xff\\n.txt: no such file\n"
    );
}

/// `pincite toa a.txt a.txt` doubled every count: a copy is counted once
/// and named on standard error; `--keep-copies` counts every file.
#[test]
fn toa_counts_a_file_given_twice_once() {
    let once = pincite(&["toa", "--format", "json", SLIP]);
    let twice = pincite(&["toa", "--format", "json", SLIP, SLIP]);
    assert_eq!(twice.code, 0);
    assert_eq!(twice.stdout, once.stdout);
    assert_eq!(
        twice.stderr,
        format!("pincite: {SLIP}: given again; counted once (--keep-copies counts every file)\n")
    );
    let kept = pincite(&["toa", "--keep-copies", "--format", "json", SLIP, SLIP]);
    assert_eq!(kept.stderr, "");
    let count = |out: &str| -> u64 {
        let v: Value = serde_json::from_str(out).unwrap();
        v["authorities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["count"].as_u64().unwrap())
            .sum()
    };
    assert_eq!(count(&kept.stdout), 2 * count(&once.stdout));
    let layout = "corpus/scotus_kemp_v_us_2022_prelim_slip_layout.txt";
    let kemp = pincite(&[
        "toa",
        "corpus/scotus_kemp_v_us_2022_prelim_slip.txt",
        layout,
    ]);
    assert!(
        kemp.stderr
            .starts_with(&format!("pincite: {layout}: a copy of the opinion in ")),
        "{}",
        kemp.stderr
    );
}

/// `--input-form html` reads text on standard input as HTML in `extract`,
/// `verify`, `toa` and `annotate` as in `normalize`; detected, the
/// pdftohtml file of a circuit opinion cites what its `-raw` text cites.
#[test]
fn html_is_chosen_with_input_form_or_detected() {
    let page = b"Giglio v. United States, 405 U.S. 150, 153 (1972). <i>Id.</i>, at 155.";
    for cmd in ["normalize", "extract", "verify", "toa", "annotate"] {
        let run = pincite_with_stdin(&[cmd, "--input-form", "html", "-"], page);
        assert!(run.code <= 1, "{cmd}: {}", run.stderr);
        assert!(!run.stdout.contains("<i>Id."), "{cmd}: {}", run.stdout);
    }
    let run = pincite_with_stdin(
        &["extract", "--format", "tsv", "--input-form", "html", "-"],
        page,
    );
    assert!(
        run.stdout.contains("id\t405 U.S. 150\t155\t"),
        "{}",
        run.stdout
    );
    let authorities = |file: &str| -> Vec<String> {
        let run = pincite(&["extract", "--format", "tsv", file]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout
            .lines()
            .skip(1)
            .map(|l| l.split('\t').skip(1).take(3).collect::<Vec<_>>().join("\t"))
            .collect()
    };
    let html = authorities("corpus/extractors/ca8_us_v_wilson_2010_pdftohtml.html");
    assert!(html.len() > 5);
    assert_eq!(
        html,
        authorities("corpus/extractors/ca8_us_v_wilson_2010_raw.txt")
    );
}

/// Run again on its database, `index` reads only the files that changed,
/// takes out those not given any more, and answers as a database built
/// from scratch; `--rebuild` reads them all.
#[test]
fn index_run_again_reads_only_what_changed() {
    let slip = repo_file(SLIP);
    let syllabus = repo_file(SYLLABUS);
    let kemp = repo_file("corpus/scotus_kemp_v_us_2022_prelim_slip.txt");
    let dir = Temp::dir(&[
        ("slip.txt", &slip),
        ("syl.txt", &syllabus),
        ("kemp.txt", &kemp),
    ]);
    let db = dir.0.join("c.db");
    let db = db.to_str().unwrap();
    let texts = dir.0.join("texts");
    std::fs::create_dir(&texts).unwrap();
    for name in ["slip.txt", "syl.txt", "kemp.txt"] {
        std::fs::rename(dir.0.join(name), texts.join(name)).unwrap();
    }
    let texts = texts.to_str().unwrap();
    let run = pincite(&["index", "-o", db, texts]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let before = std::fs::read(db).unwrap();
    let run = pincite(&["index", "-o", db, texts]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.ends_with(" (0 read, 3 unchanged, 0 removed)\n"),
        "{}",
        run.stdout
    );
    assert_eq!(
        std::fs::read(db).unwrap(),
        before,
        "an unchanged run writes nothing"
    );
    // A file of the same size and time is not read at all: a change that
    // keeps both goes unseen (until --rebuild).
    let syl_path = format!("{texts}/syl.txt");
    let when = std::fs::metadata(&syl_path).unwrap().modified().unwrap();
    let mut same_size = syllabus.clone();
    let at = same_size.iter().position(|&b| b == b'I').unwrap();
    same_size[at] = b'J';
    std::fs::write(&syl_path, &same_size).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&syl_path)
        .unwrap()
        .set_modified(when)
        .unwrap();
    let run = pincite(&["index", "-o", db, texts]);
    assert!(
        run.stdout.ends_with(" (0 read, 3 unchanged, 0 removed)\n"),
        "{}",
        run.stdout
    );
    std::fs::write(&syl_path, &syllabus).unwrap();

    let mut changed = slip.clone();
    changed.extend_from_slice(
        b"See Bivens v. Six Unknown Fed. Narcotics Agents, 403 U. S. 388, 390 (1971).\n",
    );
    std::fs::write(format!("{texts}/slip.txt"), &changed).unwrap();
    std::fs::remove_file(format!("{texts}/kemp.txt")).unwrap();
    let run = pincite(&["index", "-o", db, texts]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.ends_with(" (1 read, 1 unchanged, 1 removed)\n"),
        "{}",
        run.stdout
    );
    let fresh = dir.0.join("fresh.db");
    let fresh = fresh.to_str().unwrap();
    let built = pincite(&["index", "-o", fresh, texts]);
    assert_eq!(
        run.stdout.split(" (").next().unwrap().replace(db, fresh),
        built.stdout.trim_end()
    );
    let sql = "SELECT f.path, c.start, c.\"end\", c.kind, c.authority, c.pins, x.text \
               FROM citations c JOIN files f ON f.id = c.file JOIN contexts x ON x.id = c.context \
               ORDER BY f.path, c.start";
    let again = pincite(&["query", "--index", db, "--sql", sql]);
    let scratch = pincite(&["query", "--index", fresh, "--sql", sql]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert_eq!(again.stdout, scratch.stdout);
    assert!(again.stdout.contains("403 U.S. 388"));
    assert!(!again.stdout.contains("kemp.txt"));

    let run = pincite(&["index", "--rebuild", "-o", db, texts]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.replace(db, fresh), built.stdout);
}

/// An index file of the JSON versions: `query` says to build it again,
/// and `index` replaces it with a database.
#[test]
fn an_old_index_file_says_to_rebuild_and_is_replaced() {
    let dir = Temp::dir(&[("old.idx", b"pincite-index 4 2 0123456789abcdef\n{}")]);
    let idx = dir.0.join("old.idx");
    let idx = idx.to_str().unwrap();
    let run = pincite(&["query", "--index", idx, "--authority", "424 U.S. 409"]);
    assert_eq!((run.code, run.stdout.as_str()), (1, ""));
    assert_eq!(
        run.stderr,
        format!(
            "pincite: {idx}: index format version 4 (a JSON index file of an older pincite); \
             this pincite reads version 7: rebuild it with this version \
             (pincite index --rebuild -o FILE ...)\n"
        )
    );
    let run = pincite(&["index", "-o", idx, SLIP]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(listing(&dir.0), ["old.idx"]);
    let run = pincite(&[
        "query",
        "--index",
        idx,
        "--authority",
        "424 U.S. 409",
        "--counts",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        format!("{{\"file\":\"{SLIP}\",\"count\":32}}\n")
    );
}

/// `query --sql` prints each row as JSON, its columns in order; SQL that
/// writes, or that is wrong, is an error with SQLite's reason.
#[test]
fn query_sql_prints_rows_and_refuses_writes() {
    let (_dir, idx) = van_de_kamp_index();
    let run = pincite(&[
        "query",
        "--index",
        &idx,
        "--sql",
        "SELECT count(*) AS n, min(line) AS first FROM citations WHERE authority = '424 U.S. 409'",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let want = pincite(&["query", "--index", &idx, "--authority", "424 U.S. 409"]);
    let n = want.stdout.lines().count();
    assert!(
        run.stdout.starts_with(&format!("{{\"n\":{n},\"first\":")),
        "{}",
        run.stdout
    );
    let before = std::fs::read(&idx).unwrap();
    for (sql, why) in [
        ("DELETE FROM citations", "only SQL that reads"),
        ("SELECT 1; DELETE FROM citations", "ultiple"),
        ("SELECT nosuch FROM citations", "no such column: nosuch"),
    ] {
        let run = pincite(&["query", "--index", &idx, "--sql", sql]);
        assert_eq!((run.code, run.stdout.as_str()), (1, ""), "{sql}");
        assert!(
            run.stderr.starts_with(&format!("pincite: {idx}: ")) && run.stderr.contains(why),
            "{sql}: {}",
            run.stderr
        );
    }
    assert_eq!(std::fs::read(&idx).unwrap(), before);
    let run = pincite(&["query", "--index", &idx, "--sql", "SELECT 1", "--pin", "3"]);
    assert_eq!(run.code, 2);
}

/// `index --schema` prints the tables a database has.
#[test]
fn index_schema_is_the_databases() {
    let run = pincite(&["index", "--schema"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, pincite::SCHEMA);
    let (_dir, idx) = van_de_kamp_index();
    let tables = pincite(&[
        "query",
        "--index",
        &idx,
        "--sql",
        "SELECT name FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name",
    ]);
    let names: Vec<String> = records(&tables.stdout)
        .iter()
        .map(|r| field(r, "name").to_string())
        .collect();
    assert!(names.len() > 10, "{names:?}");
    for name in &names {
        assert!(run.stdout.contains(&format!(" {name} ")), "{name}");
    }
}

/// `toa --index` makes the table from the database, without reading the
/// opinions again: the same table, and the same copies named, as `toa`
/// over the files.
#[test]
fn toa_from_an_index_is_the_toa_of_its_files() {
    let dir = Temp::dir(&[]);
    let db = dir.0.join("corpus.db");
    let db = db.to_str().unwrap();
    let run = pincite(&["index", "-o", db, "corpus"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for args in [
        &["--format", "md"][..],
        &["--format", "json", "--keep-copies"],
        &["--format", "csv", "--omit", "record"],
    ] {
        let mut direct = vec!["toa"];
        direct.extend_from_slice(args);
        let mut indexed = direct.clone();
        direct.push("corpus");
        indexed.extend_from_slice(&["--index", db]);
        let (a, b) = (pincite(&direct), pincite(&indexed));
        assert_eq!(
            (b.code, b.stderr.as_str()),
            (0, a.stderr.as_str()),
            "{args:?}"
        );
        assert!(a.stdout.len() > 1000, "{args:?}");
        assert_eq!(a.stdout, b.stdout, "{args:?}");
    }
    let run = pincite(&["toa", "--index", db, "corpus"]);
    assert_eq!(run.code, 2);
    let run = pincite(&["toa", "--index", "corpus/no.db"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr, "pincite: corpus/no.db: no such file\n");
}

/// The README shows the schema `index --schema` prints, whole.
#[test]
fn readme_shows_the_schema() {
    let readme = String::from_utf8(repo_file("README.md")).unwrap();
    assert!(
        readme.contains(&format!("```sql\n{}```", pincite::SCHEMA)),
        "the README's schema differs from pincite::SCHEMA"
    );
}
