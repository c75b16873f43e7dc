//! Citation extraction: one pass over the matching text.
//!
//! One multi-pattern search finds cheap anchors (a volume and reporter,
//! "Id.", "supra", "§", "App.", "Stat.", "U. S. C."), one pattern per form
//! of [`forms::FORMS`]; the form whose pattern matched parses the citation
//! with small anchored patterns looking a bounded distance back (case
//! name, signal) and forward (pins, parentheticals). The scan resumes
//! after the citation proper, so citations inside parentheticals are found
//! too.
//!
//! Whitespace in every pattern here is `[^\S\n]`: the matching text has
//! one block a line, and no citation runs from one block into the next. The
//! matching text has no whitespace but spaces and line ends, so the
//! reporter spellings and the case anchor match plain spaces: a far
//! smaller automaton, compiled faster and searched faster.
//!
//! Word boundaries in the anchor patterns are ASCII ones: the lazy DFA
//! cannot decide a Unicode `\b` on non-ASCII text and would fall back to a
//! far slower engine for the whole search.

mod forms;
mod link;
mod names;
mod pins;
mod reporters;
mod scanner;
#[allow(dead_code)]
mod tables;
mod titles;

pub(crate) use tables::known_court_id;

use crate::citation::Citation;
use crate::normalize::Normalized;
use regex_automata::Match;
use regex_automata::meta::Regex;
use scanner::Scanner;
use std::sync::LazyLock;

/// The anchors of every form, one pattern each, searched at once; the
/// pattern that matches names the form. At one position the patterns are
/// tried in the order of [`forms::FORMS`].
static ANCHORS: LazyLock<Regex> = LazyLock::new(|| anchors(forms::FORMS.iter()));

/// The anchor of [`forms::SHORT_NAME`] alone, searched beside [`ANCHORS`]
/// for the rest of a document once a "hereinafter" has given a source a
/// short name: a capitalized word before a number, where a reference by
/// that name may end ("Federalist 466", "Black's 694"). The forms of
/// [`ANCHORS`] win at one position.
static SHORT_NAME_ANCHOR: LazyLock<Regex> = LazyLock::new(|| anchors([&forms::SHORT_NAME]));

/// The anchor patterns of `forms`, their whitespace ([`PATTERN_SPACE`])
/// a plain space.
fn anchors<'r>(forms: impl IntoIterator<Item = &'r forms::Rule>) -> Regex {
    let patterns: Vec<String> = forms
        .into_iter()
        .map(|f| plain_spaces(&(f.anchor)()))
        .collect();
    Regex::builder()
        .configure(Regex::config().auto_prefilter(false))
        .build_many(&patterns)
        .expect("anchor patterns compile")
}

/// The last match of [`SHORT_NAME_ANCHOR`] found in a text, and where its
/// search started: it is the next match from any position between the
/// two, so that the text is searched for short names once, not again
/// after every anchor.
#[derive(Default)]
struct NextShortName {
    from: usize,
    found: Option<Match>,
    searched: bool,
}

impl NextShortName {
    /// The first match of [`SHORT_NAME_ANCHOR`] in `text` from `pos`.
    fn at(&mut self, text: &str, pos: usize) -> Option<Match> {
        let ahead = self.found.is_none_or(|m| pos <= m.start());
        if !(self.searched && self.from <= pos && ahead) {
            let input = regex_automata::Input::new(text).range(pos..);
            *self = NextShortName {
                from: pos,
                found: SHORT_NAME_ANCHOR.find(input),
                searched: true,
            };
        }
        self.found
    }
}

/// The next anchor in `text` from `pos` and its form: the first that
/// [`ANCHORS`] finds, or when `short_names` are searched for too, a
/// reference by a short name that starts before it.
fn next_anchor(
    text: &str,
    pos: usize,
    short_names: Option<&mut NextShortName>,
) -> Option<(Match, &'static forms::Rule)> {
    let found = ANCHORS.find(regex_automata::Input::new(text).range(pos..));
    let form = |m: Match| (m, &forms::FORMS[m.pattern().as_usize()]);
    let short = short_names.and_then(|n| n.at(text, pos));
    match (found, short) {
        (Some(m), Some(n)) if n.start() < m.start() => Some((n, &forms::SHORT_NAME)),
        (None, Some(n)) => Some((n, &forms::SHORT_NAME)),
        (found, _) => found.map(form),
    }
}

/// A list of functions that each force one of the lazily compiled
/// patterns (or tables) named, for [`prepare`].
macro_rules! patterns {
    ($($pattern:ident),* $(,)?) => {
        &[$(|| {
            std::sync::LazyLock::force(&$pattern);
        }),*]
    };
}
pub(crate) use patterns;

/// The lazily compiled patterns and tables of extraction outside the
/// forms.
const PATTERNS: [&[fn()]; 6] = [
    patterns![ANCHORS, SHORT_NAME_ANCHOR],
    link::PATTERNS,
    pins::PATTERNS,
    reporters::PATTERNS,
    scanner::PATTERNS,
    titles::PATTERNS,
];

/// Compiles share `share` of `shares` of extraction's patterns now, where
/// they are otherwise compiled when first used: the workers of a large
/// job, each compiling its share at the start, compile them in parallel,
/// and none waits on another's compiling the pattern both need first.
pub(crate) fn prepare(share: usize, shares: usize) {
    let lists = PATTERNS.iter().chain(&forms::PATTERNS);
    let all = lists.flat_map(|list| list.iter());
    for force in all.skip(share).step_by(shares.max(1)) {
        force();
    }
}

/// How the patterns write the whitespace inside a block.
const PATTERN_SPACE: &str = r"[^\S\n]";

/// `pattern` with its whitespace inside a block ([`PATTERN_SPACE`]) made
/// a plain space: the only such whitespace the matching text has, and a
/// class of one byte where the Unicode class has many multi-byte members,
/// which would make the lazy DFA build several times the states.
fn plain_spaces(pattern: &str) -> String {
    pattern.replace(PATTERN_SPACE, "[ ]")
}

/// Whether reporters-db's journals list knows the periodical abbreviated
/// `abbreviation` (any spacing).
pub(crate) fn is_known_journal(abbreviation: &str) -> bool {
    tables::journal(abbreviation).is_some()
}

/// Scans a normalized text for citations, unresolved; `source` is the text
/// `norm` was made from.
pub(crate) fn scan(source: &str, norm: &Normalized) -> Vec<Citation> {
    let mut s = Scanner::new(source, norm);
    let text = norm.matching();
    let mut pos = 0;
    let mut short_names = NextShortName::default();
    while pos < text.len() {
        let named = s.has_short_names().then_some(&mut short_names);
        let Some((m, form)) = next_anchor(text, pos, named) else {
            break;
        };
        let next = (form.parse)(&mut s, m.range());
        pos = next.max(m.start() + 1);
        while !text.is_char_boundary(pos) {
            pos += 1;
        }
    }
    s.link();
    forms::statute::apply_declared(&mut s);
    s.out
}

#[cfg(test)]
mod tests {
    use super::reporters::{case_at, tests::push_flexible};
    use super::*;

    /// An anchor found: start, end, and the parts of a case anchor.
    type Found = (usize, usize, Option<Vec<Option<String>>>);

    /// The index of the case form in the table.
    fn case_form() -> usize {
        forms::FORMS
            .iter()
            .position(|f| f.name == "case")
            .expect("a case form")
    }

    /// The anchors of `text` as the anchor patterns find them with the
    /// case candidate replaced by one pattern with every reporter and
    /// periodical spelling in it.
    fn anchors_by_pattern(text: &str) -> Vec<Found> {
        static FULL: LazyLock<Regex> = LazyLock::new(|| {
            let mut reps = String::new();
            for (i, s) in reporters::anchor_spellings().enumerate() {
                if i > 0 {
                    reps.push('|');
                }
                push_flexible(&mut reps, s);
            }
            let case = format!(
                r"(?:(?-u:\b)[0-9]{{1,4}} +(?:{reps})(?: *\( *[0-9]{{1,3}} +(?:{reps}) *\))?(?: +[0-9]{{1,7}}(?-u:\b)| +_{{2,}}| *, +at(?: |_)| *, +[0-9]{{1,7}}(?-u:\b)| *, +_{{2,}}| *¶ *[0-9]{{1,3}}(?:,[0-9]{{3}})+(?-u:\b)| *¶ *[0-9]{{1,7}}(?-u:\b)| +[ivxlc]{{1,8}}(?: \(|,)| +at(?:_| [0-9*_]| ¶| pp?\.)))"
            );
            let patterns: Vec<String> = forms::FORMS
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    if i == case_form() {
                        case.clone()
                    } else {
                        (f.anchor)()
                    }
                })
                .collect();
            let config = Regex::config()
                .nfa_size_limit(Some(1 << 28))
                .hybrid_cache_capacity(1 << 28);
            Regex::builder()
                .configure(config)
                .build_many(&patterns)
                .unwrap()
        });
        let parts = scanner::re(
            r"(?s)^(?P<vol>[0-9]{1,4}) +(?P<rep>.+?)(?: *\( *[0-9]{1,3} +[^)]+\))?(?: +(?P<page>[0-9]{1,7})| +(?P<blank>_{2,})| *, +at(?: |_)| *, +(?P<cpage>[0-9]{1,7})| *, +(?P<cblank>_{2,})| *¶ *(?P<ppage>[0-9,]+)| +(?P<rpage>[ivxlc]{1,8})| +at(?: |_))$",
        );
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some(m) = FULL.find(regex_automata::Input::new(text).range(pos..)) {
            let is_case = m.pattern().as_usize() == case_form();
            let end = if is_case {
                m.end() - pin_start(&text[m.range()])
            } else {
                m.end()
            };
            let case = is_case.then(|| {
                let c = parts.captures(&text[m.start()..end]).unwrap();
                let page = c.name("page").or(c.name("cpage")).or(c.name("rpage"));
                let page = page.or(c.name("ppage"));
                let blank = c.name("blank").or(c.name("cblank"));
                [c.name("vol"), c.name("rep"), page, blank]
                    .iter()
                    .map(|g| g.map(|g| g.as_str().to_string()))
                    .collect()
            });
            out.push((m.start(), end, case));
            pos = end;
        }
        out
    }

    /// How many bytes at the end of a case anchor matched by the full
    /// pattern are the start of a pin after a Bluebook " at " ("5 U.S. at
    /// 7", "at ¶ 3", "at p. 7"), which the trie leaves to the pins.
    fn pin_start(m: &str) -> usize {
        // "12 Neb. App. lxiv (": the parenthesis or comma after a roman page.
        let roman = m.trim_end_matches([' ', '(', ',']);
        if roman.len() < m.len() && roman.ends_with(['i', 'v', 'x', 'l', 'c']) {
            return m.len() - roman.len();
        }
        let after_at = |n: usize| m.len() >= n && m[..m.len() - n].ends_with(" at ");
        if after_at(3) && m.ends_with("pp.") {
            3
        } else if after_at(2) && (m.ends_with("p.") || m.ends_with('¶')) {
            2
        } else if after_at(1) && m.ends_with(|c: char| c.is_ascii_digit() || c == '*' || c == '_') {
            1
        } else {
            0
        }
    }

    /// The same, found as `scan` finds them: a case candidate, then the
    /// trie.
    fn anchors_by_trie(text: &str) -> Vec<Found> {
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some(m) = ANCHORS.find(regex_automata::Input::new(text).range(pos..)) {
            if m.pattern().as_usize() != case_form() {
                out.push((m.start(), m.end(), None));
                pos = m.end();
                continue;
            }
            match case_at(text, m.start()) {
                Some(c) => {
                    let part = |b: Option<(usize, usize)>| b.map(|(s, e)| text[s..e].to_string());
                    let parts = vec![
                        part(Some(c.vol)),
                        part(Some(c.rep)),
                        part(c.page),
                        part(c.blank),
                    ];
                    out.push((c.whole.0, c.whole.1, Some(parts)));
                    pos = c.whole.1;
                }
                None => pos = m.start() + 1,
            }
        }
        out
    }

    /// The trie of reporter spellings finds the case anchors one pattern
    /// with every spelling finds, with the same parts, on the shipped
    /// texts and on spacings written to try it.
    #[test]
    fn case_anchors_agree_with_the_full_pattern() {
        let mut texts = vec![
            "5 U. S. App. D. C. 100; 424 U. S., at 430; 596 U. S. ___, ___; 5 F.3d 10; \
             5 F. 3d 1138a; 12 miles; 1998 Id. at 5; 42 U. S. C. § 1983; 3 App. 45; \
             5 (So. 2nd) 7; 5  U.  S.  7; 5 U.S.,at 7; 5 U. S. ,  at_; 12 F. Supp. 2d 1; \
             12345 U. S. 1; 1 U. S. 12345678; 7 F. 2d 9_; 7 Cal. App. 4th 12, 15; \
             454 U.S. at 241; 105 Idaho at 667; 1 So.2d at 1; 5 U.S. at least; \
             154 Cal.App.4th at p. 560; 2 F.3d at ¶ 4; 3 F.3d at *5; 4 U.S. at___; \
             3 U.S. (3 Dall.) 386, 390; 5 U. S. (1 Cranch) 137; 1 Cranch 137; 9 U.S. (5 Foo) 1; \
             foo 1 U.S., 1 bar; 2 U.S., 12a; 12 Neb. App. lxiv (2004); 4 F.2d xx, \
             555 U. S., ___ , ___; 103 FERC ¶61,082, pp. 61,266; 99 FERC ¶ 61047"
                .to_string(),
        ];
        for (_, text) in crate::shipped::texts() {
            texts.push(crate::normalize::normalize(&text).matching().to_string());
        }
        let mut cases = 0;
        for text in &texts {
            let want = anchors_by_pattern(text);
            let got = anchors_by_trie(text);
            cases += want.iter().filter(|a| a.2.is_some()).count();
            assert_eq!(got, want);
        }
        assert!(cases > 300, "{cases} case anchors compared");
    }

    /// The anchors with plain spaces find what the patterns as written
    /// find, form for form, on the shipped texts and on text spaced with
    /// tabs and no-break spaces made matching text.
    #[test]
    fn plain_space_anchors_agree_with_the_patterns() {
        let written = Regex::builder()
            .configure(Regex::config().auto_prefilter(false))
            .build_many(
                &forms::FORMS
                    .iter()
                    .map(|f| (f.anchor)())
                    .collect::<Vec<_>>(),
            )
            .expect("anchor patterns compile");
        let spaced = "See 5\tU.\u{a0}S. 137; Tr. of\u{2009}Oral Arg. 12; Fed. Rule Civ.\tProc. 23";
        let mut texts = vec![crate::normalize::normalize(spaced).matching().to_string()];
        for (_, text) in crate::shipped::texts() {
            texts.push(crate::normalize::normalize(&text).matching().to_string());
        }
        let all = |re: &Regex, text: &str| -> Vec<(usize, usize, usize)> {
            let mut out = Vec::new();
            let mut pos = 0;
            while let Some(m) = re.find(regex_automata::Input::new(text).range(pos..)) {
                out.push((m.start(), m.end(), m.pattern().as_usize()));
                pos = m.end().max(m.start() + 1);
                while !text.is_char_boundary(pos) {
                    pos += 1;
                }
            }
            out
        };
        let mut found = 0;
        for text in &texts {
            let want = all(&written, text);
            found += want.len();
            assert_eq!(all(&ANCHORS, text), want);
        }
        assert!(all(&ANCHORS, &texts[0]).len() >= 3);
        assert!(found > 1000, "{found} anchors compared");
    }

    /// [`prepare`] forces every lazily compiled pattern or table declared
    /// in the modules of extraction (outside their tests), shared out
    /// among any number of threads.
    #[test]
    fn prepare_lists_every_lazy_pattern() {
        fn declared(dir: &std::path::Path, count: &mut usize) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    declared(&path, count);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    let code = text.split("\n#[cfg(test)]").next().unwrap();
                    *count += code
                        .lines()
                        .filter(|l| !l.starts_with(' ') && l.contains("static "))
                        .filter(|l| l.contains(": LazyLock<"))
                        .count();
                }
            }
        }
        let mut count = 0;
        declared(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/extract"),
            &mut count,
        );
        let listed: usize = PATTERNS
            .iter()
            .chain(&forms::PATTERNS)
            .map(|l| l.len())
            .sum();
        assert!(count > 100, "{count} lazy patterns declared");
        assert_eq!(listed, count);
        for share in 0..3 {
            prepare(share, 3);
        }
        prepare(0, 0);
    }

    /// Every form's anchor compiles on its own and has a distinct name.
    #[test]
    fn forms_are_listed_once() {
        let mut names: Vec<&str> = forms::FORMS.iter().map(|f| f.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), forms::FORMS.len());
        for f in forms::FORMS {
            scanner::re(&(f.anchor)());
        }
    }
}
