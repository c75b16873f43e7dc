//! The citation forms: each a module with its anchor pattern and its
//! parser, listed once in [`FORMS`].

mod case;
mod constitution;
mod id;
mod internal;
mod journal;
mod legislative;
mod neutral;
mod record;
mod reference;
mod regulation;
mod rule;
mod secondary;
mod session_law;
pub(super) mod statute;
mod supra;

use super::scanner::Scanner;
use std::ops::Range;

/// One form of the grammar: the anchor pattern that finds it and the
/// parser that reads it.
pub(super) struct Rule {
    /// A name, by which the tests find a form.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) name: &'static str,
    /// The anchor pattern: cheap to find, no look-around beyond ASCII word
    /// boundaries (see the module docs of `extract`).
    pub(super) anchor: fn() -> String,
    /// Reads the citation whose anchor matched at the range given; returns
    /// where scanning resumes (past the citation, or past the anchor when
    /// it is no citation).
    pub(super) parse: fn(&mut Scanner<'_>, Range<usize>) -> usize,
}

/// Every form, in the order their anchors are tried at one position:
/// statutes before case reporters ("42 U. S. C." is no reporter).
pub(super) static FORMS: &[Rule] = &[
    Rule {
        name: "code section",
        anchor: || statute::CODE.to_string(),
        parse: statute::parse_code,
    },
    Rule {
        name: "revised statutes",
        anchor: || statute::REVISED.to_string(),
        parse: statute::parse_revised,
    },
    Rule {
        name: "code section word",
        anchor: || statute::CODE_WORD.to_string(),
        parse: statute::parse_code_word,
    },
    Rule {
        name: "section of a code",
        anchor: || statute::SECTION_OF.to_string(),
        parse: statute::parse_section_of,
    },
    Rule {
        name: "declared code",
        anchor: || statute::DECLARED.to_string(),
        parse: statute::parse_declared,
    },
    Rule {
        name: "constitution",
        anchor: || constitution::NAMED.to_string(),
        parse: constitution::parse_named,
    },
    Rule {
        name: "article or amendment",
        anchor: || constitution::PART.to_string(),
        parse: constitution::parse_part,
    },
    Rule {
        name: "statutes at large",
        anchor: || session_law::LARGE.to_string(),
        parse: session_law::parse_large,
    },
    Rule {
        name: "public law",
        anchor: || session_law::PUBLIC_LAW.to_string(),
        parse: session_law::parse_public_law,
    },
    Rule {
        name: "federal register",
        anchor: || regulation::FEDERAL_REGISTER.to_string(),
        parse: regulation::parse,
    },
    Rule {
        name: "court rule",
        anchor: || rule::ANCHOR.to_string(),
        parse: rule::parse,
    },
    Rule {
        name: "federal rule spelled out",
        anchor: || rule::SPELLED.to_string(),
        parse: rule::parse_spelled,
    },
    Rule {
        name: "record",
        anchor: || record::ANCHOR.to_string(),
        parse: record::parse,
    },
    Rule {
        name: "brief",
        anchor: || record::BRIEF.to_string(),
        parse: record::parse_brief,
    },
    Rule {
        name: "hyphenated neutral",
        anchor: neutral::hyphenated_anchor,
        parse: neutral::parse_hyphenated,
    },
    Rule {
        name: "louisiana neutral",
        anchor: neutral::louisiana_anchor,
        parse: neutral::parse_louisiana,
    },
    Rule {
        name: "year-page neutral",
        anchor: neutral::year_page_anchor,
        parse: neutral::parse_year_page,
    },
    Rule {
        name: "committee report or document",
        anchor: || legislative::REPORT.to_string(),
        parse: legislative::parse_report,
    },
    Rule {
        name: "congressional record",
        anchor: || legislative::RECORD.to_string(),
        parse: legislative::parse_record,
    },
    Rule {
        name: "congressional globe",
        anchor: || legislative::GLOBE.to_string(),
        parse: legislative::parse_globe,
    },
    Rule {
        name: "hearing",
        anchor: || legislative::HEARING.to_string(),
        parse: legislative::parse_hearing,
    },
    Rule {
        name: "case",
        anchor: case::anchor,
        parse: case::parse,
    },
    Rule {
        name: "id",
        anchor: || id::ANCHOR.to_string(),
        parse: id::parse,
    },
    Rule {
        name: "supra",
        anchor: || supra::ANCHOR.to_string(),
        parse: supra::parse,
    },
    Rule {
        name: "bare section",
        anchor: || statute::BARE.to_string(),
        parse: statute::parse_bare,
    },
    Rule {
        name: "section word",
        anchor: || statute::WORD.to_string(),
        parse: statute::parse_word,
    },
    Rule {
        name: "syllabus pages",
        anchor: || internal::SYLLABUS.to_string(),
        parse: internal::parse_syllabus,
    },
    Rule {
        name: "other opinion",
        anchor: || internal::OTHER_OPINION.to_string(),
        parse: internal::parse_other_opinion,
    },
    Rule {
        name: "reference with a pin",
        anchor: || reference::AT.to_string(),
        parse: reference::parse_at,
    },
    Rule {
        name: "reference in an opening phrase",
        anchor: || reference::OPENING.to_string(),
        parse: reference::parse_opening,
    },
    Rule {
        name: "restatement",
        anchor: || secondary::RESTATEMENT.to_string(),
        parse: secondary::parse_restatement,
    },
    Rule {
        name: "federalist",
        anchor: || secondary::FEDERALIST.to_string(),
        parse: secondary::parse_federalist,
    },
    Rule {
        name: "book by its closing note",
        anchor: || secondary::CLOSE.to_string(),
        parse: secondary::parse_closed,
    },
];

/// The lazily compiled patterns of every form, for
/// [`crate::extract::prepare`].
pub(super) const PATTERNS: [&[fn()]; 14] = [
    case::PATTERNS,
    constitution::PATTERNS,
    id::PATTERNS,
    journal::PATTERNS,
    legislative::PATTERNS,
    neutral::PATTERNS,
    record::PATTERNS,
    reference::PATTERNS,
    regulation::PATTERNS,
    rule::PATTERNS,
    secondary::PATTERNS,
    session_law::PATTERNS,
    statute::PATTERNS,
    supra::PATTERNS,
];

/// A reference to a source by the short name a "hereinafter" gave it
/// ("Federalist 466", "Black's 694", "39th Cong. Globe 1013"): searched
/// for only after such a name is given, beside the forms of [`FORMS`],
/// which win at one position.
pub(super) static SHORT_NAME: Rule = Rule {
    name: "source by its short name",
    anchor: || reference::SHORT_NAME.to_string(),
    parse: reference::parse_short_name,
};
