//! Statute sections: "42 U. S. C. §1983", "29 CFR §1630.2(j)", "Rev. Stat.
//! §1979", a bare "§1983" or "§§1981-1983", and "Section 523(a)(2)(A)"
//! spelled out. A bare section of a book, a Restatement, a uniform act or
//! the Constitution is read and left out.

use crate::citation::{Code, Form, Regulation, Statute};
use crate::extract::names::NAME_LOOKBACK;
use crate::extract::scanner::{Scanner, floor_boundary, re, squeeze};
use crate::law::sections::{base_section, sibling_subsection};
use regex::{Captures, Regex};
use std::ops::Range;
use std::sync::LazyLock;

/// "42 U. S. C. §", "29 C. F. R. §§": a title, a code and the mark; older
/// texts write the mark "s" or "ss" ("40 U.S.C. ss 270a-270f"), and some
/// none ("50 U.S.C. 1701").
pub(super) const CODE: &str = r"(?-u:\b)(?P<title>[0-9]{1,3})[^\S\n]+(?P<code>U\.[^\S\n]*S\.[^\S\n]*C\.(?:[^\S\n]*A\.)?|C\.[^\S\n]*F\.[^\S\n]*R\.)(?:[^\S\n]*(?P<mark>§§?)|[^\S\n]+(?P<letter>ss?)(?-u:\b)|(?P<none>))";
/// "Rev. Stat. §".
pub(super) const REVISED: &str = r"(?-u:\b)Rev\.[^\S\n]*Stat\.[^\S\n]*(?P<mark>§§?)";
/// A bare "§" or "§§".
pub(super) const BARE: &str = r"(?P<mark>§§?)";
/// "Section 5", "Sections 3": the number is read after the word.
pub(super) const WORD: &str = r"(?-u:\b)(?P<mark>Sections?)[^\S\n]+[0-9]";

static CODE_PARTS: LazyLock<Regex> = LazyLock::new(|| re(&format!("^(?:{CODE})")));
static REVISED_PARTS: LazyLock<Regex> = LazyLock::new(|| re(&format!("^(?:{REVISED})")));
static BARE_PARTS: LazyLock<Regex> = LazyLock::new(|| re(&format!("^(?:{BARE})")));
static WORD_PARTS: LazyLock<Regex> = LazyLock::new(|| re(&format!("^(?:{WORD})")));
/// A code after a bare mark: "§11 U.S.C. 1306".
static MISPLACED_CODE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^[^\S\n]*(?P<title>[0-9]{1,3})[^\S\n]+(?P<code>U\.[^\S\n]*S\.[^\S\n]*C\.)[^\S\n]+")
});

/// A section number: "1983", "5.05(b)(1)", ranges "5.01-5.05" and
/// "2.12(a)-(e)".
pub(in crate::extract) static SECTION: LazyLock<Regex> = LazyLock::new(|| {
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

/// A bare section read as a section of something other than a statute.
pub(in crate::extract) struct OtherSection {
    /// Its block, where it ends, and its section without subsections.
    block: usize,
    end: usize,
    base: String,
    /// How many citations had been found when it was read.
    cites: usize,
}

/// "42 U. S. C. §1983": a section of the U. S. Code or the CFR.
pub(super) fn parse_code(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    let Some(caps) = s.parts(&CODE_PARTS, &m) else {
        return m.end;
    };
    let Some(of) = code_of(&caps["title"], &caps["code"]) else {
        return m.end;
    };
    let Some(mark) = caps
        .name("mark")
        .or(caps.name("letter"))
        .or(caps.name("none"))
    else {
        return m.end;
    };
    let many = matches!(mark.as_str(), "§§" | "ss");
    statute(s, m.start, m.start + mark.end(), many, of).unwrap_or(m.end)
}

/// What the sections after a mark are sections of.
#[derive(Clone, Debug)]
enum Of {
    /// A code of statutes.
    Code(Code),
    /// A title of the Code of Federal Regulations.
    Cfr(u32),
    /// Nothing named: a bare section, whose code resolution finds.
    Unnamed,
}

impl Of {
    /// The form and authority key of `section` of this.
    fn cite(&self, section: String) -> (Form, Option<String>) {
        match self {
            Of::Cfr(title) => {
                let r = Regulation::Cfr {
                    title: *title,
                    section,
                    part: false,
                };
                let key = r.to_string();
                (Form::Regulation(r), Some(key))
            }
            Of::Code(code) => {
                let key = code.key(&section);
                let code = Some(code.clone());
                let bare = false;
                (
                    Form::Statute(Statute::Section {
                        code,
                        section,
                        bare,
                    }),
                    Some(key),
                )
            }
            Of::Unnamed => {
                let (code, bare) = (None, true);
                (
                    Form::Statute(Statute::Section {
                        code,
                        section,
                        bare,
                    }),
                    None,
                )
            }
        }
    }
}

/// The code of a title and a code's name as written: "42" and "U. S. C.".
fn code_of(title: &str, written: &str) -> Option<Of> {
    let title = title.parse().ok()?;
    Some(match squeeze(written).as_str() {
        "C.F.R." => Of::Cfr(title),
        written => Of::Code(Code::UsCode {
            title,
            annotated: written.ends_with("A."),
        }),
    })
}

/// "Rev. Stat. §1979": the Revised Statutes; "Nev. Rev. Stat. §281A.420",
/// a State's, which has no key form and is read as a bare section.
pub(super) fn parse_revised(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    let Some(caps) = s.parts(&REVISED_PARTS, &m) else {
        return m.end;
    };
    let word = s.text[..m.start].trim_end_matches(' ');
    let word = word.rsplit([' ', '\n']).next().unwrap_or("");
    let state = word.starts_with(|c: char| c.is_ascii_uppercase()) && word.ends_with('.');
    let of = if state {
        Of::Unnamed
    } else {
        Of::Code(Code::RevisedStatutes)
    };
    sections(s, &m, &caps, of)
}

/// A bare "§1983", or "Section 523(a)(2)(A)" spelled out (as at a
/// sentence start).
pub(super) fn parse_bare(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    let Some(caps) = s.parts(&BARE_PARTS, &m) else {
        return m.end;
    };
    // "§11 U.S.C. 1306": the mark written before the title.
    if let Some(c) = MISPLACED_CODE.captures(&s.text[m.end..]) {
        if let (Some(of), Some(g)) = (code_of(&c["title"], &c["code"]), c.get(0)) {
            return statute(s, m.start, m.end + g.end(), false, of).unwrap_or(m.end);
        }
    }
    sections(s, &m, &caps, Of::Unnamed)
}

/// "Section 5", "Sections 3 and 4".
pub(super) fn parse_word(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    let Some(caps) = s.parts(&WORD_PARTS, &m) else {
        return m.end;
    };
    sections(s, &m, &caps, Of::Unnamed)
}

/// The sections after the anchor's mark (`caps["mark"]`, "§", "§§",
/// "Section", "Sections"), one citation each; where scanning resumes.
fn sections(s: &mut Scanner<'_>, m: &Range<usize>, caps: &Captures<'_>, of: Of) -> usize {
    let Some(mark) = caps.name("mark") else {
        return m.end;
    };
    let many = matches!(mark.as_str(), "§§" | "Sections");
    statute(s, m.start, m.start + mark.end(), many, of).unwrap_or(m.end)
}

/// Statute sections after a "§" or "§§" anchor (or "Section",
/// "Sections") ending at `mark_end`: one citation each, of what `of`
/// names before the mark ("42 U.S.C.").
fn statute(
    s: &mut Scanner<'_>,
    start: usize,
    mark_end: usize,
    many: bool,
    of: Of,
) -> Option<usize> {
    let first = SECTION.captures(&s.text[mark_end..])?;
    let first_start = mark_end + first.get(1)?.start();
    let first_end = mark_end + first.get(0)?.end();
    let first_sec = s.text[first_start..first_end].to_string();
    let base = base_section(&first_sec).to_string();
    let mut list = vec![(start, first_end, first_sec)];
    if many {
        more_sections(s.text, &mut list);
    }
    let end = list.last().map_or(first_end, |l| l.1);
    let unnamed = matches!(of, Of::Unnamed);
    if unnamed {
        // "Uniform Partnership Act §305 (2013)", "LaFave §6.8".
        if let Some(e) = super::secondary::section_of_source(s, start) {
            s.other_section = Some(OtherSection {
                block: s.line,
                end: e,
                base,
                cites: s.out.len(),
            });
            return Some(e);
        }
        if not_a_statute(s, start, first_end, end, &base) {
            // "See, e.g., §306(c)" soon after it: another section of the
            // act or book just cited.
            let next = names_a_source(s, start, first_end, end)
                .is_none()
                .then(|| super::secondary::next_section(s, start, end, &list[0].2))
                .flatten();
            return Some(next.unwrap_or(end));
        }
    }
    for (from, to, section) in list {
        if !unnamed {
            s.coded.insert(base_section(&section).to_string());
        }
        let (form, authority) = of.cite(section);
        let mut c = s.cite(form, from..to);
        c.authority = authority;
        s.out.push(c);
    }
    // "42 U. S. C. §1983 (2006 ed.)": the edition note goes with the last
    // section.
    let note = s.parenthetical(end);
    if let Some(last) = s.out.last_mut() {
        last.parenthetical = note;
    }
    Some(end)
}

/// The sections listed after the first of a "§§" or "Sections": "§§1981,
/// 1983", "§§11603(a), (b), (d)" (subsections of the first section).
fn more_sections(text: &str, list: &mut Vec<(usize, usize, String)>) {
    let first = list[0].2.clone();
    let mut end = list[0].1;
    while let Some(sep) = SECTION_SEP.find(&text[end..]) {
        let at = end + sep.end();
        let rest = &text[at..];
        let (g, sec) = if let Some(g) = SUBSECTIONS.captures(rest).and_then(|c| c.get(1)) {
            (g.range(), sibling_subsection(&first, g.as_str()))
        } else if let Some(g) = SECTION.captures(rest).and_then(|c| c.get(1)) {
            // "§§5.01(a), 5.04(a), 1 App. 22-24": a number followed by a
            // capitalized abbreviation starts the next citation.
            let after = rest[g.end()..].trim_start_matches(' ');
            let word = after.split(' ').next().unwrap_or("");
            if word.starts_with(|c: char| c.is_ascii_uppercase()) && word.ends_with('.') {
                break;
            }
            (g.range(), g.as_str().to_string())
        } else {
            break;
        };
        list.push((at + g.start, at + g.end, sec));
        end = at + g.end;
    }
}

/// Whether a bare section ("§425", "Section 5") is a section of something
/// other than a statute: a book or treatise ("Law of Torts §425 (2022)",
/// "Williston on Contracts §69:47", "§2862, pp. 431-433"), a Restatement,
/// a uniform or model act, the Constitution ("Art. I, §10, cl. 3"), or an
/// Act cited by its Statutes at Large page ("Act of Mar. 2, 1867, §33, 14
/// Stat. 533"), whose section belongs to that citation. A bare section
/// soon after such a one in the same paragraph, of a number no code has
/// been cited with, is read as another section of the same source
/// ("Uniform Partnership Act §305 (2013). ... See, e.g., §306(c)").
///
/// `start` is where the section's mark begins, `first_end` where its first
/// section ends, `end` where the last does.
fn not_a_statute(
    s: &mut Scanner<'_>,
    start: usize,
    first_end: usize,
    end: usize,
    base: &str,
) -> bool {
    s.section_at(start);
    let block = s.line;
    let other = match names_a_source(s, start, first_end, end) {
        Some(named) => named,
        None => continues_another_source(s, start, end, block, base),
    };
    if other {
        s.other_section = Some(OtherSection {
            block,
            end,
            base: base.to_string(),
            cites: s.out.len(),
        });
    }
    other
}

/// What the text around a bare section says it is a section of: `true`
/// for a source that is no statute, `false` for a code or session laws,
/// `None` when it names neither.
fn names_a_source(s: &Scanner<'_>, start: usize, first_end: usize, end: usize) -> Option<bool> {
    let text = s.text;
    let after = &text[end..];
    let lo = floor_boundary(text, start.saturating_sub(NAME_LOOKBACK)).max(s.line_start(start));
    let before = &text[lo..start];
    // The clause the section ends: after the last ";" or sentence end.
    let clause = CLAUSE_START.find_iter(before).last().map_or(before, |m| {
        let cut = if m.as_str().ends_with(';') {
            m.end()
        } else {
            m.end() - 1
        };
        &before[cut..]
    });
    if NON_STATUTE_NAMED.is_match(clause)
        || CONSTITUTION_ARTICLE.is_match(before)
        || SECTION_COLON.is_match(&text[first_end..])
        || ACT_BY_PAGE.is_match(after)
        || BOOK_PAGE.is_match(after)
        || CLAUSE.is_match(after)
        || OF_AMENDMENT.is_match(after)
    {
        Some(true)
    } else if STATUTE_NAMED.is_match(clause) {
        Some(false)
    } else {
        None
    }
}

/// Whether a bare section that names no source is one of a book (its note
/// is a year or an edition) or the next section of the source a bare
/// section just before was read as: in the same paragraph, soon after,
/// with no citation between and a number close by.
fn continues_another_source(
    s: &Scanner<'_>,
    start: usize,
    end: usize,
    block: usize,
    base: &str,
) -> bool {
    let note = s.parenthetical(end);
    let near = s.other_section.as_ref().is_some_and(|o| {
        o.block == block
            && o.cites == s.out.len()
            && start.saturating_sub(o.end) < OTHER_SECTION_REACH
            && sections_close(&o.base, base)
    });
    note.is_some_and(|n| BOOK_NOTE.is_match(&n)) || (near && !s.coded.contains(base))
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
