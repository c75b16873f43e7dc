//! Normalization: from an opinion as users have it to a reading text with
//! an exact map back to the original bytes.
//!
//! The reading text has one block (paragraph, heading, caption line or
//! footnote) per line, with running heads, page numbers and line-end
//! hyphens resolved. The matching text is the reading text with quotes,
//! dashes, ellipses and runs of spaces folded, for pattern matching. Both
//! come with an [`OffsetMap`] into the original input.

mod caption;
mod html;
mod hyphen;
mod lines;
mod offset_map;
mod patterns;
mod pdf;
mod prose;
mod units;
mod web;
mod words;
mod wrapped;

pub use offset_map::OffsetMap;

use crate::span::Span;
use hyphen::{Counts, Lexicon};
use serde::{Deserialize, Serialize};
use std::ops::Range;
use units::{Role, Unit, Units};

/// The shape of an input text. Detected by [`normalize`]; set it with
/// [`Normalizer::form`] when detection guesses wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum InputForm {
    /// One paragraph per line: web text with tags stripped, the syllabus form.
    ParagraphPerLine,
    /// Hard-wrapped slip text, a paragraph starting with a leading space and
    /// each slip page's first line starting with a space too.
    HardWrapped,
    /// `pdftotext -raw` (or default mode) output: form feeds, running heads,
    /// no indentation; also the text of pdfminer.six, pypdf (no form
    /// feeds: pages are found from their printed numbers) and PyMuPDF.
    PdfRaw,
    /// `pdftotext -layout` output: form feeds, running heads, indentation.
    PdfLayout,
    /// HTML: a web page, CourtListener's `html_with_citations`, poppler's
    /// `pdftohtml` output; detected by a known first tag or by closing
    /// tags. Its text (tags and entities read away, block elements ending
    /// paragraphs) is read one paragraph a line, or where `<br>`, `<pre>`
    /// or `pdftohtml`'s pages made the lines, in the form detected for it;
    /// spans point into the HTML.
    Html,
}

/// What a block of the reading text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// Caption material: court, parties, docket number, date.
    Caption,
    /// A heading ("I", "A", "* * *") or an author line ("JUSTICE X, dissenting.").
    Heading,
    /// A paragraph of text.
    Paragraph,
    /// A footnote, with its label.
    Footnote,
}

/// The part of the document a block belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Section {
    /// Cover material before any part (a preliminary print's cover).
    Front,
    /// The syllabus, prepared by the Reporter of Decisions.
    Syllabus,
    /// The opinion of the Court.
    Opinion,
    /// A per curiam opinion.
    PerCuriam,
    /// A concurring opinion.
    Concurrence,
    /// A dissenting opinion.
    Dissent,
    /// A separate opinion that neither heads as concurring nor dissenting
    /// ("Opinion of GORSUCH, J.").
    Separate,
    /// A statement respecting an order.
    Statement,
    /// An appendix.
    Appendix,
}

impl Section {
    /// The name used in JSON output ("opinion", "dissent", ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Front => "front",
            Section::Syllabus => "syllabus",
            Section::Opinion => "opinion",
            Section::PerCuriam => "per_curiam",
            Section::Concurrence => "concurrence",
            Section::Dissent => "dissent",
            Section::Separate => "separate",
            Section::Statement => "statement",
            Section::Appendix => "appendix",
        }
    }
}

impl BlockKind {
    /// The name used in JSON output ("paragraph", "footnote", ...).
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Caption => "caption",
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Footnote => "footnote",
        }
    }
}

/// One block of the reading text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// The part of the document it belongs to.
    pub section: Section,
    /// The slip (or reporter) page its first character is on, when the
    /// text carries pagination.
    pub slip_page: Option<u32>,
    /// A footnote's label ("1", "*"); `None` for other blocks.
    pub footnote: Option<String>,
    /// The block's range in the reading text (its closing newline excluded).
    pub reading: Range<usize>,
    /// The block's stretch of the original input: from the first byte of
    /// its first line to the last byte of its last line. A paragraph that
    /// runs over a page break also covers the running head and footnotes
    /// between; [`OffsetMap::span_to_source`] on parts of
    /// [`Block::reading`] gives exact pieces.
    pub span: Span,
    /// Where inside the block the slip page changes: reading offset and
    /// the page from there on.
    page_breaks: Vec<(usize, Option<u32>)>,
}

impl Block {
    /// The page from the last break of the block for which `before` holds
    /// (breaks are in text order, and `before` holds for a first run of
    /// them), or the block's first page: found by halving, so a long
    /// block over many pages costs little per question.
    fn page_after(&self, before: impl Fn(usize) -> bool) -> Option<u32> {
        let i = self.page_breaks.partition_point(|&(at, _)| before(at));
        match i.checked_sub(1) {
            Some(i) => self.page_breaks[i].1,
            None => self.slip_page,
        }
    }
}

/// Facts about the case found in its caption, as spans of the original.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// The case name as the caption gives it ("BARTENWERFER v. BUCKLEY").
    pub case_name: Option<Span>,
    /// The docket number ("No. 21–908").
    pub docket: Option<Span>,
    /// The decision date ("February 22, 2023").
    pub date: Option<Span>,
}

/// An opinion text normalized: the reading text, the matching text, the
/// blocks and the maps back to the original bytes.
///
/// ```
/// let src = " The Court held that the mate-\nrial was sup-\npressed.\n";
/// let norm = pincite::normalize(src);
/// assert_eq!(norm.reading(), "The Court held that the material was suppressed.\n");
/// ```
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Normalized {
    form: InputForm,
    reading: String,
    reading_map: OffsetMap,
    matching: String,
    matching_map: OffsetMap,
    blocks: Vec<Block>,
    metadata: Metadata,
    emphasis: Vec<Range<usize>>,
    /// The same italics in matching-text positions, by their ends.
    matching_emphasis: Vec<Range<usize>>,
}

impl Normalized {
    /// The input form that was detected or set.
    pub fn form(&self) -> InputForm {
        self.form
    }

    /// The reading text: one block per line, quotes and dashes as in the
    /// source.
    pub fn reading(&self) -> &str {
        &self.reading
    }

    /// The map from reading-text offsets to the original bytes.
    pub fn reading_map(&self) -> &OffsetMap {
        &self.reading_map
    }

    /// The matching text: the reading text with curly quotes made straight,
    /// en and em dashes made hyphens ("-" and "--"), ". . ." made "...",
    /// and runs of spaces folded to one. Extraction runs on it.
    pub fn matching(&self) -> &str {
        &self.matching
    }

    /// The map from matching-text offsets to the original bytes.
    pub fn matching_map(&self) -> &OffsetMap {
        &self.matching_map
    }

    /// The blocks, in reading order.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// Caption facts.
    pub fn metadata(&self) -> &Metadata {
        &self.metadata
    }

    /// The ranges of the reading text that HTML input sets in italics
    /// (`<i>`, `<em>`): case names, signals, "Id.". Empty for other input.
    ///
    /// ```
    /// let html = "<p>See <i>Giglio v. United States</i>, 405 U.S. 150.</p>";
    /// let norm = pincite::normalize(html);
    /// let r = norm.emphasis()[0].clone();
    /// assert_eq!(&norm.reading()[r], "Giglio v. United States");
    /// ```
    pub fn emphasis(&self) -> &[Range<usize>] {
        &self.emphasis
    }

    /// The start of the italic run of the matching text that ends at
    /// `end` (HTML input only). Runs one space apart are one: a line or
    /// page end closes and opens the italics again ("<i>Am. Nat'l</i><br>
    /// ... <i>Bank of Jacksonville v. FDIC</i>").
    /// Runs are joined back at most [`ITALIC_REACH`] bytes from `end`.
    pub(crate) fn italic_ending_at(&self, end: usize) -> Option<usize> {
        let mut start = self.italic_run_ending_at(end)?;
        while end - start <= ITALIC_REACH
            && let Some(s) = self.matching[..start]
                .strip_suffix(' ')
                .and_then(|b| self.italic_run_ending_at(b.len()))
                .or_else(|| self.italic_run_ending_at(start))
                .filter(|&s| s < start)
        {
            start = s;
        }
        Some(start)
    }

    /// The start of the longest italic run that ends at `end`.
    fn italic_run_ending_at(&self, end: usize) -> Option<usize> {
        let e = &self.matching_emphasis;
        let i = e.partition_point(|r| r.end < end);
        e[i..]
            .iter()
            .take_while(|r| r.end == end)
            .map(|r| r.start)
            .min()
    }

    /// The block holding a reading-text offset.
    pub fn block_at(&self, reading_offset: usize) -> Option<&Block> {
        let i = self
            .blocks
            .partition_point(|b| b.reading.end < reading_offset);
        self.blocks
            .get(i)
            .filter(|b| b.reading.start <= reading_offset)
    }

    /// The slip page of a reading-text offset, when the text is paginated.
    pub fn slip_page_at(&self, reading_offset: usize) -> Option<u32> {
        let b = self.block_at(reading_offset)?;
        b.page_after(|at| at <= reading_offset)
    }

    /// The slip page of a position in the original input (for removed
    /// text, the page of the text that follows it).
    pub fn slip_page_at_source(&self, source_offset: usize) -> Option<u32> {
        self.slip_page_at(self.reading_map.from_source(source_offset)?)
    }

    /// The slip page of a position in the original input known to lie in
    /// block `block`: the block's page, or the page of its last break at or
    /// before the position, compared in the source (a break's reading
    /// offset maps to the source of the text after it). The same page as
    /// [`Normalized::slip_page_at_source`] without the source-ordered
    /// lookup table, which a document then need not build.
    pub(crate) fn slip_page_in_block(&self, block: usize, source_offset: usize) -> Option<u32> {
        let b = self.blocks.get(block)?;
        b.page_after(|at| self.reading_map.to_source(at) <= source_offset)
    }
}

/// Normalizes `text` with the input form detected.
///
/// ```
/// let norm = pincite::normalize("I\n In 1998, Goldstein filed.\n");
/// assert_eq!(norm.blocks().len(), 2);
/// assert_eq!(norm.blocks()[0].kind, pincite::BlockKind::Heading);
/// ```
pub fn normalize(text: &str) -> Normalized {
    Normalizer::new().normalize(text)
}

/// Normalization with settings.
///
/// ```
/// use pincite::{InputForm, Normalizer};
/// let norm = Normalizer::new()
///     .form(InputForm::ParagraphPerLine)
///     .normalize("One paragraph.\nAnother.\n");
/// assert_eq!(norm.blocks().len(), 2);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Normalizer {
    form: Option<InputForm>,
}

impl Normalizer {
    /// A normalizer that detects the input form.
    pub fn new() -> Normalizer {
        Normalizer::default()
    }

    /// Sets the input form instead of detecting it. By default, the form is
    /// detected from the text.
    pub fn form(&mut self, form: InputForm) -> &mut Normalizer {
        self.form = Some(form);
        self
    }

    /// Normalizes `text`.
    pub fn normalize(&self, text: &str) -> Normalized {
        let html = match self.form {
            Some(form) => form == InputForm::Html,
            None => html::looks_like_html(text),
        };
        if html {
            return normalize_html(text);
        }
        let lines = lines::split_lines(text);
        let form = self
            .form
            .unwrap_or_else(|| lines::detect_form(text, &lines));
        normalize_text(text, &lines, form)
    }
}

/// Normalizes HTML: its plain text one paragraph a line where block
/// elements made the lines, else (`<br>` lines, `<pre>`, `pdftohtml`'s
/// pages) in the form detected for it; the maps composed with the plain
/// text's map into the HTML.
fn normalize_html(html: &str) -> Normalized {
    let plain = html::to_plain(html);
    let lines = lines::split_lines(&plain.text);
    let form = if plain.lines_are_paragraphs {
        InputForm::ParagraphPerLine
    } else {
        lines::detect_form(&plain.text, &lines)
    };
    let inner = normalize_text(&plain.text, &lines, form);
    let to_html = |s: Span| plain.map.span_to_source(s.start..s.end);
    let mut reading_map = inner.reading_map.then(&plain.map);
    reading_map.shrink();
    let mut matching_map = inner.matching_map.then(&plain.map);
    matching_map.shrink();
    let blocks = inner
        .blocks
        .into_iter()
        .map(|b| Block {
            span: to_html(b.span),
            ..b
        })
        .collect();
    let m = inner.metadata;
    Normalized {
        emphasis: mapped_ranges(&plain.emphasis, &inner.reading_map),
        matching_emphasis: mapped_ranges(&plain.emphasis, &inner.matching_map),
        form: InputForm::Html,
        reading: inner.reading,
        reading_map,
        matching: inner.matching,
        matching_map,
        blocks,
        metadata: Metadata {
            case_name: m.case_name.map(to_html),
            docket: m.docket.map(to_html),
            date: m.date.map(to_html),
        },
    }
}

/// How far back from a name's end italic runs are joined: longer than any
/// case name, so that a run of italics costs a bounded look-back.
const ITALIC_REACH: usize = 256;

/// Source ranges (italics of the plain text) in the positions of a text
/// normalized from it: where their first character and the character
/// after their last went. Ranges left empty are dropped.
fn mapped_ranges(ranges: &[Range<usize>], map: &OffsetMap) -> Vec<Range<usize>> {
    let mut out = ranges
        .iter()
        .filter_map(|r| {
            let start = map.from_source(r.start)?;
            let end = map.from_source(r.end).unwrap_or(map.len());
            (start < end).then_some(start..end)
        })
        .collect::<Vec<_>>();
    out.sort_by_key(|r| (r.end, r.start));
    out
}

/// Normalizes text (not HTML) of a known form.
fn normalize_text(text: &str, lines: &[lines::Line], form: InputForm) -> Normalized {
    let units = analyze(text, lines, form);
    // The lexicon counts the word forms that line breaks ask about.
    // Web text's inline splits are decided while text is copied, and
    // may ask about any word.
    // The breaks decided without asking are kept, by where their line
    // ends, and not decided again.
    let asked: Vec<String>;
    let mut decided = Decided::default();
    let lexicon = if form == InputForm::ParagraphPerLine {
        Lexicon::from_text(text)
    } else {
        let ask = hyphen::Asked::default();
        for_each_break(&units, |(s, e), (next_s, next_e)| {
            let before = ask.len();
            let j = join(
                &ask,
                units.unmarked_breaks,
                &text[s..e],
                &text[next_s..next_e],
            );
            decided.breaks.push((e, (ask.len() == before).then_some(j)));
        });
        asked = ask.into_words();
        Lexicon::counting(text, &asked)
    };
    let mut b = Builder::new(text, &lexicon, units.unmarked_breaks, form);
    // A line is copied and its break replaced: about two pieces a line.
    b.map.reserve(2 * lines.len());
    b.decided = decided;
    b.build(&units);
    let (reading, mut reading_map, blocks) = (b.out, b.map, b.blocks);
    reading_map.shrink();
    let (matching, mut matching_map) = fold_for_matching(text, &reading, &reading_map);
    matching_map.shrink();
    let m = units.meta;
    let span = |r: Option<(usize, usize)>| r.map(|(s, e)| Span::new(s, e));

    Normalized {
        emphasis: Vec::new(),
        matching_emphasis: Vec::new(),
        form,
        reading,
        reading_map,
        matching,
        matching_map,
        blocks,
        metadata: Metadata {
            case_name: span(m.case_name),
            docket: span(m.docket),
            date: span(m.date),
        },
    }
}

/// Runs the analyzer of `form`: each input form has its own, and all of
/// them make the same [`Units`].
fn analyze(text: &str, lines: &[lines::Line], form: InputForm) -> Units {
    let mut units = match form {
        InputForm::ParagraphPerLine => web::analyze(text, lines),
        InputForm::HardWrapped => wrapped::analyze(text, lines),
        InputForm::PdfRaw | InputForm::PdfLayout => pdf::analyze(text, lines, form),
        // HTML is read into plain text first (`normalize_html`); text given
        // as HTML that is none is read for its lines.
        InputForm::Html => web::analyze(text, lines),
    };
    units.unmarked_breaks = text.contains('\u{ad}');
    units
}

/// Builds the reading text from units.
struct Builder<'a> {
    src: &'a str,
    lex: &'a Lexicon<'a>,
    unmarked: bool,
    /// Line breaks already decided, by where their line ends.
    decided: Decided,
    fix_inline_splits: bool,
    /// `(from, at)`: no soft hyphen starts in `from..at` and one starts
    /// at `at` (or `at` is the end of the text): found once, not searched
    /// for again on every line.
    soft_hyphen: Option<(usize, usize)>,
    out: String,
    map: OffsetMap,
    blocks: Vec<Block>,
}

impl<'a> Builder<'a> {
    fn new(src: &'a str, lex: &'a Lexicon<'a>, unmarked: bool, form: InputForm) -> Builder<'a> {
        Builder {
            src,
            lex,
            unmarked,
            decided: Decided::default(),
            fix_inline_splits: form == InputForm::ParagraphPerLine,
            soft_hyphen: None,
            out: String::with_capacity(src.len()),
            map: OffsetMap::new(src.len()),
            blocks: Vec::new(),
        }
    }

    fn build(&mut self, units: &Units) {
        for_each_block(units, |b| match b {
            Part::Body(group) => {
                let kind = match group[0].role {
                    Role::Heading => BlockKind::Heading,
                    Role::Caption | Role::CaptionCont => BlockKind::Caption,
                    _ => BlockKind::Paragraph,
                };
                let lines: Vec<(usize, usize, Option<u32>)> = group
                    .iter()
                    .map(|u| (u.start, u.end, u.slip_page))
                    .collect();
                self.block(kind, group[0].section, None, &lines);
            }
            Part::Note(n) => self.note(n),
        });
    }

    fn note(&mut self, n: &units::Note) {
        let lines = n.lines.clone();
        self.block(
            BlockKind::Footnote,
            n.section,
            Some(n.label.clone()),
            &lines,
        );
    }

    /// Appends one block made of source lines, joining them.
    fn block(
        &mut self,
        kind: BlockKind,
        section: Section,
        footnote: Option<String>,
        lines: &[(usize, usize, Option<u32>)],
    ) {
        let Some(&(first_start, _, first_page)) = lines.first() else {
            return;
        };
        let start = self.out.len();
        let mut page_breaks = Vec::new();
        let mut page = first_page;
        let mut from = first_start;
        for (k, &(_, e, p)) in lines.iter().enumerate() {
            if k > 0 && p != page {
                page_breaks.push((self.out.len(), p));
                page = p;
            }
            let mut end = e;
            if let Some(&(next_s, next_e, _)) = lines.get(k + 1) {
                // Decide the line break.
                let line = &self.src[from..e];
                let next = &self.src[next_s..next_e];
                let j = match self.decided.next(e) {
                    Some(j) => j,
                    None => join(self.lex, self.unmarked, line, next),
                };
                match j {
                    Join::Space => {
                        self.copy(from..e);
                        self.out.push(' ');
                        self.map.push_replace(e..next_s, 1);
                    }
                    Join::Drop(n) => {
                        end = e - n;
                        self.copy(from..end);
                    }
                }
                from = next_s;
            } else {
                self.copy(from..end);
            }
        }
        let reading = start..self.out.len();
        let last_end = lines.last().map_or(first_start, |l| l.1);
        self.out.push('\n');
        self.map.push_replace(last_end..last_end, 1);
        // Footnote marks such as "*" that became labels stay in the text.
        self.blocks.push(Block {
            kind,
            section,
            slip_page: first_page,
            footnote,
            span: Span::new(first_start, last_end),
            reading,
            page_breaks,
        });
    }

    /// Copies source text, dropping soft hyphens and, in web text, mending
    /// "hus- band" splits left from an earlier line wrap.
    fn copy(&mut self, r: Range<usize>) {
        if !self.fix_inline_splits && !self.has_soft_hyphen(r.clone()) {
            self.raw_copy(r);
            return;
        }
        let s = &self.src[r.clone()];
        let mut from = r.start;
        let mut i = 0;
        let bytes = s.as_bytes();
        while i < bytes.len() {
            // Only a soft hyphen (0xC2 0xAD) or, in web text, a hyphen is
            // looked at.
            let next = if self.fix_inline_splits {
                memchr::memchr2(0xC2, b'-', &bytes[i..])
            } else {
                memchr::memchr(0xC2, &bytes[i..])
            };
            let Some(k) = next else {
                break;
            };
            i += k;
            let at = r.start + i;
            if bytes[i] == 0xC2 && bytes.get(i + 1) == Some(&0xAD) {
                self.raw_copy(from..at);
                from = at + 2;
                i += 2;
                continue;
            }
            if self.fix_inline_splits
                && bytes[i] == b'-'
                && bytes.get(i + 1) == Some(&b' ')
                && i > 0
                && bytes[i - 1].is_ascii_lowercase()
                && bytes.get(i + 2).is_some_and(|b| b.is_ascii_lowercase())
            {
                let left = word_before(s, i);
                let right = word_after(s, i + 2);
                if let Some(keep) = self.inline_split(left, right) {
                    if keep {
                        self.raw_copy(from..at + 1);
                    } else {
                        self.raw_copy(from..at);
                    }
                    from = at + 2;
                    i += 2;
                    continue;
                }
            }
            i += 1;
        }
        self.raw_copy(from..r.end);
    }

    /// Whether a soft hyphen lies whole inside `r`.
    fn has_soft_hyphen(&mut self, r: Range<usize>) -> bool {
        let at = match self.soft_hyphen {
            Some((from, at)) if from <= r.start && r.start <= at => at,
            _ => {
                let rest = &self.src.as_bytes()[r.start..];
                let at = memchr::memmem::find(rest, "\u{ad}".as_bytes())
                    .map_or(self.src.len(), |i| r.start + i);
                self.soft_hyphen = Some((r.start, at));
                at
            }
        };
        at + "\u{ad}".len() <= r.end
    }

    fn raw_copy(&mut self, r: Range<usize>) {
        if r.start < r.end {
            self.out.push_str(&self.src[r.clone()]);
            self.map.push_copy(r);
        }
    }

    /// A "hus- band" split inside a web-text line: `Some(false)` to join,
    /// `Some(true)` to keep the hyphen, `None` to leave it as it is.
    fn inline_split(&self, left: &str, right: &str) -> Option<bool> {
        let (l, r) = (left.to_lowercase(), hyphen::stem(right).to_lowercase());
        let joined = format!("{l}{r}");
        let compound = format!("{l}-{r}");
        let (sj, sc) = (self.lex.count(&joined), self.lex.count(&compound));
        if sj > sc || (sc == 0 && words::is_word(&joined)) {
            Some(false)
        } else if sc > sj {
            Some(true)
        } else {
            None
        }
    }
}

/// How to join `line` with the `next` line of the same block.
fn join(lex: &impl Counts, unmarked: bool, line: &str, next: &str) -> Join {
    if line.ends_with('\u{ad}') {
        return Join::Drop(2);
    }
    if line.ends_with(['–', '—']) {
        return Join::Drop(0);
    }
    if let Some(l) = line.strip_suffix(" -") {
        // pypdf sets a space before a line-end hyphen ("Restate -|ment"):
        // a broken word when the halves joined are one the document or the
        // word list knows and are not both words.
        let left = word_before(l, l.len());
        if !left.is_empty() && hyphen::join_unmarked(left, word_after(next, 0), lex) {
            return Join::Drop(2);
        }
    }
    if line.ends_with('-') && !line.ends_with("--") {
        let left = word_before(line, line.len() - 1);
        let right = word_after(next, 0);
        if left.is_empty() || right.is_empty() {
            // "pre- and post-trial", "§§1983-": keep as written.
            return if right.is_empty() {
                Join::Space
            } else {
                Join::Drop(0)
            };
        }
        let before = line[..line.len() - 1].strip_suffix(left).unwrap_or("");
        let after = next.trim_start().strip_prefix(right).unwrap_or("");
        let party = hyphen::splits_a_party(before, left, right, after, lex);
        return if !party && hyphen::keep_hyphen(left, right, lex) {
            Join::Drop(0)
        } else {
            Join::Drop(1)
        };
    }
    if unmarked {
        let left = word_before(line, line.len());
        let right = word_after(next, 0);
        if left.len() == line.len() - line.trim_end_matches(char::is_alphabetic).len()
            && hyphen::join_unmarked(left, right, lex)
        {
            return Join::Drop(0);
        }
    }
    Join::Space
}

/// The end of the block that begins with unit `i`.
fn block_end(body: &[Unit], i: usize) -> usize {
    let mut j = i + 1;
    while j < body.len() && continues(body[j].role, body[i].role) {
        j += 1;
    }
    j
}

/// A block's source: a run of body units or a footnote.
enum Part<'u> {
    Body(&'u [Unit]),
    Note(&'u units::Note),
}

/// Calls `f` with each block's source in reading order. A page's footnotes
/// come after the block that is open at the page's end: the last block
/// before one that starts later.
fn for_each_block<'u>(units: &'u Units, mut f: impl FnMut(Part<'u>)) {
    let body = &units.body;
    let notes = &units.notes;
    let mut next_note = 0;
    let mut i = 0;
    while i < body.len() {
        let j = block_end(body, i);
        f(Part::Body(&body[i..j]));
        let next_page = body.get(j).map_or(usize::MAX, |u: &Unit| u.page);
        while next_note < notes.len() && notes[next_note].page < next_page {
            f(Part::Note(&notes[next_note]));
            next_note += 1;
        }
        i = j;
    }
    for n in &notes[next_note..] {
        f(Part::Note(n));
    }
}

/// Calls `f` with each pair of source lines (start, end) that a line break
/// of a block joins, in reading order.
fn for_each_break(units: &Units, mut f: impl FnMut((usize, usize), (usize, usize))) {
    for_each_block(units, |b| match b {
        Part::Body(group) => {
            for w in group.windows(2) {
                f((w[0].start, w[0].end), (w[1].start, w[1].end));
            }
        }
        Part::Note(n) => {
            for w in n.lines.windows(2) {
                f((w[0].0, w[0].1), (w[1].0, w[1].1));
            }
        }
    });
}

/// Line-break decisions made before the lexicon was built, in reading
/// order: where the line ends, and the decision if it did not need the
/// lexicon.
#[derive(Default)]
struct Decided {
    breaks: Vec<(usize, Option<Join>)>,
    next: usize,
}

impl Decided {
    /// The decision of the next break, which ends a line at `e`, if it was
    /// made.
    fn next(&mut self, e: usize) -> Option<Join> {
        debug_assert!(
            self.breaks.is_empty() || self.breaks.get(self.next).is_some_and(|b| b.0 == e),
            "line breaks met in another order than they were decided"
        );
        let d = self.breaks.get(self.next).filter(|(at, _)| *at == e);
        self.next += 1;
        d.and_then(|&(_, j)| j)
    }
}

/// How two lines of a block meet.
#[derive(Clone, Copy)]
enum Join {
    /// A space replaces the break.
    Space,
    /// The break and the last `n` bytes of the line go.
    Drop(usize),
}

/// Whether a unit with role `r` continues a block begun by role `first`.
fn continues(r: Role, first: Role) -> bool {
    match r {
        Role::Cont => matches!(first, Role::Start | Role::Cont | Role::Heading),
        Role::CaptionCont => matches!(first, Role::Caption | Role::CaptionCont),
        _ => false,
    }
}

/// The letters just before byte `i` of `s`.
fn word_before(s: &str, i: usize) -> &str {
    let head = &s[..i];
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic())
        .last()
        .map_or(i, |(k, _)| k);
    &s[start..i]
}

/// The letters (with a possessive ending) from byte `i` of `s`.
fn word_after(s: &str, i: usize) -> &str {
    let tail = &s[i..];
    let mut end = 0;
    let mut chars = tail.char_indices().peekable();
    while let Some((k, c)) = chars.next() {
        if c.is_alphabetic() {
            end = k + c.len_utf8();
        } else if (c == '’' || c == '\'') && end > 0 && chars.peek().is_some_and(|&(_, n)| n == 's')
        {
            end = k + c.len_utf8() + 1;
            break;
        } else {
            break;
        }
    }
    &tail[..end]
}

/// The bytes the matching text keeps wherever they stand: printable ASCII
/// but the space and the opening parenthesis (pypdf's "3582( c)(2)"), and
/// the line end.
const KEPT_FOR_MATCHING: [bool; 256] = {
    let mut kept = [false; 256];
    let mut b = b'!';
    while b < 0x80 {
        kept[b as usize] = true;
        b += 1;
    }
    kept[b'(' as usize] = false;
    kept[b'\n' as usize] = true;
    kept
};

/// Builds the matching text from the reading text: straight quotes, hyphen
/// dashes, "..." ellipses, single spaces. Its map points into the source.
fn fold_for_matching(src: &str, reading: &str, rmap: &OffsetMap) -> (String, OffsetMap) {
    let mut out = String::with_capacity(reading.len());
    let mut map = OffsetMap::new(src.len());
    // The reading map's pieces, split where quotes and dashes are replaced.
    map.reserve(2 * rmap.piece_count());
    let bytes = reading.as_bytes();
    // Copy runs of unchanged reading text through the reading map.
    let mut run_start = 0;
    let flush = |out: &mut String, map: &mut OffsetMap, from: usize, to: usize| {
        if from < to {
            out.push_str(&reading[from..to]);
            push_mapped(map, rmap, from..to);
        }
    };
    let mut i = 0;
    while i < reading.len() {
        // Most bytes stay as they are: printable ASCII, line ends, and a
        // single space that is not inside ". . .".
        i += bytes[i..]
            .iter()
            .position(|&b| !KEPT_FOR_MATCHING[usize::from(b)])
            .unwrap_or(bytes.len() - i);
        let Some(&b) = bytes.get(i) else {
            break;
        };
        if b == b'(' {
            // Spaces that open a subsection ("3582( c)(2)") go.
            let j = i + 1 + bytes[i + 1..].iter().take_while(|&&c| c == b' ').count();
            if j > i + 1 && is_split_subsection(bytes, i + 1, j) {
                flush(&mut out, &mut map, run_start, i + 1);
                run_start = j;
                i = j;
            } else {
                i += 1;
            }
            continue;
        }
        if b == b' ' {
            // A single space stays unless it sits in ". . ." or is stray.
            let stays = match bytes.get(i + 1) {
                Some(b' ') => false,
                Some(b'.') => {
                    !(i > 0 && bytes[i - 1] == b'.')
                        && bytes.get(i + 2) != Some(&b',')
                        && !is_split_initials(bytes, i, i + 1)
                }
                Some(b',' | b'(' | 0xE2) => !is_stray_space(bytes, i, i + 1),
                Some(b'a'..=b'z') if i > 0 && bytes[i - 1].is_ascii_uppercase() => {
                    !is_split_capital(bytes, i, i + 1)
                }
                _ => true,
            };
            if stays {
                i += 1;
                continue;
            }
        }
        let c = reading[i..].chars().next().unwrap_or(' ');
        let clen = c.len_utf8();
        let repl: Option<&str> = match c {
            '‘' | '’' | 'ʼ' | '′' => Some("'"),
            '“' | '”' | '″' => Some("\""),
            '–' | '‒' | '−' | '‑' => Some("-"),
            '—' | '―' => Some("--"),
            // Every other space (tab, no-break, thin, em, ideographic, a
            // stray form feed or carriage return) is a space: the
            // extraction patterns match plain spaces.
            c if c.is_whitespace() && c != ' ' && c != '\n' => Some(" "),
            ' ' => {
                // Runs of spaces fold to one; the space inside ". . ." goes.
                let prev_dot = i > 0 && bytes[i - 1] == b'.';
                let mut j = i;
                while j < bytes.len() && bytes[j] == b' ' {
                    j += 1;
                }
                let next_dot = bytes.get(j) == Some(&b'.');
                let dotted = prev_dot
                    && next_dot
                    && (i >= 2 && bytes[i - 2] == b' '
                        || bytes.get(j + 1) == Some(&b' ')
                        || bytes.get(j + 1) == Some(&b'.'))
                    && is_ellipsis_space(bytes, i, j);
                let stray = !dotted && is_stray_space(bytes, i, j);
                if dotted || stray || j > i + 1 {
                    flush(&mut out, &mut map, run_start, i);
                    if !dotted && !stray {
                        out.push(' ');
                        push_replaced(&mut map, rmap, i..j, 1);
                    } else {
                        // Dropped: nothing in the matching text.
                    }
                    run_start = j;
                    i = j;
                    continue;
                }
                None
            }
            _ => None,
        };
        if let Some(r) = repl {
            flush(&mut out, &mut map, run_start, i);
            out.push_str(r);
            push_replaced(&mut map, rmap, i..i + clen, r.len());
            run_start = i + clen;
        }
        i += clen;
    }
    flush(&mut out, &mut map, run_start, reading.len());
    (out, map)
}

/// Whether the spaces `i..j` are a PDF tool's, set where the face changes
/// and the page has none (pypdf's "Id. , at", "id ., at", ".” ’”"):
/// before a comma (not after an ellipsis: the Court's "___ , ___" reads
/// as "___, ___"), before a period and comma, or in ".” ’”" (the Court
/// sets "” ’ ”" and "’ ”" apart, never "” ’”").
/// Inside a statute's or an abbreviation's own marks pypdf sets spaces
/// too ("18 U .S.C.", "§ 3553 (a)(4)", "§ 3582( c)(2)"): see
/// [`is_split_initials`] and [`is_split_subsection`].
#[inline]
fn is_stray_space(bytes: &[u8], i: usize, j: usize) -> bool {
    match bytes.get(j) {
        Some(b',') => match i.checked_sub(1).map(|k| bytes[k]) {
            None | Some(b'\n') => false,
            Some(b'.') => i >= 2 && bytes[i - 2] != b' ',
            Some(_) => true,
        },
        Some(b'.') => bytes.get(j + 1) == Some(&b',') || is_split_initials(bytes, i, j),
        Some(0xE2) => {
            bytes[..i].ends_with("”".as_bytes()) && bytes[j..].starts_with("’”".as_bytes())
        }
        Some(b'(') => is_split_subsection(bytes, i, j),
        Some(b'a'..=b'z') => is_split_capital(bytes, i, j),
        _ => false,
    }
}

/// Whether the single space `i..j` splits a word's capital from its
/// other letters (pypdf's "F aught v. Stevens", "J une", "U nited"): a
/// lone capital before it (not "A" or "I", which are words), and after
/// it small letters that are no word of the word list ("aught" is one,
/// and stays apart). Clean text rarely has such a pair: in the bulk
/// slips' three terms, two ("S logogram"), neither in a citation (their
/// citations are the same with the rule and without it).
fn is_split_capital(bytes: &[u8], i: usize, j: usize) -> bool {
    let lone = j == i + 1
        && i >= 1
        && matches!(bytes[i - 1], b'B'..=b'H' | b'J'..=b'Z')
        && (i == 1 || matches!(bytes[i - 2], b' ' | b'\n' | b'(' | b'"'));
    if !lone {
        return false;
    }
    let n = bytes[j..]
        .iter()
        .take_while(|b| b.is_ascii_lowercase())
        .count();
    let ends = bytes
        .get(j + n)
        .is_none_or(|b| !b.is_ascii_alphanumeric() && b.is_ascii());
    n >= 2 && ends && std::str::from_utf8(&bytes[j..j + n]).is_ok_and(|rest| !words::is_word(rest))
}

/// Whether the spaces `i..j` split a run of initials after its first
/// letter ("U .S.C."): a lone capital before them, a capital and a period
/// after. Written so, the initials are no sentence's end and start.
fn is_split_initials(bytes: &[u8], i: usize, j: usize) -> bool {
    let lone = i >= 1
        && bytes[i - 1].is_ascii_uppercase()
        && (i == 1 || !bytes[i - 2].is_ascii_alphanumeric());
    lone && bytes.get(j + 1).is_some_and(u8::is_ascii_uppercase) && bytes.get(j + 2) == Some(&b'.')
}

/// The most characters of a subsection's mark between its parentheses
/// ("(a)", "(iii)", "(12)").
const SUBSECTION_LEN_MAX: usize = 4;

/// Whether the spaces `i..j` split a section number from its subsections
/// ("3553 (a)(4)", another subsection after the first) or open a
/// subsection ("3582( c)(2)"). A court writes neither: a section's
/// subsections are set close.
fn is_split_subsection(bytes: &[u8], i: usize, j: usize) -> bool {
    let Some(&before) = i.checked_sub(1).map(|k| &bytes[k]) else {
        return false;
    };
    let mark_len = |from: usize| {
        let n = bytes[from.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        (1..=SUBSECTION_LEN_MAX).contains(&n).then_some(n)
    };
    if before.is_ascii_digit() && bytes.get(j) == Some(&b'(') {
        // "3553 (a)(": the first subsection and the open of the next.
        mark_len(j + 1).is_some_and(|n| bytes[j + 1 + n..].starts_with(b")("))
    } else if before == b'(' && i >= 2 && matches!(bytes[i - 2], b'0'..=b'9' | b')') {
        // "3582( c)": a subsection's mark and its close.
        mark_len(j).is_some_and(|n| bytes.get(j + n) == Some(&b')'))
    } else {
        false
    }
}

/// Whether the spaces `i..j` sit inside an ellipsis ". . .".
fn is_ellipsis_space(bytes: &[u8], i: usize, j: usize) -> bool {
    // ". ." with at least three dots in the chain around it.
    let mut dots = 2;
    let mut k = i.saturating_sub(1);
    while k >= 2 && bytes[k - 1] == b' ' && bytes[k - 2] == b'.' {
        dots += 1;
        k -= 2;
    }
    let mut k = j;
    while k + 2 < bytes.len() && bytes[k + 1] == b' ' && bytes[k + 2] == b'.' {
        dots += 1;
        k += 2;
    }
    dots >= 3
}

/// Maps a range of the reading text (copied unchanged into the matching
/// text) through the reading map, piece by piece.
fn push_mapped(map: &mut OffsetMap, rmap: &OffsetMap, r: Range<usize>) {
    rmap.for_each_piece(r, |dst_len, src, copied| {
        if copied {
            map.push_copy(src);
        } else {
            map.push_replace(src, dst_len);
        }
    });
}

fn push_replaced(map: &mut OffsetMap, rmap: &OffsetMap, r: Range<usize>, dst_len: usize) {
    let s = rmap.covering(r);
    map.push_replace(s, dst_len);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pdf_tools_stray_spaces_are_not_matched() {
        let text = "Id. , at 279; id ., at 120; 18 U .S.C.; nature.” ’” 1 Records";
        let n = normalize(text);
        assert_eq!(
            n.matching(),
            "Id., at 279; id., at 120; 18 U.S.C.; nature.\"'\" 1 Records\n"
        );
    }

    #[test]
    fn pypdfs_spaces_inside_a_statutes_marks_are_not_matched() {
        // The Fifth Circuit's United States v. Martin as pypdf reads it.
        let text = "time of sentencing, 18 U .S.C. § 3553 (a)(4)(A)(ii), we find \
                    be cause a §  3582( c)(2) motion";
        let n = normalize(text);
        assert_eq!(
            n.matching(),
            "time of sentencing, 18 U.S.C. § 3553(a)(4)(A)(ii), we find \
             be cause a § 3582(c)(2) motion\n"
        );
        // Spaces a court sets stay: a year or a single letter after a
        // section, a parenthesis opened in prose, a sentence's end.
        let text = "§ 1983 (1994 ed.); § 2 (a) and ( a word) in 1994 (a). U. S. v. A .";
        let n = normalize(text);
        assert_eq!(n.matching(), format!("{text}\n"));
        let n = normalize("(  a word)");
        assert_eq!(n.matching(), "( a word)\n");
    }

    #[test]
    fn pypdfs_space_after_a_words_capital_is_not_matched() {
        // The 557 U.S. orders and United States v. Martin as pypdf reads them.
        let text = "C astro v. Texas, 556 U. S. 1187. P ost, at 955. States v. M iller";
        let n = normalize(text);
        assert_eq!(
            n.matching(),
            "Castro v. Texas, 556 U. S. 1187. Post, at 955. States v. Miller\n"
        );
        // A lone capital before a word stays apart ("aught" is one), as do
        // "A" and "I", and a letter in a word or after a period.
        let text = "F aught v. Stevens; a Class C felony; Plan B was; A ppeal; I bid; \
                    OK ay; U.S. v. Z eta; S.W ord";
        let n = normalize(text);
        assert_eq!(n.matching(), format!("{text}\n"));
    }

    #[test]
    fn the_courts_own_spaces_are_matched() {
        // An ellipsis before a comma and nested quotation marks set apart.
        let text = "the law . . . , and “a ‘b’ ” or “a ” ’ c";
        let n = normalize(text);
        assert_eq!(n.matching(), "the law ... , and \"a 'b' \" or \"a \" ' c\n");
    }
}
