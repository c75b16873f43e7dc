//! `pincite index`: a citation index over many opinions, saved to a file.

use crate::input::{Inputs, expand, message};
use crate::{FAILED, Out, WRITE_FAILED, warn};
use clap::Args;
use pincite::Index;
use rayon::prelude::*;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// The arguments of `pincite index`.
#[derive(Args)]
pub(crate) struct IndexArgs {
    /// The index file to write (a file already there is replaced only
    /// when the new index is whole, and only if it is an index).
    #[arg(long, short)]
    output: PathBuf,
    #[command(flatten)]
    inputs: Inputs,
}

/// Reads the files, builds the index on all cores and saves it, unless
/// some file could not be read. Prints a summary line. Returns the exit
/// status: 1 when nothing was written for want of good inputs, 3 when
/// the file could not be written.
pub(crate) fn run(out: &mut Out, args: &IndexArgs) -> io::Result<u8> {
    let output = pincite::printable_path(&args.output);
    if let Err(why) = check_output(&args.output) {
        warn(&output, &format!("{why}; not written"));
        return Ok(WRITE_FAILED);
    }
    let Some(docs) = read_all(&args.inputs, &output) else {
        return Ok(FAILED);
    };
    let index = Index::build_from(docs);
    if let Err(e) = index.save(&args.output) {
        warn(&output, &pincite::Error::from(e).to_string());
        return Ok(WRITE_FAILED);
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
    Ok(0)
}

/// Reads every input on all cores, in order. `None` (with the reasons
/// reported) when some input failed or there is none: an index without
/// them would silently lack their citations.
fn read_all(inputs: &Inputs, output: &str) -> Option<Vec<(String, String)>> {
    let (files, mut failed) = expand(&inputs.files);
    let total = files.len() + failed;
    let read: Vec<_> = files
        .into_par_iter()
        .map(|input| {
            let doc = input.read(inputs.max_size);
            (input.name, doc)
        })
        .collect();
    let mut docs = Vec::with_capacity(read.len());
    for (name, doc) in read {
        match doc {
            Ok(doc) => docs.push((name, doc.into_text())),
            Err(e) => {
                warn(&name, &message(&e));
                failed += 1;
            }
        }
    }
    if failed > 0 {
        let why = format!("not written: {failed} of {total} inputs could not be read");
        warn(output, &why);
        return None;
    }
    if docs.is_empty() {
        warn(output, "not written: no files to index");
        return None;
    }
    Some(docs)
}

/// Why the index cannot go to `path`, found before the work of building
/// it: a directory, a missing directory, or a file that is not an index
/// (an opinion text named by mistake, say), which is never replaced.
fn check_output(path: &Path) -> Result<(), &'static str> {
    if path.is_dir() {
        return Err("is a directory");
    }
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err("no such directory");
    }
    let mut head = Vec::new();
    if let Ok(file) = std::fs::File::open(path) {
        let _ = file.take(16).read_to_end(&mut head);
    }
    if head.is_empty() || head.starts_with(b"pincite-index ") {
        Ok(())
    } else {
        Err("exists and is not a pincite index")
    }
}
