//! `pincite normalize`: the reading text of each file, or its blocks.

use crate::input::{FormChoice, Inputs, for_each_file};
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
    #[command(flatten)]
    form: FormChoice,
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
    let normalizer = args.form.normalizer();
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
