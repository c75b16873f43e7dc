//! The citation grammar: anchors, then bounded parsing around each one.

use super::tables;
use crate::citation::{
    Citation, Code, Form, FullCase, Id, Internal, Pin, Place, Record, Reference, ShortCase,
    Statute, Supra,
};
use crate::law::pages::full_range_end;
use crate::law::sections::base_section;
use crate::normalize::{BlockKind, Normalized, Section};
#[cfg(test)]
use regex::RegexBuilder;
use regex::{Captures, Regex};
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

/// The longest case name looked back over, in bytes.
const NAME_LOOKBACK: usize = 120;
/// The longest signal looked back over, in bytes.
const SIGNAL_LOOKBACK: usize = 30;
/// How far back a "with" looks for its "Compare", in bytes.
const COMPARE_LOOKBACK: usize = 400;
/// How far back before an "Id." a source pincite does not parse is looked
/// for, in bytes.
const OTHER_LOOKBACK: usize = 1500;
/// The longest explanatory parenthetical captured, in bytes.
const PAREN_MAX: usize = 1000;

/// Appends `spelling` to a pattern so that any spacing matches: each space
/// matches any run of whitespace, and whitespace may follow each period.
/// The reporter trie ([`REPORTERS`]) matches spellings this way; the
/// pattern is what the tests check it against.
#[cfg(test)]
fn push_flexible(pat: &mut String, spelling: &str) {
    let chars: Vec<char> = spelling.chars().collect();
    let mut buf = [0u8; 4];
    for (i, &c) in chars.iter().enumerate() {
        if c.is_whitespace() {
            if !pat.ends_with(" *") {
                pat.push_str(" *");
            }
        } else if c == '.' {
            pat.push_str(r"\.");
            if chars.get(i + 1).is_some_and(|n| !n.is_whitespace()) {
                pat.push_str(" *");
            }
        } else {
            pat.push_str(&regex::escape(c.encode_utf8(&mut buf)));
        }
    }
}

// Whitespace in every pattern here is `[^\S\n]`: the matching text has one
// block a line, and no citation runs from one block into the next. The
// matching text has no whitespace but spaces and line ends, so the reporter
// spellings and the case anchor, thousands of branches, match plain spaces:
// a far smaller automaton, compiled faster and searched faster.
//
// Word boundaries in the anchor patterns are ASCII ones: the lazy DFA
// cannot decide a Unicode `\b` on non-ASCII text and would fall back to a
// far slower engine for the whole search.

/// The anchor alternatives that come before case reporters, in order.
const BEFORE_CASE: [&str; 5] = [
    r"(?P<usc>(?-u:\b)(?P<title>[0-9]{1,3})[^\S\n]+(?P<code>U\.[^\S\n]*S\.[^\S\n]*C\.(?:[^\S\n]*A\.)?|C\.[^\S\n]*F\.[^\S\n]*R\.)[^\S\n]*(?P<usc_sec>§§?))",
    r"(?P<rs>(?-u:\b)Rev\.[^\S\n]*Stat\.[^\S\n]*(?P<rs_sec>§§?))",
    r"(?P<stat>(?-u:\b)(?P<svol>[0-9]{1,3})[^\S\n]+Stat\.[^\S\n]+(?P<spage>[0-9]{1,5})(?-u:\b))",
    r"(?P<pl>(?-u:\b)Pub\.[^\S\n]*L\.[^\S\n]*(?:No\.[^\S\n]*)?(?P<congress>[0-9]{1,3})-(?P<law>[0-9]{1,4})(?-u:\b))",
    r"(?P<rec>(?-u:\b)(?:(?P<recvol>[0-9]{1,2})[^\S\n]+)?(?:App\.[^\S\n]+to[^\S\n]+Pet\.[^\S\n]+for[^\S\n]+Cert\.|App\.|Tr\.)[^\S\n]+[0-9])",
];
/// The anchor alternatives that come after case reporters, in order.
const AFTER_CASE: [&str; 6] = [
    r"(?P<id>(?-u:\b)(?:Ibid|ibid|Id|id)\.)",
    r"(?P<supra>(?-u:\b)(?:supra|infra)(?-u:\b))",
    r"(?P<sec>§§?)",
    r"(?P<secword>(?-u:\b)(?P<sec_w>Sections?)[^\S\n]+[0-9])",
    r"(?P<pp>(?-u:\b)Pp?\.[^\S\n]+[0-9])",
    r"(?P<ante>(?-u:\b)(?:[Aa]nte|[Pp]ost),[^\S\n]+at[^\S\n]+[0-9])",
];

/// The one anchor pattern, used only to find where anchors are (a DFA
/// search, no capture groups). Alternatives are tried in order at each
/// start, so statutes come before case reporters ("42 U. S. C." is no
/// reporter). Case citations are found in two steps: the pattern stops at
/// a volume followed by a character a reporter can begin with (a case
/// *candidate*), and [`case_at`] reads the reporter with the trie of all
/// spellings ([`REPORTERS`]) and the page or blank after it. Thousands of
/// spellings kept out of the pattern make it small: compiled in a fraction
/// of the time, searched faster. What else matched is taken apart by
/// [`SMALL`].
static ANCHOR: LazyLock<regex_automata::meta::Regex> = LazyLock::new(|| {
    let mut firsts: Vec<char> = tables::reporter_spellings()
        .filter_map(|s| s.trim_start().chars().next())
        .collect();
    firsts.sort_unstable();
    firsts.dedup();
    let class: String = firsts
        .iter()
        .map(|c| regex::escape(&c.to_string()))
        .collect();
    let case = format!(r"(?:(?-u:\b)[0-9]{{1,4}} +[{class}])");
    let pat = BEFORE_CASE
        .iter()
        .copied()
        .chain([case.as_str()])
        .chain(AFTER_CASE.iter().copied())
        .collect::<Vec<_>>()
        .join("|");
    regex_automata::meta::Regex::builder()
        .configure(regex_automata::meta::Config::new().auto_prefilter(false))
        .build(&pat)
        .expect("anchor pattern compiles")
});

/// Whether an anchor match is a case candidate: a volume and the first
/// character of a reporter. The other alternatives that begin with a
/// number end with a number or "§".
fn is_case_candidate(m: &str) -> bool {
    m.starts_with(|c: char| c.is_ascii_digit())
        && m.ends_with(|c: char| !c.is_ascii_digit() && c != '§')
}

/// Every reporter spelling in a trie, matched as the pattern made by
/// [`push_flexible`] matches it: spaces may stand where the spelling has
/// white space or after a period, nowhere else.
static REPORTERS: LazyLock<Trie> = LazyLock::new(|| {
    let mut trie = Trie::default();
    for (i, s) in tables::reporter_spellings().enumerate() {
        trie.insert(s, u32::try_from(i).unwrap_or(u32::MAX));
    }
    trie
});

#[derive(Default)]
struct Trie {
    nodes: Vec<TrieNode>,
}

#[derive(Default)]
struct TrieNode {
    edges: Vec<TrieEdge>,
    /// The first spelling (in pattern order) that ends here.
    spelling: Option<u32>,
}

struct TrieEdge {
    byte: u8,
    /// Whether spaces may come before the byte.
    spaced: bool,
    to: u32,
}

impl Trie {
    fn insert(&mut self, spelling: &str, index: u32) {
        if self.nodes.is_empty() {
            self.nodes.push(TrieNode::default());
        }
        let mut node = 0usize;
        let mut spaced = false;
        for c in spelling.chars() {
            if c.is_whitespace() {
                spaced = true;
                continue;
            }
            let mut buf = [0u8; 4];
            for (k, &byte) in c.encode_utf8(&mut buf).as_bytes().iter().enumerate() {
                let spaced = spaced && k == 0;
                let found = self.nodes[node]
                    .edges
                    .iter()
                    .find(|e| e.byte == byte && e.spaced == spaced)
                    .map(|e| e.to as usize);
                node = match found {
                    Some(n) => n,
                    None => {
                        let n = self.nodes.len();
                        self.nodes.push(TrieNode::default());
                        self.nodes[node].edges.push(TrieEdge {
                            byte,
                            spaced,
                            to: n as u32,
                        });
                        n
                    }
                };
            }
            spaced = c == '.';
        }
        let end = &mut self.nodes[node].spelling;
        *end = Some(end.map_or(index, |e| e.min(index)));
    }

    /// Every spelling that `text` begins with at `start`: (spelling, end).
    fn matches(&self, text: &[u8], start: usize, mut f: impl FnMut(u32, usize)) {
        if self.nodes.is_empty() {
            return;
        }
        let mut stack = vec![(0usize, start)];
        while let Some((node, at)) = stack.pop() {
            let n = &self.nodes[node];
            if let Some(k) = n.spelling {
                f(k, at);
            }
            for e in &n.edges {
                let mut p = at;
                if e.spaced {
                    while text.get(p) == Some(&b' ') {
                        p += 1;
                    }
                }
                if text.get(p) == Some(&e.byte) {
                    stack.push((e.to as usize, p + 1));
                }
            }
        }
    }
}

/// Byte offsets (start, end) into the matching text.
type Bytes = (usize, usize);

/// A case anchor: volume, reporter as written, and the page or blank page
/// that follows (or neither, for ", at").
#[derive(Clone, Copy)]
struct CaseAnchor {
    whole: Bytes,
    vol: Bytes,
    rep: Bytes,
    page: Option<Bytes>,
    blank: Option<Bytes>,
}

/// What follows a reporter: where it ends, and the page or blank page.
#[derive(Clone, Copy)]
struct Tail {
    end: usize,
    page: Option<Bytes>,
    blank: Option<Bytes>,
}

/// The case anchor at `start`, if one is there: as the pattern
/// `\b[0-9]{1,4} +(?:spelling|...)(?: +[0-9]{1,7}\b| +_{2,}| *, +at(?: |_))`
/// would match it, its spellings in the order of
/// [`tables::reporter_spellings`] (the first that matches with a tail
/// wins), `start` being a word boundary.
fn case_at(text: &str, start: usize) -> Option<CaseAnchor> {
    let b = text.as_bytes();
    let spaces = |mut p: usize| {
        while b.get(p) == Some(&b' ') {
            p += 1;
        }
        p
    };
    let digits = |p: usize| {
        b[p.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let vol_len = digits(start);
    if !(1..=4).contains(&vol_len) {
        return None;
    }
    let vol_end = start + vol_len;
    let rep_start = spaces(vol_end);
    if rep_start == vol_end {
        return None;
    }
    // The tail after a spelling ending at `e`, in the pattern's order.
    let tail = |e: usize| -> Option<Tail> {
        let p = spaces(e);
        if p > e {
            let n = digits(p);
            let after = b.get(p + n);
            let boundary = !after.is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_');
            if (1..=7).contains(&n) && boundary {
                return Some(Tail {
                    end: p + n,
                    page: Some((p, p + n)),
                    blank: None,
                });
            }
            let n = b[p..].iter().take_while(|&&c| c == b'_').count();
            if n >= 2 {
                return Some(Tail {
                    end: p + n,
                    page: None,
                    blank: Some((p, p + n)),
                });
            }
        }
        if b.get(p) == Some(&b',') {
            let q = spaces(p + 1);
            if q > p + 1 && b[q..].starts_with(b"at") && matches!(b.get(q + 2), Some(b' ' | b'_')) {
                return Some(Tail {
                    end: q + 3,
                    page: None,
                    blank: None,
                });
            }
        }
        None
    };
    // (spelling, where it ends, its tail)
    let mut best: Option<(u32, usize, Tail)> = None;
    REPORTERS.matches(b, rep_start, |k, e| {
        if best.is_some_and(|(bk, ..)| bk <= k) {
            return;
        }
        if let Some(t) = tail(e) {
            best = Some((k, e, t));
        }
    });
    let (_, rep_end, t) = best?;
    Some(CaseAnchor {
        whole: (start, t.end),
        vol: (start, vol_end),
        rep: (rep_start, rep_end),
        page: t.page,
        blank: t.blank,
    })
}

/// Every anchor alternative but case citations, anchored at the start of
/// the text after an anchor's start. When it matches exactly the anchor
/// found by [`ANCHOR`], that alternative is the one; otherwise the anchor
/// is a case citation. (A leading `\b` is safe to check on the slice: an
/// anchor starting where `\b` fails starts with "§", which begins no `\b`
/// alternative.)
static SMALL: LazyLock<Regex> = LazyLock::new(|| {
    let alts: Vec<&str> = BEFORE_CASE
        .iter()
        .chain(AFTER_CASE.iter())
        .copied()
        .collect();
    re(&format!("^(?:{})", alts.join("|")))
});

/// One capture group of an anchor, in matching-text offsets.
#[derive(Clone, Copy)]
struct Group<'h> {
    start: usize,
    text: &'h str,
}

impl<'h> Group<'h> {
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.start + self.text.len()
    }
    fn range(&self) -> Range<usize> {
        self.start()..self.end()
    }
    fn as_str(&self) -> &'h str {
        self.text
    }
}

/// The parts of one anchor: the capture groups of [`SMALL`] over a slice
/// of the matching text that begins at `base`, or a case anchor.
enum Anchor<'h> {
    Small { caps: Captures<'h>, base: usize },
    Case { text: &'h str, case: CaseAnchor },
}

impl<'h> Anchor<'h> {
    /// Takes apart the anchor `m`, not a case candidate, found in `text`.
    fn parse(text: &'h str, m: Range<usize>) -> Option<Anchor<'h>> {
        let caps = SMALL.captures(&text[m.start..])?;
        caps.get(0)
            .is_some_and(|g| g.end() == m.len())
            .then_some(Anchor::Small {
                caps,
                base: m.start,
            })
    }

    fn is_case(&self) -> bool {
        matches!(self, Anchor::Case { .. })
    }

    fn name(&self, name: &str) -> Option<Group<'h>> {
        match self {
            Anchor::Small { caps, base } => caps.name(name).map(|g| Group {
                start: base + g.start(),
                text: g.as_str(),
            }),
            Anchor::Case { text, case } => {
                let (s, e) = match name {
                    "vol" => case.vol,
                    "rep" => case.rep,
                    "page" => case.page?,
                    "blank" => case.blank?,
                    _ => return None,
                };
                Some(Group {
                    start: s,
                    text: &text[s..e],
                })
            }
        }
    }

    fn whole(&self) -> Option<Group<'h>> {
        match self {
            Anchor::Small { caps, base } => caps.get(0).map(|g| Group {
                start: base + g.start(),
                text: g.as_str(),
            }),
            Anchor::Case { text, case } => Some(Group {
                start: case.whole.0,
                text: &text[case.whole.0..case.whole.1],
            }),
        }
    }
}

impl std::ops::Index<&str> for Anchor<'_> {
    type Output = str;
    fn index(&self, name: &str) -> &str {
        self.name(name).map_or("", |g| g.text)
    }
}

/// Compiles a small fixed pattern.
fn re(p: &str) -> Regex {
    Regex::new(p).expect("pattern compiles")
}

/// A page or range. Pages of reporters with five-digit pages may be
/// written with a thousands comma ("62,308-62,309"), which is read only
/// when three digits follow the comma: "681,5" is page 681 and the call of
/// footnote 5.
static PIN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\*?([0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,5})[a-z]?(?:[^\S\n]*-[^\S\n]*\*?([0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,5})[a-z]?)?",
    )
});
/// A footnote pin: "n. 5", "nn. 3-4", "& n. 5", "nn. 3, 4". After one "n."
/// a comma ends it: "at 5, and n. 4, 17" is page 17 next.
static FOOTNOTE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^,?[^\S\n]*(?:&[^\S\n]*|and[^\S\n]+)?(?:nn\.[^\S\n]*([0-9]{1,3})(?:[^\S\n]*(?:-|,|&|and)[^\S\n]*([0-9]{1,3}))?|n\.[^\S\n]*([0-9]{1,3})(?:[^\S\n]*(?:-|&|and)[^\S\n]*([0-9]{1,3}))?)",
    )
});
static PIN_SEP: LazyLock<Regex> = LazyLock::new(|| re(r"^,[^\S\n]*"));
static AT: LazyLock<Regex> = LazyLock::new(|| re(r"^,?[^\S\n]*at[^\S\n]+"));
static COMMA_AT: LazyLock<Regex> = LazyLock::new(|| re(r"^,[^\S\n]*at[^\S\n]+"));
static COMMA_NOTE: LazyLock<Regex> = LazyLock::new(|| re(r"^,[^\S\n]*(?:nn?\.)"));
static COURT_YEAR: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[^\S\n]*\(([^()]{0,40}?)[^\S\n]*([0-9]{4})\)"));
static SLIP_OP_AT: LazyLock<Regex> = LazyLock::new(|| re(r"^slip op\.,[^\S\n]*at[^\S\n]+"));
/// The blank pins of a slip-opinion citation ("596 U. S. ___, ___", "___,
/// ___-___", "___, ___, and n. 4, ___"), also written after a first page
/// the volume has since given ("560 U. S. 330, ___").
static BLANK_PIN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?:,[^\S\n]*|[^\S\n]+)(?:_{2,}(?:[^\S\n]*-[^\S\n]*_{2,})?|(?:and[^\S\n]+|&[^\S\n]*)?nn?\.[^\S\n]*[0-9]{1,3}))+",
    )
});
/// A blank pin after ", at": "___" or a blank range "___-___".
static BLANK_AT: LazyLock<Regex> = LazyLock::new(|| re(r"^_{2,}(?:[^\S\n]*-[^\S\n]*_{2,})?"));
/// A section number: "1983", "5.05(b)(1)", ranges "5.01-5.05" and
/// "2.12(a)-(e)".
static SECTION: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"^[^\S\n]*([0-9]+[A-Za-z]*(?:\.[0-9]+[A-Za-z]*)*(?:-[0-9]+[A-Za-z]*(?:\.[0-9]+[A-Za-z]*)*)?",
        r"(?:\([A-Za-z0-9]{1,5}\))*(?:-\([A-Za-z0-9]{1,5}\)(?:\([A-Za-z0-9]{1,5}\))*)?)"
    ))
});
static SUBSECTIONS: LazyLock<Regex> = LazyLock::new(|| re(r"^((?:\([A-Za-z0-9]{1,5}\))+)"));
static SECTION_SEP: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:[^\S\n]*,[^\S\n]*(?:and[^\S\n]+)?|[^\S\n]+and[^\S\n]+|[^\S\n]*&[^\S\n]*)")
});
/// How far after a section of a source that is no statute, in bytes, a
/// bare section in the same paragraph is read as that source's.
const OTHER_SECTION_REACH: usize = 400;
/// Where a clause starts: after a semicolon, or at the capital after a
/// sentence end (a period after a lowercase word, a number or a
/// parenthesis: not "Fla. Stat.").
static CLAUSE_START: LazyLock<Regex> =
    LazyLock::new(|| re(r#";|(?:(?:^|[^A-Za-z])[a-z]{2,}|[0-9)])[.!?]"?[^\S\n]+[A-Z]"#));
/// A source with sections that is no statute, named in the clause before
/// a bare section.
static NON_STATUTE_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?-u:\b)(?:Restatement|Uniform|Model[^\S\n]+(?:Penal[^\S\n]+)?(?:Code|Act)|Const\.)")
});
/// A code or session laws named in the clause before a bare section.
static STATUTE_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?-u:\b)(?:Code|Stat\.|Ann\.|Laws|Comp\.|Rev\.|Gen\.|Tit\.|ch\.|CFR|Reg\.|Ordinance)",
        r"|C\.[^\S\n]*F\.[^\S\n]*R\.|U\.[^\S\n]*S\.[^\S\n]*C\."
    ))
});
/// An article of the Constitution right before the section: "Art. I, §10".
static CONSTITUTION_ARTICLE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?-u:\b)(?:Art\.[^\S\n]*[IVX]+|Amdt\.[^\S\n]*[0-9]+),[^\S\n]*$"));
/// A section of an amendment to the Constitution: "Section 1 of the
/// Fourteenth Amendment".
static OF_AMENDMENT: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[^\S\n]+of[^\S\n]+the[^\S\n]+[A-Z][a-z]+(?:-[a-z]+)?[^\S\n]+Amendment"));
/// A treatise's chapter-and-section number: "§6:8".
static SECTION_COLON: LazyLock<Regex> = LazyLock::new(|| re(r"^:[0-9]"));
/// The Statutes at Large page of the Act the section is of.
static ACT_BY_PAGE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^,[^\S\n]*[0-9]{1,3}[^\S\n]+Stat\.[^\S\n]*[0-9]"));
/// The page of a book: ", p. 45", ", pp. 431-433".
static BOOK_PAGE: LazyLock<Regex> = LazyLock::new(|| re(r"^,[^\S\n]*pp?\.[^\S\n]*[0-9]"));
/// A clause of the Constitution: ", cl. 3".
static CLAUSE: LazyLock<Regex> = LazyLock::new(|| re(r"^,[^\S\n]*cls?\.[^\S\n]*[0-9]"));
/// The closing note of a book or Restatement: a year alone ("(1979)") or
/// an edition and its year ("(3d ed. 2012)"); a code's edition note puts
/// the year first ("(2006 ed.)").
static BOOK_NOTE: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:[0-9]{4}|.*ed\.[^\S\n]*[0-9]{4})$"));
/// A footnote named before "supra" or "infra": "n. 1, ", "nn. 3-4, ".
static NOTE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[^A-Za-z.])(nn?\.[^\S\n]*[0-9]{1,3}(?:[^\S\n]*(?:-|&|and)[^\S\n]*[0-9]{1,3})?),[^\S\n]*$",
    )
});
/// A range right after a page: "96-97".
static RANGE_NEXT: LazyLock<Regex> = LazyLock::new(|| re(r"^[^\S\n]*-[^\S\n]*[0-9]"));
static ID_SECTION: LazyLock<Regex> = LazyLock::new(|| re(r"^,?[^\S\n]*§§?"));
static SIGNAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[\s;(])((?:See|see)(?: also|, e\.g\.,| generally)?|Cf\.|cf\.|But see|but see|But cf\.|but cf\.|Compare|compare|Accord|accord|Contra|contra|E\.g\.,|e\.g\.,|with|and) $",
    )
});

/// Capitalized words that start a sentence or clause, not a case name.
const STOP_WORDS: &[&str] = &[
    "See",
    "Cf.",
    "But",
    "Compare",
    "Accord",
    "Contra",
    "Also",
    "And",
    "In",
    "Under",
    "As",
    "E.g.,",
    "Id.",
    "Ibid.",
    "Thus",
    "Here",
    "Moreover",
    "Further",
    "Finally",
    "That",
    "This",
    "When",
    "Where",
    "While",
    "Because",
    "Since",
    "After",
    "Before",
    "Although",
    "Unlike",
    "Like",
    "Accordingly",
    "Hence",
    "So",
    "Then",
    "We",
    "It",
    "If",
    "Even",
    "The",
    "Held:",
    "Quoted",
    "Cited",
    "Discussed",
    "Noted",
    "Described",
    "Explained",
];

/// Lowercase words that may sit inside a case name.
const CONNECTORS: &[&str] = &[
    "of", "the", "and", "for", "de", "del", "des", "la", "van", "von", "du", "ex", "rel.", "re",
    "et", "al.", "&", "p.l.c.", "plc", "y",
];

/// Corporate suffixes written after a comma inside a case name
/// ("Sumitomo Shoji America, Inc. v. Avagliano").
const CORPORATE_SUFFIXES: &[&str] = &[
    "Inc.", "Ltd.", "LLC", "LLP", "L.P.", "L.", "N.", "S.", "Co.", "Corp.", "P.C.", "P.A.", "S.A.",
];

/// Abbreviations ending in a period that may sit inside a case name.
const NAME_ABBREVIATIONS: &[&str] = &[
    "Co.",
    "Corp.",
    "Inc.",
    "Ltd.",
    "Bros.",
    "Assn.",
    "Dept.",
    "Nat.",
    "Univ.",
    "Bd.",
    "Comm.",
    "Cty.",
    "Ins.",
    "Mfg.",
    "Ry.",
    "St.",
    "Mut.",
    "Sec.",
    "Serv.",
    "Servs.",
    "Sys.",
    "Tel.",
    "Twp.",
    "Sch.",
    "Dist.",
    "Educ.",
    "Hosp.",
    "Fed.",
    "Am.",
    "Cal.",
    "Tex.",
    "Fla.",
    "Mass.",
    "Pa.",
    "Ill.",
    "Mich.",
    "Wis.",
    "Va.",
    "Ga.",
    "Md.",
    "Conn.",
    "Colo.",
    "Ariz.",
    "Ala.",
    "Ark.",
    "Ky.",
    "La.",
    "Minn.",
    "Miss.",
    "Mo.",
    "Neb.",
    "Nev.",
    "Okla.",
    "Ore.",
    "Tenn.",
    "Wash.",
    "Wyo.",
    "Del.",
    "Kan.",
    "Me.",
    "Vt.",
    "Mont.",
    "Haw.",
    "Ind.",
    "Jr.",
    "Sr.",
    "Mr.",
    "Mrs.",
    "Dr.",
    "Admin.",
    "Auth.",
    "Comm'n",
    "Gov't",
    "Ass'n",
    "Nat'l",
    "Int'l",
    "Dep't",
    "Sav.",
    "Fin.",
    "Elec.",
    "Prods.",
    "Indus.",
    "Inv.",
    "Invs.",
    "Mgmt.",
    "Pub.",
    "Cas.",
    "Gen.",
    "Envtl.",
    "Cmty.",
    "Ctr.",
    "Dev.",
    "Equip.",
    "Hous.",
    "Med.",
    "Mkt.",
    "Prop.",
    "Res.",
    "Transp.",
    "Util.",
    "Bldg.",
    "Chem.",
    "Constr.",
    "Coop.",
    "Corr.",
    "Distrib.",
    "Enter.",
    "Found.",
    "Inst.",
    "Liab.",
    "Mach.",
    "Mfrs.",
    "Pac.",
    "Pharm.",
    "Tech.",
    "Assoc.",
    "Acad.",
    "Agric.",
    "Atl.",
    "Exch.",
    "Fid.",
    "Guar.",
    "Lab.",
    "Mun.",
    "Org.",
    "Soc.",
    "Sur.",
    "Okla.",
    "Ohio",
    "N. Y.",
    "Ed.",
    "Educ.",
    "Dept.",
    "Cnty.",
    "Ct.",
    "Cos.",
    "Sup.",
    "Wkly.",
    "Ariz.",
    "Wash.",
    "Nav.",
    "Irrig.",
    "Consol.",
    "Pty.",
    "Bhd.",
    "Cent.",
    "Coal.",
    "Comm'r",
    "Cont'l",
    "Def.",
    "Econ.",
    "Emp.",
    "Eng'g",
    "Entm't",
    "Exp.",
    "Grp.",
    "Info.",
    "Mar.",
    "Metro.",
    "Mktg.",
    "Mortg.",
    "Prof'l",
    "Prot.",
    "Reg'l",
    "Rehab.",
    "Sci.",
    "Tr.",
    "Telecomm.",
    "Nw.",
    "Sw.",
    "Bkg.",
    "Commrs.",
    "Comrs.",
    "Invest.",
    "Refin.",
    "Terr.",
    "Vill.",
    "Or.",
    "Wkrs.",
    "Broad.",
    "Commc'ns",
    "Ent.",
    "Commw.",
    "Maint.",
    "Mem'l",
    "Div.",
    "No.",
];

/// Capitalized words that open a sentence without being part of the case
/// name that follows ("Later Imbler v. Pachtman held"); only dropped at a
/// sentence start, so that names such as "Still v. Norfolk" keep them when
/// they stand alone as a party.
const SENTENCE_OPENERS: &[&str] = &[
    "Later",
    "Earlier",
    "Today",
    "Now",
    "Indeed",
    "Similarly",
    "Likewise",
    "Nevertheless",
    "Nonetheless",
    "However",
    "Instead",
    "Rather",
    "Yet",
    "Still",
    "Meanwhile",
    "Consequently",
    "Therefore",
    "Again",
    "Thereafter",
    "Afterward",
    "Recently",
    "Previously",
    "Subsequently",
    "Ultimately",
    "Notably",
    "Importantly",
    "Specifically",
    "Additionally",
    "Conversely",
    "Otherwise",
    "Alternatively",
    "Only",
    "Quoting",
    "Citing",
    "Contrast",
    "Next",
    "Yesterday",
    "Once",
    "Just",
    "Both",
    "Neither",
    "Either",
    "Surely",
    "Certainly",
    "Of",
];

/// The largest char boundary of `text` at or below `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Scans a normalized text for citations, unresolved.
pub(crate) fn scan(source: &str, norm: &Normalized) -> Vec<Citation> {
    let mut s = Scanner {
        source,
        norm,
        text: norm.matching(),
        line: 0,
        line_pos: 0,
        own: own_citation(source, norm).unwrap_or_else(|| "slip op.".to_string()),
        out: Vec::new(),
        coded: HashSet::new(),
        other_section: None,
    };
    let text = norm.matching();
    let mut pos = 0;
    while pos < text.len() {
        let Some(m) = ANCHOR.find(regex_automata::Input::new(text).range(pos..)) else {
            break;
        };
        // Where to go on when the anchor comes to nothing: past it, or
        // past the start of a candidate that is no case citation (an
        // "Id." may begin with its last character).
        let (anchor, past) = if is_case_candidate(&text[m.range()]) {
            match case_at(text, m.start()) {
                Some(case) => (Some(Anchor::Case { text, case }), case.whole.1),
                None => (None, m.start() + 1),
            }
        } else {
            (Anchor::parse(text, m.range()), m.end())
        };
        let next = anchor.and_then(|a| s.anchor(&a)).unwrap_or(past);
        pos = next.max(m.start() + 1);
        while !text.is_char_boundary(pos) {
            pos += 1;
        }
    }
    s.link();
    s.out
}

/// Sources pincite does not parse as citations but which an "Id." may
/// refer to: briefs, transcripts, treaty documents, dictionaries and other
/// books (an edition and year: "(2d ed. 1999)"), The Federalist,
/// legislative materials, law reviews, constitutions, web pages, and
/// anything cited by "p." or "pp." (the Supreme Court's style for
/// everything but cases), and another opinion of the same decision ("post,
/// at 7", "ante, at 9").
static OTHER_SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"Treaty[^\S\n]+Doc\.|Dictionary|(?-u:\b)The[^\S\n]+Federalist",
        r"|(?-u:\b)Brief[^\S\n]+(?:for|of|in|as)[^\S\n]|Reply[^\S\n]+Brief|Oral[^\S\n]+Arg\.",
        r"|(?-u:\b)Restatement|(?-u:\b)(?:H\.[^\S\n]*R\.|S\.)[^\S\n]*(?:Conf\.[^\S\n]*)?(?:Rep|Doc|Res)\.",
        r"|Cong\.[^\S\n]*(?:Rec|Globe)|Fed\.[^\S\n]*Reg\.|(?-u:\b)L\.[^\S\n]*(?:Rev|J)\.",
        r"|Law[^\S\n]+(?:Review|Journal)|(?-u:\b)ed\.[^\S\n]+[0-9]{4}\)",
        r"|(?-u:\b)pp?\.[^\S\n]+[0-9]|Encyclop|https?://|www\.|(?-u:\b)Const\.|(?-u:\b)Amdt\.",
        r"|(?-u:\b)No\.[^\S\n]+[0-9]+-[0-9]+,?[^\S\n]+\(",
        r"|(?-u:\b)(?:[Aa]nte|[Pp]ost),[^\S\n]+at[^\S\n]+[0-9]",
    ))
});

/// Where footnote `label` is called in `line`: the label glued to the
/// word or punctuation before it ("immunity.5", "at 681,5").
fn find_call(line: &str, label: &str) -> Option<usize> {
    if label.is_empty() || !label.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let b = line.as_bytes();
    line.rmatch_indices(label).map(|(i, _)| i).find(|&i| {
        let before = i.checked_sub(1).map(|p| b[p]);
        let after = b.get(i + label.len());
        before.is_some_and(|c| !c.is_ascii_digit() && !matches!(c, b' ' | b'$'))
            && !line[..i].ends_with('§')
            && after.is_none_or(|c| !c.is_ascii_digit())
    })
}

/// The reporter citation of a preliminary print ("596 U.S. 528"), whose
/// pages are pages of the U. S. Reports: its cover names the volume, its
/// first page head the first page.
fn own_citation(source: &str, norm: &Normalized) -> Option<String> {
    static VOLUME: LazyLock<Regex> = LazyLock::new(|| {
        re(r"^\s*PRELIMINARY PRINT\s+Volume[^\S\n]+([0-9]{1,4})[^\S\n]+U\.[^\S\n]*S\.")
    });
    let head = &source[..floor_boundary(source, source.len().min(200))];
    let head = head.strip_prefix('\u{feff}').unwrap_or(head);
    let volume = VOLUME.captures(head)?;
    let first = norm.blocks().iter().find_map(|b| b.slip_page)?;
    Some(format!("{} U.S. {first}", &volume[1]))
}

/// Scanning state: the texts, the current line (block) and the output.
struct Scanner<'a> {
    source: &'a str,
    norm: &'a Normalized,
    text: &'a str,
    /// The block index of `line_pos`: the matching text has one block a line.
    line: usize,
    line_pos: usize,
    /// The authority of references to the document itself: "slip op.",
    /// or for a preliminary print its own reporter citation.
    own: String,
    out: Vec<Citation>,
    /// The sections (without subsections) cited with a code so far.
    coded: HashSet<String>,
    /// The last bare section read as a section of something other than a
    /// statute.
    other_section: Option<OtherSection>,
}

/// A bare section read as a section of something other than a statute.
struct OtherSection {
    /// Its block, where it ends, and its section without subsections.
    block: usize,
    end: usize,
    base: String,
    /// How many citations had been found when it was read.
    cites: usize,
}

/// Whether two sections are numbered close enough to be read as sections
/// of one source ("305" and "306"): both whole numbers no more than ten
/// apart.
fn sections_close(a: &str, b: &str) -> bool {
    match (a.parse::<u32>(), b.parse::<u32>()) {
        (Ok(x), Ok(y)) => x.abs_diff(y) <= 10,
        _ => false,
    }
}

/// Pins parsed forward from a position.
struct Pins {
    pins: Vec<Pin>,
    end: usize,
}

impl<'a> Scanner<'a> {
    /// After the scan: ties each citation in a footnote to the place the
    /// footnote is called from, and finds the sources pincite does not
    /// parse that stand between an "Id." and the citation before it in the
    /// same run of text (the body, or one footnote).
    fn link(&mut self) {
        let blocks = self.norm.blocks();
        let is_note = |b: usize| blocks.get(b).is_some_and(|k| k.kind == BlockKind::Footnote);
        let mut call: Option<(usize, usize)> = None;
        let mut last_body: Option<usize> = None;
        // The last citation in a footnote, "ante, at 5" aside: an Id. does
        // not refer to those, so the source it refers to may come after.
        let mut last_note: Option<usize> = None;
        for i in 0..self.out.len() {
            let b = self.out[i].place.block;
            let note = is_note(b);
            if note {
                let at = match call {
                    Some((cb, at)) if cb == b => at,
                    _ => self.footnote_call(i),
                };
                call = Some((b, at));
                self.out[i].place.note_call = Some(at);
            }
            let c = &self.out[i];
            if matches!(&c.form, Form::Id(id) if id.section.is_none()) {
                let from = if note {
                    match last_note.filter(|&j| self.out[j].place.block == b) {
                        Some(j) => {
                            Some((self.past_parentheticals(self.out[j].place.matching.end), b))
                        }
                        None => Some((self.line_start(c.place.matching.start), b)),
                    }
                } else {
                    last_body.map(|j| {
                        let d = &self.out[j].place;
                        (self.past_parentheticals(d.matching.end), d.block)
                    })
                };
                if let Some((lo, block)) = from {
                    let source = self.other_source(lo, c.place.matching.start, block);
                    if let Form::Id(id) = &mut self.out[i].form {
                        id.other_source = source;
                    }
                }
            }
            let c = &self.out[i];
            let bare = c.is_codeless_statute() || c.cites_other_opinion();
            if !note && !bare {
                last_body = Some(i);
            }
            if note && !c.cites_other_opinion() {
                last_note = Some(i);
            }
        }
    }

    /// The start of the line (block) of matching-text offset `at`.
    fn line_start(&self, at: usize) -> usize {
        memchr::memrchr(b'\n', &self.text.as_bytes()[..at]).map_or(0, |p| p + 1)
    }

    /// The offset after any parentheticals that follow `at` ("(1976)
    /// (quoting Brief for Petitioner 12)" belongs to the citation before).
    fn past_parentheticals(&self, mut at: usize) -> usize {
        while let Some(p) = self.parenthetical(at) {
            let open = at + self.text[at..].find('(').unwrap_or(0);
            at = open + p.len() + 2;
        }
        at
    }

    /// An unparsed source between `lo` and `hi` (block `block` at `lo`),
    /// outside footnotes when `lo` is in the body.
    fn other_source(&self, lo: usize, hi: usize, mut block: usize) -> Option<String> {
        if lo >= hi {
            return None;
        }
        // Only the stretch just before the Id. is read: far back, a source
        // without a citation after it is prose, not what the Id. means.
        let lo = if hi - lo > OTHER_LOOKBACK {
            let from = floor_boundary(self.text, hi - OTHER_LOOKBACK);
            block += memchr::memchr_iter(b'\n', &self.text.as_bytes()[lo..from]).count();
            from
        } else {
            lo
        };
        let blocks = self.norm.blocks();
        let body = blocks
            .get(block)
            .is_some_and(|k| k.kind != BlockKind::Footnote);
        // The source nearest the Id. names it.
        let mut found = None;
        for part in self.text[lo..hi].split('\n') {
            let skip = body
                && blocks
                    .get(block)
                    .is_some_and(|k| k.kind == BlockKind::Footnote);
            if !skip {
                if let Some(m) = OTHER_SOURCE.find_iter(part).last() {
                    found = Some(m.as_str().trim_end_matches(['(', ' ']).to_string());
                }
            }
            block += 1;
        }
        found
    }

    /// Where the footnote holding citation `i` is called from in the body:
    /// the label glued to the text of one of the body blocks before it, or
    /// failing that, the footnote's own start.
    fn footnote_call(&self, i: usize) -> usize {
        let blocks = self.norm.blocks();
        let c = &self.out[i].place;
        let own = self.line_start(c.matching.start);
        let label = blocks
            .get(c.block)
            .and_then(|b| b.footnote.as_deref())
            .unwrap_or("");
        let bytes = self.text.as_bytes();
        let mut k = c.block;
        let mut end = own;
        // The footnotes of a page follow the paragraph open at its end:
        // the call is in one of the few blocks before.
        for _ in 0..12 {
            if k == 0 || end == 0 {
                break;
            }
            k -= 1;
            let line_end = end - 1;
            let start = memchr::memrchr(b'\n', &bytes[..line_end]).map_or(0, |p| p + 1);
            let body = blocks.get(k).is_some_and(|b| b.kind != BlockKind::Footnote);
            if body {
                if let Some(p) = find_call(&self.text[start..line_end], label) {
                    return start + p;
                }
            }
            end = start;
        }
        own
    }

    /// The document section of a matching-text offset at or after every
    /// offset asked before.
    fn section_at(&mut self, at: usize) -> Section {
        if at > self.line_pos {
            self.line +=
                memchr::memchr_iter(b'\n', &self.text.as_bytes()[self.line_pos..at]).count();
            self.line_pos = at;
        }
        self.norm
            .blocks()
            .get(self.line)
            .map_or(Section::Opinion, |b| b.section)
    }

    /// A citation of `form` over `range` of the matching text, with span,
    /// text, section and slip page filled in.
    fn cite(&mut self, form: Form, range: Range<usize>) -> Citation {
        let section = self.section_at(range.start);
        let span = self.norm.matching_map().span_to_source(range.clone());
        let text = self.source.get(span.range()).unwrap_or("").to_string();
        Citation {
            form,
            span,
            text,
            authority: None,
            pins: Vec::new(),
            signal: self.signal_before(range.start),
            parenthetical: None,
            section,
            slip_page: self.norm.slip_page_at_source(span.start),
            warnings: Vec::new(),
            antecedent: None,
            place: Place {
                matching: range,
                block: self.line,
                note_call: None,
            },
        }
    }

    /// Parses around one anchor; returns where scanning resumes, or `None`
    /// when the anchor is no citation.
    fn anchor(&mut self, caps: &Anchor<'_>) -> Option<usize> {
        if caps.is_case() {
            self.case(caps)
        } else if caps.name("usc").is_some() {
            let title = caps["title"].parse().ok()?;
            let code = match squeeze(&caps["code"]).as_str() {
                "C.F.R." => Code::Cfr { title },
                written => Code::UsCode {
                    title,
                    annotated: written.ends_with("A."),
                },
            };
            let code = Some(code);
            let mark = caps.name("usc_sec")?;
            let many = mark.as_str() == "§§";
            self.statute(caps.whole()?.start(), mark.end(), many, code)
        } else if caps.name("rs").is_some() {
            let start = caps.whole()?.start();
            let mark = caps.name("rs_sec")?;
            let many = mark.as_str() == "§§";
            // "Nev. Rev. Stat. §281A.420": a State's revised statutes, which
            // have no key form; the federal ones stand alone.
            let word = self.text[..start].trim_end_matches(' ');
            let word = word.rsplit([' ', '\n']).next().unwrap_or("");
            let state = word.starts_with(|c: char| c.is_ascii_uppercase()) && word.ends_with('.');
            let code = (!state).then_some(Code::RevisedStatutes);
            self.statute(start, mark.end(), many, code)
        } else if let Some(m) = caps.name("sec") {
            self.statute(m.start(), m.end(), m.as_str() == "§§", None)
        } else if let Some(w) = caps.name("sec_w") {
            // "Section 523(a)(2)(A)" spelled out, as at a sentence start.
            self.statute(w.start(), w.end(), w.as_str() == "Sections", None)
        } else if let Some(m) = caps.name("stat") {
            let volume = caps["svol"].parse().ok()?;
            let page = caps["spage"].parse().ok()?;
            let mut c = self.cite(Form::Statute(Statute::Large { volume, page }), m.range());
            c.authority = Some(format!("{volume} Stat. {page}"));
            let mut end = m.end();
            // "58 Stat. 96-97": the pages the citation spans.
            let page = caps.name("spage")?;
            let mut range = Vec::new();
            if RANGE_NEXT.is_match(&self.text[end..]) {
                if let Some(e) = self.pin_at(page.start(), &mut range) {
                    c.pins = range;
                    end = e;
                }
            }
            if let Some(p) = self.more_pins(end) {
                c.pins.extend(p.pins);
                end = p.end;
            }
            if end != m.end() {
                c = self.reframe(c, m.start()..end);
            }
            self.out.push(c);
            Some(end)
        } else if let Some(m) = caps.name("pl") {
            let congress = caps["congress"].parse().ok()?;
            let law = caps["law"].parse().ok()?;
            let mut c = self.cite(
                Form::Statute(Statute::PublicLaw { congress, law }),
                m.range(),
            );
            c.authority = Some(format!("Pub. L. {congress}-{law}"));
            self.out.push(c);
            Some(m.end())
        } else if caps.name("id").is_some() {
            self.id(caps.whole()?.range())
        } else if caps.name("supra").is_some() {
            self.supra(caps.whole()?.range())
        } else if caps.name("rec").is_some() {
            let volume = caps.name("recvol").map(|v| (v.start(), v.as_str()));
            self.record(caps.whole()?.range(), volume)
        } else if caps.name("pp").is_some() {
            self.syllabus_pages(caps.whole()?.range())
        } else if caps.name("ante").is_some() {
            self.other_opinion(caps.whole()?.range())
        } else {
            None
        }
    }

    /// Rebuilds a citation over a new range, keeping what was parsed.
    fn reframe(&mut self, c: Citation, range: Range<usize>) -> Citation {
        let fresh = self.cite(c.form.clone(), range);
        Citation {
            span: fresh.span,
            text: fresh.text,
            place: Place {
                matching: fresh.place.matching,
                ..c.place
            },
            ..c
        }
    }

    fn case(&mut self, caps: &Anchor<'_>) -> Option<usize> {
        let m = caps.whole()?;
        let rep_text = caps.name("rep")?.as_str();
        let rep = tables::reporter(rep_text)?;
        let volume: u32 = caps["vol"].parse().ok()?;
        let name = name_before(self.text, m.start());
        let start = name.as_ref().map_or(m.start(), |n| n.0);
        // A parallel citation ("39 Minn. 181, 185, 39 N. W. 315") follows
        // the previous full citation after a comma: it shares its name.
        let parallel = name.is_none()
            && caps.name("page").is_some()
            && self.text[..m.start()].ends_with(", ")
            && self.out.last().is_some_and(|p| {
                p.full_case().is_some_and(|f| f.year.is_none())
                    && p.place.matching.end + 2 == m.start()
            });
        let mut pins = Vec::new();
        let mut first_page = None;
        let full;
        let mut end;
        // Blank pins ("___, ___") were written: the pin is a slip page.
        let mut blank_pins = false;
        if let Some(p) = caps.name("page") {
            full = true;
            first_page = p.as_str().parse().ok();
            end = p.end();
            if let Some(p) = self.more_pins(end) {
                pins = p.pins;
                end = p.end;
            } else if let Some(bp) = BLANK_PIN.find(&self.text[end..]) {
                // "560 U. S. 330, ___": the volume is out, its pages not.
                end += bp.end();
                blank_pins = true;
            }
        } else if let Some(b) = caps.name("blank") {
            full = true;
            end = b.end();
            if let Some(bp) = BLANK_PIN.find(&self.text[end..]) {
                end += bp.end();
                blank_pins = true;
            }
        } else {
            full = false;
            // ", at ___" may be written without the space ("at___"): the
            // anchor then ends on the blank's first stroke.
            let tail = if self.text[..m.end()].ends_with('_') {
                m.end() - 1
            } else {
                m.end()
            };
            match self.pins_at(tail) {
                Some(p) => {
                    pins = p.pins;
                    end = p.end;
                }
                None => {
                    end = m.end() - 1;
                    if let Some(bp) = BLANK_AT.find(&self.text[tail..]) {
                        end = tail + bp.end();
                        blank_pins = true;
                    }
                }
            }
        }
        let mut court = None;
        let mut year = None;
        if full {
            // "___, ___, (2011)": a stray comma after blank pins.
            if blank_pins
                && self.text[end..].starts_with(',')
                && COURT_YEAR.is_match(&self.text[end + 1..])
            {
                end += 1;
            }
            if let Some(cy) = COURT_YEAR.captures(&self.text[end..]) {
                let written = cy[1].trim();
                if !written.is_empty() {
                    court = Some(written.to_string());
                }
                year = cy[2].parse().ok();
                end += cy.get(0)?.end();
            }
        }
        let mut case_name = name.map(|n| n.1);
        let court_id = court.as_deref().and_then(|w| {
            let district = rep.canonical.starts_with("F. Supp") || rep.canonical == "F.R.D.";
            if district {
                tables::district_court_id(w)
            } else {
                tables::court_id(w)
            }
        });
        if parallel {
            let prev = self.out.last_mut()?;
            if let Form::FullCase(p) = &mut prev.form {
                case_name.clone_from(&p.case_name);
                p.year = year;
                p.court.clone_from(&court);
                p.court_id = court_id;
            }
        }
        let parenthetical = self.parenthetical(end);
        // "596 U. S. ___, ___ (2022) (slip op., at 8)": the pin of a
        // blank-page citation is a slip-opinion page. A case whose volume
        // gives its first page has no such pin: the slip page is no page of
        // the volume. (A short citation learns which it is on resolving.)
        if pins.is_empty() && parenthetical.is_some() && first_page.is_none() {
            let open = end + self.text[end..].find('(').unwrap_or(0) + 1;
            if let Some(at) = SLIP_OP_AT.find(&self.text[open..]) {
                if let Some(p) = self.pins_at(open + at.end()) {
                    pins = p.pins;
                }
            }
        }
        let reporter = rep.canonical.to_string();
        let (form, authority) = if full {
            let authority = match first_page {
                Some(p) => Some(format!("{volume} {reporter} {p}")),
                None => case_name
                    .as_ref()
                    .map(|n| format!("{n}, {volume} {reporter} ___")),
            };
            let form = Form::FullCase(FullCase {
                volume,
                reporter,
                database: rep.is_database(),
                first_page,
                case_name,
                court,
                court_id,
                year,
                parallel,
            });
            (form, authority)
        } else {
            let form = Form::ShortCase(ShortCase {
                volume,
                reporter,
                case_name,
                blank_pin: blank_pins,
            });
            (form, None)
        };
        let mut c = self.cite(form, start..end);
        c.pins = pins;
        c.parenthetical = parenthetical;
        c.authority = authority;
        self.out.push(c);
        Some(end)
    }

    /// Statute sections after a "§" or "§§" anchor (or "Section",
    /// "Sections") ending at `mark_end`: one citation each. `code` is the
    /// code named before the mark ("42 U.S.C."), `None` for a bare section.
    fn statute(
        &mut self,
        start: usize,
        mark_end: usize,
        many: bool,
        code: Option<Code>,
    ) -> Option<usize> {
        let first = SECTION.captures(&self.text[mark_end..])?;
        let first_start = mark_end + first.get(1)?.start();
        let mut end = mark_end + first.get(0)?.end();
        let first_sec = self.text[first_start..end].to_string();
        let base = first_sec.split('(').next().unwrap_or("").to_string();
        let mut sections = vec![(start, end, first_sec.clone())];
        while let Some(sep) = SECTION_SEP.find(&self.text[end..]).filter(|_| many) {
            let at = end + sep.end();
            let rest = &self.text[at..];
            // "§§11603(a), (b), (d)": subsections of the first section.
            let (g, sec) = if let Some(sub) = SUBSECTIONS.captures(rest) {
                let g = sub.get(1)?;
                (g.range(), sibling_subsection(&first_sec, g.as_str()))
            } else if let Some(next) = SECTION.captures(rest) {
                let g = next.get(1)?;
                // "§§5.01(a), 5.04(a), 1 App. 22-24": a number followed by
                // a capitalized abbreviation starts the next citation.
                let after = rest[g.end()..].trim_start_matches(' ');
                let word = after.split(' ').next().unwrap_or("");
                if word.starts_with(|c: char| c.is_ascii_uppercase()) && word.ends_with('.') {
                    break;
                }
                (g.range(), g.as_str().to_string())
            } else {
                break;
            };
            sections.push((at + g.start, at + g.end, sec));
            end = at + g.end;
        }
        if code.is_none() && self.not_a_statute(start, sections[0].1, end, &base) {
            return Some(end);
        }
        for (s, e, section) in sections {
            if code.is_some() {
                self.coded.insert(base_section(&section).to_string());
            }
            let authority = code.map(|code| format!("{code} § {section}"));
            let bare = code.is_none();
            let form = Form::Statute(Statute::Section {
                code,
                section,
                bare,
            });
            let mut c = self.cite(form, s..e);
            c.authority = authority;
            self.out.push(c);
        }
        // "42 U. S. C. §1983 (2006 ed.)": the edition note goes with the
        // last section.
        let note = self.parenthetical(end);
        if let Some(last) = self.out.last_mut() {
            last.parenthetical = note;
        }
        Some(end)
    }

    /// Whether a bare section ("§425", "Section 5") is a section of
    /// something other than a statute: a book or treatise ("Law of Torts
    /// §425 (2022)", "Williston on Contracts §69:47", "§2862, pp.
    /// 431-433"), a Restatement, a uniform or model act, the Constitution
    /// ("Art. I, §10, cl. 3"), or an Act cited by its Statutes at Large page
    /// ("Act of Mar. 2, 1867, §33, 14 Stat. 533"), whose section belongs to
    /// that citation. A bare section soon after such a one in the same
    /// paragraph, of a number no code has been cited with, is read as
    /// another section of the same source ("Uniform Partnership Act §305
    /// (2013). ... See, e.g., §306(c)").
    ///
    /// `start` is where the section's mark begins, `first_end` where its
    /// first section ends, `end` where the last does.
    fn not_a_statute(&mut self, start: usize, first_end: usize, end: usize, base: &str) -> bool {
        let block = {
            self.section_at(start);
            self.line
        };
        let after_first = &self.text[first_end..];
        let after = &self.text[end..];
        let lo = floor_boundary(self.text, start.saturating_sub(NAME_LOOKBACK))
            .max(self.line_start(start));
        let before = &self.text[lo..start];
        // The clause the section ends: after the last ";" or sentence end.
        let clause = CLAUSE_START.find_iter(before).last().map_or(before, |m| {
            let cut = if m.as_str().ends_with(';') {
                m.end()
            } else {
                m.end() - 1
            };
            &before[cut..]
        });
        let other = if NON_STATUTE_NAMED.is_match(clause)
            || CONSTITUTION_ARTICLE.is_match(before)
            || SECTION_COLON.is_match(after_first)
            || ACT_BY_PAGE.is_match(after)
            || BOOK_PAGE.is_match(after)
            || CLAUSE.is_match(after)
            || OF_AMENDMENT.is_match(after)
        {
            true
        } else if STATUTE_NAMED.is_match(clause) {
            false
        } else {
            let note = self.parenthetical(end);
            // The next section of that source: in the same paragraph, soon
            // after, with no citation between and a number close by.
            let near = self.other_section.as_ref().is_some_and(|o| {
                o.block == block
                    && o.cites == self.out.len()
                    && start.saturating_sub(o.end) < OTHER_SECTION_REACH
                    && sections_close(&o.base, base)
            });
            note.is_some_and(|n| BOOK_NOTE.is_match(&n)) || (near && !self.coded.contains(base))
        };
        if other {
            self.other_section = Some(OtherSection {
                block,
                end,
                base: base.to_string(),
                cites: self.out.len(),
            });
        }
        other
    }

    /// "Ante, at 5-6", "post, at 1": a page of another opinion in the same
    /// document (a concurrence citing the Court's opinion, or the reverse).
    fn other_opinion(&mut self, m: Range<usize>) -> Option<usize> {
        let p = self.pins_at(m.end - 1)?;
        let reference = if self.text[m.start..].starts_with(['a', 'A']) {
            Reference::Ante
        } else {
            Reference::Post
        };
        let form = Form::Internal(Internal {
            reference,
            labeled: false,
        });
        let mut c = self.cite(form, m.start..p.end);
        c.pins = p.pins;
        c.authority = Some(self.own.clone());
        c.parenthetical = self.parenthetical(p.end);
        self.out.push(c);
        Some(p.end)
    }

    fn id(&mut self, m: Range<usize>) -> Option<usize> {
        let mut end = m.end;
        let mut pins = Vec::new();
        let mut section = None;
        if let Some(at) = AT.find(&self.text[end..]) {
            if let Some(p) = self.pins_at(end + at.end()) {
                pins = p.pins;
                end = p.end;
            }
        } else if let Some(mark) = ID_SECTION.find(&self.text[end..]) {
            let base = end + mark.end();
            if let Some(sec) = SECTION.captures(&self.text[base..]) {
                let g = sec.get(1)?;
                section = Some(self.text[base + g.start()..base + g.end()].to_string());
                end = base + g.end();
            }
        }
        let form = Form::Id(Id {
            section,
            ..Id::default()
        });
        let mut c = self.cite(form, m.start..end);
        c.pins = pins;
        c.parenthetical = self.parenthetical(end);
        self.out.push(c);
        Some(end)
    }

    fn supra(&mut self, m: Range<usize>) -> Option<usize> {
        let infra = self.text[m.clone()].starts_with("infra");
        let mut name = if infra {
            None
        } else {
            // "Herring, supra", and without the comma, "Hensley supra".
            name_before(self.text, m.start).or_else(|| {
                let end = self.text[..m.start].strip_suffix(' ')?.len();
                name_ending_at(self.text, end)
            })
        };
        // "Part II-A, supra": a part of this opinion, not a source.
        let mut part_start = None;
        if name.as_ref().is_some_and(|n| is_part_of_document(&n.1)) {
            part_start = name.take().map(|n| n.0);
        }
        let mut end = m.end;
        let mut pins = Vec::new();
        // "See n. 1, supra": a footnote of this opinion.
        if name.is_none() && part_start.is_none() {
            let lo = floor_boundary(self.text, m.start.saturating_sub(SIGNAL_LOOKBACK));
            if let Some(f) = NOTE_BEFORE.captures(&self.text[lo..m.start]) {
                let g = f.get(1)?;
                part_start = Some(lo + g.start());
                pins.extend(footnote_pins(None, &FOOTNOTE.captures(g.as_str())?));
            }
        }
        if let Some(at) = COMMA_AT.find(&self.text[end..]) {
            if let Some(p) = self.pins_at(end + at.end()) {
                pins = p.pins;
                end = p.end;
            }
        } else if COMMA_NOTE.is_match(&self.text[end..]) {
            if let Some(f) = FOOTNOTE.captures(&self.text[end..]) {
                pins.extend(footnote_pins(None, &f));
                end += f.get(0)?.end();
            }
        }
        let start = name.as_ref().map(|n| n.0).or(part_start).unwrap_or(m.start);
        let (form, authority) = match name {
            Some((_, case_name)) => (Form::Supra(Supra { case_name }), None),
            None => {
                let reference = if infra {
                    Reference::Infra
                } else {
                    Reference::Supra
                };
                let labeled = part_start.is_some();
                let form = Form::Internal(Internal { reference, labeled });
                (form, Some(self.own.clone()))
            }
        };
        let mut c = self.cite(form, start..end);
        c.pins = pins;
        c.authority = authority;
        c.parenthetical = self.parenthetical(end);
        self.out.push(c);
        Some(end)
    }

    /// A record citation; `volume` is a numbered volume of the joint
    /// appendix ("1 App. 7"): its offset and digits.
    fn record(&mut self, m: Range<usize>, volume: Option<(usize, &str)>) -> Option<usize> {
        let digit = m.end - 1;
        let from = volume.map_or(m.start, |(at, v)| at + v.len());
        let source = squeeze_spaced(self.text[from..digit].trim());
        let p = self.pins_at(digit)?;
        let form = Form::Record(Record {
            volume: volume.and_then(|(_, v)| v.parse().ok()),
            document: source.clone(),
        });
        let mut c = self.cite(form, m.start..p.end);
        c.pins = p.pins;
        c.authority = Some(source);
        c.parenthetical = self.parenthetical(p.end);
        self.out.push(c);
        Some(p.end)
    }

    /// A syllabus's "Pp. 3-6": pages of the opinion it summarizes.
    fn syllabus_pages(&mut self, m: Range<usize>) -> Option<usize> {
        if self.section_at(m.start) != Section::Syllabus {
            return None;
        }
        let p = self.pins_at(m.end - 1)?;
        let form = Form::Internal(Internal {
            reference: Reference::Syllabus,
            labeled: false,
        });
        let mut c = self.cite(form, m.start..p.end);
        c.pins = p.pins;
        c.authority = Some(self.own.clone());
        self.out.push(c);
        Some(p.end)
    }

    /// One or more pins starting exactly at `at`.
    fn pins_at(&self, at: usize) -> Option<Pins> {
        let mut pins = Vec::new();
        let end = self.pin_at(at, &mut pins)?;
        let end = self.extend_pins(end, &mut pins);
        Some(Pins { pins, end })
    }

    /// Pins after a comma following `at` ("409, 428, 430"), if any.
    fn more_pins(&self, at: usize) -> Option<Pins> {
        let mut pins = Vec::new();
        let end = self.extend_pins(at, &mut pins);
        (!pins.is_empty()).then_some(Pins { pins, end })
    }

    /// Appends to `pins` the pins after a comma following `at`; returns
    /// where they end.
    fn extend_pins(&self, at: usize, pins: &mut Vec<Pin>) -> usize {
        let mut end = at;
        while let Some(sep) = PIN_SEP.find(&self.text[end..]) {
            let at = end + sep.end();
            let mut next = Vec::new();
            let Some(e) = self.pin_at(at, &mut next) else {
                break;
            };
            // A number followed by a capitalized word is the next
            // citation's volume, not a pin; one followed by an ordinary
            // word is a number of the sentence ("supra, at 3, 164
            // countries adhere").
            let rest = self.text[e..].trim_start_matches(' ');
            let plain = !self.text[at..e].contains(|c: char| !c.is_ascii_digit());
            if rest.starts_with(|c: char| c.is_ascii_uppercase())
                || (plain && starts_with_a_word(rest))
            {
                break;
            }
            // "at 681,5 and": a footnote call glued to the pin by a comma.
            if sep.len() == 1 && plain {
                break;
            }
            pins.extend(next);
            end = e;
        }
        end
    }

    /// One pin (a page or range, with footnotes) at `at`.
    fn pin_at(&self, at: usize, pins: &mut Vec<Pin>) -> Option<usize> {
        let rest = &self.text[at..];
        let p = PIN.captures(rest)?;
        let mut end = at + p.get(0)?.end();
        if self.text[end..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
            return None;
        }
        let number = |s: &str| s.replace(',', "").parse::<u32>().ok();
        let page: Option<u32> = number(&p[1]);
        let last = p.get(2).and_then(|e| {
            let digits = e.as_str().bytes().filter(u8::is_ascii_digit).count();
            Some(full_range_end(page?, number(e.as_str())?, digits))
        });
        if let Some(f) = FOOTNOTE.captures(&self.text[end..]) {
            pins.extend(footnote_pins(page, &f).into_iter().map(|mut pin| {
                pin.end = last;
                pin
            }));
            end += f.get(0)?.end();
        } else {
            pins.push(Pin {
                page,
                end: last,
                footnote: None,
            });
        }
        Some(end)
    }

    /// An explanatory parenthetical right after `at`, without its parentheses.
    fn parenthetical(&self, at: usize) -> Option<String> {
        let rest = &self.text[at..];
        let open = rest.len() - rest.trim_start_matches(' ').len();
        if !rest[open..].starts_with('(') {
            return None;
        }
        let mut depth = 0usize;
        for (i, ch) in rest[open..].char_indices() {
            if i > PAREN_MAX || ch == '\n' {
                return None;
            }
            match ch {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(rest[open + 1..open + i].to_string());
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// The signal written right before `at`.
    fn signal_before(&self, at: usize) -> Option<String> {
        let lo = floor_boundary(self.text, at.saturating_sub(SIGNAL_LOOKBACK));
        let window = &self.text[lo..at];
        let signal = SIGNAL.captures(window).map(|c| c[1].to_string())?;
        if signal == "with" || signal == "and" {
            // The second half of "Compare X with Y" (or "Compare X and
            // Y"): after a comma, shortly after a "Compare" in the same block.
            let lo = floor_boundary(self.text, at.saturating_sub(COMPARE_LOOKBACK));
            let block = self.text[lo..at].rsplit('\n').next().unwrap_or("");
            let after_comma = window.ends_with(&format!(", {signal} "));
            if !after_comma || !(block.contains("Compare ") || block.contains("compare ")) {
                return None;
            }
        }
        Some(signal)
    }
}

/// Whether `rest` starts with an ordinary lowercase word, which no pin is
/// followed by ("and n. 5", "n. 3", "et seq." and "ff." may be).
fn starts_with_a_word(rest: &str) -> bool {
    let word = rest.split([' ', ',', ';', ')']).next().unwrap_or("");
    word.starts_with(|c: char| c.is_ascii_lowercase())
        && !matches!(
            word,
            "and" | "n." | "nn." | "et" | "ff." | "note" | "notes" | "at" | "&"
        )
}

/// The pins of a footnote reference: "n. 33" gives one, "nn. 3-4" two.
fn footnote_pins(page: Option<u32>, f: &Captures<'_>) -> Vec<Pin> {
    let mut pins = Vec::new();
    for g in (1..f.len()).filter_map(|k| f.get(k)) {
        pins.push(Pin {
            page,
            end: None,
            footnote: g.as_str().parse().ok(),
        });
    }
    pins
}

/// The subsection a list continues with, written alone: after
/// "522(d)(5)", "(6)" is "522(d)(6)"; after "11603(a)", "(b)" is
/// "11603(b)". It replaces the level of the first section whose kind (a
/// number, a lowercase or a capital letter) it shares, else adds to the
/// section.
fn sibling_subsection(first: &str, sub: &str) -> String {
    let kind = |p: &str| {
        p.chars()
            .nth(1)
            .map(|c| (c.is_ascii_digit(), c.is_ascii_uppercase()))
    };
    // "2617(b)(2)-(3)": the range's end is no level of its own.
    let first = first.split(")-").next().unwrap_or(first);
    let first = if first.contains('(') && !first.ends_with(')') {
        format!("{first})")
    } else {
        first.to_string()
    };
    let want = kind(sub);
    let mut cut = first.find('(').unwrap_or(first.len());
    let mut at = cut;
    while at < first.len() {
        let close = first[at..].find(')').map_or(first.len(), |i| at + i + 1);
        if kind(&first[at..close]) == want {
            cut = at;
        }
        at = close;
    }
    if want.is_none() {
        cut = first.find('(').unwrap_or(first.len());
    }
    format!("{}{sub}", &first[..cut])
}

/// Removes all whitespace: "U. S. C." -> "U.S.C.".
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Folds whitespace runs to one space.
fn squeeze_spaced(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The case or party name written before `at`, which must follow ", ":
/// its start and text. Looks back at most [`NAME_LOOKBACK`] bytes within
/// the block and stops at sentence ends, clause punctuation, signals and
/// lowercase words.
pub(crate) fn name_before(text: &str, at: usize) -> Option<(usize, String)> {
    let comma = text[..at].strip_suffix(", ")?.len();
    name_ending_at(text, comma)
}

/// The case or party name that ends at `end` (see [`name_before`]).
fn name_ending_at(text: &str, end: usize) -> Option<(usize, String)> {
    let mut lo = floor_boundary(text, end.saturating_sub(NAME_LOOKBACK));
    // A name never runs back into the block before.
    if let Some(nl) = memchr::memrchr(b'\n', &text.as_bytes()[lo..end]) {
        lo += nl + 1;
    }
    let window = &text[lo..end];
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut off = lo;
    for w in window.split(' ') {
        if !w.is_empty() {
            words.push((off, w));
        }
        off += w.len() + 1;
    }
    // A word cut by the window's start is no word.
    if lo > 0 && !text[..lo].ends_with([' ', '\n']) && !words.is_empty() {
        words.remove(0);
    }
    let mut start = None;
    let mut after: Option<&str> = None;
    let mut firm_chain = false;
    for (k, &(o, word)) in words.iter().enumerate().rev() {
        // "America, Inc. v. Avagliano": a comma before a corporate suffix
        // stays inside the name.
        // "Lamar, Archer & Cofrin, LLP v. Appling", "Carlisle, McNellie,
        // Rini, Kramer & Ulrich LPA", "Memphis Light, Gas and Water Div.":
        // so do the commas between the names of a firm's.
        let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase());
        let firm = || {
            after.is_some_and(capital)
                && words.get(k + 2).is_some_and(|n| {
                    n.1 == "&" || (n.1 == "and" && words.get(k + 3).is_some_and(|m| capital(m.1)))
                })
        };
        let mut in_firm = false;
        let w = match word.strip_suffix(',') {
            Some(w) if after.is_some_and(|a| CORPORATE_SUFFIXES.contains(&a)) => w,
            Some(w) if capital(w) && !STOP_WORDS.contains(&w) && (firm_chain || firm()) => {
                in_firm = true;
                w
            }
            _ => word,
        };
        firm_chain = in_firm;
        // "SeeYsleta Del Sur Pueblo v. Texas": a signal glued to the name
        // (web text with its tags stripped).
        if let Some(rest) = w.strip_prefix("See") {
            if rest.starts_with(|c: char| c.is_uppercase()) && after.is_some() {
                start = Some(o + 3);
                break;
            }
        }
        // "deliberate."Badgerow v. Walters": a name glued to the quote
        // before it starts after the quote.
        if let Some(q) = w.rfind(['"', '(', '[']) {
            let tail = &w[q + 1..];
            if q + 1 < w.len()
                && tail.starts_with(|c: char| c.is_uppercase())
                && !tail.contains([',', ';', ':', '"', ')', ']'])
            {
                start = Some(o + q + 1);
            }
            break;
        }
        if w.contains([',', ';', ':', ')', ']', '\n']) {
            break;
        }
        // "No. CIV-07-0045-HE, 2010 WL 2817220": a docket number (a part
        // of the opinion such as "Part I-B-2" has fewer digits).
        if w.starts_with(|c: char| c.is_uppercase())
            && w.bytes().filter(u8::is_ascii_digit).count() >= 3
        {
            break;
        }
        // "Rule of Reason.10 NCAA": a footnote call glued to the end of
        // the sentence before.
        let digits = w.len() - w.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 && digits < w.len() && w[..w.len() - digits].ends_with(['.', '\'']) {
            break;
        }
        // "Collins v.Yellen": a missing space after "v.".
        let w = match w.strip_prefix("v.") {
            Some(rest) if rest.starts_with(|c: char| c.is_uppercase()) => rest,
            _ => w,
        };
        let opens = || {
            let before = text[..o].trim_end_matches(' ');
            let last = before.rsplit([' ', '\n']).next().unwrap_or("");
            before.is_empty()
                || before.ends_with(['\n', '"', '?', '!'])
                || (before.ends_with('.')
                    && !matches!(last, "v." | "vs.")
                    && !NAME_ABBREVIATIONS.contains(&last)
                    && !is_initial(last))
        };
        if w == "v." || w == "vs." || CONNECTORS.contains(&w) {
            // Kept only when a capitalized word comes before it.
        } else if w.starts_with(|c: char| c.is_uppercase()) {
            let in_re = w == "In" && after == Some("re");
            if STOP_WORDS.contains(&w) && !in_re {
                break;
            }
            if w.ends_with('.') && !NAME_ABBREVIATIONS.contains(&w) && !is_initial(w) {
                break;
            }
            // "Invoking Strang v. Bradner", "Later Imbler v. Pachtman": a
            // participle or an adverb opening the sentence is not part of
            // the name; a lone party name ("Herring, supra") is.
            let more = after.is_some_and(|a| a != "v." && a != "vs.");
            if more && (w.ends_with("ing") || SENTENCE_OPENERS.contains(&w)) && opens() {
                break;
            }
            start = Some(o);
        } else if w.bytes().all(|b| b.is_ascii_digit())
            && after
                .is_some_and(|a| CORPORATE_SUFFIXES.contains(&a) || NAME_ABBREVIATIONS.contains(&a))
            && k > 0
            && words[k - 1].1.starts_with(|c: char| c.is_uppercase())
            && !words[k - 1].1.ends_with(['.', ','])
        {
            // "Hill v. Gateway 2000, Inc.": a number inside a company name.
        } else if w.bytes().all(|b| b.is_ascii_digit())
            && after.is_some_and(|a| a == "of" || a.starts_with(|c: char| c.is_uppercase()))
            && k > 0
            && words[k - 1].1 == "No."
        {
            // "Public Util. Dist. No. 1 of Snohomish Cty.": a numbered body.
        } else {
            break;
        }
        after = Some(w);
    }
    let s = start?;
    // "No. C 05-4518 WHA, 2006 WL 2355411": the end of a docket number.
    let clause = text[lo..s].rsplit([',', ';', '(']).next().unwrap_or("");
    if clause.contains("No. ") && !text[s..end].contains(" v.") {
        return None;
    }
    Some((s, tidy_name(&text[s..end])))
}

/// A case name as keys compare it: "v." spaced as in print, also where the
/// text glued it to the next party ("Collins v.Yellen").
fn tidy_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 2);
    let mut rest = name;
    while let Some(i) = rest.find("v.") {
        let glued = rest[i + 2..].starts_with(|c: char| c.is_uppercase())
            && (i == 0 || rest[..i].ends_with(' '));
        out.push_str(&rest[..i + 2]);
        if glued {
            out.push(' ');
        }
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

/// Whether a name before "supra" names a part of the opinion itself:
/// "Part II-A", "Parts I and II", "II-C", "Appendix A".
fn is_part_of_document(name: &str) -> bool {
    let first = name.split(' ').next().unwrap_or("");
    if matches!(first, "Part" | "Parts" | "Appendix" | "Section" | "Subpart") {
        return true;
    }
    // A bare part number: "II-C", "IV-E", "III".
    let roman = first.split('-').next().unwrap_or("");
    name == first
        && !roman.is_empty()
        && roman
            .bytes()
            .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L'))
        && first[roman.len()..]
            .bytes()
            .all(|b| b == b'-' || b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// Whether `w` is an initial or a run of them ("U.", "M.M.").
fn is_initial(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 2
        && b.len() % 2 == 0
        && b.chunks(2)
            .all(|p| p[0].is_ascii_uppercase() && p[1] == b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str) -> Option<String> {
        let at = text.find("424").unwrap();
        name_before(text, at).map(|n| n.1)
    }

    #[test]
    fn case_names_stop_at_signals_and_sentences() {
        assert_eq!(
            name("See Imbler v. Pachtman, 424 U. S. 409").as_deref(),
            Some("Imbler v. Pachtman")
        );
        assert_eq!(
            name("his conviction. Goldstein v. Long Beach, 424 F. 3d 1").as_deref(),
            Some("Goldstein v. Long Beach")
        );
        assert_eq!(name("Pp. 11-12. 424 F. 3d 1170").as_deref(), None);
        assert_eq!(name("see Giglio, 424 U. S. 150").as_deref(), Some("Giglio"));
        assert_eq!(
            name("the press, Buckley v. Fitzsimmons, 424 U. S. 259").as_deref(),
            Some("Buckley v. Fitzsimmons")
        );
        assert_eq!(
            name("In re Gault, 424 U. S. 1").as_deref(),
            Some("In re Gault")
        );
        assert_eq!(
            name("to be deliberate.\"Badgerow v. Walters, 424 U. S. 1").as_deref(),
            Some("Badgerow v. Walters")
        );
        assert_eq!(
            name("(quoting Collins v.Yellen, 424 U. S. 1").as_deref(),
            Some("Collins v. Yellen")
        );
        assert_eq!(
            name("holding. SeeYsleta Del Sur Pueblo v. Texas, 424 U. S. 1").as_deref(),
            Some("Ysleta Del Sur Pueblo v. Texas")
        );
        assert_eq!(
            name("rule. Lamar, Archer & Cofrin, LLP v. Appling, 424 U. S. 1").as_deref(),
            Some("Lamar, Archer & Cofrin, LLP v. Appling")
        );
    }

    #[test]
    fn subsections_written_alone_continue_the_first_section() {
        assert_eq!(sibling_subsection("522(d)(5)", "(6)"), "522(d)(6)");
        assert_eq!(sibling_subsection("11603(a)", "(b)"), "11603(b)");
        assert_eq!(sibling_subsection("2617(b)(2)-(3)", "(d)"), "2617(d)");
        assert_eq!(sibling_subsection("2250(a)(1)", "(a)(3)"), "2250(a)(3)");
        assert_eq!(sibling_subsection("1396b(a)(2)-(5)", "(7)"), "1396b(a)(7)");
    }

    /// An anchor found: start, end, and the parts of a case anchor.
    type Found = (usize, usize, Option<Vec<Option<String>>>);

    /// The anchors of `text` as one pattern with every reporter spelling
    /// in it finds them.
    fn anchors_by_pattern(text: &str) -> Vec<Found> {
        static FULL: LazyLock<Regex> = LazyLock::new(|| {
            let mut reps = String::new();
            for (i, s) in tables::reporter_spellings().enumerate() {
                if i > 0 {
                    reps.push('|');
                }
                push_flexible(&mut reps, s);
            }
            let case = format!(
                r"(?:(?-u:\b)[0-9]{{1,4}} +(?:{reps})(?: +[0-9]{{1,7}}(?-u:\b)| +_{{2,}}| *, +at(?: |_)))"
            );
            let pat = BEFORE_CASE
                .iter()
                .copied()
                .chain([case.as_str()])
                .chain(AFTER_CASE.iter().copied())
                .collect::<Vec<_>>()
                .join("|");
            RegexBuilder::new(&pat)
                .size_limit(1 << 28)
                .dfa_size_limit(1 << 28)
                .build()
                .unwrap()
        });
        let parts = re(
            r"(?s)^(?P<vol>[0-9]{1,4}) +(?P<rep>.+?)(?: +(?P<page>[0-9]{1,7})| +(?P<blank>_{2,})| *, +at(?: |_))$",
        );
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some(m) = FULL.find_at(text, pos) {
            let small = SMALL
                .find(&text[m.start()..])
                .is_some_and(|s| s.end() == m.len());
            let case = (!small).then(|| {
                let c = parts.captures(m.as_str()).unwrap();
                ["vol", "rep", "page", "blank"]
                    .iter()
                    .map(|n| c.name(n).map(|g| g.as_str().to_string()))
                    .collect()
            });
            out.push((m.start(), m.end(), case));
            pos = m.end();
        }
        out
    }

    /// The same, found as `scan` finds them.
    fn anchors_by_trie(text: &str) -> Vec<Found> {
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some(m) = ANCHOR.find(regex_automata::Input::new(text).range(pos..)) {
            if !is_case_candidate(&text[m.range()]) {
                out.push((m.start(), m.end(), None));
                pos = m.end();
                continue;
            }
            match case_at(text, m.start()) {
                Some(c) => {
                    let a = Anchor::Case { text, case: c };
                    let parts = ["vol", "rep", "page", "blank"]
                        .iter()
                        .map(|n| a.name(n).map(|g| g.as_str().to_string()))
                        .collect();
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
             12345 U. S. 1; 1 U. S. 12345678; 7 F. 2d 9_; 7 Cal. App. 4th 12, 15"
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

    #[test]
    fn flexible_spellings_match_any_spacing() {
        let mut p = String::from("^(?:");
        push_flexible(&mut p, "F. 3d");
        p.push_str(")$");
        let r = re(&p);
        assert!(r.is_match("F. 3d"));
        assert!(r.is_match("F.3d"));
        assert!(r.is_match("F.  3d"));
    }

    #[test]
    fn signals_are_read_back() {
        let s = SIGNAL.captures("reasons. See also ").unwrap();
        assert_eq!(&s[1], "See also");
        assert!(SIGNAL.captures("the seesaw ").is_none());
    }
}
