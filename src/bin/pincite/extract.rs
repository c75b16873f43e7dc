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

/// Writes one citation as a JSON object whose first field is its file:
/// `head` is `{"file":<name>,` and the citation's own object follows
/// without its opening brace. `buf` is reused from one citation to the
/// next.
fn write_record(out: &mut Out, buf: &mut Vec<u8>, head: &str, c: &Citation) -> io::Result<()> {
    buf.clear();
    serde_json::to_writer(&mut *buf, c)?;
    // A citation is an object with its kind always first: never "{}".
    let fields = buf.strip_prefix(b"{").unwrap_or(buf);
    out.write_all(head.as_bytes())?;
    out.write_all(fields)
}

/// The header line of `--format tsv`.
const TSV_HEADER: &str = "file\tkind\tauthority\tpins\tslip_page\tstart\tend\ttext";

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
    let extract = |text: &str| args.form.cite(text).into_citations();
    let mut record = Vec::new();
    let failed = par_each_file(out, &args.inputs, extract, |out, name, cites| {
        // The file's name is the same for each of its citations: escaped
        // once.
        let head = format!("{{\"file\":{},", serde_json::to_string(name)?);
        for c in &cites {
            match format {
                ExtractFormat::Jsonl => {
                    write_record(out, &mut record, &head, c)?;
                    out.write_all(b"\n")?;
                }
                ExtractFormat::Json => {
                    out.write_all(if first { b"\n" } else { b",\n" })?;
                    write_record(out, &mut record, &head, c)?;
                }
                ExtractFormat::Tsv => writeln!(out, "{}", tsv_row(name, c))?,
            }
            first = false;
        }
        Ok(())
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
