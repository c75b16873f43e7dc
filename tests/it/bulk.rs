//! The 290 slip opinions of the 2009-2011 terms: what extraction finds in
//! them and how many short forms stay unresolved.
//!
//! The texts lie in `../shared/corpus/bulk-scotus-ot2009-2011` beside the
//! repository; a clone without them skips the test and says so.

use pincite::{Citation, CitationKind};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The largest share of short forms (short citations, Id., supra) that may
/// stay unresolved for want of an antecedent pincite understands.
///
/// An "Id." whose antecedent is a source pincite does not parse as a
/// citation (a brief, a dictionary, a House Report, a law review) is also
/// unresolved, rightly: it is counted and printed apart, since resolving it
/// to the case cited before would be wrong.
const MAX_UNRESOLVED: f64 = 0.05;

/// The largest share of short forms left with no authority, counting every
/// one, an Id. of a source pincite does not parse too. The goal was 3%;
/// this bound holds what is reached (2.41%) against going back.
const MAX_NULL: f64 = 0.025;

/// Whether an unresolved citation refers to a source outside the grammar.
fn refers_to_other_source(c: &Citation) -> bool {
    c.warnings.iter().any(|w| w.contains("does not recognize"))
}

/// What precedes an unresolved short form, as its warning says: the
/// unparsed source an Id. refers to, its digits folded ("p. 12" and "p. 3"
/// are both "p. N"), or the warning itself.
fn cause(c: &Citation) -> String {
    let w = c.warnings.first().map_or("", String::as_str);
    let source = w
        .split_once("(\"")
        .and_then(|(_, rest)| rest.rsplit_once("\")"))
        .map(|(s, _)| s);
    let text = match source {
        Some(s) => format!("Id. after \"{s}\""),
        None => format!("{}: {w}", c.kind()),
    };
    let mut out = String::new();
    for ch in text.chars() {
        if ch.is_ascii_digit() {
            if !out.ends_with('N') {
                out.push('N');
            }
        } else {
            out.push(ch);
        }
    }
    out
}

fn bulk_dir() -> Option<PathBuf> {
    let p =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/bulk-scotus-ot2009-2011");
    if p.is_dir() {
        Some(p)
    } else {
        crate::skipped(&p);
        None
    }
}

fn is_short_form(c: &Citation) -> bool {
    matches!(
        c.kind(),
        CitationKind::ShortCase | CitationKind::Id | CitationKind::Supra
    )
}

#[test]
fn bulk_opinions_extract_with_few_unresolved_short_forms() {
    let Some(dir) = bulk_dir() else { return };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("read the bulk directory")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 290, "{} texts", files.len());
    let mut kinds: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut unresolved: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut other_source = 0usize;
    let mut causes: BTreeMap<String, usize> = BTreeMap::new();
    let mut sample: Vec<String> = Vec::new();
    let mut short_forms = 0usize;
    let mut bytes = 0usize;
    for f in &files {
        let src = std::fs::read_to_string(f).expect("read a bulk text");
        bytes += src.len();
        let cites = pincite::extract(&src, &pincite::normalize(&src));
        for c in &cites {
            *kinds.entry(c.kind().as_str()).or_default() += 1;
            assert_eq!(src.get(c.span.range()), Some(c.text.as_str()));
            if !is_short_form(c) {
                continue;
            }
            short_forms += 1;
            if c.authority.is_none() {
                assert!(
                    !c.warnings.is_empty(),
                    "unresolved without a warning: {c:?}"
                );
                *causes.entry(cause(c)).or_default() += 1;
                if refers_to_other_source(c) {
                    other_source += 1;
                    continue;
                }
                *unresolved.entry(c.kind().as_str()).or_default() += 1;
                if sample.len() < 12 && unresolved.values().sum::<usize>() % 25 == 1 {
                    let name = f.file_name().unwrap_or_default().to_string_lossy();
                    sample.push(format!(
                        "  {name}: {} {:?}: {}",
                        c.kind(),
                        c.text.replace('\n', " "),
                        c.warnings.join("; ")
                    ));
                }
            }
        }
    }
    let total: usize = kinds.values().sum();
    let open: usize = unresolved.values().sum();
    let rate = open as f64 / short_forms.max(1) as f64;
    let null_rate = (open + other_source) as f64 / short_forms.max(1) as f64;
    eprintln!(
        "bulk: {} texts, {:.1} MB, {total} citations",
        files.len(),
        bytes as f64 / 1e6
    );
    for (k, n) in &kinds {
        eprintln!("  {k:<11} {n:>6}");
    }
    eprintln!(
        "unresolved short forms: {open} of {short_forms} ({:.2}%): {}",
        rate * 100.0,
        unresolved
            .iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    eprintln!(
        "Id. referring to a source pincite does not parse (a brief, a dictionary, ...): \
         {other_source}; authority null in all: {} of {short_forms} ({:.2}%)",
        open + other_source,
        null_rate * 100.0
    );
    let mut by_count: Vec<(&String, &usize)> = causes.iter().collect();
    by_count.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    eprintln!("what precedes the unresolved short forms:");
    for (cause, n) in by_count.iter().take(30) {
        eprintln!("  {n:>5}  {cause}");
    }
    eprintln!("a sample of the unresolved:\n{}", sample.join("\n"));
    assert!(
        rate < MAX_UNRESOLVED,
        "{:.2}% of short forms unresolved",
        rate * 100.0
    );
    assert!(
        null_rate < MAX_NULL,
        "{:.2}% of short forms without authority",
        null_rate * 100.0
    );
}
