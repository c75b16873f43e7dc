//! `pincite verify`: pin cites and short forms checked, findings printed.

use crate::input::{Inputs, for_each_file};
use crate::{FAILED, Out, USAGE};
use clap::{Args, ValueEnum};
use pincite::{Finding, Severity};
use serde::Serialize;
use std::io::{self, Write};

/// The arguments of `pincite verify`.
#[derive(Args)]
pub(crate) struct VerifyArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = VerifyFormat::Text)]
    format: VerifyFormat,
    #[command(flatten)]
    inputs: Inputs,
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

/// Prints the findings of each file. Every file is checked even when the
/// output is closed early, so that the status is that of the whole run.
/// Returns the exit status: 0 when no finding is an error, 1 when one is,
/// 2 when a file could not be read.
pub(crate) fn run(out: &mut Out, args: &VerifyArgs) -> io::Result<u8> {
    let mut errors = false;
    let failed = for_each_file(out, &args.inputs, |out, name, text| {
        // Lines and columns from one table of the file's lines.
        let mut lines: Option<pincite::LineIndex> = None;
        for f in pincite::cite(text).verify() {
            errors |= f.severity == Severity::Error;
            match args.format {
                VerifyFormat::Text => {
                    let lines = lines.get_or_insert_with(|| pincite::LineIndex::new(text));
                    writeln!(out, "{}", f.to_text_with(name, lines))?
                }
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
    Ok(match (failed, errors) {
        (true, _) => USAGE,
        (false, true) => FAILED,
        (false, false) => 0,
    })
}
