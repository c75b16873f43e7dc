//! `pincite index`: a citation index over many opinions, saved to a file.

use crate::input::{Inputs, expand, message};
use crate::{FAILED, Out, warn};
use clap::Args;
use pincite::Index;
use rayon::prelude::*;
use std::io::{self, Write};
use std::path::PathBuf;

/// The arguments of `pincite index`.
#[derive(Args)]
pub(crate) struct IndexArgs {
    /// The index file to write.
    #[arg(long, short)]
    output: PathBuf,
    #[command(flatten)]
    inputs: Inputs,
}

/// Reads the files, builds the index on all cores and saves it. Prints a
/// summary line. Returns the exit status: 1 when some file could not be
/// read or the index could not be written.
pub(crate) fn run(out: &mut Out, args: &IndexArgs) -> io::Result<u8> {
    let output = pincite::printable_path(&args.output);
    let (files, failed) = expand(&args.inputs.files);
    let mut failed = failed > 0;
    // Read on all cores too, the order kept for the messages and the index.
    let read: Vec<_> = files
        .into_par_iter()
        .map(|input| {
            let doc = input.read(args.inputs.max_size);
            (input.name, doc)
        })
        .collect();
    let mut docs: Vec<(String, String)> = Vec::with_capacity(read.len());
    for (name, doc) in read {
        match doc {
            Ok(doc) => docs.push((name, doc.into_text())),
            Err(e) => {
                warn(&name, &message(&e));
                failed = true;
            }
        }
    }
    let index = Index::build_from(docs);
    if let Err(e) = index.save(&args.output) {
        warn(&output, &pincite::Error::from(e).to_string());
        return Ok(FAILED);
    }
    writeln!(
        out,
        "{output}: {} files, {} citations, {} authorities",
        index.files().len(),
        index.hits().len(),
        index.authorities().len()
    )?;
    // The process ends after this command: the kernel takes back the
    // hits at once, faster than freeing them one by one.
    std::mem::forget(index);
    Ok(u8::from(failed))
}
