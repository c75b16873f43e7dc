//! Reporters: every spelling reporters-db knows, in a trie that reads a
//! case anchor's reporter and what follows it. The periodicals' spellings
//! are in the same trie after the reporters', so that one cheap anchor (a
//! volume and a capital) finds "65 Mich. L. Rev. 59" too.

use super::tables;
use std::sync::LazyLock;

/// Every reporter spelling in a trie, then every periodical's, matched as
/// the pattern made by `push_flexible` (in the tests) matches it: spaces
/// may stand where the spelling has white space or after a period, nowhere
/// else. A spelling's index at or above [`JOURNALS_FROM`] is a periodical's.
static REPORTERS: LazyLock<Trie> = LazyLock::new(|| {
    let mut trie = Trie::default();
    for (i, s) in anchor_spellings().enumerate() {
        trie.insert(s, u32::try_from(i).unwrap_or(u32::MAX));
    }
    trie
});

/// The index of the first periodical spelling in [`REPORTERS`].
static JOURNALS_FROM: LazyLock<u32> =
    LazyLock::new(|| u32::try_from(tables::reporter_spellings().count()).unwrap_or(u32::MAX));

/// The spellings a case anchor may read after its volume: the reporters',
/// then the periodicals' (a reporter's spelling wins a tie).
pub(super) fn anchor_spellings() -> impl Iterator<Item = &'static str> {
    tables::reporter_spellings().chain(tables::journal_spellings())
}

/// The trie: its nodes, and the edges of all of them in one list, each
/// node's edges linked in the order they were added (one allocation for
/// all the edges, where a list per node would take one each).
#[derive(Default)]
struct Trie {
    nodes: Vec<TrieNode>,
    edges: Vec<TrieEdge>,
}

/// The mark of "no edge" in the links of [`TrieNode`] and [`TrieEdge`].
const NO_EDGE: u32 = u32::MAX;

struct TrieNode {
    /// Its first edge, or [`NO_EDGE`].
    first: u32,
    /// The first spelling (in pattern order) that ends here.
    spelling: Option<u32>,
}

impl TrieNode {
    fn new() -> TrieNode {
        TrieNode {
            first: NO_EDGE,
            spelling: None,
        }
    }
}

struct TrieEdge {
    byte: u8,
    /// Whether spaces may come before the byte.
    spaced: bool,
    to: u32,
    /// The next edge of the same node, or [`NO_EDGE`].
    next: u32,
}

impl Trie {
    fn insert(&mut self, spelling: &str, index: u32) {
        if self.nodes.is_empty() {
            self.nodes.push(TrieNode::new());
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
                node = self.child(node, byte, spaced && k == 0);
            }
            spaced = c == '.';
        }
        let end = &mut self.nodes[node].spelling;
        *end = Some(end.map_or(index, |e| e.min(index)));
    }

    /// The child of `node` by `byte` (after spaces if `spaced`), added
    /// after its other children if it has none.
    fn child(&mut self, node: usize, byte: u8, spaced: bool) -> usize {
        let mut last = None;
        let mut e = self.nodes[node].first;
        while e != NO_EDGE {
            let edge = &self.edges[e as usize];
            if edge.byte == byte && edge.spaced == spaced {
                return edge.to as usize;
            }
            last = Some(e as usize);
            e = edge.next;
        }
        let to = self.nodes.len();
        self.nodes.push(TrieNode::new());
        let added = u32::try_from(self.edges.len()).expect("fewer than 2^32 edges");
        self.edges.push(TrieEdge {
            byte,
            spaced,
            to: u32::try_from(to).expect("fewer than 2^32 nodes"),
            next: NO_EDGE,
        });
        match last {
            Some(l) => self.edges[l].next = added,
            None => self.nodes[node].first = added,
        }
        to
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
            let mut e = n.first;
            while e != NO_EDGE {
                let edge = &self.edges[e as usize];
                let mut p = at;
                if edge.spaced {
                    while text.get(p) == Some(&b' ') {
                        p += 1;
                    }
                }
                if text.get(p) == Some(&edge.byte) {
                    stack.push((edge.to as usize, p + 1));
                }
                e = edge.next;
            }
        }
    }
}

/// Byte offsets (start, end) into the matching text.
pub(super) type Bytes = (usize, usize);

/// A case anchor: volume, reporter as written, and the page or blank page
/// that follows (or neither, for ", at").
#[derive(Clone, Copy)]
pub(super) struct CaseAnchor {
    pub(super) whole: Bytes,
    pub(super) vol: Bytes,
    pub(super) rep: Bytes,
    pub(super) page: Option<Bytes>,
    pub(super) blank: Option<Bytes>,
    /// A nominative reporter in parentheses after the reporter ("5 U.S.
    /// (1 Cranch) 137"): its volume and spelling.
    pub(super) nominative: Option<Nominative>,
    /// Whether the spelling is a periodical's ("65 Mich. L. Rev. 59").
    pub(super) journal: bool,
}

/// A nominative reporter's volume and spelling.
pub(super) type Nominative = (Bytes, Bytes);

/// What follows a reporter: where it ends, and the page or blank page.
#[derive(Clone, Copy)]
struct Tail {
    end: usize,
    page: Option<Bytes>,
    blank: Option<Bytes>,
}

/// The length of a page number in lower-case roman numerals at the start
/// of `rest` ("lxiv"), when a parenthetical or a comma follows it and it
/// is a well-formed numeral ("civil" is none); else 0.
pub(super) fn roman_page(rest: &[u8]) -> usize {
    let n = rest
        .iter()
        .take_while(|c| matches!(c, b'i' | b'v' | b'x' | b'l' | b'c'))
        .count();
    let then = &rest[n..];
    let closes = then.starts_with(b" (") || then.starts_with(b",");
    if n == 0 || n > 8 || !closes {
        return 0;
    }
    let numeral = std::str::from_utf8(&rest[..n]).unwrap_or("");
    if roman_value(numeral).is_some() { n } else { 0 }
}

/// The value of a well-formed lower-case roman numeral below 400: one
/// whose value written back gives the same numeral.
fn roman_value(s: &str) -> Option<u32> {
    const DIGITS: [(char, u32); 5] = [('c', 100), ('l', 50), ('x', 10), ('v', 5), ('i', 1)];
    let value_of = |c: char| DIGITS.iter().find(|d| d.0 == c).map(|d| d.1);
    let values: Vec<u32> = s.chars().map(value_of).collect::<Option<_>>()?;
    let mut total = 0;
    for (k, &v) in values.iter().enumerate() {
        if values.get(k + 1).is_some_and(|&next| next > v) {
            total -= v as i64;
        } else {
            total += v as i64;
        }
    }
    let total = u32::try_from(total)
        .ok()
        .filter(|&t| (1..400).contains(&t))?;
    (to_roman(total) == s).then_some(total)
}

/// A number below 400 in lower-case roman numerals.
fn to_roman(mut n: u32) -> String {
    const STEPS: [(u32, &str); 9] = [
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (v, r) in STEPS {
        while n >= v {
            out.push_str(r);
            n -= v;
        }
    }
    out
}

/// The length of a paragraph number at the start of `rest`: "61,082",
/// "12345", with thousands commas; 0 when there is none.
fn paragraph_number(rest: &[u8]) -> usize {
    let lead = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=7).contains(&lead) {
        return 0;
    }
    let mut n = lead;
    while lead <= 3
        && rest.get(n) == Some(&b',')
        && rest
            .get(n + 1..n + 4)
            .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
        && !rest.get(n + 4).is_some_and(u8::is_ascii_digit)
        && n < 12
    {
        n += 4;
    }
    let boundary = !rest
        .get(n)
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_');
    if boundary { n } else { 0 }
}

/// Whether what follows an "at" (without a comma before it) begins a pin:
/// " 241", " *3", " ¶ 20", " p. 560", " ___" or "___".
fn pin_follows_at(rest: &[u8]) -> bool {
    match rest {
        [b'_', ..] => true,
        [b' ', c, ..] if c.is_ascii_digit() || matches!(c, b'*' | b'_') => true,
        [b' ', 0xC2, 0xB6, ..] | [b' ', b'p', b'.', ..] | [b' ', b'p', b'p', b'.', ..] => true,
        _ => false,
    }
}

/// The case anchor at `start`, if one is there: as the pattern
/// `\b[0-9]{1,4} +(?:spelling|...)(?: +[0-9]{1,7}\b| +_{2,}| *, +at(?: |_)| *, +[0-9]{1,7}\b| *, +_{2,}| *¶ *PARAGRAPH| +at(?: |_))`
/// would match it (the last, the Bluebook's "454 U.S. at 241", only before
/// a pin: [`pin_follows_at`]), its spellings in the order of
/// [`anchor_spellings`] (the first that matches with a tail
/// wins), `start` being a word boundary.
pub(super) fn case_at(text: &str, start: usize) -> Option<CaseAnchor> {
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
            // "12 Neb. App. lxiv (2004)": a front-matter page in roman
            // numerals, before a parenthetical or a comma.
            let n = roman_page(&b[p..]);
            if n > 0 {
                return Some(Tail {
                    end: p + n,
                    page: Some((p, p + n)),
                    blank: None,
                });
            }
            // "454 U.S. at 241": the Bluebook's short form, no comma; a pin
            // must follow, so that "5 U.S. at least" is none.
            if b[p..].starts_with(b"at") && pin_follows_at(&b[p + 2..]) {
                return Some(Tail {
                    end: p + 3,
                    page: None,
                    blank: None,
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
            // "1 U.S., 1": a comma between reporter and page.
            let n = digits(q);
            let after = b.get(q + n);
            let boundary = !after.is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_');
            if q > p + 1 && (1..=7).contains(&n) && boundary {
                return Some(Tail {
                    end: q + n,
                    page: Some((q, q + n)),
                    blank: None,
                });
            }
            // "555 U. S., ___": and before a blank page.
            let n = b[q..].iter().take_while(|&&c| c == b'_').count();
            if q > p + 1 && n >= 2 {
                return Some(Tail {
                    end: q + n,
                    page: None,
                    blank: Some((q, q + n)),
                });
            }
        }
        // "103 FERC ¶61,082": a paragraph for a page, as looseleaf services
        // number their reports.
        if b[p..].starts_with("¶".as_bytes()) {
            let q = spaces(p + 2);
            let n = paragraph_number(&b[q..]);
            if n > 0 {
                return Some(Tail {
                    end: q + n,
                    page: Some((q, q + n)),
                    blank: None,
                });
            }
        }
        None
    };
    // A tail right after the spelling, or after a nominative reporter.
    let tail_or_nominative = |e: usize| match tail(e) {
        Some(t) => Some((t, None)),
        None => {
            let (nom_end, nom) = nominative_at(b, e)?;
            tail(nom_end).map(|t| (t, Some(nom)))
        }
    };
    // (spelling, where it ends, its tail)
    let mut best: Option<(u32, usize, Tail, Option<Nominative>)> = None;
    REPORTERS.matches(b, rep_start, |k, e| {
        if best.as_ref().is_some_and(|(bk, ..)| *bk <= k) {
            return;
        }
        if let Some((t, nom)) = tail_or_nominative(e) {
            best = Some((k, e, t, nom));
        }
    });
    let (k, rep_end, t, nominative) = best?;
    Some(CaseAnchor {
        whole: (start, t.end),
        vol: (start, vol_end),
        rep: (rep_start, rep_end),
        page: t.page,
        blank: t.blank,
        nominative,
        journal: k >= *JOURNALS_FROM,
    })
}

/// A nominative reporter in parentheses at `e` (after spaces): " (3
/// Dall.)", "(1 Cranch)". Returns where it ends and its volume and
/// spelling.
fn nominative_at(b: &[u8], e: usize) -> Option<(usize, Nominative)> {
    let spaces = |mut p: usize| {
        while b.get(p) == Some(&b' ') {
            p += 1;
        }
        p
    };
    let open = spaces(e);
    if b.get(open) != Some(&b'(') {
        return None;
    }
    let vol_start = spaces(open + 1);
    let n = b[vol_start..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if !(1..=3).contains(&n) {
        return None;
    }
    let rep_start = spaces(vol_start + n);
    if rep_start == vol_start + n {
        return None;
    }
    let mut found = None;
    REPORTERS.matches(b, rep_start, |_, r_end| {
        let close = spaces(r_end);
        if b.get(close) == Some(&b')') && found.is_none_or(|(_, e)| r_end > e) {
            found = Some((close + 1, r_end));
        }
    });
    let (end, rep_end) = found?;
    Some((end, ((vol_start, vol_start + n), (rep_start, rep_end))))
}

/// The lazily compiled patterns and tables above, which
/// [`crate::extract::prepare`] compiles ahead of their first use.
pub(super) const PATTERNS: &[fn()] = crate::extract::patterns![REPORTERS, JOURNALS_FROM];

#[cfg(test)]
pub(super) mod tests {
    use crate::extract::scanner::re;

    /// Appends `spelling` to a pattern so that any spacing matches: each space
    /// matches any run of whitespace, and whitespace may follow each period.
    /// The reporter trie ([`REPORTERS`]) matches spellings this way; the
    /// pattern is what the tests check it against.
    pub(crate) fn push_flexible(pat: &mut String, spelling: &str) {
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

    #[test]
    fn roman_pages_are_well_formed_numerals_before_a_parenthesis() {
        use super::roman_page;
        assert_eq!(roman_page(b"lxiv (2004)"), 4);
        assert_eq!(roman_page(b"xix, 5"), 3);
        assert_eq!(roman_page(b"civil (1990)"), 0);
        assert_eq!(roman_page(b"iiii (1990)"), 0);
        assert_eq!(roman_page(b"lxiv of"), 0);
        assert_eq!(roman_page(b"cc"), 0);
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
}
