//! One opinion through every PDF-to-text tool reads alike: the forms of
//! `../shared/corpus/extractors/` (pdftotext -raw, -layout and default
//! mode, pdfminer.six, pypdf, PyMuPDF, and poppler's `pdftohtml` HTML of
//! the circuit opinions) against their `raw` form, and the `pdftohtml`
//! HTML shipped in `corpus/` against its `raw` form.

use pincite::{BlockKind, Citation, Document, Normalized};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The forms compared with `raw`, with the file ending of each.
const FORMS: [(&str, &str); 6] = [
    ("layout", "_layout.txt"),
    ("default", "_default.txt"),
    ("pdfminer", "_pdfminer.txt"),
    ("pypdf", "_pypdf.txt"),
    ("pymupdf", "_pymupdf.txt"),
    ("pdftohtml", "_pdftohtml.html"),
];

/// The least agreement (F1 of kind, authority, pins with the `raw` form, in
/// tenths of a percent) any form of any opinion has.
const F1_FLOOR: u32 = 990;

/// The least share of citations (in tenths of a percent) of every form
/// that have a page.
const PAGED_FLOOR: u32 = 980;

/// The forms below the goals today, each with the least it may fall to
/// (F1 and paged share in tenths of a percent, furniture lines left) and
/// why it misses, each in the tool's text. None is: a form that falls
/// below a goal again is listed here with its reason.
const BELOW_GOAL: &[(&str, &str, u32, u32, usize)] = &[];

/// The circuit opinions whose `raw` and `pdftohtml` forms `corpus/` ships.
const SHIPPED_HTML: [&str; 7] = [
    "ca2_gildernew_v_gantner_2010",
    "ca4_weintraub_2010",
    "ca5_us_v_martin_2010",
    "ca8_us_v_wilson_2010",
    "ca10_triplet_v_franklin_2010",
    "ca11_robinson_v_tyson_foods_2010",
    "cafc_nelson_v_k2_2010",
];

type Key = (&'static str, Option<String>, String);

/// A text read as pincite reads a file (an HTML head's stray bytes mended).
fn read(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Document::from_bytes(bytes)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .into_text()
}

/// One form of an opinion, read.
struct Reading {
    cites: Vec<Citation>,
    norm: Normalized,
}

fn reading(path: &Path) -> Reading {
    let src = read(path);
    let norm = pincite::normalize(&src);
    Reading {
        cites: pincite::extract(&src, &norm),
        norm,
    }
}

fn key(c: &Citation) -> Key {
    (c.kind().as_str(), c.authority.clone(), c.pins_string())
}

fn multiset<T: Ord>(items: impl Iterator<Item = T>) -> BTreeMap<T, usize> {
    let mut m = BTreeMap::new();
    for k in items {
        *m.entry(k).or_insert(0) += 1;
    }
    m
}

fn common<T: Ord>(a: &BTreeMap<T, usize>, b: &BTreeMap<T, usize>) -> usize {
    a.iter()
        .map(|(k, n)| (*n).min(b.get(k).copied().unwrap_or(0)))
        .sum()
}

/// The keys `a` has more often than `b`.
fn excess(a: &BTreeMap<Key, usize>, b: &BTreeMap<Key, usize>) -> Vec<String> {
    let mut out = Vec::new();
    for (k, n) in a {
        if *n > b.get(k).copied().unwrap_or(0) {
            out.push(format!(
                "{} {:?} {:?}",
                k.0,
                k.1.as_deref().unwrap_or(""),
                k.2
            ));
        }
    }
    out
}

/// Tenths of a percent.
fn tenths(part: usize, whole: usize) -> u32 {
    (1000 * part).checked_div(whole).map_or(1000, |t| t as u32)
}

fn percent(t: u32) -> String {
    format!("{}.{}%", t / 10, t % 10)
}

/// Page furniture that must not be left in a reading text: the Supreme
/// Court's "Cite as" heads and watermark, the printer's slug lines of the
/// bound volumes and preliminary prints, a circuit's "Page 1 of 9".
fn furniture_left(norm: &Normalized) -> Vec<String> {
    let marks = [
        "Cite as: ",
        "Page Proof Pending Publication",
        " Unit: $",
        "PGT: ",
        "(Slip Opinion)",
    ];
    let text = norm.reading();
    let mut out = Vec::new();
    for m in marks {
        for (at, _) in text.match_indices(m) {
            let from = text[..at]
                .char_indices()
                .rev()
                .nth(20)
                .map_or(0, |(i, _)| i);
            let to = text[at..]
                .char_indices()
                .nth(40)
                .map_or(text.len(), |(i, _)| at + i);
            out.push(text[from..to].replace('\n', "|"));
        }
    }
    let page_of = regex_page_of(text);
    out.extend(page_of);
    out
}

/// "Page 3 of 9" anywhere in the text.
fn regex_page_of(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("Page ") {
        let rest = &text[at + 5..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && rest[digits..].starts_with(" of ") {
            let end = (at + 5 + digits + 8).min(text.len());
            let end = (end..=text.len())
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(text.len());
            out.push(text[at..end].to_string());
        }
    }
    out
}

fn footnotes(norm: &Normalized) -> usize {
    norm.blocks()
        .iter()
        .filter(|b| b.kind == BlockKind::Footnote)
        .count()
}

/// One row of the table: a form against `raw`.
struct Row {
    case: String,
    form: &'static str,
    raw: usize,
    cites: usize,
    f1: u32,
    paged: u32,
    same_page: u32,
    notes: (usize, usize),
    left: Vec<String>,
    only_raw: Vec<String>,
    only_form: Vec<String>,
}

fn compare(case: &str, form: &'static str, raw: &Reading, other: &Reading) -> Row {
    let a = multiset(raw.cites.iter().map(key));
    let b = multiset(other.cites.iter().map(key));
    let both = common(&a, &b);
    let (na, nb) = (raw.cites.len(), other.cites.len());
    let paged = other.cites.iter().filter(|c| c.slip_page.is_some()).count();
    // A text that prints no page number (the Federal Circuit's one-page
    // judgment) gives its citations no page in any form: nothing to miss.
    let unpaged = raw.cites.iter().all(|c| c.slip_page.is_none());
    let pa = multiset(raw.cites.iter().map(|c| (key(c), c.slip_page)));
    let pb = multiset(other.cites.iter().map(|c| (key(c), c.slip_page)));
    Row {
        case: case.to_string(),
        form,
        raw: na,
        cites: nb,
        f1: tenths(2 * both, na + nb),
        paged: if unpaged && paged == 0 {
            1000
        } else {
            tenths(paged, nb)
        },
        same_page: tenths(common(&pa, &pb), both),
        notes: (footnotes(&raw.norm), footnotes(&other.norm)),
        left: furniture_left(&other.norm),
        only_raw: excess(&a, &b),
        only_form: excess(&b, &a),
    }
}

fn table(rows: &[Row]) -> String {
    let mut t = format!(
        "{:<38} {:<9} {:>4} {:>4} {:>6} {:>6} {:>9} {:>5} {:>4}\n",
        "opinion", "form", "raw", "form", "F1", "paged", "same page", "notes", "left"
    );
    for r in rows {
        t.push_str(&format!(
            "{:<38} {:<9} {:>4} {:>4} {:>6} {:>6} {:>9} {:>5} {:>4}\n",
            r.case,
            r.form,
            r.raw,
            r.cites,
            percent(r.f1),
            percent(r.paged),
            percent(r.same_page),
            format!("{}/{}", r.notes.1, r.notes.0),
            r.left.len()
        ));
    }
    t
}

/// A file of `corpus/extractors/`, or of `corpus/` when it is shipped there
/// for other tests already.
fn shipped(name: &str) -> PathBuf {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let own = corpus.join("extractors").join(name);
    if own.exists() { own } else { corpus.join(name) }
}

fn shared_extractors() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/extractors");
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipped: {} is not present", p.display());
        None
    }
}

/// Every form of every opinion of the shared extractor corpus against its
/// `raw` form: citations (F1 of kind, authority, pins), the share with a
/// page, the share of common citations on the same page, footnotes (form /
/// raw) and page furniture left in the reading text. Prints the table.
/// The goals hold for every form but those of [`BELOW_GOAL`], which may
/// not fall further.
#[test]
fn every_extractor_form_reads_like_raw() {
    let Some(dir) = shared_extractors() else {
        return;
    };
    let mut cases: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter_map(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.strip_suffix("_raw.txt").map(str::to_string)
        })
        .collect();
    cases.sort();
    assert!(cases.len() >= 16, "{} opinions", cases.len());
    let mut rows = Vec::new();
    for case in &cases {
        let raw = reading(&dir.join(format!("{case}_raw.txt")));
        for (form, end) in FORMS {
            let p = dir.join(format!("{case}{end}"));
            if p.exists() {
                rows.push(compare(case, form, &raw, &reading(&p)));
            }
        }
    }
    eprint!("{}", table(&rows));
    let mut problems = Vec::new();
    let mut below = Vec::new();
    for r in &rows {
        let known = BELOW_GOAL
            .iter()
            .find(|k| k.0 == r.case && k.1 == r.form)
            .map_or((F1_FLOOR, PAGED_FLOOR, 0), |k| (k.2, k.3, k.4));
        if r.f1 < F1_FLOOR || r.paged < PAGED_FLOOR || !r.left.is_empty() {
            below.push(format!("{} {}", r.case, r.form));
        }
        if r.f1 < known.0 {
            problems.push(format!(
                "{} {}: F1 {}\n  only raw: {:?}\n  only {}: {:?}",
                r.case,
                r.form,
                percent(r.f1),
                r.only_raw,
                r.form,
                r.only_form
            ));
        }
        if r.paged < known.1 {
            problems.push(format!("{} {}: paged {}", r.case, r.form, percent(r.paged)));
        }
        if r.left.len() > known.2 {
            problems.push(format!("{} {}: left {:?}", r.case, r.form, r.left));
        }
    }
    if below.is_empty() {
        below.push("none".to_string());
    }
    eprintln!("below the goals: {}", below.join(", "));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The `pdftohtml` HTML of each circuit opinion in `corpus/` gives the same
/// citations (kind, authority, pins) on the same pages, and as many
/// footnotes, as its `raw` form; no citation's span starts or ends in a tag.
#[test]
fn pdftohtml_of_each_circuit_opinion_cites_like_raw() {
    let mut problems = Vec::new();
    let mut total = 0;
    for case in SHIPPED_HTML {
        let raw = reading(&shipped(&format!("{case}_raw.txt")));
        let html_path = shipped(&format!("{case}_pdftohtml.html"));
        let html = reading(&html_path);
        total += raw.cites.len();
        let row = compare(case, "pdftohtml", &raw, &html);
        eprintln!(
            "{case}: raw {} html {} F1 {}",
            row.raw,
            row.cites,
            percent(row.f1)
        );
        if !(row.only_raw.is_empty() && row.only_form.is_empty()) {
            problems.push(format!(
                "{case}\n  only raw: {:?}\n  only html: {:?}",
                row.only_raw, row.only_form
            ));
        }
        if row.same_page != 1000 || row.notes.0 != row.notes.1 {
            problems.push(format!(
                "{case}: same page {}, footnotes {} / raw {}",
                percent(row.same_page),
                row.notes.1,
                row.notes.0
            ));
        }
        let src = read(&html_path);
        crate::invariants::check_norm(&src, &html.norm);
        crate::invariants::check_cites(&src, &html.cites);
        for c in &html.cites {
            let text = &src[c.span.range()];
            if text.starts_with(['<', '>']) || text.ends_with(['<', '>']) {
                problems.push(format!("{case}: a span ends in a tag: {text:?}"));
            }
        }
    }
    assert!(total > 250, "{total} citations");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A short circuit opinion's docket line ("Nos. 07-30815 & 08-30818"),
/// on every page but the first, is its running head, and the page number
/// under it goes with it; a note set above the page number under the head
/// is a note, with its label alone after its first line (`raw`) or glued
/// to it (pypdf's "Park, in2"); the author's line ("E. GRADY JOLLY,
/// Circuit Judge:") ends the caption, and the body runs on across the
/// pages, past the clerk's filing stamp at the first page's foot. A case
/// name reads whole however pypdf split and glued it.
#[test]
fn a_short_opinions_docket_line_heads_its_pages_and_a_note_under_it_is_a_note() {
    for form in ["raw.txt", "pypdf.txt", "pdftohtml.html"] {
        let name = format!("ca5_us_v_martin_2010_{form}");
        let Reading { cites, norm } = reading(&shipped(&name));
        // pypdf's "United2" over "States v. M iller": the call and the
        // space after the capital are no part of the name.
        let miller = cites
            .iter()
            .find(|c| c.authority.as_deref() == Some("903 F.2d 341"));
        assert_eq!(
            miller.and_then(|c| c.case_name()),
            Some("United States v. Miller"),
            "{name}"
        );
        let blocks = norm.blocks();
        let text = |b: &pincite::Block| &norm.reading()[b.reading.clone()];
        let docket = blocks.iter().filter(|b| text(b).contains("08-30818"));
        assert_eq!(
            docket.count(),
            0,
            "{name}: the docket line left in the text"
        );
        let bare_number = blocks
            .iter()
            .find(|b| b.kind == BlockKind::Heading && text(b).trim().parse::<u32>().is_ok());
        assert!(bare_number.is_none(), "{name}: {bare_number:?}");
        let note = blocks
            .iter()
            .find(|b| b.kind == BlockKind::Footnote && b.footnote.as_deref() == Some("2"));
        let note = note.unwrap_or_else(|| panic!("{name}: no note 2"));
        assert!(
            // The HTML keeps the label before the note's text.
            text(note)
                .trim_start_matches(['2', ' '])
                .starts_with("Martin argues he is entitled"),
            "{name}: note 2 is {:?}",
            text(note)
        );
        assert_eq!(note.slip_page, Some(3), "{name}");
        let author = blocks
            .iter()
            .find(|b| text(b).starts_with("E. GRADY JOLLY"));
        assert_eq!(author.map(|b| b.kind), Some(BlockKind::Heading), "{name}");
        let body = blocks.iter().filter(|b| b.kind == BlockKind::Paragraph);
        assert!(
            body.clone().any(|b| {
                let t = text(b);
                t.contains("841(a)(1)") && t.contains("After Martin appealed")
            }),
            "{name}: the sentence across pages 1 and 2 is cut"
        );
        assert!(
            !body.clone().any(|b| text(b).contains("vacated Park")),
            "{name}: the note's text in the body"
        );
    }
}
