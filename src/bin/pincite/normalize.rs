//! `pincite normalize`: the reading text of each file, or its blocks.

use crate::input::{Inputs, for_each_file};
use crate::{Out, closed};
use clap::{Args, ValueEnum};
use pincite::Normalized;
use serde::Serialize;
use std::io::{self, Write};

/// The arguments of `pincite normalize`.
#[derive(Args)]
pub(crate) struct NormalizeArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = NormalizeFormat::Text)]
    format: NormalizeFormat,
    /// The input form, when detection guesses wrong (detected by default).
    #[arg(long = "input-form", value_enum)]
    input_form: Option<FormArg>,
    #[command(flatten)]
    inputs: Inputs,
}

#[derive(Clone, Copy, ValueEnum)]
enum NormalizeFormat {
    /// The reading text, one block per line.
    Text,
    /// One JSON object per block.
    Jsonl,
}

/// The input forms, as named on the command line.
#[derive(Clone, Copy, ValueEnum)]
enum FormArg {
    /// One paragraph per line (web text, the syllabus form).
    ParagraphPerLine,
    /// Hard-wrapped slip text with leading-space paragraph and page marks.
    HardWrapped,
    /// `pdftotext -raw` or default-mode output.
    PdfRaw,
    /// `pdftotext -layout` output.
    PdfLayout,
    /// HTML (a web page, `pdftohtml` output); detected when it opens with a tag.
    Html,
}

#[derive(Serialize)]
struct BlockRecord<'a> {
    file: &'a str,
    kind: &'static str,
    section: &'static str,
    slip_page: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    footnote: Option<&'a str>,
    span: [usize; 2],
    text: &'a str,
}

/// Prints each file's reading text or blocks. Returns the exit status: 1
/// when some file could not be read.
pub(crate) fn run(out: &mut Out, args: &NormalizeArgs) -> io::Result<u8> {
    let mut normalizer = pincite::Normalizer::new();
    if let Some(f) = args.input_form {
        normalizer.form(match f {
            FormArg::ParagraphPerLine => pincite::InputForm::ParagraphPerLine,
            FormArg::HardWrapped => pincite::InputForm::HardWrapped,
            FormArg::PdfRaw => pincite::InputForm::PdfRaw,
            FormArg::PdfLayout => pincite::InputForm::PdfLayout,
            FormArg::Html => pincite::InputForm::Html,
        });
    }
    let failed = for_each_file(out, &args.inputs, |out, name, text| {
        if closed(out) {
            return Ok(());
        }
        let norm = normalizer.normalize(text);
        match args.format {
            NormalizeFormat::Text => out.write_all(norm.reading().as_bytes()),
            NormalizeFormat::Jsonl => write_blocks(out, name, &norm),
        }
    })?;
    Ok(u8::from(failed))
}

fn write_blocks(out: &mut impl Write, name: &str, norm: &Normalized) -> io::Result<()> {
    for b in norm.blocks() {
        let rec = BlockRecord {
            file: name,
            kind: b.kind.as_str(),
            section: b.section.as_str(),
            slip_page: b.slip_page,
            footnote: b.footnote.as_deref(),
            span: [b.span.start, b.span.end],
            text: &norm.reading()[b.reading.clone()],
        };
        serde_json::to_writer(&mut *out, &rec)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
