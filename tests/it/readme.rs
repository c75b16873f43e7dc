//! The README is true: every `$ pincite ...` line of its `sh` examples is
//! run as a user would run it, and prints what the README shows.
//!
//! An example's output is the lines that follow its command in the block,
//! or, when none do, the `text` or `json` block right after it. The
//! examples run in order in one scratch directory in which `corpus` is the
//! repository's, so that one may write a file ("vdk.idx") that a later one
//! reads and the paths print as in the README.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// One command of the README and what it prints.
#[derive(Debug)]
struct Example {
    /// The line of the README it is on (from 1).
    line: usize,
    /// The shell command, `pincite` first, without its comment.
    command: String,
    /// The lines it prints.
    output: Vec<String>,
}

/// The examples of `readme` in order.
fn examples(readme: &str) -> Vec<Example> {
    let lines: Vec<&str> = readme.lines().collect();
    let mut out: Vec<Example> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim_end() != "```sh" {
            i += 1;
            continue;
        }
        let first = out.len();
        i += 1;
        while i < lines.len() && lines[i].trim_end() != "```" {
            let l = lines[i];
            if let Some(c) = l.strip_prefix("$ ") {
                let mut command = c.split("   #").next().unwrap_or(c).trim_end().to_string();
                let line = i + 1;
                // A quoted argument may run over several lines.
                while command.matches('"').count() % 2 == 1 && i + 1 < lines.len() {
                    i += 1;
                    command.push('\n');
                    command.push_str(lines[i]);
                }
                out.push(Example {
                    line,
                    command,
                    output: Vec::new(),
                });
            } else if out.len() > first {
                out.last_mut()
                    .expect("an example")
                    .output
                    .push(l.to_string());
            }
            i += 1;
        }
        i += 1;
        // A command alone in its block prints the block that follows.
        let alone = out.len() == first + 1 && out[first].output.is_empty();
        let mut j = i;
        while j < lines.len() && lines[j].trim().is_empty() {
            j += 1;
        }
        if alone && j < lines.len() && ["```text", "```json"].contains(&lines[j].trim_end()) {
            j += 1;
            while j < lines.len() && lines[j].trim_end() != "```" {
                out[first].output.push(lines[j].to_string());
                j += 1;
            }
            i = j + 1;
        }
    }
    out
}

/// Whether the printed `lines` are the README's `want`, where a line
/// "..." stands for any number of lines.
fn matches(want: &[String], lines: &[&str]) -> bool {
    match want.split_first() {
        None => lines.is_empty(),
        Some((w, rest)) if w == "..." => (0..=lines.len()).any(|k| matches(rest, &lines[k..])),
        Some((w, rest)) => lines.first() == Some(&w.as_str()) && matches(rest, &lines[1..]),
    }
}

/// A scratch directory with `corpus` linked to the repository's, removed
/// on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Scratch {
        let dir = std::env::temp_dir().join(format!("pincite-readme-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir(&dir).expect("create scratch directory");
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        std::os::unix::fs::symlink(corpus, dir.join("corpus")).expect("link the corpus");
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `command` with the built `pincite` first on the path: what it
/// prints on standard output and error, as a terminal shows them.
fn run(dir: &Path, command: &str) -> String {
    let bin = Path::new(env!("CARGO_BIN_EXE_pincite"));
    let path = format!(
        "{}:{}",
        bin.parent().expect("the binary's directory").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("{{ {command}\n}} 2>&1"))
        .current_dir(dir)
        .env("PATH", path)
        .stdin(Stdio::null())
        .output()
        .expect("run sh");
    String::from_utf8(out.stdout).expect("stdout is UTF-8")
}

#[test]
fn the_readme_finds_its_examples() {
    let readme = "text\n```sh\n$ pincite a   # note\nout 1\nout 2\n$ pincite b\n```\n\n\
                  ```sh\n$ pincite c\n```\n\n```text\nc's\n```\n";
    let found = examples(readme);
    let got: Vec<(&str, Vec<String>)> = found
        .iter()
        .map(|e| (e.command.as_str(), e.output.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("pincite a", vec!["out 1".to_string(), "out 2".to_string()]),
            ("pincite b", vec![]),
            ("pincite c", vec!["c's".to_string()]),
        ]
    );
    let found = examples("```sh\n$ pincite d \"\n  two\"\n...\nend\n```\n");
    assert_eq!(found[0].command, "pincite d \"\n  two\"");
    let want = &found[0].output;
    assert!(matches(want, &["a", "b", "end"]) && matches(want, &["end"]));
    assert!(!matches(want, &["a", "b"]) && !matches(want, &["end", "more"]));
}

#[test]
fn every_readme_example_prints_what_the_readme_shows() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("read the README");
    let all = examples(&readme);
    assert!(all.len() >= 5, "the README's examples: {all:?}");
    let scratch = Scratch::new();
    for e in &all {
        assert!(
            e.command.starts_with("pincite "),
            "README line {}: an example runs pincite: {}",
            e.line,
            e.command
        );
        let got = run(&scratch.0, &e.command);
        let lines: Vec<&str> = got.lines().collect();
        assert!(
            matches(&e.output, &lines) && got.ends_with('\n') != e.output.is_empty(),
            "README line {}: `{}` prints otherwise:\n{got}",
            e.line,
            e.command
        );
    }
}
