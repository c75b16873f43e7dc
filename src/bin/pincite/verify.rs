//! `pincite verify`: pin cites and short forms checked, findings printed.

use crate::for_each_file;
use clap::{Args, ValueEnum};
use pincite::{Finding, Severity};
use serde::Serialize;
use std::io::{self, Write};
use std::path::PathBuf;

/// The arguments of `pincite verify`.
#[derive(Args)]
pub(crate) struct VerifyArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = VerifyFormat::Text)]
    format: VerifyFormat,
    /// Opinion texts; a directory stands for its `.txt` files.
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum VerifyFormat {
    /// `file:line:col: error: message`, one finding a line.
    Text,
    /// One JSON object per finding.
    Jsonl,
}

#[derive(Serialize)]
struct FindingRecord<'a> {
    file: &'a str,
    #[serde(flatten)]
    finding: &'a Finding,
}

/// Prints the findings of each file. Returns the exit status: 0 when no
/// finding is an error, 1 when one is, 2 when a file could not be read.
pub(crate) fn run(out: &mut impl Write, args: &VerifyArgs) -> io::Result<u8> {
    let mut errors = false;
    let failed = for_each_file(&args.files, |name, text| {
        let norm = pincite::normalize(text);
        let cites = pincite::extract(text, &norm);
        for f in pincite::verify(&norm, &cites) {
            errors |= f.severity == Severity::Error;
            match args.format {
                VerifyFormat::Text => writeln!(out, "{}", f.to_text(name, text))?,
                VerifyFormat::Jsonl => {
                    let rec = FindingRecord {
                        file: name,
                        finding: &f,
                    };
                    serde_json::to_writer(&mut *out, &rec)?;
                    out.write_all(b"\n")?;
                }
            }
        }
        Ok(())
    })?;
    Ok(if failed { 2 } else { u8::from(errors) })
}
