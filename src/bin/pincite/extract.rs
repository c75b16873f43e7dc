//! `pincite extract`: every citation of each file with its authority.

use crate::Out;
use crate::input::{FormChoice, Inputs, par_each_file};
use clap::{Args, ValueEnum};
use pincite::Citation;
use std::io::{self, Write};

/// The arguments of `pincite extract`.
#[derive(Args)]
pub(crate) struct ExtractArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Jsonl)]
    format: ExtractFormat,
    #[command(flatten)]
    form: FormChoice,
    #[command(flatten)]
    inputs: Inputs,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    /// One JSON object per citation.
    Jsonl,
    /// One JSON array of all citations, one element a line.
    Json,
    /// Tab-separated with a header line: file, then kind, authority,
    /// pins, slip_page, start, end, text (the columns of the
    /// `corpus/*.citations.tsv` annotations); a backslash, tab or newline
    /// in a field is written `\\`, `\t`, `\n`.
    Tsv,
}

/// The header line of `--format tsv`.
const TSV_HEADER: &str = "file\tkind\tauthority\tpins\tslip_page\tstart\tend\ttext";

/// The output of one file's citations in `format`, made by a worker so
/// that the writer only copies it: for JSON Lines one object a line; for
/// JSON the array's elements, `,\n` between them (the writer puts the
/// separator before the first); for TSV one row a line. Each JSON object
/// has the file's name first, escaped once for all of them.
fn file_output(format: ExtractFormat, name: &str, cites: &[Citation]) -> io::Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(cites.len() * 512);
    if let ExtractFormat::Tsv = format {
        for c in cites {
            writeln!(buf, "{}", tsv_row(name, c))?;
        }
        return Ok(buf);
    }
    let head = format!("{{\"file\":{},", serde_json::to_string(name)?);
    for (i, c) in cites.iter().enumerate() {
        if i > 0 {
            buf.extend_from_slice(match format {
                ExtractFormat::Json => b",\n",
                _ => b"",
            });
        }
        buf.extend_from_slice(head.as_bytes());
        c.write_json_fields(&mut buf)?;
        if let ExtractFormat::Jsonl = format {
            buf.push(b'\n');
        }
    }
    Ok(buf)
}

/// Prints the citations of each file. Returns the exit status: 1 when
/// some file could not be read.
pub(crate) fn run(out: &mut Out, args: &ExtractArgs) -> io::Result<u8> {
    let format = args.format;
    let mut first = true;
    match format {
        ExtractFormat::Tsv => writeln!(out, "{TSV_HEADER}")?,
        ExtractFormat::Json => out.write_all(b"[")?,
        ExtractFormat::Jsonl => {}
    }
    let extract =
        |name: &str, text: &str| file_output(format, name, &args.form.cite(text).into_citations());
    let prepare = pincite::prepare_extraction;
    let failed = par_each_file(out, &args.inputs, prepare, extract, |out, _, bytes| {
        let bytes = bytes?;
        if bytes.is_empty() {
            return Ok(());
        }
        if let ExtractFormat::Json = format {
            out.write_all(if first { b"\n" } else { b",\n" })?;
        }
        first = false;
        out.write_all(&bytes)
    })?;
    if let ExtractFormat::Json = format {
        out.write_all(b"\n]\n")?;
    }
    Ok(u8::from(failed))
}

/// A TSV field: backslash, tab and newline escaped.
fn tsv_field(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('\t', "\\t")
}

/// One citation as a row: the file, then the columns of an annotation
/// file.
fn tsv_row(file: &str, c: &Citation) -> String {
    let page = c.slip_page.map(|p| p.to_string()).unwrap_or_default();
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
        tsv_field(file),
        c.kind(),
        c.authority.as_deref().unwrap_or(""),
        c.pins_string(),
        page,
        c.span.start,
        c.span.end,
        tsv_field(&c.text),
    )
}
