//! `pincite index`: a citation index over many opinions, saved to a file.

use crate::expand;
use clap::Args;
use pincite::{Document, Index};
use rayon::prelude::*;
use std::io::{self, Write};
use std::path::PathBuf;

/// The arguments of `pincite index`.
#[derive(Args)]
pub(crate) struct IndexArgs {
    /// The index file to write.
    #[arg(long, short)]
    output: PathBuf,
    /// Opinion texts; a directory stands for its `.txt` files.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

/// Reads the files, builds the index on all cores and saves it. Prints a
/// summary line. Returns whether some file could not be read or the index
/// could not be written.
pub(crate) fn run(out: &mut impl Write, args: &IndexArgs) -> io::Result<bool> {
    let (files, mut failed) = expand(&args.paths);
    // Read on all cores too, the order kept for the messages and the index.
    let read: Vec<_> = files
        .into_par_iter()
        .map(|(name, path)| {
            let doc = Document::read(&path);
            (name, doc)
        })
        .collect();
    let mut docs: Vec<(String, String)> = Vec::with_capacity(read.len());
    for (name, doc) in read {
        match doc {
            Ok(doc) => docs.push((name, doc.into_text())),
            Err(e) => {
                eprintln!("pincite: {name}: {e}");
                failed = true;
            }
        }
    }
    let refs: Vec<(&str, &str)> = docs.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    let index = Index::build(&refs);
    if let Err(e) = index.save(&args.output) {
        eprintln!("pincite: {}: {e}", args.output.display());
        return Ok(true);
    }
    writeln!(
        out,
        "{}: {} files, {} citations, {} authorities",
        args.output.display(),
        index.files().len(),
        index.hits().len(),
        index.authorities().len()
    )?;
    // The process ends after this command: the kernel takes back the
    // texts and the hits at once, faster than freeing them one by one.
    std::mem::forget(index);
    std::mem::forget(docs);
    Ok(failed)
}
