//! Statute sections: "42 U. S. C. §1983", "29 CFR §1630.2(j)", "40 CFR pt.
//! 51", "Rev. Stat. §1979", a State's code ("Cal. Penal Code Ann. §187(a)",
//! "Okla. Stat., Tit. 82, §1B", "La. Civ. Code Ann. art. 2315", California's
//! "Pen. Code, § 187", "Welfare and Institutions Code section 786" and
//! "section 300 of the Welfare and Institutions Code"), a State's code of
//! regulations ("Cal. Code Regs., tit. 22, § 50035"), a bare "§1983" or
//! "§§1981-1983", and "Section 523(a)(2)(A)" spelled out. A bare section of
//! a book, a Restatement, a uniform act, a session law or the Constitution
//! is read and left out; one of a source named before it that no table
//! knows ("ERISA §502", "Xxx. Code §5") is a statute without a code.

use super::constitution::LastConstitution;
use crate::citation::{Code, Division, Form, Regulation, StateCode, Statute};
use crate::extract::names::NAME_LOOKBACK;
use crate::extract::scanner::{Scanner, re, skip_spaces, squeeze, without_end_spaces};
use crate::law::codes::{Layout, NamedCode, code_named};
use crate::law::sections::{base_section, sibling_subsection};
use crate::law::words::{SENTENCE_OPENERS, STOP_WORDS};
use regex::{Captures, Regex};
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

/// "42 U. S. C. §", "29 C. F. R. §§", "29 CFR §": a title, a code and the mark; older
/// texts write the mark "s" or "ss" ("40 U.S.C. ss 270a-270f"), and some
/// none ("50 U.S.C. 1701").
pub(super) const CODE: &str = r"(?-u:\b)(?P<title>[0-9]{1,3})[^\S\n]+(?P<code>U\.[^\S\n]*S\.[^\S\n]*C\.(?:[^\S\n]*A\.)?|C\.[^\S\n]*F\.[^\S\n]*R\.|CFR(?-u:\b))(?:[^\S\n]*(?P<mark>§§?)|[^\S\n]+(?P<letter>ss?)(?-u:\b)|(?P<none>))";
/// "Rev. Stat. §".
pub(super) const REVISED: &str = r"(?-u:\b)Rev\.[^\S\n]*Stat\.[^\S\n]*(?P<mark>§§?)";
/// A bare "§" or "§§".
pub(super) const BARE: &str = r"(?P<mark>§§?)";
/// "Section 5", "Sections 3": the number is read after the word. (No word
/// boundary before: a reporter's star page may be glued to it,
/// "*712Section 786"; the parser checks no letter is.)
pub(super) const WORD: &str = r"(?P<mark>Sections?)[^\S\n]+[0-9]";

static CODE_PARTS: LazyLock<Regex> = LazyLock::new(|| re(&format!("^(?:{CODE})")));
static REVISED_PARTS: LazyLock<Regex> = LazyLock::new(|| re(&format!("^(?:{REVISED})")));
static BARE_PARTS: LazyLock<Regex> = LazyLock::new(|| re(&format!("^(?:{BARE})")));
static WORD_PARTS: LazyLock<Regex> = LazyLock::new(|| re(&format!("^(?:{WORD})")));
/// A code after a bare mark: "§11 U.S.C. 1306".
static MISPLACED_CODE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^[^\S\n]*(?P<title>[0-9]{1,3})[^\S\n]+(?P<code>U\.[^\S\n]*S\.[^\S\n]*C\.)[^\S\n]+")
});

/// A section number: "1983", "5.05(b)(1)", ranges "5.01-5.05" and
/// "2.12(a)-(e)"; a State's "35-44-3-3(b)", "2C:11-3", "14:30", "5/9-1";
/// a regulation's "301.6501(e)-1".
pub(in crate::extract) static SECTION: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"^[^\S\n]*([0-9]+[A-Za-z]*(?:[.:/][0-9]+[A-Za-z]*)*(?:-[0-9]+[A-Za-z]*(?:[.:/][0-9]+[A-Za-z]*)*){0,4}",
        r"(?:\([A-Za-z0-9]{1,5}\))*(?:-\([A-Za-z0-9]{1,5}\)(?:\([A-Za-z0-9]{1,5}\))*",
        r"|-[0-9]+(?:\([A-Za-z0-9]{1,5}\))*)?)"
    ))
});

/// The section number [`SECTION`] reads at the start of `text`, after the
/// spaces: its range in `text`. The number is all of the match after the
/// spaces, so no capture groups are needed.
pub(in crate::extract) fn section_number(text: &str) -> Option<Range<usize>> {
    let m = SECTION.find(text)?;
    let lead = text.len() - skip_spaces(text).len();
    Some(lead..m.end())
}
static SUBSECTIONS: LazyLock<Regex> = LazyLock::new(|| re(r"^((?:\([A-Za-z0-9]{1,5}\))+)"));
static SECTION_SEP: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:[^\S\n]*,[^\S\n]*(?:and[^\S\n]+)?|[^\S\n]+and[^\S\n]+|[^\S\n]*&[^\S\n]*)")
});
/// How far after a section of a source that is no statute, in bytes, a
/// bare section in the same paragraph is read as that source's.
const OTHER_SECTION_REACH: usize = 400;
/// Where a clause starts: after a semicolon, or at the capital after a
/// sentence end (a period after a lowercase word, a number or a
/// parenthesis, not "Fla. Stat."; or before a closing quote).
static CLAUSE_START: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r#";|(?:(?:^|[^A-Za-z])[a-z]{2,}|[0-9)])[.!?]["\u{201d}\u{2019}]?[^\S\n]+[A-Z]"#,
        r#"|[.!?]["\u{201d}\u{2019}][^\S\n]+[A-Z]"#
    ))
});
/// A sentence end at the end of a text, which a section then opens.
static SENTENCE_END: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r#"(?:(?:^|[^A-Za-z])[a-z]{2,}|[0-9)])[.!?]["\u{201d}\u{2019}]?[^\S\n]+$"#,
        r#"|[.!?]["\u{201d}\u{2019}][^\S\n]+$"#
    ))
});
/// A source with sections that is no statute, named in the clause before
/// a bare section.
static NON_STATUTE_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?-u:\b)(?:Restatement|Uniform|Model[^\S\n]+(?:Penal[^\S\n]+)?(?:Code|Act)|Const\.",
        r"|U\.[^\S\n]*C\.[^\S\n]*C\.)"
    ))
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
/// The Statutes at Large page of the Act the section is of.
static ACT_BY_PAGE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^,[^\S\n]*[0-9]{1,3}[^\S\n]+Stat\.[^\S\n]*[0-9]"));
/// The page of a book: ", p. 45", ", pp. 431-433", "[2], at 102" (a
/// statute has no pages).
static BOOK_PAGE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:\[[0-9A-Za-z]{1,4}\])*,[^\S\n]*(?:pp?\.[^\S\n]*|at[^\S\n]+)[0-9]"));
/// A clause of the Constitution: ", cl. 3".
static CLAUSE: LazyLock<Regex> = LazyLock::new(|| re(r"^,[^\S\n]*cls?\.[^\S\n]*[0-9]"));
/// The closing note of a book or Restatement: a year alone ("(1979)") or
/// an edition and its year ("(3d ed. 2012)"); a code's edition note puts
/// the year first ("(2006 ed.)").
static BOOK_NOTE: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:[0-9]{4}|.*ed\.[^\S\n]*[0-9]{4})$"));

/// "Welfare and Institutions Code section 786", "Code of Civil Procedure
/// sections 425.16": a code's name, then the word.
pub(super) const CODE_WORD: &str =
    r"(?-u:\b)(?:Code|Procedure)[^\S\n]+(?P<mark>sections?)[^\S\n]+[0-9]";
/// "section 300 of the Welfare and Institutions Code": lowercase, so cited
/// only with the code named after it.
pub(super) const SECTION_OF: &str =
    r"(?-u:\b)(?P<mark>sections?)[^\S\n]+[0-9][0-9A-Za-z.()\-]*[^\S\n]+of[^\S\n]+the[^\S\n]+[A-Z]";
/// "All further statutory references are to the Welfare and Institutions
/// Code": the code of the document's sections cited without one.
pub(super) const DECLARED: &str =
    r"(?-u:\b)references[^\S\n]+are[^\S\n]+to[^\S\n]+the[^\S\n]+[A-Z]";

static CODE_WORD_PARTS: LazyLock<Regex> = LazyLock::new(|| re(&format!("^(?:{CODE_WORD})")));
static SECTION_OF_PARTS: LazyLock<Regex> = LazyLock::new(|| re(&format!("^(?:{SECTION_OF})")));
/// A code's name after a section: " of the Welfare and Institutions Code".
static OF_CODE: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"^[^\S\n]+of[^\S\n]+the[^\S\n]+(?P<name>(?:(?:[A-Z][A-Za-z.&']*|&|and|of)[^\S\n]+){0,5}",
        r"(?:Code|Procedure))(?-u:\b)"
    ))
});
/// A code's name at the start of a text: capitalized words, "&", "and",
/// "of" ("Welfare and Institutions Code").
static NAME_AHEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:[A-Z][A-Za-z.&']*|&)(?:[^\S\n]+(?:[A-Z][A-Za-z.&']*|&|and|of)){0,6}")
});
/// A title of the U. S. Code named after a section: "§2244 of title 28".
static OF_TITLE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[^\S\n]+of[^\S\n]+[Tt]itle[^\S\n]+(?P<title>[0-9]{1,2})(?-u:\b)"));
/// The source named after a section that is no code pincite knows: "§3
/// of RLUIPA", "§10(b) of the Securities Exchange Act".
static OF_NAME: LazyLock<Regex> = LazyLock::new(|| re(r"^[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?[A-Z]"));
/// The division written between a code's name and the mark: ", Tit. 82,",
/// " tit. 82, ", ", ch. 119, ".
static DIVISION: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?:,[^\S\n]*|[^\S\n]+)(?P<kind>[Tt]it\.|Title|[Cc]h\.|[Cc]hap\.),?[^\S\n]*",
        r"(?P<num>[0-9]+[A-Za-z]?(?:-[A-Za-z0-9]+)?),?[^\S\n]*$"
    ))
});
/// A title before a code's name: the "18 " of "18 Pa. Cons. Stat.".
static TITLE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^|[^0-9A-Za-z.,])(?P<num>[0-9]{1,4}(?:-[0-9]{1,4}){0,2})[^\S\n]+$"));
/// Subdivisions written out after a section: ", subd. (c)(1)", ", subds.
/// (a), (d)", ", subdivision (b)".
static SUBDIVISION: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^,[^\S\n]*(?:subds?\.|subdivisions?)[^\S\n]*(?P<sub>(?:\([A-Za-z0-9]{1,5}\))+)")
});
/// The next subdivision of a list: ", (d)", " and (e)".
static MORE_SUBDIVISIONS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:,[^\S\n]*(?:and[^\S\n]+)?|[^\S\n]+and[^\S\n]+)(?P<sub>(?:\([A-Za-z0-9]{1,5}\))+)")
});
/// The notes printed after a section of the U. S. Code: "§1983 note".
static NOTE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[^\S\n]+note(?:[,;.)]|[^\S\n]+\(|[^\S\n]*$)"));
/// A part of the CFR: "40 CFR pt. 51", "40 CFR part 60, App. S".
static CFR_PART: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"^[^\S\n]*(?:pts?\.|[Pp]arts?)[^\S\n]*(?P<part>[0-9]{1,4}[A-Za-z]?)(?-u:\b)",
        r"(?:,[^\S\n]*(?:App\.|app\.|Appendix)[^\S\n]*(?P<app>[A-Z]{1,2}|[0-9]{1,2})(?-u:\b))?"
    ))
});
/// A section of a State's session laws cited by chapter ("Stats. 2016, ch.
/// 86, § 312", "Cal. Stats. ch. 1, §1") or page ("1865 Miss. Laws p. 165,
/// §1"): no section of a code.
static SESSION_LAW: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?:(?-u:\b)Stats\.[^\S\n]*(?:[0-9]{4},?[^\S\n]*)?ch\.[^\S\n]*[0-9]+[A-Za-z]?",
        r"|(?-u:\b)Laws[^\S\n]+(?:[0-9]{4},[^\S\n]*)?(?:p|ch)\.[^\S\n]*[0-9]+)[,;]?[^\S\n]*$"
    ))
});
/// A word naming a source of sections, right before a comma and a bare
/// section: "the Act, §5", "Compact, §4.2".
static OTHER_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"^(?:Code|Act|Compact|Laws|Guidelines|Manual|Treaty|Convention|Rules|Ordinance",
        r"|Stat\.|Stats\.|Ann\.|Regs?\.)$"
    ))
});
/// A State's laws or code named in the clause before a bare section by an
/// abbreviation no table knows: "1865 Miss. Laws", "Ohio Gen. Code".
static LAWS_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?-u:\b)[A-Z][a-z]{1,4}\.[^\S\n]+(?:[A-Z][a-z]*\.[^\S\n]+){0,3}",
        r"(?:Code|Stat\.|Stats\.|Laws|Ann\.)(?-u:\b)"
    ))
});
/// How far back before a mark a code's name is looked for, in bytes.
const CODE_LOOKBACK: usize = 100;
/// The most words a code's name, its title and subject take: "Pa. Stat.
/// and Cons. Stat. Ann.", "Tex. Health & Safety Code Ann.".
const CODE_WORDS: usize = 8;

/// A bare section read as a section of something other than a statute.
pub(in crate::extract) struct OtherSection {
    /// Its block, where it ends, and its section without subsections.
    block: usize,
    end: usize,
    base: String,
    /// How many citations had been found when it was read.
    cites: usize,
}

/// What the forms of enacted law remember as they scan: the code the
/// document declares for its sections cited without one, the constitution
/// last cited, the rules last cited.
#[derive(Default)]
pub(in crate::extract) struct LawState {
    /// The code declared ("All further statutory references are to the
    /// Welfare and Institutions Code").
    pub(in crate::extract) declared: Option<Code>,
    /// The sections (without subsections) cited with a code so far.
    pub(in crate::extract) coded: HashSet<String>,
    /// The last constitution cited.
    pub(in crate::extract) constitution: Option<LastConstitution>,
    /// The rules last cited ("Fed. R. Civ. P."), which a "Rule 23" after
    /// them cites again.
    pub(in crate::extract) rules: Option<String>,
    /// For rules a "Rule 23" cites again only in the paragraph they are
    /// named in (the Supreme Court's), that paragraph's block.
    pub(in crate::extract) rules_block: Option<usize>,
}

/// "42 U. S. C. §1983": a section of the U. S. Code or the CFR; "40 CFR
/// pt. 51", a part.
pub(super) fn parse_code(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    let Some(caps) = s.parts(&CODE_PARTS, &m) else {
        return m.end;
    };
    let Some(of) = code_of(&caps["title"], &caps["code"]) else {
        return m.end;
    };
    if let Of::Cfr(title) = of {
        if let Some(end) = cfr_part(s, m.start, m.end, title) {
            return end;
        }
    }
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

/// "40 CFR pt. 51, App. S": a part of a title of the CFR, read after the
/// title and code (`start..at`).
fn cfr_part(s: &mut Scanner<'_>, start: usize, at: usize, title: u32) -> Option<usize> {
    let caps = CFR_PART.captures(&s.text[at..])?;
    let mut section = caps["part"].to_string();
    if let Some(app) = caps.name("app") {
        section = format!("{section}, app. {}", app.as_str());
    }
    let end = at + caps.get(0)?.end();
    let r = Regulation::Cfr {
        title,
        section,
        part: true,
    };
    let key = r.to_string();
    let mut c = s.cite(Form::Regulation(r), start..end);
    c.authority = Some(key);
    c.parenthetical = s.parenthetical(end);
    s.out.push(c);
    Some(end)
}

/// What the sections after a mark are sections of.
#[derive(Clone, Debug)]
enum Of {
    /// A code of statutes.
    Code(Code),
    /// A title of the Code of Federal Regulations.
    Cfr(u32),
    /// A State's code of regulations, and its title.
    StateRegulation(String, Option<String>),
    /// A source named right before the mark that no table knows ("ERISA
    /// §502", "Xxx. Code §5", "1865 Miss. Laws"): a statute without a code.
    Unknown,
    /// Nothing named: a bare section, whose code resolution finds.
    Unnamed,
}

impl Of {
    /// The form and authority key of `section` of this.
    fn cite(&self, section: String) -> (Form, Option<String>) {
        let statute = |code: Option<Code>, section, bare| {
            Form::Statute(Statute::Section {
                code,
                section,
                bare,
            })
        };
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
            Of::StateRegulation(code, title) => {
                let r = Regulation::State {
                    code: code.clone(),
                    title: title.clone(),
                    section,
                };
                let key = r.to_string();
                (Form::Regulation(r), Some(key))
            }
            Of::Code(code) => {
                let key = code.key(&section);
                (statute(Some(code.clone()), section, false), Some(key))
            }
            Of::Unknown => (statute(None, section, false), None),
            Of::Unnamed => (statute(None, section, true), None),
        }
    }
}

/// The code of a title and a code's name as written: "42" and "U. S. C.".
fn code_of(title: &str, written: &str) -> Option<Of> {
    let title = title.parse().ok()?;
    Some(match squeeze(written).as_str() {
        "C.F.R." | "CFR" => Of::Cfr(title),
        written => Of::Code(Code::UsCode {
            title,
            annotated: written.ends_with("A."),
        }),
    })
}

/// "Rev. Stat. §1979": the Revised Statutes; "Nev. Rev. Stat. §281A.420",
/// a State's.
pub(super) fn parse_revised(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    let Some(caps) = s.parts(&REVISED_PARTS, &m) else {
        return m.end;
    };
    let Some(mark) = caps.name("mark") else {
        return m.end;
    };
    let mark = m.start + mark.start();
    let word = s.text[..m.start].trim_end_matches(' ');
    let word = word.rsplit([' ', '\n']).next().unwrap_or("");
    let state = word.starts_with(|c: char| c.is_ascii_uppercase()) && word.ends_with('.');
    if !state {
        return sections(s, &m, &caps, Of::Code(Code::RevisedStatutes));
    }
    // A State's revised statutes that no table knows have no code.
    parse_named(s, mark, m.end).unwrap_or_else(|| sections(s, &m, &caps, Of::Unknown))
}

/// A bare "§1983", a section of the constitution cited just before, or a
/// section of a State's code named before the mark ("Fla. Stat. §90.803").
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
    if let Some(end) = super::constitution::continued(s, m.clone()) {
        return end;
    }
    if let Some(end) = parse_named(s, m.start, m.end) {
        return end;
    }
    sections(s, &m, &caps, Of::Unnamed)
}

/// "Section 5", "Sections 3 and 4".
pub(super) fn parse_word(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    let Some(caps) = s.parts(&WORD_PARTS, &m) else {
        return m.end;
    };
    if s.text[..m.start].ends_with(|c: char| c.is_alphabetic()) {
        return m.end;
    }
    sections(s, &m, &caps, Of::Unnamed)
}

/// "Penal Code section 1203.4": the code named before the word.
pub(super) fn parse_code_word(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    let Some(mark) = s.parts(&CODE_WORD_PARTS, &m).and_then(|c| c.name("mark")) else {
        return m.end;
    };
    let (at, end) = (m.start + mark.start(), m.start + mark.end());
    parse_named(s, at, end).unwrap_or(m.end)
}

/// "section 300 of the Welfare and Institutions Code".
pub(super) fn parse_section_of(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    let Some(caps) = s.parts(&SECTION_OF_PARTS, &m) else {
        return m.end;
    };
    sections(s, &m, &caps, Of::Unnamed)
}

/// "All further statutory references are to the Welfare and Institutions
/// Code": remembers the code, which the sections cited without one take
/// when nothing else names theirs. No citation.
pub(super) fn parse_declared(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    let at = m.end - 1;
    let Some(name) = NAME_AHEAD.find(&s.text[at..]) else {
        return m.end;
    };
    // "... Welfare and Institutions Code.": the sentence's period is no
    // part of the name.
    let name = name.as_str().trim_end_matches('.');
    let words: Vec<&str> = name.split(' ').collect();
    let code = (1..=words.len())
        .rev()
        .find_map(|n| code_named(&words[..n].join(" ")));
    if let Some(Of::Code(code)) = code.map(|c| named_of(c, None)) {
        s.law.declared = Some(code);
    }
    m.end
}

/// After the scan: the sections cited without a code take the code the
/// document declares, if any; resolution gives a code cited with the same
/// section precedence.
pub(in crate::extract) fn apply_declared(s: &mut Scanner<'_>) {
    let Some(declared) = s.law.declared.clone() else {
        return;
    };
    for c in &mut s.out {
        if let Form::Statute(Statute::Section {
            code: code @ None,
            bare: true,
            ..
        }) = &mut c.form
        {
            *code = Some(declared.clone());
        }
    }
}

/// The sections after a mark ending at `mark_end` of the code named right
/// before `mark` ("Cal. Penal Code Ann. §187", "Okla. Stat., Tit. 82,
/// §1B", "Welfare and Institutions Code section 786"), one citation each;
/// `None` when no code the tables know is named there.
fn parse_named(s: &mut Scanner<'_>, mark: usize, mark_end: usize) -> Option<usize> {
    let (start, code, division) = code_before(s, mark)?;
    let many = matches!(&s.text[mark..mark_end], "§§" | "sections");
    statute(s, start, mark_end, many, named_of(code, division))
}

/// The code named right before `at`: where its citation starts, the code,
/// and the title or chapter written with it.
pub(in crate::extract) fn code_before(
    s: &Scanner<'_>,
    at: usize,
) -> Option<(usize, NamedCode, Option<Division>)> {
    let mut lo = s.lookback_start(at, CODE_LOOKBACK);
    if let Some(last) = s.out.last().filter(|c| c.place.matching.end <= at) {
        lo = lo.max(last.place.matching.end);
    }
    let before = s.text[lo..at].trim_end_matches(' ');
    // Most marks follow no code: a word that cannot end a code's name, and
    // no title or chapter ("See §2255").
    let division_named = ["ch.", "Ch.", "it.", "Title", "hap."]
        .iter()
        .any(|w| before.contains(w));
    let last = before
        .trim_end_matches(',')
        .rsplit(' ')
        .next()
        .unwrap_or("");
    if !division_named && !could_end_a_code(last) {
        return None;
    }
    let division = division_named.then(|| DIVISION.captures(before)).flatten();
    let (name_end, division) = match division {
        Some(d) => {
            let num = d["num"].to_string();
            let division = if d["kind"].starts_with(['C', 'c']) {
                Division::Chapter(num)
            } else {
                Division::Title(num)
            };
            (d.get(0).map_or(0, |g| g.start()), Some(division))
        }
        None => (before.trim_end_matches(',').len(), None),
    };
    let name_text = &before[..name_end];
    let last = name_text.rsplit(' ').next().unwrap_or("");
    if !could_end_a_code(last) {
        return None;
    }
    let cut = name_text
        .rfind([
            ';', '(', ')', '[', ']', '"', '\u{201c}', '\u{201d}', ':', '§',
        ])
        .map_or(0, |i| {
            i + name_text[i..].chars().next().map_or(1, char::len_utf8)
        });
    let starts: Vec<usize> = std::iter::once(cut)
        .chain(
            name_text[cut..]
                .match_indices(' ')
                .map(|(i, _)| cut + i + 1),
        )
        .filter(|&i| i < name_text.len() && !name_text[i..].starts_with(' '))
        .collect();
    let from = starts.len().saturating_sub(CODE_WORDS);
    starts[from..].iter().find_map(|&i| {
        let code = code_named(&name_text[i..])?;
        if code.californian && !californian_context(&name_text[..i]) {
            return None;
        }
        let mut start = lo + i;
        let mut division = division.clone();
        if code.layout == Layout::TitleBefore && division.is_none() {
            if let Some(t) = TITLE_BEFORE.captures(&name_text[..i]) {
                let num = t.name("num")?;
                start = lo + num.start();
                division = Some(Division::TitleBefore(num.as_str().to_string()));
            }
        }
        Some((start, code, division))
    })
}

/// Whether a word may end a code's name: "Code", "Law", "Laws",
/// "Procedure", or an abbreviation ("Stat.", "Ann.", "Regs.").
fn could_end_a_code(word: &str) -> bool {
    matches!(word, "Code" | "Law" | "Laws" | "Procedure")
        || (word.ends_with('.') && word.starts_with(|c: char| c.is_ascii_uppercase()))
}

/// Whether the words before a code named in California's style ("Penal
/// Code") leave it California's: not another State's ("Texas Penal Code")
/// nor the Model Penal Code.
fn californian_context(before: &str) -> bool {
    let word = before.trim_end().rsplit(' ').next().unwrap_or("");
    word != "Model" && (crate::law::codes::jurisdiction(word).is_none() || word == "Cal.")
}

/// What a named code's sections are sections of.
fn named_of(code: NamedCode, division: Option<Division>) -> Of {
    if code.regulation {
        let title = division.map(|d| match d {
            Division::Title(t) | Division::TitleBefore(t) | Division::Chapter(t) => t,
        });
        return Of::StateRegulation(code.name, title);
    }
    Of::Code(Code::State(StateCode {
        name: code.name,
        division,
        articles: false,
    }))
}

/// "La. Civ. Code Ann. art. 2315", "Tex. Code Crim. Proc. Ann., Art.
/// 37.071, §2(b)": an article of a code named before the mark at `mark`,
/// its number at `digit`; `None` when no code is named there.
pub(in crate::extract) fn code_article(
    s: &mut Scanner<'_>,
    mark: usize,
    digit: usize,
) -> Option<usize> {
    let (start, code, division) = code_before(s, mark)?;
    let Of::Code(Code::State(mut state)) = named_of(code, division) else {
        return None;
    };
    state.articles = true;
    let mut end = digit + SECTION.find(&s.text[digit..])?.end();
    let mut article = s.text[digit..end].to_string();
    // "art. 37.071, §2(b)": a section of the article.
    if let Some(sec) = ARTICLE_SECTION.captures(&s.text[end..]) {
        article = format!("{article}, § {}", &sec["sec"]);
        end += sec.get(0)?.end();
    }
    let code = Code::State(state);
    let key = code.key(&article);
    let form = Form::Statute(Statute::Section {
        code: Some(code),
        section: article,
        bare: false,
    });
    let mut c = s.cite(form, start..end);
    c.authority = Some(key);
    c.parenthetical = s.parenthetical(end);
    s.out.push(c);
    Some(end)
}

/// A section of a code's article: ", §2(b)".
static ARTICLE_SECTION: LazyLock<Regex> =
    LazyLock::new(|| re(r"^,[^\S\n]*§[^\S\n]*(?P<sec>[0-9]+[A-Za-z]?(?:\([A-Za-z0-9]{1,5}\))*)"));

/// The sections after the anchor's mark (`caps["mark"]`, "§", "§§",
/// "Section", "Sections"), one citation each; where scanning resumes.
fn sections(s: &mut Scanner<'_>, m: &Range<usize>, caps: &Captures<'_>, of: Of) -> usize {
    let Some(mark) = caps.name("mark") else {
        return m.end;
    };
    let many = matches!(mark.as_str(), "§§" | "Sections" | "sections");
    statute(s, m.start, m.start + mark.end(), many, of).unwrap_or(m.end)
}

/// Statute sections after a "§" or "§§" anchor (or "Section",
/// "Sections") ending at `mark_end`: one citation each, of what `of`
/// names before the mark ("42 U.S.C."), or for a bare section, of the
/// code named after it ("of the Penal Code"); `None` when there is none,
/// or a lowercase "section" names no code.
fn statute(
    s: &mut Scanner<'_>,
    start: usize,
    mark_end: usize,
    many: bool,
    of: Of,
) -> Option<usize> {
    let first = section_number(&s.text[mark_end..])?;
    let first_start = mark_end + first.start;
    let first_end = mark_end + first.end;
    let first_sec = s.text[first_start..first_end].to_string();
    let base = base_section(&first_sec).to_string();
    let mut list = vec![(start, first_end, first_sec)];
    if many {
        more_sections(s.text, &mut list);
    }
    subdivisions(s.text, &mut list);
    let end = list.last().map_or(first_end, |l| l.1);
    let (of, end) = match of {
        Of::Unnamed => match code_after(s, end) {
            Some((e, of)) => (of, e),
            None if s.text[start..].starts_with("section") => return None,
            // "Uniform Partnership Act §305 (2013)", "LaFave §6.8".
            None => match super::secondary::section_of_source(s, start) {
                Some(e) => {
                    s.other_section = Some(OtherSection {
                        block: s.line,
                        end: e,
                        base,
                        cites: s.out.len(),
                    });
                    return Some(e);
                }
                None if not_a_statute(s, start, first_end, end, &base) => {
                    return Some(another_section(s, start, first_end, end, &list[0].2));
                }
                None if named_other(s, start) || names_after(s.text, end) => (Of::Unknown, end),
                None => (Of::Unnamed, end),
            },
        },
        of => (of, end),
    };
    if let Some(last) = list.last_mut() {
        last.1 = end;
    }
    push_sections(s, list, &of);
    // "42 U. S. C. §1983 (2006 ed.)": the edition note goes with the last
    // section.
    let note = s.parenthetical(end);
    if let Some(last) = s.out.last_mut() {
        last.parenthetical = note;
    }
    Some(end)
}

/// Where scanning resumes after a bare section read as a section of
/// another source: after "See, e.g., §306(c)" soon after it, another
/// section of the act or book just cited, when the text names no source
/// around it; else at `end`.
fn another_section(
    s: &mut Scanner<'_>,
    start: usize,
    first_end: usize,
    end: usize,
    first: &str,
) -> usize {
    names_a_source(s, start, first_end, end)
        .is_none()
        .then(|| super::secondary::next_section(s, start, end, first))
        .flatten()
        .unwrap_or(end)
}

/// One citation for each section of `list` (start, end, section) of `of`;
/// "§1983 note" cites the notes of the section.
fn push_sections(s: &mut Scanner<'_>, list: Vec<(usize, usize, String)>, of: &Of) {
    let named = !matches!(of, Of::Unnamed | Of::Unknown);
    for (from, mut to, mut section) in list {
        if let Some(n) = NOTE
            .find(&s.text[to..])
            .filter(|_| s.text[to..].starts_with(" note"))
        {
            section.push_str(" note");
            to += n.as_str().find("note").map_or(0, |i| i + 4);
        }
        if named {
            s.law.coded.insert(base_section(&section).to_string());
        }
        let (form, authority) = of.cite(section);
        let mut c = s.cite(form, from..to);
        c.authority = authority;
        s.out.push(c);
    }
}

/// The code named after a section ("of the Welfare and Institutions Code",
/// "of title 28"): where its name ends, and the code.
fn code_after(s: &Scanner<'_>, end: usize) -> Option<(usize, Of)> {
    if !s.text[end..].starts_with(" of ") {
        return None;
    }
    if let Some(t) = OF_TITLE.captures(&s.text[end..]) {
        let title = t["title"].parse().ok()?;
        let code = Code::UsCode {
            title,
            annotated: false,
        };
        return Some((end + t.get(0)?.end(), Of::Code(code)));
    }
    let caps = OF_CODE.captures(&s.text[end..])?;
    let name = caps.name("name")?;
    let words: Vec<&str> = name.as_str().split(' ').collect();
    // "of the Act and the Penal Code": the name is the last words that
    // name a code.
    (0..words.len()).find_map(|i| {
        let code = code_named(&words[i..].join(" "))?;
        Some((end + name.end(), named_of(code, None)))
    })
}

/// Subdivisions written out after the last section of `list` (", subd.
/// (c)(1)", ", subds. (a), (d)"): the first makes the section
/// "786(c)(1)", each more a section of its own.
fn subdivisions(text: &str, list: &mut Vec<(usize, usize, String)>) {
    let Some(last) = list.last_mut() else {
        return;
    };
    if !text[last.1..].starts_with(',')
        || !text[last.1..].get(..8).is_some_and(|h| h.contains("sub"))
    {
        return;
    }
    let Some(caps) = SUBDIVISION.captures(&text[last.1..]) else {
        return;
    };
    let (Some(all), Some(sub)) = (caps.get(0), caps.name("sub")) else {
        return;
    };
    let base = last.2.clone();
    last.2.push_str(sub.as_str());
    last.1 += all.end();
    let mut end = last.1;
    while let Some(more) = MORE_SUBDIVISIONS.captures(&text[end..]) {
        let (Some(all), Some(sub)) = (more.get(0), more.name("sub")) else {
            break;
        };
        list.push((
            end + sub.start(),
            end + all.end(),
            format!("{base}{}", sub.as_str()),
        ));
        end += all.end();
    }
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
        } else if let Some(g) = section_number(rest) {
            // "§§5.01(a), 5.04(a), 1 App. 22-24": a number followed by a
            // capitalized abbreviation starts the next citation.
            let after = rest[g.end..].trim_start_matches(' ');
            let word = after.split(' ').next().unwrap_or("");
            if word.starts_with(|c: char| c.is_ascii_uppercase()) && word.ends_with('.') {
                break;
            }
            (g.clone(), rest[g].to_string())
        } else {
            break;
        };
        list.push((at + g.start, at + g.end, sec));
        end = at + g.end;
    }
}

/// Whether a bare section is one of a source named before it that no table
/// knows: named right before the mark ("ERISA §502", "Keeton §30", "Title
/// VII's §703", "Xxx. Code §5"), or in its clause after the citations
/// there ("1865 Miss. Laws p. 165, §1", "the Act, §5"). Such a section
/// takes no code from the sections around it.
fn named_other(s: &Scanner<'_>, start: usize) -> bool {
    let mut lo = s.lookback_start(start, NAME_LOOKBACK);
    if let Some(last) = s.out.last().filter(|c| c.place.matching.end <= start) {
        lo = lo.max(last.place.matching.end);
    }
    let before = &s.text[lo..start];
    let mut words = before.trim_end_matches(' ').rsplit(' ');
    let word = words.next().unwrap_or("");
    let named = match word.strip_suffix(',') {
        // "the Act, §5", "Compact, §4.2".
        Some(w) => is_acronym(w) || OTHER_NAMED.is_match(w),
        // "United States. §271(a)": a sentence's end; "Gen. Stat. §5", an
        // abbreviation of a name.
        None if word.ends_with('.') => {
            let previous = words.next().unwrap_or("");
            is_acronym(word) || (previous.ends_with('.') && names_a_source_right_before(previous))
        }
        None => is_acronym(word) || names_a_source_right_before(word),
    };
    // The patterns run only where their words are.
    let laws = ["Code", "Stat", "Laws", "Ann."]
        .iter()
        .any(|w| before.contains(w));
    named
        || continues_unknown(s, start)
        || ((before.contains("ch.") || before.contains("it.")) && DIVISION.is_match(before))
        || (laws && LAWS_NAMED.is_match(clause_of(before)))
}

/// Whether a source is named after a section ("§3 of RLUIPA").
fn names_after(text: &str, end: usize) -> bool {
    text[end..].starts_with(" of ") && OF_NAME.is_match(&text[end..])
}

/// Whether the citation just before `start` is a section of a source
/// pincite does not know, close by in the same block, which a bare section
/// then continues ("ERISA §502(a); see §503").
fn continues_unknown(s: &Scanner<'_>, start: usize) -> bool {
    s.out.last().is_some_and(|c| {
        matches!(
            c.statute(),
            Some(Statute::Section {
                code: None,
                bare: false,
                ..
            })
        ) && c.place.block == s.line
            && start.saturating_sub(c.place.matching.end) < OTHER_SECTION_REACH
    })
}

/// Whether `word` is an acronym or its possessive: "ERISA", "USSG",
/// "VII's", "N.C.G.S.".
fn is_acronym(word: &str) -> bool {
    let stem = word
        .strip_suffix("\u{2019}s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word);
    let capitals = stem.chars().filter(char::is_ascii_uppercase).count();
    capitals >= 2 && stem.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

/// Whether `word`, right before a section mark, names the source of the
/// section: a capitalized word ("Keeton", "Code", "Stat."), not one that
/// opens a sentence or clause ("Under", "Whether", "Reading", "First,")
/// nor a possessive of a name ("Bowe's §924(c)" is the statute's).
fn names_a_source_right_before(word: &str) -> bool {
    !word.ends_with("\u{2019}s")
        && !word.ends_with("'s")
        && !word.ends_with("ing")
        && word.ends_with(|c: char| c.is_ascii_alphabetic() || c == '.')
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && word.chars().skip(1).any(|c| c.is_ascii_lowercase())
        && !STOP_WORDS.contains(word)
        && !SENTENCE_OPENERS.contains(word)
        && !CLAUSE_OPENERS.contains(&word)
}

/// Capitalized words that open a sentence or clause before a section,
/// besides the signals and openers of the case-name word lists: "Whether
/// §2244(b)(3) applies", "By §5's terms".
const CLAUSE_OPENERS: &[&str] = &[
    "Absent",
    "Against",
    "Among",
    "Are",
    "At",
    "Between",
    "Both",
    "By",
    "Can",
    "Consider",
    "Could",
    "Despite",
    "Did",
    "Do",
    "Does",
    "Each",
    "Except",
    "Fifth",
    "First",
    "For",
    "Fourth",
    "From",
    "Had",
    "Has",
    "Have",
    "How",
    "Is",
    "Last",
    "May",
    "Might",
    "Must",
    "Neither",
    "Nor",
    "Not",
    "Notwithstanding",
    "On",
    "Or",
    "Per",
    "Read",
    "Second",
    "Should",
    "Third",
    "To",
    "Unless",
    "Until",
    "Was",
    "Were",
    "What",
    "Whether",
    "Which",
    "Why",
    "Will",
    "With",
    "Without",
    "Would",
    "Yes",
];

/// The clause a text before a section ends with: after the last ";" or
/// sentence end; empty when the text ends a sentence.
pub(super) fn clause_of(before: &str) -> &str {
    if SENTENCE_END.is_match(before) {
        return "";
    }
    CLAUSE_START.find_iter(before).last().map_or(before, |m| {
        let cut = if m.as_str().ends_with(';') {
            m.end()
        } else {
            m.end() - 1
        };
        &before[cut..]
    })
}

/// What a section of "Id." after the scan's position would be a section
/// of, when it is a source pincite does not parse: the last source cited
/// by section before it is a book, a Restatement, a uniform act
/// ("Restatement §250(a) ... id., §250(b)"), or a source no table knows
/// ("ERISA §502 ... id., §503"). Its text, for the warning.
pub(in crate::extract) fn other_sectioned_source(s: &Scanner<'_>) -> Option<String> {
    let from = s.out.len().saturating_sub(SECTIONED_LOOKBACK);
    let last = (from..s.out.len()).rev().find(|&k| match &s.out[k].form {
        Form::Statute(Statute::Section { .. }) | Form::Constitution(_) => true,
        Form::Regulation(r) => !matches!(r, Regulation::FederalRegister { .. }),
        _ => false,
    });
    let other = s
        .other_section
        .as_ref()
        .filter(|o| last.is_none_or(|k| o.cites > k))
        .map(|o| format!("§{}", o.base));
    other.or_else(|| {
        let c = &s.out[last?];
        matches!(
            c.statute(),
            Some(Statute::Section {
                code: None,
                bare: false,
                ..
            })
        )
        .then(|| c.text.clone())
    })
}

/// How many citations back the source of an "Id. §5" is looked for.
const SECTIONED_LOOKBACK: usize = 64;

/// Whether a bare section ("§425", "Section 5") is a section of something
/// other than a statute: a book or treatise ("Law of Torts §425 (2022)",
/// "Williston on Contracts §69:47", "§2862, pp. 431-433"), a Restatement,
/// a uniform or model act, the Constitution ("Art. I, §10, cl. 3"), an
/// Act cited by its Statutes at Large page ("Act of Mar. 2, 1867, §33, 14
/// Stat. 533"), whose section belongs to that citation, or a State's
/// session laws ("Stats. 2016, ch. 86, § 312"). A bare section
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
/// for a source that is no statute (a treatise's chapter and section,
/// "§6:8"), `false` for a code or session laws,
/// `None` when it names neither.
fn names_a_source(s: &Scanner<'_>, start: usize, first_end: usize, end: usize) -> Option<bool> {
    let text = s.text;
    let after = &text[end..];
    let lo = s.lookback_start(start, NAME_LOOKBACK);
    let before = &text[lo..start];
    let clause = clause_of(before);
    let session = before.contains("Stats.") || before.contains("Laws");
    // The patterns run only where the text starts or ends with their
    // first or last mark.
    let comma_before = without_end_spaces(before).ends_with(',');
    let comma_after = after.starts_with([',', '[']);
    let space_after = skip_spaces(after).len() < after.len();
    if NON_STATUTE_NAMED.is_match(clause)
        || (session && SESSION_LAW.is_match(before))
        || (comma_before && CONSTITUTION_ARTICLE.is_match(before))
        || text[start..first_end].contains(':')
        || (comma_after && (ACT_BY_PAGE.is_match(after) || BOOK_PAGE.is_match(after)))
        || (comma_after && CLAUSE.is_match(after))
        || (space_after && OF_AMENDMENT.is_match(after))
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
    note.is_some_and(|n| BOOK_NOTE.is_match(&n)) || (near && !s.law.coded.contains(base))
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

/// The lazily compiled patterns and tables above, which
/// [`crate::extract::prepare`] compiles ahead of their first use.
pub(super) const PATTERNS: &[fn()] = crate::extract::patterns![
    SECTION,
    CODE_PARTS,
    REVISED_PARTS,
    BARE_PARTS,
    WORD_PARTS,
    MISPLACED_CODE,
    SUBSECTIONS,
    SECTION_SEP,
    CLAUSE_START,
    SENTENCE_END,
    NON_STATUTE_NAMED,
    STATUTE_NAMED,
    CONSTITUTION_ARTICLE,
    OF_AMENDMENT,
    ACT_BY_PAGE,
    BOOK_PAGE,
    CLAUSE,
    BOOK_NOTE,
    CODE_WORD_PARTS,
    SECTION_OF_PARTS,
    OF_CODE,
    NAME_AHEAD,
    OF_TITLE,
    OF_NAME,
    DIVISION,
    TITLE_BEFORE,
    SUBDIVISION,
    MORE_SUBDIVISIONS,
    NOTE,
    CFR_PART,
    SESSION_LAW,
    OTHER_NAMED,
    LAWS_NAMED,
    ARTICLE_SECTION
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The section number read without capture groups is the pattern's
    /// group, after every section mark and sign of the shipped texts and
    /// in spacings and forms written to try it.
    #[test]
    fn section_number_is_the_patterns_group() {
        let mut texts: Vec<String> = [
            " 1983",
            "\u{a0}5.05(b)(1) and",
            "5.01-5.05",
            "2.12(a)-(e)",
            "  35-44-3-3(b)",
            "2C:11-3",
            "5/9-1",
            "301.6501(e)-1,",
            "\t12",
            "§",
            " a1",
            "",
            "\n5",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        for (_, text) in crate::shipped::texts() {
            let matching = crate::normalize::normalize(&text).matching().to_string();
            for (i, _) in matching.match_indices('§') {
                texts.push(matching[i + '§'.len_utf8()..].to_string());
            }
        }
        let mut found = 0;
        for t in &texts {
            let want = SECTION
                .captures(t)
                .and_then(|c| c.get(1))
                .map(|g| g.range());
            found += usize::from(want.is_some());
            assert_eq!(section_number(t), want, "{t:.40}");
        }
        assert!(found > 400, "{found} section numbers compared");
    }
}
