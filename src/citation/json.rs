//! A [`Citation`] read back from the JSON its `Serialize` writes: the flat
//! object of `pincite extract` (`kind`, `span`, `text`, `authority`,
//! `pins`, `volume`, `reporter`, ...; other fields, such as `file`, are
//! ignored).
//!
//! The typed data the JSON does not carry (a constitution's parts, a
//! rule's set, a statute's code, which way "ante" points) is read again
//! from the citation's text by the extractor, and where the text alone
//! does not give it (a bare "§1983" resolved to "42 U.S.C. § 1983"), from
//! its authority key, which is written in the form the extractor reads;
//! a supra or reference resolved to an authority that is no case ("Treaty
//! Doc., at 7") gets the form of its key as its target. The fields the
//! JSON does carry then replace what was read, so that a citation read
//! back writes the same JSON. What neither gives is left at its default:
//! where the citation stood in the matching text, the citation an Id.
//! refers to (`antecedent`, an Id.'s target), whether a full citation is
//! a parallel one, whether a section in a list of sections was written
//! bare.

use super::{
    CaseReference, Citation, CitationKind, Constitution, CourtRule, Direction, Form, FullCase,
    History, Id, Internal, Legislative, Pin, Record, Regulation, Secondary, SecondaryKind,
    ShortCase, Statute, Supra,
};
use crate::normalize::Section;
use crate::span::Span;
use serde::{Deserialize, Deserializer};

/// The fields of a citation's JSON.
#[derive(Deserialize)]
struct Flat {
    kind: CitationKind,
    span: Span,
    text: String,
    authority: Option<String>,
    #[serde(default)]
    pins: Vec<Pin>,
    volume: Option<u32>,
    reporter: Option<String>,
    first_page: Option<u32>,
    case_name: Option<String>,
    court: Option<String>,
    court_id: Option<String>,
    year: Option<u16>,
    signal: Option<String>,
    parenthetical: Option<String>,
    section: Section,
    slip_page: Option<u32>,
    #[serde(default)]
    warnings: Vec<String>,
    author: Option<String>,
    title: Option<String>,
    nominative: Option<String>,
    history: Option<History>,
    #[serde(default)]
    candidates: Vec<String>,
}

/// Reads the flat JSON of a citation (see the module docs).
impl<'de> Deserialize<'de> for Citation {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Citation, D::Error> {
        let f = Flat::deserialize(d)?;
        let mut form = read_form(&f).unwrap_or_else(|| plain_form(&f));
        overlay(&mut form, &f);
        Ok(Citation {
            form,
            span: f.span,
            text: f.text,
            authority: f.authority,
            pins: f.pins,
            signal: f.signal,
            parenthetical: f.parenthetical,
            section: f.section,
            slip_page: f.slip_page,
            warnings: f.warnings,
            antecedent: None,
            place: Default::default(),
            hereinafter: None,
        })
    }
}

/// The fields of a [`FullCase`] as its derived `Serialize` writes them.
#[derive(Deserialize)]
struct FullCaseFields {
    volume: u32,
    reporter: String,
    database: bool,
    first_page: Option<u32>,
    case_name: Option<String>,
    court: Option<String>,
    court_id: Option<String>,
    year: Option<u16>,
    parallel: bool,
    nominative: Option<(u32, String)>,
    history: Option<History>,
    #[serde(default)]
    candidates: Vec<String>,
}

/// Reads what `Serialize` writes; a court id pincite does not give is
/// left out.
impl<'de> Deserialize<'de> for FullCase {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<FullCase, D::Error> {
        let f = FullCaseFields::deserialize(d)?;
        Ok(FullCase {
            volume: f.volume,
            reporter: f.reporter,
            database: f.database,
            first_page: f.first_page,
            case_name: f.case_name,
            court: f.court,
            court_id: f
                .court_id
                .as_deref()
                .and_then(crate::extract::known_court_id),
            year: f.year,
            parallel: f.parallel,
            nominative: f.nominative,
            history: f.history,
            candidates: f.candidates,
        })
    }
}

/// The form the extractor reads from the citation's text, else from its
/// authority key, if either gives a citation of the same kind. A statute
/// section whose key names a code (a bare "§1983" resolved to "42 U.S.C.
/// § 1983", the second section of a list) takes its code and section
/// from the key.
fn read_form(f: &Flat) -> Option<Form> {
    let from_text = form_in(&f.text, f);
    let from_key = || f.authority.as_deref().and_then(|key| form_in(key, f));
    if f.kind != CitationKind::Statute {
        return from_text.or_else(from_key);
    }
    if let Some(Form::Statute(Statute::Section {
        code: Some(code),
        section,
        ..
    })) = &from_text
    {
        if Some(code.key(section)) == f.authority {
            return from_text;
        }
    }
    let bare = matches!(
        from_text,
        Some(Form::Statute(Statute::Section { bare: true, .. }))
    );
    match from_key() {
        Some(Form::Statute(Statute::Section {
            code: Some(code),
            section,
            ..
        })) => Some(Form::Statute(Statute::Section {
            code: Some(code),
            section,
            bare,
        })),
        keyed => from_text.or(keyed),
    }
}

/// The form of the citation of `f`'s kind that `text` holds: the one
/// with `f`'s authority, else the first; `None` if there is none.
///
/// The text is read as it is, then with its line breaks as spaces (a
/// citation wrapped over lines: "Pp.\n20-23"), then as HTML (where it has
/// tags or entities: "28 U.S.C.&nbsp;§ 2254"), until one reading gives
/// the citation with `f`'s authority.
fn form_in(text: &str, f: &Flat) -> Option<Form> {
    let mut first = None;
    for cites in readings(text) {
        for c in cites.into_iter().filter(|c| c.kind() == f.kind) {
            if c.authority == f.authority {
                return Some(c.form);
            }
            first.get_or_insert(c.form);
        }
    }
    first
}

/// A way [`form_in`] reads a citation's text.
#[derive(Clone, Copy)]
enum Reading {
    /// As it is.
    AsIs,
    /// Its runs of white space, line breaks among them, as one space.
    Unwrapped,
    /// As HTML.
    Html,
}

/// The citations of `text` in each way [`form_in`] reads it, lazily: as
/// it is; unwrapped if it has line breaks; as HTML if it has tags or
/// entities.
fn readings(text: &str) -> impl Iterator<Item = Vec<Citation>> + '_ {
    let wrapped = text.contains(['\n', '\r', '\u{c}']);
    let html = text.contains(['<', '&']);
    [
        Some(Reading::AsIs),
        wrapped.then_some(Reading::Unwrapped),
        html.then_some(Reading::Html),
    ]
    .into_iter()
    .flatten()
    .map(move |way| match way {
        Reading::AsIs => crate::cite(text).into_citations(),
        Reading::Unwrapped => {
            let unwrapped = text.split_whitespace().collect::<Vec<_>>().join(" ");
            crate::cite(&unwrapped).into_citations()
        }
        Reading::Html => {
            let norm = crate::Normalizer::new()
                .form(crate::InputForm::Html)
                .normalize(text);
            crate::Cited::from_normalized(text, norm).into_citations()
        }
    })
}

/// What a supra or reference resolved to an authority that is no case
/// stands for: the form its key reads as ("S. Treaty Doc. No. 99-11",
/// "65 Mich. L. Rev. 59"); `None` for a case's key, or one the extractor
/// does not read alone.
fn target_of(key: &str) -> Option<Box<Form>> {
    let cites = crate::cite(key).into_citations();
    let c = cites
        .into_iter()
        .find(|c| c.authority.as_deref() == Some(key))?;
    let case = c.kind().category() == Some(super::Category::Case);
    (!case).then(|| Box::new(c.form))
}

/// The JSON's own fields written into the form: what `Serialize` reads
/// from it.
fn overlay(form: &mut Form, f: &Flat) {
    match form {
        Form::FullCase(c) => {
            c.volume = f.volume.unwrap_or_default();
            c.reporter = f.reporter.clone().unwrap_or_default();
            c.first_page = f.first_page;
            c.case_name = f.case_name.clone();
            c.court = f.court.clone();
            c.court_id = f
                .court_id
                .as_deref()
                .and_then(crate::extract::known_court_id);
            c.year = f.year;
            c.nominative = f.nominative.as_deref().and_then(nominative);
            c.history = f.history.clone();
            c.candidates = f.candidates.clone();
        }
        Form::ShortCase(c) => {
            c.volume = f.volume.unwrap_or_default();
            c.reporter = f.reporter.clone().unwrap_or_default();
            c.case_name = f.case_name.clone();
        }
        Form::Supra(s) => {
            s.case_name = f.case_name.clone().unwrap_or_default();
            s.target = f.authority.as_deref().and_then(target_of);
        }
        Form::Reference(r) => {
            r.case_name = f.case_name.clone().unwrap_or_default();
            r.target = f.authority.as_deref().and_then(target_of);
        }
        Form::Record(r) => {
            r.volume = f.volume;
            r.document = f.authority.clone().unwrap_or_default();
        }
        Form::Journal(j) => {
            j.volume = f.volume.unwrap_or_default();
            j.page = f.first_page;
            j.year = f.year;
            j.author = f.author.clone();
            j.title = f.title.clone();
        }
        Form::Secondary(b) => {
            b.volume = f.volume;
            b.year = f.year;
            b.author = f.author.clone();
            b.title = f.title.clone().unwrap_or_default();
        }
        _ => {}
    }
}

/// A nominative reporter as the JSON writes it ("3 Dall."): its volume
/// and abbreviation.
fn nominative(written: &str) -> Option<(u32, String)> {
    let (volume, reporter) = written.split_once(' ')?;
    Some((volume.parse().ok()?, reporter.to_string()))
}

/// The form from the JSON's fields alone, for a citation the extractor
/// does not read again on its own (a reference by name, a supra whose
/// name it needs the document for): typed data it does not carry gets
/// the plainest value.
fn plain_form(f: &Flat) -> Form {
    let key = f.authority.clone().unwrap_or_default();
    match f.kind {
        CitationKind::FullCase => Form::FullCase(FullCase {
            volume: 0,
            reporter: String::new(),
            database: f.pins.iter().any(|p| p.unit == super::PinUnit::Star),
            first_page: None,
            case_name: None,
            court: None,
            court_id: None,
            year: None,
            parallel: false,
            nominative: None,
            history: None,
            candidates: Vec::new(),
        }),
        CitationKind::ShortCase => Form::ShortCase(ShortCase {
            volume: 0,
            reporter: String::new(),
            case_name: None,
            number: None,
            blank_pin: f.text.contains("__"),
        }),
        CitationKind::Id => Form::Id(Id::default()),
        CitationKind::Supra => Form::Supra(Supra {
            case_name: String::new(),
            note: None,
            target: None,
        }),
        CitationKind::Reference => Form::Reference(CaseReference {
            case_name: String::new(),
            target: None,
        }),
        CitationKind::Internal => Form::Internal(internal_of(&f.text)),
        CitationKind::Statute => Form::Statute(Statute::Section {
            code: None,
            section: f.authority.clone().unwrap_or_else(|| section_of(&f.text)),
            bare: true,
        }),
        CitationKind::Record => Form::Record(Record {
            volume: None,
            document: key,
        }),
        CitationKind::Constitution => Form::Constitution(Constitution {
            jurisdiction: key.split(" Const.").next().unwrap_or("U.S.").to_string(),
            part: None,
            section: None,
            clause: None,
        }),
        CitationKind::Rule => {
            let (rules, number) = key.rsplit_once(' ').unwrap_or(("", &key));
            Form::Rule(CourtRule {
                rules: rules.to_string(),
                number: number.to_string(),
            })
        }
        CitationKind::Regulation => Form::Regulation(Regulation::State {
            code: key,
            title: None,
            section: String::new(),
        }),
        CitationKind::Journal => Form::Journal(super::Journal {
            author: None,
            title: None,
            volume: 0,
            journal: journal_of(&key),
            page: None,
            year: None,
        }),
        CitationKind::Secondary => Form::Secondary(Secondary {
            kind: SecondaryKind::Book,
            author: None,
            title: String::new(),
            volume: None,
            edition: None,
            year: None,
            section: None,
            short: false,
        }),
        CitationKind::Legislative => Form::Legislative(Legislative::Hearing { title: key }),
    }
}

/// The section a statute citation's text names, its "§" or "Section"
/// left out: "§§ 5.01(a)" gives "5.01(a)".
fn section_of(text: &str) -> String {
    let t = text.trim_start_matches(['§', ' ']);
    let t = t.strip_prefix("Section ").unwrap_or(t);
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A periodical's abbreviation from an article's key ("65 Mich. L. Rev.
/// 59" gives "Mich. L. Rev."): the key without its volume and page.
fn journal_of(key: &str) -> String {
    let digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let words: Vec<&str> = key.split(' ').collect();
    let first = usize::from(words.first().is_some_and(|w| digits(w)));
    let last =
        words.len() - usize::from(words.len() > first && words.last().is_some_and(|w| digits(w)));
    words[first..last.max(first)].join(" ")
}

/// Which way a reference to the document points, from its first word:
/// "ante, at 5", "Post, at 1", "infra, at 12", a syllabus's "Pp. 3-6";
/// a part or note named before "supra" or "infra" ("Part II-A, supra")
/// is labeled.
fn internal_of(text: &str) -> Internal {
    let lower = text.to_lowercase();
    let first = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .next()
        .unwrap_or("");
    let direction = match first {
        "ante" => Direction::Ante,
        "post" => Direction::Post,
        "p." | "pp." => Direction::Syllabus,
        "infra" => Direction::Infra,
        "supra" => Direction::Supra,
        _ if lower.contains("infra") => Direction::Infra,
        _ => Direction::Supra,
    };
    let labeled = !matches!(first, "ante" | "post" | "p." | "pp." | "infra" | "supra");
    Internal { direction, labeled }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The JSON of every citation of `src` read back.
    fn read_back(src: &str) -> Vec<(Citation, Citation)> {
        crate::cite(src)
            .into_citations()
            .into_iter()
            .map(|c| {
                let json = serde_json::to_string(&c).unwrap();
                let back: Citation = serde_json::from_str(&json).unwrap();
                assert_eq!(serde_json::to_string(&back).unwrap(), json);
                (c, back)
            })
            .collect()
    }

    #[test]
    fn typed_data_is_read_again_from_the_text() {
        let src = "See Imbler v. Pachtman, 424 U. S. 409, 430 (1976). U. S. Const., Art. I, \
                   §8, cl. 3; Fed. Rule Civ. Proc. 23(b)(3); 29 CFR §1630.2(j) (2015); Cal. \
                   Penal Code Ann. §187(a) (West 2014); H. R. Rep. No. 95-595, p. 4 (1977). \
                   See ante, at 5.\n";
        let pairs = read_back(src);
        assert!(pairs.len() >= 7, "{pairs:?}");
        for (c, back) in &pairs {
            if c.kind() != CitationKind::Id {
                assert_eq!(back.form, c.form, "{}", c.text);
            }
        }
    }

    #[test]
    fn a_bare_section_gets_its_code_from_its_key() {
        let src = "Under 42 U. S. C. §1983, a person may sue. Section 1983 and §1983 apply.\n";
        let pairs = read_back(src);
        let bare = pairs
            .iter()
            .find(|(c, _)| matches!(c.statute(), Some(Statute::Section { bare: true, .. })))
            .expect("a bare section");
        assert_eq!(bare.1.statute(), bare.0.statute());
        assert!(bare.1.statute().and_then(Statute::code).is_some());
    }

    #[test]
    fn the_plain_form_keeps_what_the_json_says() {
        assert_eq!(journal_of("65 Mich. L. Rev. 59"), "Mich. L. Rev.");
        assert_eq!(journal_of("102 Mich. L. Rev."), "Mich. L. Rev.");
        assert_eq!(section_of("§§ 5.01(a)"), "5.01(a)");
        assert_eq!(section_of("Section 232"), "232");
        assert_eq!(internal_of("ante, at 5").direction, Direction::Ante);
        assert_eq!(internal_of("Pp. 3-6").direction, Direction::Syllabus);
        let part = internal_of("Part II-A, infra");
        assert_eq!((part.direction, part.labeled), (Direction::Infra, true));
    }

    #[test]
    fn unknown_fields_and_court_ids_are_ignored() {
        let line = r#"{"file":"a.txt","kind":"full_case","span":[0,1],"text":"x","authority":null,"pins":[],"volume":1,"reporter":"F.","first_page":2,"case_name":null,"court":"CA9","court_id":"zz","year":null,"signal":null,"parenthetical":null,"section":"opinion","slip_page":null,"warnings":[]}"#;
        let c: Citation = serde_json::from_str(line).unwrap();
        assert_eq!(
            (c.court(), c.court_id(), c.volume()),
            (Some("CA9"), None, Some(1))
        );
    }
}
