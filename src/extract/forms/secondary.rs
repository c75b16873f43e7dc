//! Books and the like, cited in the Supreme Court's style: treatises ("5
//! C. Wright & A. Miller, Federal Practice and Procedure §1216, p. 207 (3d
//! ed. 2004)"), books ("2 W. Blackstone, Commentaries on the Laws of
//! England 123 (1766)", "R. Seavoy, Origins of the American Business
//! Corporation, 1784-1855, p. 5 (1982)"), dictionaries ("Black's Law
//! Dictionary 1320 (11th ed. 2019)"), Restatements ("Restatement (Second)
//! of Torts §402A, Comment c (1963-1964)"), The Federalist ("The
//! Federalist No. 78, p. 465 (C. Rossiter ed. 1961)"), and uniform and
//! model acts ("Uniform Partnership Act §305 (2013)", "Model Penal Code
//! §2.02").
//!
//! A sentence of prose is no book: a book is read back from a closing
//! parenthetical with a year or an edition, over its pages, "p." or "§",
//! to a title written as titles are ([`authors::is_title`]); one without
//! such a note only when a known shape names it (a Restatement, The
//! Federalist, a uniform or model act) or an author cited before does
//! ("LaFave §6.8"). The key is the author and title ("C. Wright & A.
//! Miller, Federal Practice and Procedure"), the title alone for a work
//! without an author ("Restatement (Second) of Torts", "The Federalist
//! No. 78").

use crate::citation::{Form, Pin, Secondary, SecondaryKind};
use crate::extract::scanner::{Scanner, floor_boundary, re, squeeze_spaced};
use crate::extract::titles;
use crate::law::authors;
use crate::law::words::STOP_WORDS;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The year closing a parenthetical: "1766)", "(3d ed. 2004)".
pub(super) const CLOSE: &str = r"(?-u:\b)[0-9]{4}\)";
/// "Restatement".
pub(super) const RESTATEMENT: &str = r"(?-u:\b)Restatement(?-u:\b)";
/// A paper of The Federalist: "The Federalist No. 78", "Federalist, No.
/// 81".
pub(super) const FEDERALIST: &str =
    r"(?-u:\b)(?:The[^\S\n]+)?Federalist,?[^\S\n]+No\.[^\S\n]*[0-9]";

/// The note closing a book's citation: a year ("(1766)", "(1963-1964)",
/// "(1963 and 1964)"), an edition or editor and its year ("(3d ed.
/// 2004)", "(C. Rossiter ed. 1961)", "(2d ed. 1995 and Supp. 2010)"), or
/// a date ("(Mar. 30, 2011)").
static NOTE: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"^(?:(?P<ed>[^()]{0,60}?)[^\S\n]*eds?\.,?[^\S\n]+|rev\.[^\S\n]+)?",
        r"(?:(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?[^\S\n]+(?:[0-9]{1,2},[^\S\n]*)?)?",
        r"(?P<year>[0-9]{4})(?:[^\S\n]*(?:-|/|and|&)[^\S\n]*(?:Supp\.[^\S\n]+)?[0-9]{2,4})?$",
    ))
});
/// Where a book's locator starts, read back from its note: a section
/// ("§1216, p. 207", "¶3.02[2], p. 3-26, n. 5"), a page after "p." (",
/// p. 5"), or pages ("123", "670, 718").
static LOCATOR_END: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?:(?:,?[^\S\n]*ch\.[^\S\n]*[0-9]+[A-Za-z]?,)?[^\S\n]*[§¶]§?[^\S\n]*[0-9][^§]*?",
        r"|,[^\S\n]*pp?\.[^\S\n]*[0-9ivxlc][^()§]*?",
        r"|[^\S\n]+[0-9]{1,5}(?:[^\S\n]*-[^\S\n]*[0-9]{1,5})?(?:,[^\S\n]*[0-9]{1,5}(?:[^\S\n]*-[^\S\n]*[0-9]{1,5})?)*",
        r"(?:,?[^\S\n]+(?:and[^\S\n]+)?nn?\.[^\S\n]*[0-9]{1,3}(?:-[0-9]{1,3})?)?)",
        r"[^\S\n]*$",
    ))
});
/// A section mark and the sections: "§1216", "§§24.2, 24.9", "¶3.02[2]",
/// "§6:8", "§134.02[1][d]", "§4-5.1(a)".
static SECTIONS: LazyLock<Regex> = LazyLock::new(|| {
    let one = concat!(
        r"[0-9]+[A-Za-z]?(?:[.:-][0-9]+[A-Za-z]?)*(?:\[[0-9A-Za-z]{1,3}\])*(?:\([0-9A-Za-z]{1,4}\))*",
        r"(?:,?[^\S\n]*(?:and|&)[^\S\n]*\([0-9A-Za-z]{1,4}\))*",
    );
    re(&format!(
        r"^[^\S\n]*[§¶]§?[^\S\n]*(?P<first>{one})(?:,[^\S\n]*(?:and[^\S\n]+)?{one})*"
    ))
});
/// A chapter before a book's section: ", ch. 25,".
static CHAPTER: LazyLock<Regex> = LazyLock::new(|| re(r"^,?[^\S\n]*ch\.[^\S\n]*[0-9]+[A-Za-z]?,"));
/// What a Restatement or treatise writes after a section: ", Comment c",
/// "and Comment e", ", illus. 1", ", Reporter's Note".
static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"^(?:,?[^\S\n]+(?:and[^\S\n]+)?(?:Comments?|comments?|illus\.|illustration|Illustration|Reporter's[^\S\n]+Note",
        r"|Reporters'[^\S\n]+Note|Introductory[^\S\n]+Note)(?:[^\S\n]+[a-z0-9]{1,3}(?:\([0-9]{1,2}\))?)?)+",
    ))
});
/// A dictionary's definition number: "def. 9", "defs. 1, 2".
static DEFINITION: LazyLock<Regex> = LazyLock::new(|| re(r"^defs?\.[^\S\n]*[0-9a-z(), ]{1,16}$"));
/// A closing note's start after a definition number.
static NOTE_AFTER: LazyLock<Regex> = LazyLock::new(|| re(r"^[^\S\n]*\([^()]{0,60}[0-9]{4}\)"));
/// What stands before a book's pages: ", p. ", ", pp. ", ", at ", or a
/// space alone.
static PAGE_WORD: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:,[^\S\n]*(?:pp?\.|at)[^\S\n]*|[^\S\n]+)"));
/// A Restatement's series written before it ("Third Restatement"), a
/// volume ("2 Restatement").
static BEFORE_RESTATEMENT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:(?-u:\b)(?P<vol>[0-9]{1,2})[^\S\n]+)?(?:(?P<series>First|Second|Third|Fourth)[^\S\n]+)?$",
    )
});
/// A Restatement's series: " (Second)"; and a short name's " 2d".
static SERIES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[^\S\n]*(?:\((?P<series>First|Second|Third|Fourth)\)|(?P<short>[0-9](?:st|nd|d|rd|th))(?-u:\b))",
    )
});
/// The Federalist's paper.
static FEDERALIST_PARTS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:The[^\S\n]+)?Federalist,?[^\S\n]+No\.[^\S\n]*(?P<no>[0-9]{1,2})(?-u:\b)")
});
/// Words that mark a code of statutes or session laws, not a book ("Cal.
/// Penal Code Ann.", "1866 Tex. Gen. Laws", "Ariz. Rev. Stat. Ann.").
static CODE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?-u:\b)(?i:Stat\.|Ann\.|Comp\.|Gen\.|Const\.|Reg\.|Regs\.|Pub\.|Cong\.|Sess\.|Proc\.|Evid\.|Art\.)",
        r"|(?-u:\b)(?:Laws$|Acts$|Code\.?(?:$|[^\S\n]+(?:Ann|Supp))|Rules?[^\S\n]+(?:of[^\S\n]+)?(?:Civ|Crim|App|Evid|Prof))",
        r"|L\.[^\S\n]*P\.[^\S\n]*R\.[^\S\n]*A\.|(?:2d|3d|4th|5th)$",
        r"|U\.[^\S\n]*S\.[^\S\n]*C\.|C\.[^\S\n]*F\.[^\S\n]*R\.|(?-u:\b)CFR(?-u:\b)|^Nos?\.|No\.(?:$|[^\S\n]*[0-9])",
    ))
});
/// A part of a title that is a case or agency report's volume, page and
/// pins ("18 FCC Rcd. 16978", "17202-17205"): no book's.
static REPORT_PART: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:[0-9]{1,5}(?:-[0-9]{1,5})?|[0-9]{1,4} [A-Z].* [0-9]{1,6})$"));
/// The last part of a byline that names a periodical's volume ("Bushman &
/// Anderson, Violent Video Games, 28 Personality & Soc. Psychology Bull."
/// before "1679 (2002)").
static PERIODICAL_PART: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?P<vol>[0-9]{1,4}) (?P<journal>[A-Z][A-Za-z.'&]*(?: (?:[A-Z][A-Za-z.'&]*|&|of|on|and|for|the))*)$",
    )
});
/// A periodical's name alone: abbreviations ending in a period ("J. Pat.
/// Off. Soc."), "&", "of".
static PERIODICAL_NAME: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[A-Z][A-Za-z'&]*\.(?: (?:[A-Z][A-Za-z'&]*\.?|&|of))*$"));
/// A uniform or model act or code, by its title.
static ACT_TITLE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:Revised[^\S\n]+)?(?:Uniform|Model)[^\S\n].*(?:Act|Code)$"));
/// How far after a book's citation, in bytes, a bare section is read as
/// another section of it.
const NEXT_SECTION_REACH: usize = 400;
/// The longest closing note read back over, in bytes.
const NOTE_MAX: usize = 80;
/// How many parts of prose a byline is read past.
const PROSE_PARTS: usize = 3;
/// The longest title read, in bytes.
const TITLE_MAX: usize = 300;

/// What a book's citation holds after its title: the section, the pins,
/// the closing note, and where it ends.
#[derive(Default)]
struct Tail {
    section: Option<String>,
    pins: Vec<Pin>,
    /// Whether a section, "p." or pages were read.
    located: bool,
    edition: Option<String>,
    year: Option<u16>,
    /// Whether a closing note was read.
    noted: bool,
    end: usize,
}

/// Reads what follows a title from `at`: a section and its comments, the
/// pages ("§1216, p. 207", ", p. 5", " 123", ", at 283"), the closing note.
fn tail_at(s: &Scanner<'_>, at: usize) -> Tail {
    let text = s.text;
    let mut t = Tail {
        end: at,
        ..Tail::default()
    };
    // "A Treatise of the Pleas of the Crown, ch. 25, §75": a chapter.
    let chapter = CHAPTER.find(&text[at..]).map_or(0, |c| c.end());
    if let Some(c) = SECTIONS.captures(&text[at + chapter..]) {
        t.section = c.name("first").map(|g| g.as_str().to_string());
        t.end += chapter + c.get(0).map_or(0, |g| g.end());
        t.located = true;
        if let Some(m) = COMMENT.find(&text[t.end..]) {
            t.end += m.end();
        }
    }
    if let Some(w) = PAGE_WORD.find(&text[t.end..]) {
        // A bare number before a capitalized word is no page: "40
        // Restatement 41 Id." (a footnote's label).
        let bare = !w.as_str().contains(',');
        let pins = s
            .pins_at(t.end + w.end())
            .filter(|p| !(bare && capital_word_follows(&text[p.end..])));
        if let Some(p) = pins {
            t.pins = p.pins;
            t.end = p.end;
            t.located = true;
            // "p. 3-26, n. 5", ", Comment f, at 184".
            if let Some(m) = COMMENT.find(&text[t.end..]) {
                t.end += m.end();
            }
        }
    }
    skip_definition(s, &mut t);
    note_at(s, &mut t);
    t
}

/// Skips a dictionary's definition number before the closing note: "89
/// (def. 9) (1933)".
fn skip_definition(s: &Scanner<'_>, t: &mut Tail) {
    let Some(p) = s.parenthetical(t.end) else {
        return;
    };
    if DEFINITION.is_match(&p) {
        let open = t.end + s.text[t.end..].find('(').unwrap_or(0);
        if NOTE_AFTER.is_match(&s.text[open + p.len() + 2..]) {
            t.end = open + p.len() + 2;
        }
    }
}

/// Whether `rest` starts with a space and a capitalized word.
fn capital_word_follows(rest: &str) -> bool {
    rest.strip_prefix(' ')
        .is_some_and(|r| r.starts_with(char::is_uppercase))
}

/// Reads the closing note at `t.end`, if one is there.
fn note_at(s: &Scanner<'_>, t: &mut Tail) {
    let Some(p) = s.parenthetical(t.end) else {
        return;
    };
    let Some(n) = NOTE.captures(&p) else { return };
    t.year = n["year"].parse().ok();
    t.edition = n.name("ed").and_then(|e| edition(e.as_str()));
    t.noted = true;
    let open = t.end + s.text[t.end..].find('(').unwrap_or(0);
    t.end = open + p.len() + 2;
}

/// The edition written before "ed." when it is one ("3d", "rev. 4th",
/// "interim"), not an editor's name ("C. Rossiter").
fn edition(written: &str) -> Option<String> {
    let w = squeeze_spaced(written);
    let ordinal = w.split(' ').next_back().is_some_and(|last| {
        last.starts_with(|c: char| c.is_ascii_digit())
            && ["st", "nd", "d", "rd", "th"]
                .iter()
                .any(|x| last.ends_with(x))
    });
    (ordinal || matches!(w.as_str(), "interim" | "rev." | "new" | "abr.")).then_some(w)
}

/// A book read back from the year closing its note (`m`, the anchor).
pub(super) fn parse_closed(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    read_closed(s, &m).unwrap_or(m.end)
}

fn read_closed(s: &mut Scanner<'_>, m: &Range<usize>) -> Option<usize> {
    let lo = floor_boundary(s.text, m.start.saturating_sub(NOTE_MAX)).max(s.line_start(m.start));
    let open = lo + s.text[lo..m.start].rfind('(')?;
    // A note right after another citation is that citation's ("14 Stat.
    // 27 (1866)", "Cal. Penal Code §187 (West 2014)").
    let before = s.text[..open].trim_end_matches(' ');
    if s.out
        .last()
        .is_some_and(|c| c.place.matching.end >= before.len())
    {
        return None;
    }
    if s.text[open..m.start].contains(')') || !NOTE.is_match(&s.text[open + 1..m.end - 1]) {
        return None;
    }
    let head_end = definition_start(s.text, open);
    let start = titles::clause_start(s, head_end);
    let head = &s.text[start..head_end];
    let title_end = match LOCATOR_END.find(head) {
        Some(l) => start + l.start(),
        None => start + head.trim_end_matches(' ').len(),
    };
    let tail = tail_at(s, title_end);
    if tail.end != m.end {
        return None;
    }
    book(s, start, title_end, tail)
}

/// Where a dictionary's definition number before the note opening at
/// `open` starts ("89 (def. 9) (1933)"), else `open`.
fn definition_start(text: &str, open: usize) -> usize {
    let before = text[..open].trim_end_matches(' ');
    let Some(inner) = before.strip_suffix(')') else {
        return open;
    };
    match inner.rfind('(') {
        Some(o) if DEFINITION.is_match(&inner[o + 1..]) => o,
        _ => open,
    }
}

/// Pushes the book whose byline runs from `start` to `title_end` and whose
/// tail was read; `None` when the byline is no book's.
fn book(s: &mut Scanner<'_>, start: usize, title_end: usize, tail: Tail) -> Option<usize> {
    let clause = s.text[start..title_end].trim_end_matches([' ', ',']);
    // "Republic of Philippines v. Pimental, 552 U. S 1061 (2007)": a case.
    let first = clause.split(", ").next().unwrap_or(clause);
    if first.contains(" v. ") && !first.contains(':') {
        return None;
    }
    let start = past_prose(clause, start);
    let (volume, byline_start) = volume_at(s.text, start);
    let byline = s.text[byline_start..title_end].trim_end_matches([' ', ',']);
    if byline.is_empty() || byline.len() > TITLE_MAX {
        return None;
    }
    if CODE_WORDS.is_match(byline) && !ACT_TITLE.is_match(byline) {
        return None;
    }
    // "LaFave §6.8", "Prosser and Keeton 695": a name of a work cited
    // before.
    let name = squeeze_spaced(byline);
    if s.knows_source(&name) {
        let person = authors::is_person(&name);
        let form = Secondary {
            kind: SecondaryKind::Book,
            author: person.then(|| name.clone()),
            title: if person { String::new() } else { name },
            volume,
            edition: tail.edition,
            year: tail.year,
            section: tail.section,
            short: true,
        };
        return Some(push(s, form, start..tail.end, tail.pins));
    }
    let (author, title) = authors::split_byline(byline);
    let title = title?;
    if title.split(", ").any(|p| REPORT_PART.is_match(p)) {
        return None;
    }
    if let Some(end) = periodical(s, start, volume, (&author, &title), &tail) {
        return Some(end);
    }
    let whole_book = !tail.located
        && author
            .as_deref()
            .is_some_and(|a| authors::is_person(a) && a.contains(". "));
    let words = title.split_whitespace().count();
    // "Population Distribution and Change: 2000 to 2010 (Mar. 2011)": a
    // number after "to" is the title's, not a page.
    let cut = title.rsplit(' ').next().is_some_and(|w| {
        matches!(
            w,
            "to" | "and" | "of" | "from" | "through" | "in" | "the" | "at"
        )
    });
    // "U. L. A.", "I. L. M.", "Ch. D.": a compilation or reporter by its
    // abbreviations alone.
    let initials = title
        .split_whitespace()
        .all(|w| w.len() <= 4 && w.ends_with('.'));
    if let Some(end) = reporter_by_acronym(s, start, volume, (&author, &title), &tail) {
        return Some(end);
    }
    if cut
        || initials
        || !authors::is_title(&title)
        || !(tail.located || whole_book)
        || (words < 2 && author.is_none())
    {
        return None;
    }
    let kind = kind_of(&title);
    let form = Secondary {
        kind,
        author,
        title,
        volume,
        edition: tail.edition,
        year: tail.year,
        section: tail.section,
        short: false,
    };
    Some(push(s, form, start..tail.end, tail.pins))
}

/// Where a clause's byline starts past the prose written before it
/// ("American patent law was \"largely based\" on the English system, E.
/// Walterscheid, To Promote the Progress"): the comma-separated parts that
/// hold a lowercase word no title holds are passed over from the start of
/// `clause` (which starts at `start`), at most a few.
fn past_prose(clause: &str, start: usize) -> usize {
    let mut rest = clause;
    for _ in 0..PROSE_PARTS {
        let Some((first, after)) = rest.split_once(", ") else {
            break;
        };
        let first = first.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
        if authors::is_title(first) || authors::is_person(first) || authors::is_body(first) {
            break;
        }
        rest = after;
    }
    start + (clause.len() - rest.len())
}

/// An article in a periodical reporters-db does not list, read as a book
/// until its last part named the volume and periodical ("Leestma, Case
/// Analysis, 26 Am. J. Forensic Med. & Pathology 199, 211 (2005)"):
/// pushed as an article when its pages follow bare.
fn periodical(
    s: &mut Scanner<'_>,
    start: usize,
    volume: Option<u32>,
    (author, title): (&Option<String>, &str),
    tail: &Tail,
) -> Option<usize> {
    // "22 J. Pat. Off. Soc. 352": the volume opened the byline.
    // "Donner, Copyright Clause ...: Why Did the Framers Include It? 36 Am.
    // J. Legal Hist.": a title ending in a question before the volume.
    let split = match (title.rfind(", "), title.rfind("? ")) {
        (Some(c), Some(q)) if q > c => Some((&title[..=q], &title[q + 2..])),
        (None, Some(q)) => Some((&title[..=q], &title[q + 2..])),
        _ => title.rsplit_once(", "),
    };
    let (rest, volume, journal) = match (split, volume) {
        (None, Some(v)) if author.is_some() && PERIODICAL_NAME.is_match(title) => {
            (None, v, title.to_string())
        }
        (split, _) => {
            let (rest, last) = split.map_or((None, title), |(r, l)| (Some(r), l));
            let c = PERIODICAL_PART.captures(last)?;
            (rest, c["vol"].parse().ok()?, c["journal"].to_string())
        }
    };
    let page = tail.pins.first().and_then(|p| p.page)?;
    if tail.section.is_some() || tail.pins.first().is_some_and(|p| p.end.is_some()) {
        return None;
    }
    let article = super::journal::Written {
        start,
        end: tail.end,
        author: author.clone(),
        title: rest.map(str::to_string),
        volume,
        journal,
        page,
        pins: tail.pins[1..].to_vec(),
        year: tail.year,
    };
    Some(super::journal::push_written(s, article))
}

/// "23 FCC Rcd. 13704, 13707 (2008)": a volume, a reporter named by an
/// acronym and abbreviations, and a page, which is no book's; read by its
/// shape as a periodical's, keyed "23 FCC Rcd. 13704" (verify names the
/// abbreviation it does not know). `None` for any other title.
fn reporter_by_acronym(
    s: &mut Scanner<'_>,
    start: usize,
    volume: Option<u32>,
    (author, title): (&Option<String>, &str),
    tail: &Tail,
) -> Option<usize> {
    let acronym = |w: &str| (2..=5).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase());
    let words: Vec<&str> = title.split_whitespace().collect();
    let reporter = words.iter().any(|w| acronym(w))
        && words
            .iter()
            .all(|w| acronym(w) || (w.len() <= 4 && w.ends_with('.')));
    if !reporter || author.is_some() || tail.section.is_some() {
        return None;
    }
    let page = tail.pins.first().and_then(|p| p.page)?;
    let article = super::journal::Written {
        start,
        end: tail.end,
        author: None,
        title: None,
        volume: volume?,
        journal: title.to_string(),
        page,
        pins: tail.pins[1..].to_vec(),
        year: tail.year,
    };
    Some(super::journal::push_written(s, article))
}

/// A volume opening a byline ("5 C. Wright", "30B M. Graham"): its number
/// and where the rest starts.
fn volume_at(text: &str, start: usize) -> (Option<u32>, usize) {
    let rest = &text[start..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return (None, start);
    }
    let letter = usize::from(
        rest[digits..].starts_with(|c: char| c.is_ascii_uppercase())
            && rest[digits + 1..].starts_with(' '),
    );
    let after = &rest[digits + letter..];
    match after.strip_prefix(' ') {
        Some(r) if r.starts_with(|c: char| c.is_uppercase()) => {
            (rest[..digits].parse().ok(), start + digits + letter + 1)
        }
        _ => (None, start),
    }
}

/// What kind of book a title names.
fn kind_of(title: &str) -> SecondaryKind {
    if title.starts_with("Restatement") {
        SecondaryKind::Restatement
    } else if title.starts_with("The Federalist") {
        SecondaryKind::Federalist
    } else if ACT_TITLE.is_match(title) {
        SecondaryKind::Act
    } else if title.contains("Dictionary") {
        SecondaryKind::Dictionary
    } else {
        SecondaryKind::Book
    }
}

/// Pushes a citation of a book over `range` with its pins; remembers the
/// names later short forms may give it; returns where it ends.
fn push(s: &mut Scanner<'_>, form: Secondary, range: Range<usize>, pins: Vec<Pin>) -> usize {
    let (start, end) = (range.start, range.end);
    let authority = (!form.short).then(|| form.to_string());
    let author = form.author.clone();
    let short = form.short;
    let mut c = s.cite(Form::Secondary(form), range);
    c.pins = pins;
    c.authority = authority;
    let (parenthetical, hereinafter) = titles::after(s, end, start);
    c.parenthetical = parenthetical;
    c.hereinafter = hereinafter.clone();
    s.out.push(c);
    if !short {
        titles::remember(s, author.as_deref(), hereinafter);
    }
    end
}

/// A Restatement: "2 Restatement (Second) of Torts §319, p. 129
/// (1963-1964)" in full; "Restatement §66", "Third Restatement §95",
/// "Restatement 2d §111", "Restatement 353-354" naming one cited before.
pub(super) fn parse_restatement(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    read_restatement(s, &m).unwrap_or(m.end)
}

fn read_restatement(s: &mut Scanner<'_>, m: &Range<usize>) -> Option<usize> {
    let text = s.text;
    let lo = floor_boundary(text, m.start.saturating_sub(16)).max(s.line_start(m.start));
    let before = BEFORE_RESTATEMENT.captures(&text[lo..m.start])?;
    let start = lo + before.get(0).map_or(0, |g| g.start());
    let volume = before.name("vol").and_then(|v| v.as_str().parse().ok());
    let prefix = before.name("series").map(|g| g.as_str());
    let mut end = m.end;
    let mut series = None;
    let mut short_series = None;
    if let Some(c) = SERIES.captures(&text[end..]) {
        series = c.name("series").map(|g| g.as_str().to_string());
        short_series = c.name("short").map(|g| g.as_str().to_string());
        end += c.get(0).map_or(0, |g| g.end());
    }
    let subject_end = subject_end(text, end);
    let subject = squeeze_spaced(&text[end..subject_end]);
    end = subject_end;
    if series.is_none() {
        // "Restatement of Torts (Second)".
        if let Some(c) = SERIES.captures(&text[end..]) {
            series = c.name("series").map(|g| g.as_str().to_string());
            if series.is_some() {
                end += c.get(0).map_or(0, |g| g.end());
            }
        }
    }
    let tail = tail_at(s, end);
    if !tail.located {
        return None;
    }
    let full = !subject.is_empty() && prefix.is_none() && short_series.is_none();
    let mut title = prefix.map(|p| format!("{p} ")).unwrap_or_default();
    title.push_str("Restatement");
    if let Some(x) = series {
        title.push_str(&format!(" ({x})"));
    }
    if let Some(x) = short_series {
        title.push_str(&format!(" {x}"));
    }
    if !subject.is_empty() {
        title.push_str(&format!(" {subject}"));
    }
    let form = Secondary {
        kind: SecondaryKind::Restatement,
        author: None,
        title,
        volume,
        edition: tail.edition,
        year: tail.year,
        section: tail.section,
        short: !full,
    };
    Some(push(s, form, start..tail.end, tail.pins))
}

/// Where a Restatement's subject ends, from `at`: " of Torts", " of the
/// Law Governing Lawyers", " of Torts: Liability for Physical and
/// Emotional Harm"; `at` itself when it has none.
fn subject_end(text: &str, at: usize) -> usize {
    let Some(rest) = text[at..].strip_prefix(" of ") else {
        return at;
    };
    let mut end = at;
    let mut pos = at + 4;
    for w in rest.split(' ') {
        let word = w.trim_end_matches([',', ';', ':']);
        let capital = word.starts_with(|c: char| c.is_uppercase());
        let small = matches!(word, "of" | "the" | "and" | "&" | "on" | "in" | "for");
        if word.is_empty() || w.contains(['§', '(', ')']) || !(capital || small) {
            break;
        }
        if capital {
            end = pos + word.len();
        }
        if w.ends_with([',', ';']) {
            break;
        }
        pos += w.len() + 1;
    }
    if end == at { at } else { end }
}

/// A paper of The Federalist and its pages: "The Federalist No. 78, p.
/// 465 (C. Rossiter ed. 1961)", "The Federalist No. 39, at 285 (J.
/// Madison)".
pub(super) fn parse_federalist(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    let Some(c) = FEDERALIST_PARTS.captures(&s.text[m.start..]) else {
        return m.end;
    };
    let end = m.start + c.get(0).map_or(0, |g| g.end());
    let tail = tail_at(s, end);
    let form = Secondary {
        kind: SecondaryKind::Federalist,
        author: None,
        title: format!("The Federalist No. {}", &c["no"]),
        volume: None,
        edition: tail.edition,
        year: tail.year,
        section: None,
        short: false,
    };
    push(s, form, m.start..tail.end, tail.pins)
}

/// The sections after a "§" or "Section" at `start` (ending at `end`)
/// when they are sections of a book, a uniform or model act, or of a work
/// an author cited before wrote ("LaFave §6.8", "Wright & Miller §1217"):
/// pushes that citation and returns where it ends. `None` when what comes
/// before names no such source.
pub(in crate::extract) fn section_of_source(s: &mut Scanner<'_>, start: usize) -> Option<usize> {
    // A title or a name ends in a capitalized word ("Act §305", "LaFave
    // §6.8"); "under §1983", "See §1983" name none.
    let word = s.text[..start]
        .trim_end_matches(' ')
        .rsplit([' ', '\n'])
        .next()?;
    // "Art. I, §10", "Tex. Penal Code Ann. §19.02": a list, a code.
    let capital = word.starts_with(|c: char| c.is_uppercase());
    let listed = word.ends_with([',', ';']);
    let code = ["Ann.", "Stat.", "Laws", "Comp.", "Supp.", "Gen.", "Code."]
        .iter()
        .any(|c| c.eq_ignore_ascii_case(word));
    if !capital || listed || code || STOP_WORDS.contains(word) {
        return None;
    }
    let lo = titles::clause_start(s, start);
    let head = s.text[lo..start].trim_end_matches(' ');
    if head.is_empty() || head.ends_with(',') {
        return None;
    }
    let byline = squeeze_spaced(&s.text[volume_at(s.text, lo).1..lo + head.len()]);
    let known = s.knows_source(&byline);
    let tail = tail_at(s, start);
    if !(known || tail.noted || !tail.pins.is_empty() || ACT_TITLE.is_match(&byline)) {
        return None;
    }
    book(s, lo, lo + head.len(), tail)
}

/// Another section of the work the citation before cites, written bare
/// soon after it ("Uniform Partnership Act §305 (2013). ... See, e.g.,
/// §306(c)"): pushed as a citation of that work at `section`, from
/// `start` to `end`; `None` when the citation before is no book's.
pub(in crate::extract) fn next_section(
    s: &mut Scanner<'_>,
    start: usize,
    end: usize,
    section: &str,
) -> Option<usize> {
    s.section_at(start);
    let last = s.out.last()?;
    let near = last.place.block == s.line && start < last.place.matching.end + NEXT_SECTION_REACH;
    let (Form::Secondary(book), Some(authority), true) = (&last.form, last.authority.clone(), near)
    else {
        return None;
    };
    let form = Secondary {
        section: Some(section.to_string()),
        year: None,
        edition: None,
        short: true,
        ..book.clone()
    };
    let mut c = s.cite(Form::Secondary(form), start..end);
    c.authority = Some(authority);
    c.parenthetical = s.parenthetical(end);
    s.out.push(c);
    Some(end)
}

/// The lazily compiled patterns and tables above, which
/// [`crate::extract::prepare`] compiles ahead of their first use.
pub(super) const PATTERNS: &[fn()] = crate::extract::patterns![
    NOTE,
    LOCATOR_END,
    SECTIONS,
    CHAPTER,
    COMMENT,
    DEFINITION,
    NOTE_AFTER,
    PAGE_WORD,
    BEFORE_RESTATEMENT,
    SERIES,
    FEDERALIST_PARTS,
    CODE_WORDS,
    REPORT_PART,
    PERIODICAL_PART,
    PERIODICAL_NAME,
    ACT_TITLE
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_notes_hold_a_year_an_edition_or_a_date() {
        let year = |n: &str| NOTE.captures(n).map(|c| c["year"].to_string());
        assert_eq!(year("1766").as_deref(), Some("1766"));
        assert_eq!(year("3d ed. 2004").as_deref(), Some("2004"));
        assert_eq!(year("C. Rossiter ed. 1961").as_deref(), Some("1961"));
        assert_eq!(year("2d ed. 1995 and Supp. 2010").as_deref(), Some("1995"));
        assert_eq!(year("1963-1964").as_deref(), Some("1963"));
        assert_eq!(year("Mar. 30, 2011").as_deref(), Some("2011"));
        assert_eq!(year("West 2014"), None);
        assert_eq!(year("CA9 2007"), None);
        assert_eq!(year("2006 ed."), None);
    }

    #[test]
    fn an_edition_is_an_ordinal_not_an_editor() {
        assert_eq!(edition("3d").as_deref(), Some("3d"));
        assert_eq!(edition("rev. 4th").as_deref(), Some("rev. 4th"));
        assert_eq!(edition("interim").as_deref(), Some("interim"));
        assert_eq!(edition("C. Rossiter"), None);
    }

    #[test]
    fn volumes_open_bylines() {
        let text = "5 C. Wright; 30B M. Graham; 1998 Survey; 12 miles";
        assert_eq!(volume_at(text, 0), (Some(5), 2));
        let at = text.find("30B").unwrap();
        assert_eq!(volume_at(text, at), (Some(30), at + 4));
        let at = text.find("1998").unwrap();
        assert_eq!(volume_at(text, at), (None, at));
        let at = text.find("12").unwrap();
        assert_eq!(volume_at(text, at), (None, at));
    }

    #[test]
    fn a_restatements_subject_runs_to_its_section() {
        let text = "Restatement (Second) of Torts §402A";
        let at = text.find(" of").unwrap();
        assert_eq!(&text[at..subject_end(text, at)], " of Torts");
        let text = "Restatement (Third) of the Law Governing Lawyers §31";
        let at = text.find(" of").unwrap();
        assert_eq!(
            &text[at..subject_end(text, at)],
            " of the Law Governing Lawyers"
        );
        let text = "Restatement §66";
        assert_eq!(subject_end(text, 11), 11);
    }

    #[test]
    fn prose_before_a_byline_is_passed_over() {
        let clause = "the Court said in its opinion, E. Walterscheid, To Promote the Progress";
        let at = past_prose(clause, 100);
        assert_eq!(
            &clause[at - 100..],
            "E. Walterscheid, To Promote the Progress"
        );
        let clause = "W. LaFave, Criminal Law";
        assert_eq!(past_prose(clause, 7), 7);
    }

    #[test]
    fn a_dictionarys_definition_stands_before_its_note() {
        let text = "2 Oxford English Dictionary 89 (def. 9) (1933)";
        let open = text.rfind('(').unwrap();
        assert_eq!(definition_start(text, open), text.find("(def").unwrap());
        let text = "Black's Law Dictionary 89 (1933)";
        let open = text.rfind('(').unwrap();
        assert_eq!(definition_start(text, open), open);
    }

    #[test]
    fn kinds_follow_titles() {
        assert_eq!(
            kind_of("Restatement (Second) of Torts"),
            SecondaryKind::Restatement
        );
        assert_eq!(kind_of("Model Penal Code"), SecondaryKind::Act);
        assert_eq!(kind_of("Uniform Partnership Act"), SecondaryKind::Act);
        assert_eq!(kind_of("Black's Law Dictionary"), SecondaryKind::Dictionary);
        assert_eq!(kind_of("The Federalist No. 78"), SecondaryKind::Federalist);
        assert_eq!(kind_of("Criminal Law"), SecondaryKind::Book);
    }
}
