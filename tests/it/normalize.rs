//! Normalization on the real corpus texts.

use pincite::{BlockKind, Normalized, Section, normalize};
use std::path::{Path, PathBuf};

fn corpus(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The shared corpus beside the repository, when it is there.
fn shared(sub: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(sub);
    if p.exists() {
        Some(p)
    } else {
        crate::skipped(&p);
        None
    }
}

/// Words of the matching text of the blocks that pass `keep`, with
/// punctuation that differs between editions (quotes) folded.
fn words(norm: &Normalized, keep: impl Fn(&pincite::Block) -> bool) -> Vec<String> {
    let mut out = Vec::new();
    for b in norm.blocks().iter().filter(|b| keep(b)) {
        let text = norm.reading()[b.reading.clone()]
            .replace(". . .", "...")
            .replace('—', " — ");
        for w in text.split_whitespace() {
            let w: String = w
                .chars()
                .map(|c| match c {
                    '’' | '‘' => '\'',
                    '“' | '”' => '"',
                    '–' => '-',
                    c => c,
                })
                .collect();
            // The slip sets names in small capitals ("SCALIA, J."), the
            // web text in mixed case.
            out.push(w.to_lowercase());
        }
    }
    out
}

/// The first place two word lists differ, with context, for a readable failure.
fn first_difference(a: &[String], b: &[String]) -> Option<String> {
    let i = a.iter().zip(b).position(|(x, y)| x != y).or_else(|| {
        if a.len() == b.len() {
            None
        } else {
            Some(a.len().min(b.len()))
        }
    })?;
    let from = i.saturating_sub(6);
    Some(format!(
        "word {i}:\n  left:  {}\n  right: {}",
        a[from..(i + 6).min(a.len())].join(" "),
        b[from..(i + 6).min(b.len())].join(" ")
    ))
}

fn is_opinion_body(b: &pincite::Block) -> bool {
    b.section == Section::Opinion && b.kind != BlockKind::Caption
}

#[test]
fn slip_seed_reads_word_for_word_like_the_syllabus_seed() {
    let slip = normalize(&corpus("van_de_kamp_v_goldstein_2009_slip.txt"));
    let syl = normalize(&corpus("van_de_kamp_v_goldstein_2009_syllabus.txt"));
    let a = words(&slip, is_opinion_body);
    let b = words(&syl, is_opinion_body);
    assert!(a.len() > 3000, "slip opinion has {} words", a.len());
    if let Some(d) = first_difference(&a, &b) {
        panic!("slip and syllabus opinions differ at {d}");
    }
}

#[test]
fn slip_seed_has_its_twelve_pages_and_blocks() {
    let slip = normalize(&corpus("van_de_kamp_v_goldstein_2009_slip.txt"));
    let pages: Vec<u32> = slip.blocks().iter().filter_map(|b| b.slip_page).collect();
    assert_eq!(pages.first(), Some(&1));
    assert_eq!(pages.iter().max(), Some(&12));
    assert!(pages.windows(2).all(|w| w[0] <= w[1]), "pages go forward");
    for p in 1..=12 {
        assert!(
            (0..slip.reading().len()).any(|i| slip.slip_page_at(i) == Some(p)),
            "page {p} is somewhere"
        );
    }
    // Page 2 begins mid-sentence: "...that Fink had previously / received
    // reduced sentences": one paragraph across the break.
    let at = slip.reading().find("previously received reduced").unwrap();
    assert_eq!(slip.slip_page_at(at), Some(1));
    let at = slip.reading().find("received reduced").unwrap();
    assert_eq!(slip.slip_page_at(at), Some(2));
    // "(supra, at 10)" speaks of the paragraph on page 10 that begins
    // "Moreover, because better training".
    let at = slip
        .reading()
        .find("Moreover, because better training")
        .unwrap();
    assert_eq!(slip.slip_page_at(at), Some(10));
    let headings: Vec<&str> = slip
        .blocks()
        .iter()
        .filter(|b| b.kind == BlockKind::Heading)
        .map(|b| &slip.reading()[b.reading.clone()])
        .collect();
    assert_eq!(
        headings,
        [
            "JUSTICE BREYER delivered the opinion of the Court.",
            "I",
            "II",
            "III",
            "A",
            "B",
            "C",
            "*  *  *"
        ]
    );
}

/// Every line-end hyphen of the slip seed, decided as the syllabus seed
/// (the same opinion, never wrapped) spells the word.
#[test]
fn slip_seed_line_end_hyphens_all_decided_right() {
    let src = corpus("van_de_kamp_v_goldstein_2009_slip.txt");
    let oracle = corpus("van_de_kamp_v_goldstein_2009_syllabus.txt");
    let norm = normalize(&src);
    let mut seen = 0;
    let mut wrong = Vec::new();
    let mut at = 0;
    for line in src.split_inclusive('\n') {
        let body = line.trim_end();
        let start = at;
        at += line.len();
        if !body.ends_with('-') {
            continue;
        }
        seen += 1;
        let hyphen = start + body.len() - 1;
        // The reading-text word that holds this source position.
        let r = norm.reading();
        let i = (0..r.len())
            .filter(|&i| r.is_char_boundary(i))
            .find(|&i| norm.reading_map().to_source(i) >= hyphen)
            .unwrap();
        let ws = r[..i].rfind(char::is_whitespace).map_or(0, |k| k + 1);
        let we = r[i..].find(char::is_whitespace).map_or(r.len(), |k| i + k);
        let word: String = r[ws..we]
            .trim_matches(|c: char| !c.is_alphanumeric())
            .replace('’', "'");
        let word = word.trim_end_matches("'s");
        if !oracle.contains(word) {
            wrong.push(word.to_string());
        }
    }
    eprintln!(
        "van_de_kamp_v_goldstein_2009_slip.txt: {} of {seen} line-end hyphens decided right",
        seen - wrong.len()
    );
    assert_eq!(seen, 67, "line-end hyphens in the slip seed");
    assert!(wrong.is_empty(), "decided wrong: {wrong:?}");
}

fn slip_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = Vec::new();
    let own = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    if let Some(dir) = shared("opinions") {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            files.push(e.path());
        }
    }
    for e in std::fs::read_dir(own).unwrap().flatten() {
        files.push(e.path());
    }
    files.retain(|p| {
        let n = p.file_name().unwrap().to_string_lossy();
        n.ends_with(".txt") && n.contains("_slip")
    });
    files.sort();
    files
}

/// A line that is a Supreme Court running head (title, page number or the
/// part's label), or a watermark.
fn is_running_head(line: &str) -> bool {
    let s: String = line.split_whitespace().collect::<Vec<_>>().join(" ");
    let title = |t: &str| {
        t.contains(" v. ")
            && t.split(' ').all(|w| {
                !w.chars().any(char::is_lowercase) || w == "v." || w == "ex" || w == "rel."
            })
    };
    let label = matches!(
        s.as_str(),
        "Opinion of the Court" | "Syllabus" | "Per Curiam"
    ) || s.starts_with("Appendix to ")
        || (s.starts_with("Opinion of ") && s.ends_with(", J."))
        || (s.len() < 60
            && s.contains(", J., ")
            && (s.ends_with("dissenting") || s.ends_with("concurring")));
    label
        || s.starts_with("Cite as: ")
        || s.starts_with("(Slip Opinion)")
        || s.contains("OCTOBER TERM, ")
        || s == "Page Proof Pending Publication"
        || (!s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()))
        || s.split_once(' ').is_some_and(|(n, t)| {
            n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty() && title(t)
        })
}

/// Source byte offsets of every non-space character of the reading text.
fn reading_sources(norm: &Normalized) -> Vec<usize> {
    let mut v: Vec<usize> = norm
        .reading()
        .char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .map(|(i, c)| norm.reading_map().span_to_source(i..i + c.len_utf8()).start)
        .collect();
    v.sort_unstable();
    v
}

#[test]
fn no_running_head_or_page_number_survives_in_any_slip() {
    let files = slip_files();
    assert!(files.len() >= 4, "slip files found: {}", files.len());
    let mut heads = 0;
    let mut failures = Vec::new();
    for path in &files {
        let src = std::fs::read_to_string(path).unwrap();
        let norm = normalize(&src);
        let covered = reading_sources(&norm);
        // The top three and bottom line of every page.
        let mut at = 0;
        for page in src.split_inclusive('\x0c') {
            let mut lines: Vec<(usize, &str)> = Vec::new();
            let mut off = at;
            for l in page.split_inclusive('\n') {
                if !l.trim().is_empty() {
                    lines.push((off, l));
                }
                off += l.len();
            }
            at += page.len();
            let n = lines.len();
            let picks = lines
                .iter()
                .enumerate()
                .filter(|(k, _)| *k < 3 || *k + 1 == n)
                .map(|(_, l)| *l);
            for (off, l) in picks {
                if !is_running_head(l) {
                    continue;
                }
                heads += 1;
                let end = off + l.len();
                let i = covered.partition_point(|&s| s < off);
                if covered.get(i).is_some_and(|&s| s < end) {
                    failures.push(format!("{}: {:?}", path.display(), l.trim()));
                }
            }
        }
    }
    eprintln!(
        "{} slip files, {heads} running-head lines checked",
        files.len()
    );
    assert!(heads > 100);
    assert!(
        failures.is_empty(),
        "{} survive:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Paragraph keys: the first ten words of each paragraph, for paragraphs
/// whose key is unique in the document (the syllabus repeats sentences of
/// the opinion, and a repeated key names no one paragraph).
fn paragraph_pages(norm: &Normalized) -> Vec<(String, Option<u32>, Section)> {
    let all: Vec<(String, Option<u32>, Section)> = norm
        .blocks()
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .filter_map(|b| {
            let ws: Vec<&str> = norm.reading()[b.reading.clone()]
                .split_whitespace()
                .take(10)
                .collect();
            (ws.len() == 10).then(|| (ws.join(" "), b.slip_page, b.section))
        })
        .collect();
    let mut count: std::collections::HashMap<&str, usize> = Default::default();
    for (k, _, _) in &all {
        *count.entry(k).or_default() += 1;
    }
    all.iter()
        .filter(|(k, _, _)| count[k.as_str()] == 1)
        .cloned()
        .collect()
}

#[test]
fn raw_and_layout_forms_give_the_same_slip_page_per_paragraph() {
    let mut pairs: Vec<(PathBuf, PathBuf)> = Vec::new();
    for raw in slip_files() {
        let name = raw.to_string_lossy().to_string();
        if let Some(stem) = name.strip_suffix("_slip.txt") {
            let layout = PathBuf::from(format!("{stem}_slip_layout.txt"));
            if layout.exists() && !pairs.iter().any(|(r, _)| r.file_name() == raw.file_name()) {
                pairs.push((raw, layout));
            }
        }
    }
    assert!(pairs.len() >= 3, "pairs: {}", pairs.len());
    let (mut matched, mut total, mut disagree) = (0, 0, Vec::new());
    for (raw, layout) in &pairs {
        let a = normalize(&std::fs::read_to_string(raw).unwrap());
        let b = normalize(&std::fs::read_to_string(layout).unwrap());
        let pb = paragraph_pages(&b);
        for (key, page, section) in paragraph_pages(&a) {
            total += 1;
            if let Some((_, p2, s2)) = pb.iter().find(|(k, _, _)| *k == key) {
                matched += 1;
                if (page, section) != (*p2, *s2) {
                    disagree.push(format!(
                        "{}: {key:?}: raw {page:?} {section:?}, layout {p2:?} {s2:?}",
                        raw.display()
                    ));
                }
            }
        }
    }
    eprintln!(
        "{} pairs: {matched} of {total} raw paragraphs found in the layout form",
        pairs.len()
    );
    assert!(matched * 10 >= total * 8, "{matched} of {total} matched");
    assert!(disagree.is_empty(), "{}", disagree.join("\n"));
}

/// The line-end hyphens of a slip, in source order: (offset of the hyphen,
/// letters before it, letters after the break).
fn line_end_hyphens(src: &str) -> Vec<(usize, String, String)> {
    let lines: Vec<(usize, &str)> = src
        .split_inclusive('\n')
        .scan(0, |at, l| {
            let start = *at;
            *at += l.len();
            Some((start, l))
        })
        .collect();
    let mut out = Vec::new();
    for (k, (start, l)) in lines.iter().enumerate() {
        let t = l.trim_end();
        if !t.ends_with('-') || t.ends_with("--") {
            continue;
        }
        let left: String = t[..t.len() - 1]
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if left.is_empty() {
            continue;
        }
        let next = lines[k + 1..]
            .iter()
            .map(|(_, n)| *n)
            .find(|n| !n.trim().is_empty())
            .unwrap_or("");
        let right: String = next
            .trim_start_matches(['\x0c', ' '])
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        out.push((start + t.len() - 1, left, right));
    }
    out
}

/// Decides the hyphens of Bartenwerfer's -raw and -layout slips and compares
/// them with the annotation read against the text; prints the rate.
#[test]
fn bartenwerfer_line_end_hyphens_match_the_annotation() {
    let notes = corpus("scotus_bartenwerfer_v_buckley_2023_slip.hyphens.tsv");
    let rows: Vec<Vec<&str>> = notes
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').collect())
        .collect();
    assert!(rows.len() > 100);
    for file in [
        "scotus_bartenwerfer_v_buckley_2023_slip.txt",
        "scotus_bartenwerfer_v_buckley_2023_slip_layout.txt",
    ] {
        let src = corpus(file);
        let norm = normalize(&src);
        let r = norm.reading();
        let hyphens = line_end_hyphens(&src);
        assert_eq!(hyphens.len(), rows.len(), "{file}: hyphens in source order");
        let (mut right_count, mut decided, mut wrong) = (0, 0, Vec::new());
        for ((at, left, rest), row) in hyphens.iter().zip(&rows) {
            assert_eq!((left.as_str(), rest.as_str()), (row[1], row[2]), "{file}");
            // The reading character that is the letter before the hyphen.
            let Some(i) = (0..r.len())
                .filter(|&i| r.is_char_boundary(i))
                .find(|&i| norm.reading_map().to_source(i) == *at - 1)
            else {
                continue; // removed text (the NOTICE paragraph)
            };
            decided += 1;
            let ws = r[..i].rfind(char::is_whitespace).map_or(0, |k| k + 1);
            let we = r[i..].find(char::is_whitespace).map_or(r.len(), |k| i + k);
            if r[ws..we].contains(row[3]) {
                right_count += 1;
            } else {
                wrong.push(format!("{}: {:?} reads {:?}", row[0], row[3], &r[ws..we]));
            }
        }
        eprintln!("{file}: {right_count} of {decided} line-end hyphens decided right");
        assert!(wrong.is_empty(), "{file}: {}", wrong.join("\n"));
    }
}

#[test]
fn captions_give_case_name_docket_and_date() {
    for (file, name, docket, date) in [
        (
            "scotus_bartenwerfer_v_buckley_2023_slip.txt",
            "BARTENWERFER v. BUCKLEY",
            "No. 21–908",
            "February 22, 2023",
        ),
        (
            "scotus_bartenwerfer_v_buckley_2023_slip_layout.txt",
            "BARTENWERFER v. BUCKLEY",
            "No. 21–908",
            "February 22, 2023",
        ),
        (
            "scotus_kemp_v_us_2022_prelim_slip.txt",
            "KEMP v. UNITED STATES",
            "No. 21–5726",
            "June 13, 2022",
        ),
        (
            "scotus_abbott_v_abbott_2010_slip.txt",
            "ABBOTT v. ABBOTT",
            "No. 08–645",
            "May 17, 2010",
        ),
    ] {
        let src = corpus(file);
        let m = normalize(&src).metadata().clone();
        let text = |s: Option<pincite::Span>| s.map(|s| &src[s.range()]);
        assert_eq!(text(m.case_name), Some(name), "{file}");
        assert_eq!(text(m.docket), Some(docket), "{file}");
        assert_eq!(text(m.date), Some(date), "{file}");
    }
}

#[test]
fn sections_of_a_slip_with_a_concurrence() {
    let norm = normalize(&corpus("scotus_bartenwerfer_v_buckley_2023_slip.txt"));
    let mut parts: Vec<Section> = norm.blocks().iter().map(|b| b.section).collect();
    parts.dedup();
    assert_eq!(
        parts,
        [Section::Syllabus, Section::Opinion, Section::Concurrence]
    );
    let notes: Vec<&str> = norm
        .blocks()
        .iter()
        .filter_map(|b| b.footnote.as_deref())
        .collect();
    assert_eq!(notes, ["1", "2", "3", "4", "5"].as_slice()[..notes.len()]);
    assert!(notes.len() >= 3, "footnotes: {notes:?}");
}

/// The -raw, -layout and default-mode texts of one PDF give the same
/// footnotes on the same slip pages.
#[test]
fn three_pdftotext_forms_agree_on_footnotes() {
    let notes = |file: &str| -> Vec<(String, Option<u32>)> {
        normalize(&corpus(file))
            .blocks()
            .iter()
            .filter_map(|b| b.footnote.clone().map(|f| (f, b.slip_page)))
            .collect()
    };
    let raw = notes("scotus_tarrant_v_herrmann_2013_slip.txt");
    assert_eq!(raw.len(), 13);
    let labels: Vec<String> = (1..=13).map(|n| n.to_string()).collect();
    assert_eq!(raw.iter().map(|n| n.0.clone()).collect::<Vec<_>>(), labels);
    assert_eq!(notes("scotus_tarrant_v_herrmann_2013_slip_layout.txt"), raw);
    assert_eq!(
        notes("scotus_tarrant_v_herrmann_2013_slip_default.txt"),
        raw
    );
}

/// The page of a source position agrees with the page of the block that
/// holds it, footnotes inside page-crossing paragraphs included.
#[test]
fn slip_page_of_a_source_position() {
    for file in [
        "van_de_kamp_v_goldstein_2009_slip.txt",
        "scotus_tarrant_v_herrmann_2013_slip.txt",
        "scotus_kemp_v_us_2022_prelim_slip_layout.txt",
    ] {
        let norm = normalize(&corpus(file));
        for b in norm.blocks() {
            assert_eq!(
                norm.slip_page_at_source(b.span.start),
                b.slip_page,
                "{file}: block at {}",
                b.span.start
            );
            let last = b.reading.end.saturating_sub(1);
            let at = norm.reading_map().span_to_source(last..b.reading.end).start;
            assert_eq!(
                norm.slip_page_at_source(at),
                norm.slip_page_at(last),
                "{file}: end of block at {}",
                b.span.start
            );
        }
    }
}

/// Graham v. Florida's PDF carries "Appendix to opinion of the Court" in
/// the running head of every page of the opinion, above "Opinion of the
/// Court": only the appendix's own pages (33 to 35) are the appendix.
#[test]
fn an_appendix_head_over_the_opinion_head_does_not_make_an_appendix() {
    let Some(dir) = shared("opinions") else {
        return;
    };
    let src = std::fs::read_to_string(dir.join("scotus_graham_v_florida_2010_slip.txt")).unwrap();
    let norm = normalize(&src);
    let appendix: Vec<Option<u32>> = norm
        .blocks()
        .iter()
        .filter(|b| b.section == Section::Appendix)
        .map(|b| b.slip_page)
        .collect();
    assert!(!appendix.is_empty());
    assert!(
        appendix
            .iter()
            .all(|p| p.is_some_and(|p| (33..=35).contains(&p))),
        "appendix blocks on pages {appendix:?}"
    );
    let opinion_pages: std::collections::BTreeSet<u32> = norm
        .blocks()
        .iter()
        .filter(|b| b.section == Section::Opinion)
        .filter_map(|b| b.slip_page)
        .collect();
    // Paragraphs start on most of the opinion's 32 pages (some pages hold
    // only the middle of a long paragraph).
    assert!(opinion_pages.len() >= 25, "{opinion_pages:?}");
    assert_eq!(opinion_pages.last(), Some(&32));
}

/// The older slips of the bulk corpus set long running titles on two lines
/// ("AMERICAN NEEDLE, INC. v. NATIONAL" over "FOOTBALL LEAGUE", or
/// "GOODYEAR DUNLOP TIRES OPERATIONS, S. A." over "v. BROWN"): no part
/// label of such a head is left inside a sentence of the reading text.
#[test]
fn two_line_running_titles_leave_nothing_in_the_text() {
    let Some(dir) = shared("bulk-scotus-ot2009-2011") else {
        return;
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut left = Vec::new();
    for path in &files {
        let src = std::fs::read_to_string(path).unwrap();
        let norm = normalize(&src);
        let reading = norm.reading();
        for (i, _) in reading.match_indices("Opinion of the Court ") {
            let next = reading[i + 21..].chars().next();
            if next.is_some_and(char::is_lowercase) {
                left.push(format!(
                    "{}: {}",
                    path.display(),
                    reading.get(i.saturating_sub(40)..i + 30).unwrap_or("")
                ));
            }
        }
    }
    eprintln!("{} bulk texts checked", files.len());
    assert!(left.is_empty(), "{} left:\n{}", left.len(), left.join("\n"));
}

/// pypdf sets a space before a line-end hyphen ("Restate -|ment (Third) of
/// Agency"): the word is mended when the document or the word list knows
/// it, and a spaced dash between words is left as written.
#[test]
fn a_spaced_line_end_hyphen_mends_a_known_word() {
    let src = "The employer is liable. Restate -\nment (Third) of Agency §7.07 (2006); \
               Restatement (Second) of Torts.\nThe payment -\nwhich was late - came.\n";
    let norm = pincite::Normalizer::new()
        .form(pincite::InputForm::PdfRaw)
        .normalize(src);
    let reading = norm.reading();
    assert!(
        reading.contains("Restatement (Third) of Agency"),
        "{reading}"
    );
    assert!(
        reading.contains("payment -which") || reading.contains("payment - which"),
        "{reading}"
    );
}

/// A party's name broken by its syllables at a line end beside the "v."
/// of a case name is one word, though both halves are words ("Little",
/// "ton") and the document writes the name nowhere else; a compound name
/// keeps its capitals and its hyphen, and a hyphen elsewhere is decided
/// as before (the Court's O'Shea v. Littleton, Taggart v. Lorenzen,
/// Sea-Land Serv.).
#[test]
fn a_party_name_broken_at_a_line_end_is_one_word() {
    let src = "See, e.g., O'Shea v. Little-\nton, 414 U. S. 488, 503 (1974); Taggart v. Loren-\n\
               zen, 587 U. S. 554 (2019); Sea-\nLand Serv., Inc. v. Ceramica Europa II, \
               Inc., 160 F. 3d 849 (CA1 1998). The well-\nknown rule of Deer-\ning applies.\n";
    let norm = pincite::Normalizer::new()
        .form(pincite::InputForm::PdfRaw)
        .normalize(src);
    let reading = norm.reading();
    for want in [
        "O'Shea v. Littleton, 414",
        "Taggart v. Lorenzen, 587",
        "Sea-Land Serv.",
        "well-known rule of Deer-ing applies",
    ] {
        assert!(reading.contains(want), "{want}: {reading}");
    }
}

/// A sentence that stands at the foot (or the top) of every page is the
/// text's own, not page furniture: the Bartenwerfer slip with the same
/// sentence, a citation in it, set as the last line of each page keeps
/// it (and its citation) on every page, while the running heads still go
/// (they are left as often as in the slip itself: in its caption).
#[test]
fn a_sentence_repeated_at_every_foot_keeps_its_citations() {
    let slip = corpus("scotus_bartenwerfer_v_buckley_2023_slip.txt");
    let line = "See Imbler v. Pachtman, 424 U. S. 409, 430 (1976).";
    let pages: Vec<&str> = slip
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert!(pages.len() > 10, "{} pages", pages.len());
    let with_line: Vec<String> = pages
        .iter()
        .map(|p| format!("{}\n{line}\n", p.trim_end()))
        .collect();
    let src = with_line.join("\u{c}");
    let norm = normalize(&src);
    let cites = pincite::extract(&src, &norm);
    let found = cites
        .iter()
        .filter(|c| c.text == "Imbler v. Pachtman, 424 U. S. 409, 430 (1976)")
        .count();
    assert_eq!(found, pages.len(), "the sentence's citation on every page");
    let reading = norm.reading();
    assert_eq!(reading.matches(line).count(), pages.len());
    let plain = normalize(&slip);
    for head in [
        "BARTENWERFER v. BUCKLEY",
        "Cite as:",
        "Opinion of the Court",
    ] {
        let n = plain.reading().matches(head).count();
        assert_eq!(
            reading.matches(head).count(),
            n,
            "{head:?} (a running head)"
        );
    }
}

/// An orders list in `pdftotext -layout` text (557 U. S., "Rehearing
/// Denied"): each entry is indented and its lines after the first are
/// flush; an entry of one line does not take the next entry in, so that
/// a name running onto a flush line stays whole.
#[test]
fn each_entry_of_an_orders_list_is_a_block_in_layout_text() {
    let text = "Rehearing Denied\n   No. 07–1356. Kansas v. Ventris, 556 U. S. 586;\n   \
                No. 08–8539. Young v. Illinois, 556 U. S. 1170;\n   \
                No. 08–8880. Thomas v. Shinseki, Secretary of Veterans\n\
                Affairs, 556 U. S. 1192;\n   \
                No. 08–9090. Dorsey v. McKune, Warden, et al., 556\nU. S. 1212;\n";
    let norm = pincite::Normalizer::new()
        .form(pincite::InputForm::PdfLayout)
        .normalize(text);
    let blocks: Vec<&str> = norm
        .blocks()
        .iter()
        .map(|b| &norm.reading()[b.reading.clone()])
        .collect();
    assert_eq!(
        blocks,
        [
            "Rehearing Denied",
            "No. 07–1356. Kansas v. Ventris, 556 U. S. 586;",
            "No. 08–8539. Young v. Illinois, 556 U. S. 1170;",
            "No. 08–8880. Thomas v. Shinseki, Secretary of Veterans Affairs, 556 U. S. 1192;",
            "No. 08–9090. Dorsey v. McKune, Warden, et al., 556 U. S. 1212;",
        ]
    );
}
