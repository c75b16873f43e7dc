//! The shipped corpus and its annotation files, for the tests of every
//! area. `corpus/NAME.citations.tsv` lists every citation of `NAME.txt` as
//! read by a person (kind, authority, pins, slip page, byte span and its
//! text); lines starting with `#` after the header are notes.

use pincite::{Citation, CitationKind};
use std::path::PathBuf;

pub(crate) const HEADER: &str = "kind\tauthority\tpins\tslip_page\tstart\tend\ttext";

/// A path under the repository.
pub(crate) fn path(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// A file under the repository, as text.
pub(crate) fn read(rel: &str) -> String {
    std::fs::read_to_string(path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The citations of a text, normalized with its form detected.
pub(crate) fn cites_of(src: &str) -> Vec<Citation> {
    pincite::extract(src, &pincite::normalize(src))
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('\t', "\\t")
}

fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut cs = text.chars();
    while let Some(c) = cs.next() {
        if c == '\\' {
            match cs.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(o) => out.push(o),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A citation as an annotation row.
pub(crate) fn row(c: &Citation) -> String {
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}\t{}",
        c.kind(),
        c.authority.as_deref().unwrap_or(""),
        c.pins_string(),
        c.slip_page.map(|p| p.to_string()).unwrap_or_default(),
        c.span.start,
        c.span.end,
        escape(&c.text),
    )
}

/// The annotation file of a text.
pub(crate) fn tsv_of(text_rel: &str) -> String {
    text_rel.replace(".txt", ".citations.tsv")
}

/// The rows of a text's annotation, each checked against the text's bytes
/// (span text, spans in order, a known kind); problems with the annotation
/// itself go to `problems`.
pub(crate) fn rows(text_rel: &str, src: &str, problems: &mut Vec<String>) -> Vec<String> {
    let tsv_rel = tsv_of(text_rel);
    let annotation = read(&tsv_rel);
    let mut rows = Vec::new();
    let mut last_end = 0;
    for (n, line) in annotation.lines().enumerate() {
        if n == 0 {
            if line != HEADER {
                problems.push(format!("{tsv_rel}:1: header {line:?}"));
            }
            continue;
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 7 {
            problems.push(format!("{tsv_rel}:{}: {} columns", n + 1, cols.len()));
            continue;
        }
        let (Ok(start), Ok(end)) = (cols[4].parse::<usize>(), cols[5].parse::<usize>()) else {
            problems.push(format!("{tsv_rel}:{}: bad span", n + 1));
            continue;
        };
        let text = unescape(cols[6]);
        if src.get(start..end) != Some(text.as_str()) {
            problems.push(format!(
                "{tsv_rel}:{}: source[{start}..{end}] is {:?}, annotation says {text:?}",
                n + 1,
                src.get(start..end),
            ));
        }
        if start < last_end {
            problems.push(format!(
                "{tsv_rel}:{}: span {start}..{end} overlaps or precedes the row before",
                n + 1
            ));
        }
        if CitationKind::named(cols[0]).is_none() {
            problems.push(format!("{tsv_rel}:{}: kind {:?}", n + 1, cols[0]));
        }
        // A citation running over a page break spans that page's
        // footnotes, whose citations come after it.
        last_end = if spans_footnotes(&text) { start } else { end };
        rows.push(line.to_string());
    }
    rows
}

/// Whether a citation's text runs over the rule that opens a page's
/// footnotes ("——————").
fn spans_footnotes(text: &str) -> bool {
    text.lines()
        .any(|l| l.chars().count() >= 3 && l.chars().all(|c| c == '\u{2014}'))
}

/// Compares a text's citations with its annotation and reports every
/// mismatch at once. With `bless` and `PINCITE_BLESS=1` set, the annotation
/// is first written from the extractor's output, for review.
pub(crate) fn check(text_rel: &str, bless: bool) {
    let src = read(text_rel);
    let got: Vec<String> = cites_of(&src).iter().map(row).collect();
    if bless && std::env::var_os("PINCITE_BLESS").is_some() {
        let mut out = format!("{HEADER}\n");
        for r in &got {
            out.push_str(r);
            out.push('\n');
        }
        std::fs::write(path(&tsv_of(text_rel)), out).expect("write annotation");
    }
    let mut problems = Vec::new();
    let want = rows(text_rel, &src, &mut problems);
    let matched = want.iter().filter(|w| got.contains(w)).count();
    eprintln!(
        "{text_rel}: {matched} of {} annotated citations found exactly",
        want.len()
    );
    problems.extend(
        want.iter()
            .filter(|w| !got.contains(w))
            .map(|w| format!("missing: {w}")),
    );
    problems.extend(
        got.iter()
            .filter(|g| !want.contains(g))
            .map(|g| format!("unexpected: {g}")),
    );
    assert!(
        problems.is_empty(),
        "{text_rel}: {} problems\n{}",
        problems.len(),
        problems.join("\n")
    );
}
