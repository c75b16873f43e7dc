//! The table of authorities: every authority cited, by category, as a
//! brief's table prints it.

use crate::citation::{
    Category, Citation, CitationKind, Code, Constitution, ConstitutionPart, Form, Pin, PinUnit,
    Statute,
};
use crate::normalize::Section;
use crate::resolve::blank::BlankPages;
use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

/// The part of the table an authority is listed in, in the order the
/// table prints them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Heading {
    /// Cases ("Imbler v. Pachtman, 424 U.S. 409 (1976)").
    Case,
    /// Constitutional provisions ("U.S. Const. amend. XIV, § 1").
    Constitution,
    /// Statutes: federal ("42 U.S.C. § 1983", "14 Stat. 533"), then the
    /// States' ("Cal. Penal Code § 187").
    Statute,
    /// Court rules ("Fed. R. Civ. P. 23(b)(3)").
    Rule,
    /// Regulations ("29 C.F.R. § 1630.2(j)", "76 Fed. Reg. 16978").
    Regulation,
    /// Other authorities: periodicals, books, legislative materials.
    Other,
    /// The record of the case: the joint appendix, briefs, transcripts.
    Record,
}

impl Heading {
    /// Every heading, in the order the table prints them.
    pub const ALL: [Heading; 7] = [
        Heading::Case,
        Heading::Constitution,
        Heading::Statute,
        Heading::Rule,
        Heading::Regulation,
        Heading::Other,
        Heading::Record,
    ];

    /// The heading an authority of `category` is listed under; `None` for
    /// references to the document itself, which the table leaves out.
    pub fn of(category: Category) -> Option<Heading> {
        match category {
            Category::Case => Some(Heading::Case),
            Category::Constitution => Some(Heading::Constitution),
            Category::Statute => Some(Heading::Statute),
            Category::Rule => Some(Heading::Rule),
            Category::Regulation => Some(Heading::Regulation),
            Category::Secondary | Category::Legislative => Some(Heading::Other),
            Category::Record => Some(Heading::Record),
            Category::Internal => None,
        }
    }

    /// The name used in output: `case`, `constitution`, `statute`, `rule`,
    /// `regulation`, `other`, `record`.
    pub fn as_str(self) -> &'static str {
        match self {
            Heading::Case => "case",
            Heading::Constitution => "constitution",
            Heading::Statute => "statute",
            Heading::Rule => "rule",
            Heading::Regulation => "regulation",
            Heading::Other => "other",
            Heading::Record => "record",
        }
    }

    /// The heading of the table's part: "Cases", "Constitutional
    /// Provisions", "Statutes", "Rules", "Regulations", "Other
    /// Authorities", "Record".
    pub fn heading(self) -> &'static str {
        match self {
            Heading::Case => "Cases",
            Heading::Constitution => "Constitutional Provisions",
            Heading::Statute => "Statutes",
            Heading::Rule => "Rules",
            Heading::Regulation => "Regulations",
            Heading::Other => "Other Authorities",
            Heading::Record => "Record",
        }
    }

    /// The heading of an output name: the inverse of [`Heading::as_str`].
    pub fn named(name: &str) -> Option<Heading> {
        Heading::ALL.into_iter().find(|h| h.as_str() == name)
    }
}

/// The number of pages on which an authority is cited from which the
/// table prints "passim" instead of the pages.
pub const PASSIM_PAGES: usize = 5;

/// One reference to an authority: which file, where, on what page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occurrence {
    /// The file's position in [`TableOfAuthorities::files`].
    pub file: usize,
    /// The citation's position in that file's citations.
    pub index: usize,
    /// The citation's bytes in the file.
    pub span: Span,
    /// The slip page the citation is on, when the text is paginated.
    pub slip_page: Option<u32>,
    /// The citation's form (a full citation, Id., supra, ...).
    pub kind: CitationKind,
    /// The part of the opinion it is in.
    pub section: Section,
}

/// The slip pages of one part of a file (each part of a slip opinion
/// numbers its pages from 1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionPages {
    /// The part: syllabus, opinion, concurrence, ...
    pub section: Section,
    /// Its distinct pages citing the authority, ascending.
    pub slip_pages: Vec<u32>,
}

/// The pages one file cites an authority on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilePages {
    /// The file as named when the table was built.
    pub file: String,
    /// References to the authority in this file.
    pub count: usize,
    /// The distinct slip page numbers, ascending, whatever the part;
    /// empty when the text has no pagination.
    pub slip_pages: Vec<u32>,
    /// The pages part by part, in the order of the parts.
    pub sections: Vec<SectionPages>,
    /// Whether the authority is cited on [`PASSIM_PAGES`] or more pages of
    /// this file (a page of the syllabus and the same page number of the
    /// opinion are two pages).
    pub passim: bool,
}

/// One authority of the table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The part of the table it is listed in.
    pub category: Heading,
    /// The canonical key ("424 U.S. 409", "42 U.S.C. § 1983", "App.").
    pub authority: String,
    /// The case name of its fullest citation ("Imbler v. Pachtman"), for
    /// cases.
    pub name: Option<String>,
    /// The court as written in a full citation's parenthetical ("CA9").
    pub court: Option<String>,
    /// The year of a full citation.
    pub year: Option<u16>,
    /// The citation as the table prints it: "Imbler v. Pachtman, 424 U.S.
    /// 409 (1976)", with its parallel citations ("Tucker v. Cole, 54 Wis.
    /// 539, 11 N.W. 703 (1882)").
    pub citation: String,
    /// The authorities of parallel citations ("11 N.W. 703"), whose
    /// references count here; their pins, pages of another reporter, are
    /// not listed.
    pub parallels: Vec<String>,
    /// Its subsequent history as printed ("aff'd, 520 U.S. 681 (1997)"),
    /// whose citations count as references of this entry; left out of the
    /// JSON output when there is none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<String>,
    /// All references: full citations, short forms, Id., supra.
    pub count: usize,
    /// The distinct pins cited, in page order.
    pub pins: Vec<Pin>,
    /// The distinct slip pages it is cited on, for a table over one file;
    /// `None` for a table over several files (see `files`).
    pub slip_pages: Option<Vec<u32>>,
    /// Whether it is cited on [`PASSIM_PAGES`] or more pages (of some
    /// file).
    pub passim: bool,
    /// The references of each file that cites it, in file order.
    pub files: Vec<FilePages>,
    /// Every reference, in file and document order.
    #[serde(skip)]
    pub occurrences: Vec<Occurrence>,
}

impl Entry {
    /// The pages as a table prints them: "passim", "1, 3, 4", or per file
    /// ("a.txt: passim; b.txt: 2") when the table covers several files; a
    /// file without page numbers gives its count ("c.txt: 3 references").
    pub fn pages_text(&self) -> String {
        fn one(f: &FilePages) -> String {
            if f.passim {
                return "passim".to_string();
            }
            let parts: Vec<String> = f
                .sections
                .iter()
                .filter(|s| !s.slip_pages.is_empty())
                .map(|s| {
                    let p: Vec<String> = s.slip_pages.iter().map(u32::to_string).collect();
                    let p = p.join(", ");
                    // The opinion's pages go bare when it is not alone.
                    if f.sections.len() == 1
                        || matches!(s.section, Section::Opinion | Section::PerCuriam)
                    {
                        p
                    } else {
                        format!("{} {p}", s.section.as_str().replace('_', " "))
                    }
                })
                .collect();
            parts.join("; ")
        }
        if self.slip_pages.is_some() {
            return self.files.first().map(one).unwrap_or_default();
        }
        let parts: Vec<String> = self
            .files
            .iter()
            .map(|f| {
                let p = one(f);
                if p.is_empty() {
                    let s = if f.count == 1 { "" } else { "s" };
                    format!("{}: {} reference{s}", f.file, f.count)
                } else {
                    format!("{}: {p}", f.file)
                }
            })
            .collect();
        parts.join("; ")
    }

    /// The pins as a table prints them: "416, 425–426, 431 n. 33".
    pub fn pins_text(&self) -> String {
        let p: Vec<String> = self.pins.iter().map(|p| print_pin(*p)).collect();
        p.join(", ")
    }
}

/// A pin as printed: "425", "425–426", "431 n. 33", "n. 5".
pub(crate) fn print_pin(p: Pin) -> String {
    let mut s = String::from(match p.unit {
        PinUnit::Page => "",
        PinUnit::Star => "*",
        PinUnit::Paragraph => "\u{b6} ",
    });
    if let Some(page) = p.page {
        let _ = write!(s, "{page}");
    }
    if let Some(end) = p.end {
        let _ = write!(s, "\u{2013}{end}");
    }
    if let Some(n) = p.footnote {
        if !s.is_empty() {
            s.push(' ');
        }
        let _ = write!(s, "n. {n}");
    }
    s
}

/// A table of authorities over the citations of one or more documents.
///
/// ```
/// let src = "See Imbler v. Pachtman, 424 U. S. 409, 430 (1976). Id., at 428.\n";
/// let cites = pincite::extract(src, &pincite::normalize(src));
/// let toa = pincite::TableOfAuthorities::new([("a.txt", cites.as_slice())]);
/// let e = &toa.entries()[0];
/// assert_eq!(e.citation, "Imbler v. Pachtman, 424 U.S. 409 (1976)");
/// assert_eq!(e.count, 2);
/// assert_eq!(e.pins_text(), "428, 430");
/// ```
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct TableOfAuthorities {
    files: Vec<String>,
    entries: Vec<Entry>,
}

/// What is gathered about one authority while the table is built.
#[derive(Default)]
struct Gather {
    headings: BTreeSet<Heading>,
    /// Where it goes within its heading (see [`placement`]).
    order: Option<Placement>,
    names: Vec<String>,
    /// How a full citation of an authority that is no case prints
    /// ("Kamisar, A Dissent from the Miranda Dissents, 65 Mich. L. Rev. 59
    /// (1966)"), the longest seen.
    display: Option<String>,
    court: Option<String>,
    year: Option<u16>,
    pins: BTreeSet<PinKey>,
    parallels: Vec<String>,
    /// Its subsequent history as printed: "aff'd, 520 U.S. 681 (1997)".
    history: Vec<String>,
    occurrences: Vec<Occurrence>,
}

impl TableOfAuthorities {
    /// Builds the table from each file's name and citations, in the order
    /// given. Unresolved citations (no authority) and references to the
    /// document itself ("supra, at 10", "Pp. 3-6") are left out. Record
    /// citations ("App. 45") have an entry per file. Every text counts,
    /// copies of one opinion too: [`copies`](crate::copies) finds them.
    ///
    /// A blank-page case ("554 U. S. ___") that any of the files cites with
    /// its first page ("554 U. S. 570") is listed under that page's key.
    pub fn new<'a>(docs: impl IntoIterator<Item = (&'a str, &'a [Citation])>) -> Self {
        let docs: Vec<(&str, &[Citation])> = docs.into_iter().collect();
        let mut blanks = BlankPages::default();
        for (_, cites) in &docs {
            blanks.learn(cites);
        }
        let paged = blanks.map();
        let listed: Vec<(&str, Vec<Listed>)> = docs
            .into_iter()
            .map(|(name, cites)| (name, listed(cites, &paged)))
            .collect();
        TableOfAuthorities::of_listed(listed.iter().map(|(n, l)| (*n, l.as_slice())))
    }

    /// Builds the table from each file's name and the citations it lists,
    /// as [`TableOfAuthorities::new`] does from citations.
    pub(crate) fn of_listed<'a>(docs: impl IntoIterator<Item = (&'a str, &'a [Listed])>) -> Self {
        let mut files = Vec::new();
        let mut by_key: HashMap<String, Gather> = HashMap::new();
        // A parallel citation's authority ("11 N.W. 703" after "Tucker v.
        // Cole, 54 Wis. 539") is listed with the citation it parallels.
        let mut parallel_of: HashMap<String, String> = HashMap::new();
        for (fi, (name, cites)) in docs.into_iter().enumerate() {
            files.push(name.to_string());
            let mut last_primary: Option<&str> = None;
            for c in cites {
                let own = c.authority.as_str();
                let l = &c.listing;
                let full = l.full.as_ref();
                if let Some(f) = full {
                    let main = match &f.history {
                        Some((of, _)) => of.as_deref(),
                        None if f.parallel => last_primary,
                        None => {
                            last_primary = Some(own);
                            None
                        }
                    };
                    let new = !parallel_of.contains_key(own) && !by_key.contains_key(own);
                    if let Some(main) = main.filter(|m| *m != own && new) {
                        parallel_of.insert(own.to_string(), main.to_string());
                        let g = by_key.entry(main.to_string()).or_default();
                        match &f.history {
                            Some((_, relation)) => g.history.push(history_text(relation, own, f)),
                            None => g.parallels.push(own.to_string()),
                        }
                    }
                }
                let redirected = parallel_of.get(own);
                let key = redirected.map_or(own, String::as_str);
                // A record citation ("App. 45") cites the record of its own
                // case: one entry per file.
                let g = if l.record {
                    by_key.entry(format!("{key}{RECORD_OF}{fi}")).or_default()
                } else {
                    by_key.entry(key.to_string()).or_default()
                };
                g.headings.insert(l.heading);
                if g.order.is_none() {
                    g.order = l
                        .place
                        .as_ref()
                        .map(|(group, at)| (*group, at.clone().unwrap_or_else(|| key.to_string())));
                }
                if let Some((before, after)) = &l.display {
                    let d = format!("{before}{key}{after}");
                    if g.display.as_ref().is_none_or(|old| old.len() < d.len()) {
                        g.display = Some(d);
                    }
                }
                if let Some(f) = full {
                    if !f.parallel {
                        if let Some(n) = &f.case_name {
                            g.names.push(n.clone());
                        }
                    }
                    if g.year.is_none() {
                        g.year = f.year;
                    }
                    if g.court.is_none() {
                        g.court.clone_from(&f.court);
                    }
                } else if let Some(n) = &l.name {
                    g.names.push(n.clone());
                }
                // A parallel citation, or one of subsequent history, is one
                // reference with its case.
                let joined = full.is_some_and(|f| f.parallel || f.history.is_some());
                if joined && redirected.is_some() {
                    continue;
                }
                // Pins of a parallel reporter are pages of another book.
                if redirected.is_none() {
                    for p in &c.pins {
                        g.pins.insert(pin_key(*p));
                    }
                }
                g.occurrences.push(Occurrence {
                    file: fi,
                    index: c.index,
                    span: c.span,
                    slip_page: c.slip_page,
                    kind: c.kind,
                    section: c.section,
                });
            }
        }
        let several = files.len() > 1;
        let mut entries: Vec<(Placement, Entry)> = by_key
            .into_iter()
            .map(|(key, mut g)| {
                let order = g.order.take().unwrap_or_else(|| (u8::MAX, key.clone()));
                (order, finish(key, g, &files, several))
            })
            .collect();
        entries.sort_by(compare_entries);
        let entries = entries.into_iter().map(|(_, e)| e).collect();
        TableOfAuthorities { files, entries }
    }

    /// The files, in the order given.
    pub fn files(&self) -> &[String] {
        &self.files
    }

    /// The entries: cases, then statutes, then other authorities, each
    /// sorted as a brief's table is.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Leaves out the entries listed under `heading`: a brief's table
    /// leaves out the record.
    pub fn omit(&mut self, heading: Heading) {
        self.entries.retain(|e| e.category != heading);
    }

    /// The entry of an authority key ("424 U.S. 409").
    pub fn get(&self, authority: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.authority == authority)
    }

    /// The table as JSON: `{"authorities": [...]}`, one object per entry.
    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct Out<'a> {
            authorities: &'a [Entry],
        }
        serde_json::to_string_pretty(&Out {
            authorities: &self.entries,
        })
        .expect("a table serializes")
    }

    /// The table as Markdown: a heading per category and a table of
    /// citation, references, pins and pages.
    pub fn to_markdown(&self) -> String {
        let mut s = String::from("# Table of Authorities\n");
        for cat in Heading::ALL {
            let rows: Vec<&Entry> = self.entries.iter().filter(|e| e.category == cat).collect();
            if rows.is_empty() {
                continue;
            }
            let _ = write!(
                s,
                "\n## {}\n\n| Authority | References | Pins | Pages |\n|---|--:|---|---|\n",
                cat.heading()
            );
            for e in rows {
                let _ = writeln!(
                    s,
                    "| {} | {} | {} | {} |",
                    md_cell(&e.citation),
                    e.count,
                    md_cell(&e.pins_text()),
                    md_cell(&e.pages_text())
                );
            }
        }
        s
    }

    /// The table as CSV with a header line: category, authority, name,
    /// year, citation, count, pins, pages, passim.
    pub fn to_csv(&self) -> String {
        let mut s = String::from("category,authority,name,year,citation,count,pins,pages,passim\n");
        for e in &self.entries {
            let year = e.year.map(|y| y.to_string()).unwrap_or_default();
            let cells = [
                e.category.as_str().to_string(),
                e.authority.clone(),
                e.name.clone().unwrap_or_default(),
                year,
                e.citation.clone(),
                e.count.to_string(),
                e.pins_text(),
                e.pages_text(),
                e.passim.to_string(),
            ];
            let cells: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
            s.push_str(&cells.join(","));
            s.push('\n');
        }
        s
    }

    /// The table as a standalone HTML page.
    pub fn to_html(&self) -> String {
        let mut s = String::from(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <title>Table of Authorities</title>\n<style>\n\
             body{font-family:Georgia,serif;max-width:60em;margin:2em auto}\
             table{border-collapse:collapse;width:100%}\
             td,th{border-bottom:1px solid #ccc;padding:.3em;text-align:left;vertical-align:top}\
             td.n{text-align:right}\n</style>\n</head>\n<body>\n<h1>Table of Authorities</h1>\n",
        );
        for cat in Heading::ALL {
            let rows: Vec<&Entry> = self.entries.iter().filter(|e| e.category == cat).collect();
            if rows.is_empty() {
                continue;
            }
            let _ = write!(
                s,
                "<h2>{}</h2>\n<table class=\"{}\">\n<tr><th>Authority</th><th>References</th>\
                 <th>Pins</th><th>Pages</th></tr>\n",
                cat.heading(),
                cat.as_str()
            );
            for e in rows {
                let _ = writeln!(
                    s,
                    "<tr data-authority=\"{}\"><td>{}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td></tr>",
                    escape_html(&e.authority),
                    escape_html(&e.citation),
                    e.count,
                    escape_html(&e.pins_text()),
                    escape_html(&e.pages_text())
                );
            }
            s.push_str("</table>\n");
        }
        s.push_str("</body>\n</html>\n");
        s
    }
}

/// Escapes `&`, `<`, `>`, `"` and `'` for HTML text and attribute values.
pub(crate) fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// How pins sort: pages before star pages and paragraphs, then by page,
/// range end and footnote; a pin without a page (a footnote alone) first.
type PinKey = (PinUnit, Option<u32>, Option<u32>, Option<u32>);

fn pin_key(p: Pin) -> PinKey {
    (p.unit, p.page, p.end, p.footnote)
}

fn pin_from_key((unit, page, end, footnote): PinKey) -> Pin {
    Pin {
        page,
        end,
        footnote,
        unit,
    }
}

/// A citation of subsequent history as the table prints it after its case:
/// "aff'd, 520 U.S. 681 (1997)".
fn history_text(relation: &str, key: &str, f: &FullListing) -> String {
    match (&f.court, f.year) {
        (Some(c), Some(y)) => format!("{relation}, {key} ({c} {y})"),
        (None, Some(y)) => format!("{relation}, {key} ({y})"),
        _ => format!("{relation}, {key}"),
    }
}

/// The name to print: the fullest name a full citation gave ("Imbler v.
/// Pachtman" over "Imbler"), else the longest short-form name.
fn best_name(names: &[String]) -> Option<String> {
    names
        .iter()
        .max_by_key(|n| {
            let full = n.contains(" v. ") || n.starts_with("In re ") || n.starts_with("Ex parte ");
            (full, n.len())
        })
        .cloned()
}

/// What joins a record citation's key and its file's position in the keys
/// the table is gathered by.
const RECORD_OF: char = '\u{1f}';

fn finish(key: String, g: Gather, files: &[String], several: bool) -> Entry {
    // A record's entry is of one file, named when the table has several.
    let (key, record_file) = match key.split_once(RECORD_OF) {
        Some((k, f)) => (k.to_string(), f.parse::<usize>().ok()),
        None => (key, None),
    };
    let category = g.headings.first().copied().unwrap_or(Heading::Case);
    let name = if category == Heading::Case {
        best_name(&g.names)
    } else {
        None
    };
    let mut citation = match (&name, g.display) {
        (Some(n), _) if !key.starts_with(n.as_str()) => format!("{n}, {key}"),
        (_, Some(d)) => d,
        _ => key.clone(),
    };
    for p in &g.parallels {
        let _ = write!(citation, ", {p}");
    }
    if let Some(f) = record_file.filter(|_| several) {
        let _ = write!(citation, " ({})", files[f]);
    }
    if category == Heading::Case {
        match (&g.court, g.year) {
            (Some(c), Some(y)) => {
                let _ = write!(citation, " ({c} {y})");
            }
            (None, Some(y)) => {
                let _ = write!(citation, " ({y})");
            }
            (Some(c), None) => {
                let _ = write!(citation, " ({c})");
            }
            (None, None) => {}
        }
    }
    for h in &g.history {
        let _ = write!(citation, ", {h}");
    }
    let mut per_file: Vec<FilePages> = Vec::new();
    for o in &g.occurrences {
        let name = &files[o.file];
        if per_file.last().is_none_or(|f| &f.file != name) {
            per_file.push(FilePages {
                file: name.clone(),
                count: 0,
                slip_pages: Vec::new(),
                sections: Vec::new(),
                passim: false,
            });
        }
        let f = per_file.last_mut().expect("just pushed");
        f.count += 1;
        if let Some(p) = o.slip_page {
            f.slip_pages.push(p);
            match f.sections.iter_mut().find(|s| s.section == o.section) {
                Some(s) => s.slip_pages.push(p),
                None => f.sections.push(SectionPages {
                    section: o.section,
                    slip_pages: vec![p],
                }),
            }
        }
    }
    for f in &mut per_file {
        f.slip_pages.sort_unstable();
        f.slip_pages.dedup();
        f.sections.sort_by_key(|s| s.section);
        for s in &mut f.sections {
            s.slip_pages.sort_unstable();
            s.slip_pages.dedup();
        }
        let pages: usize = f.sections.iter().map(|s| s.slip_pages.len()).sum();
        f.passim = pages >= PASSIM_PAGES;
    }
    Entry {
        category,
        name,
        court: g.court,
        year: g.year,
        citation,
        count: g.occurrences.len(),
        pins: g.pins.into_iter().map(pin_from_key).collect(),
        slip_pages: (!several).then(|| {
            per_file
                .first()
                .map(|f| f.slip_pages.clone())
                .unwrap_or_default()
        }),
        passim: per_file.iter().any(|f| f.passim),
        files: per_file,
        occurrences: g.occurrences,
        parallels: g.parallels,
        history: g.history,
        authority: key,
    }
}

/// Compares two strings with runs of digits compared as numbers:
/// "42 U.S.C. § 1983" before "42 U.S.C. § 11601".
pub(crate) fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    loop {
        match (a.first(), b.first()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let na = a.iter().take_while(|c| c.is_ascii_digit()).count();
                let nb = b.iter().take_while(|c| c.is_ascii_digit()).count();
                let da = trim_zeros(&a[..na]);
                let db = trim_zeros(&b[..nb]);
                let o = da.len().cmp(&db.len()).then_with(|| da.cmp(db));
                if o != Ordering::Equal {
                    return o;
                }
                a = &a[na..];
                b = &b[nb..];
            }
            (Some(x), Some(y)) => {
                let o = x.to_ascii_lowercase().cmp(&y.to_ascii_lowercase());
                if o != Ordering::Equal {
                    return o;
                }
                a = &a[1..];
                b = &b[1..];
            }
        }
    }
}

fn trim_zeros(d: &[u8]) -> &[u8] {
    let z = d.iter().take_while(|&&c| c == b'0').count();
    &d[z.min(d.len().saturating_sub(1))..]
}

/// How a full citation of an article or a book prints in the table: its
/// author and title before the key, the year (and edition) after it; `None`
/// for every other form, which prints as its key.
fn display(form: &Form) -> Option<(String, String)> {
    let (author, title, year) = match form {
        Form::Journal(j) => (j.author.as_deref(), j.title.as_deref(), j.year),
        Form::Secondary(b) => (None, None, b.year),
        _ => return None,
    };
    let mut before = String::new();
    for part in [author, title].into_iter().flatten() {
        let _ = write!(before, "{part}, ");
    }
    if let Form::Secondary(b) = form {
        if let Some(v) = b.volume {
            let _ = write!(before, "{v} ");
        }
    }
    let edition = match form {
        Form::Secondary(b) => b.edition.as_deref(),
        _ => None,
    };
    let after = match (edition, year) {
        (Some(e), Some(y)) => format!(" ({e} ed. {y})"),
        (Some(e), None) => format!(" ({e} ed.)"),
        (None, Some(y)) => format!(" ({y})"),
        (None, None) => String::new(),
    };
    Some((before, after))
}

/// Where an authority goes within its heading: a group, then a key
/// compared with [`natural_cmp`].
type Placement = (u8, String);

/// The placement of an authority cited in `form`: statutes by the
/// United States Code's titles and sections, then the Statutes at Large,
/// Public Laws, the Revised Statutes, then the States' codes;
/// constitutions the United States' first, articles before amendments,
/// each by its number; everything else by its key (`None`: the key the
/// table lists it under).
fn placement(form: &Form) -> (u8, Option<String>) {
    match form {
        Form::Statute(s) => {
            let group = match s {
                Statute::Section { code, .. } => match code {
                    Some(Code::UsCode { .. }) => 0,
                    Some(Code::RevisedStatutes) => 3,
                    Some(Code::State(_)) => 4,
                    _ => 5,
                },
                Statute::Large { .. } => 1,
                Statute::PublicLaw { .. } => 2,
            };
            (group, None)
        }
        Form::Constitution(c) => {
            let (group, at) = constitution_placement(c);
            (group, Some(at))
        }
        _ => (0, None),
    }
}

/// What a table of authorities reads of one citation besides its
/// authority, pins and place: everything it takes from the citation's
/// form. Stored in the index, so that a table is made from it there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Listing {
    /// The heading it is listed under.
    pub(crate) heading: Heading,
    /// Whether it cites the record of its case (one entry per file).
    pub(crate) record: bool,
    /// Its placement within the heading, the key `None` for the key the
    /// table lists it under.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) place: Option<(u8, Option<String>)>,
    /// An article or book: what prints before and after its key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) display: Option<(String, String)>,
    /// A full case citation's facts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) full: Option<FullListing>,
    /// The case name of a short or supra citation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) name: Option<String>,
}

/// What a table reads of a full case citation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct FullListing {
    pub(crate) parallel: bool,
    /// Subsequent history: the key of the case it follows, and how
    /// ("aff'd").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) history: Option<(Option<String>, String)>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) case_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) court: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) year: Option<u16>,
}

impl Listing {
    /// What the table reads of `c`; `None` when the table leaves it out:
    /// a reference to the document itself, or a case named without a pin
    /// ("In Miranda, the Court held"), a mention and no reference.
    pub(crate) fn of(c: &Citation) -> Option<Listing> {
        if c.kind() == CitationKind::Reference && c.pins.is_empty() {
            return None;
        }
        let heading = c.category().and_then(Heading::of)?;
        let full = c.full_case().map(|f| FullListing {
            parallel: f.parallel,
            history: f
                .history
                .as_ref()
                .map(|h| (h.of.clone(), h.relation.clone())),
            case_name: f.case_name.clone(),
            court: f.court.clone(),
            year: f.year,
        });
        let name = match c.form {
            Form::ShortCase(_) | Form::Supra(_) => c.case_name().map(str::to_string),
            _ => None,
        };
        Some(Listing {
            heading,
            record: c.category() == Some(Category::Record),
            place: c.form.effective().map(placement),
            display: display(&c.form),
            full,
            name,
        })
    }
}

/// One citation as a table lists it.
#[derive(Clone, Debug)]
pub(crate) struct Listed {
    /// Its authority, with a blank page ("554 U.S. ___") given the first
    /// page another citation gives.
    pub(crate) authority: String,
    /// Its position among its file's citations.
    pub(crate) index: usize,
    pub(crate) span: Span,
    pub(crate) slip_page: Option<u32>,
    pub(crate) kind: CitationKind,
    pub(crate) section: Section,
    pub(crate) pins: Vec<Pin>,
    pub(crate) listing: Listing,
}

/// The citations of one file a table lists, blank pages given by
/// `paged`.
fn listed(cites: &[Citation], paged: &HashMap<String, String>) -> Vec<Listed> {
    cites
        .iter()
        .enumerate()
        .filter_map(|(index, c)| {
            let own = c.authority.as_deref()?;
            let listing = Listing::of(c)?;
            Some(Listed {
                authority: paged.get(own).map_or(own, String::as_str).to_string(),
                index,
                span: c.span,
                slip_page: c.slip_page,
                kind: c.kind(),
                section: c.section,
                pins: c.pins.clone(),
                listing,
            })
        })
        .collect()
}

/// A constitution's placement: its articles and amendments by number.
fn constitution_placement(c: &Constitution) -> Placement {
    let (part, number) = match &c.part {
        None => (0, 0),
        Some(ConstitutionPart::Preamble) => (1, 0),
        Some(ConstitutionPart::Article(n)) => (2, roman_value(n)),
        Some(ConstitutionPart::Amendment(n)) => (3, roman_value(n)),
    };
    let group = u8::from(c.jurisdiction != "U.S.");
    let key = format!(
        "{} {part} {number} {} {}",
        c.jurisdiction,
        c.section.as_deref().unwrap_or(""),
        c.clause.as_deref().unwrap_or("")
    );
    (group, key)
}

/// The value of a Roman numeral ("XIV" is 14); 0 for anything else.
fn roman_value(n: &str) -> u32 {
    let digit = |c: char| match c.to_ascii_uppercase() {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        'C' => 100,
        _ => 0,
    };
    let values: Vec<u32> = n.chars().map(digit).collect();
    if values.contains(&0) {
        return 0;
    }
    let mut total = 0;
    for (i, v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|next| next > v) {
            total -= *v as i64;
        } else {
            total += *v as i64;
        }
    }
    u32::try_from(total).unwrap_or(0)
}

/// Compares two entries with their placements.
fn compare_entries((pa, a): &(Placement, Entry), (pb, b): &(Placement, Entry)) -> Ordering {
    a.category
        .cmp(&b.category)
        .then_with(|| match a.category {
            Heading::Case => {
                // Named cases first, then those known only by their
                // reporter; by name ignoring case (compared without making
                // lower-case copies: the sort compares often).
                let ka = a
                    .name
                    .as_deref()
                    .unwrap_or(&a.authority)
                    .chars()
                    .flat_map(char::to_lowercase);
                let kb = b
                    .name
                    .as_deref()
                    .unwrap_or(&b.authority)
                    .chars()
                    .flat_map(char::to_lowercase);
                a.name
                    .is_none()
                    .cmp(&b.name.is_none())
                    .then_with(|| ka.cmp(kb))
                    .then_with(|| natural_cmp(&a.authority, &b.authority))
            }
            _ => pa.0.cmp(&pb.0).then_with(|| natural_cmp(&pa.1, &pb.1)),
        })
        // Entries the orders above call equal ("§ 2244(b)" and "§ 2244(B)")
        // keep one order from run to run.
        .then_with(|| a.authority.cmp(&b.authority))
        .then_with(|| a.name.cmp(&b.name))
        .then_with(|| a.citation.cmp(&b.citation))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(src: &str) -> TableOfAuthorities {
        let cites = crate::extract(src, &crate::normalize(src));
        TableOfAuthorities::new([("t.txt", cites.as_slice())])
    }

    #[test]
    fn natural_order_compares_numbers_as_numbers() {
        assert_eq!(
            natural_cmp("42 U.S.C. § 1983", "42 U.S.C. § 11601"),
            Ordering::Less
        );
        assert_eq!(
            natural_cmp("11 U.S.C. § 523", "42 U.S.C. § 1983"),
            Ordering::Less
        );
        assert_eq!(natural_cmp("a 07", "a 7"), Ordering::Equal);
    }

    #[test]
    fn entries_that_sort_alike_keep_one_order() {
        // Ten pairs that the case-blind order calls equal.
        let mut src = String::new();
        for n in 2240..2250 {
            src.push_str(&format!(
                "See 28 U. S. C. §{n}(b)(1). And 28 U. S. C. §{n}(B)(1).\n"
            ));
        }
        let want: Vec<String> = (2240..2250)
            .flat_map(|n| {
                [
                    format!("28 U.S.C. § {n}(B)(1)"),
                    format!("28 U.S.C. § {n}(b)(1)"),
                ]
            })
            .collect();
        let entries = table(&src).entries;
        let got: Vec<String> = entries.iter().map(|e| e.authority.clone()).collect();
        assert_eq!(got, want);
        // The order does not rest on the order the entries were gathered
        // in: no two of them compare equal.
        let grouped: Vec<(Placement, Entry)> = entries
            .into_iter()
            .map(|e| ((0, e.authority.clone()), e))
            .collect();
        for w in grouped.windows(2) {
            assert_eq!(compare_entries(&w[0], &w[1]), Ordering::Less);
        }
    }

    /// How a citation in `form` of `key` prints, if not as its key.
    fn shown(form: &Form, key: &str) -> Option<String> {
        display(form).map(|(before, after)| format!("{before}{key}{after}"))
    }

    #[test]
    fn articles_and_books_print_with_author_title_and_year() {
        let j = Form::Journal(crate::citation::Journal {
            author: Some("Kamisar".into()),
            title: Some("A Dissent from the Miranda Dissents".into()),
            volume: 65,
            journal: "Mich. L. Rev.".into(),
            page: Some(59),
            year: Some(1966),
        });
        assert_eq!(
            shown(&j, "65 Mich. L. Rev. 59").as_deref(),
            Some("Kamisar, A Dissent from the Miranda Dissents, 65 Mich. L. Rev. 59 (1966)")
        );
        let b = Form::Secondary(crate::citation::Secondary {
            kind: crate::citation::SecondaryKind::Book,
            author: Some("C. Wright & A. Miller".into()),
            title: "Federal Practice and Procedure".into(),
            volume: Some(5),
            edition: Some("3d".into()),
            year: Some(2004),
            section: Some("1216".into()),
            short: false,
        });
        let key = "C. Wright & A. Miller, Federal Practice and Procedure";
        assert_eq!(
            shown(&b, key).as_deref(),
            Some("5 C. Wright & A. Miller, Federal Practice and Procedure (3d ed. 2004)")
        );
        assert_eq!(
            shown(
                &Form::Record(crate::citation::Record {
                    volume: None,
                    document: "App.".into()
                }),
                "App."
            ),
            None
        );
    }

    #[test]
    fn roman_numerals_are_read() {
        assert_eq!(roman_value("XIV"), 14);
        assert_eq!(roman_value("IX"), 9);
        assert_eq!(roman_value("viii"), 8);
        assert_eq!(roman_value("2"), 0);
    }

    #[test]
    fn statutes_sort_by_title_then_section() {
        let t = table(
            "See 42 U. S. C. §11601 and 42 U. S. C. §1983; 28 U. S. C. §2255; \
             Rev. Stat. §1979; 14 Stat. 533.\n",
        );
        let keys: Vec<&str> = t.entries().iter().map(|e| e.authority.as_str()).collect();
        assert_eq!(
            keys,
            [
                "28 U.S.C. § 2255",
                "42 U.S.C. § 1983",
                "42 U.S.C. § 11601",
                "14 Stat. 533",
                "Rev. Stat. § 1979"
            ]
        );
        assert!(t.entries().iter().all(|e| e.category == Heading::Statute));
    }

    #[test]
    fn cases_sort_by_name_ignoring_case_and_count_every_form() {
        let t = table(
            "See Kalina v. Fletcher, 522 U. S. 118, 127 (1997); Brady v. Maryland, \
             373 U. S. 83 (1963). Id., at 87. Kalina, supra, at 130. \
             Kalina, 522 U. S., at 125.\n",
        );
        let names: Vec<&str> = t.entries().iter().map(|e| e.citation.as_str()).collect();
        assert_eq!(
            names,
            [
                "Brady v. Maryland, 373 U.S. 83 (1963)",
                "Kalina v. Fletcher, 522 U.S. 118 (1997)"
            ]
        );
        let k = t.get("522 U.S. 118").unwrap();
        assert_eq!(k.count, 3);
        assert_eq!(k.pins_text(), "125, 127, 130");
        assert_eq!(t.get("373 U.S. 83").unwrap().count, 2);
        // Unpaginated text: no pages, never passim.
        assert_eq!(k.slip_pages.as_deref(), Some(&[][..]));
        assert!(!k.passim);
    }

    #[test]
    fn parallel_citations_are_listed_with_their_case() {
        let t = table(
            "Tucker v. Cole, 54 Wis. 539, 540\u{2013}541, 11 N. W. 703, 703\u{2013}704 (1882).\n",
        );
        assert_eq!(t.entries().len(), 1, "{:?}", t.entries());
        let e = &t.entries()[0];
        assert_eq!(
            e.citation,
            "Tucker v. Cole, 54 Wis. 539, 11 N.W. 703 (1882)"
        );
        assert_eq!(e.count, 1);
        assert_eq!(e.pins_text(), "540\u{2013}541");
    }

    #[test]
    fn internal_references_are_not_authorities() {
        let t = table("As said supra, at 10, the record shows it. App. 45.\n");
        let keys: Vec<&str> = t.entries().iter().map(|e| e.authority.as_str()).collect();
        assert_eq!(keys, ["App."]);
        assert_eq!(t.entries()[0].category, Heading::Record);
        let mut t = t;
        t.omit(Heading::Record);
        assert!(t.entries().is_empty());
    }

    #[test]
    fn pins_print_ranges_and_footnotes() {
        let p = |page, end, footnote| Pin {
            page,
            end,
            footnote,
            unit: PinUnit::Page,
        };
        assert_eq!(print_pin(p(Some(425), Some(426), None)), "425\u{2013}426");
        assert_eq!(print_pin(Pin::paragraph(20)), "\u{b6} 20");
        assert_eq!(print_pin(p(Some(431), None, Some(33))), "431 n. 33");
        assert_eq!(print_pin(p(None, None, Some(5))), "n. 5");
        assert_eq!(
            pin_from_key(pin_key(p(Some(431), None, Some(33)))),
            p(Some(431), None, Some(33))
        );
    }

    #[test]
    fn csv_and_markdown_escape_their_cells() {
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(csv_cell("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(md_cell("a|b"), "a\\|b");
        assert_eq!(escape_html("<a & 'b'>"), "&lt;a &amp; &#39;b&#39;&gt;");
    }
}
