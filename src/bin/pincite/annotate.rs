//! `pincite annotate`: an opinion as a page with its citations marked.

use clap::{Args, ValueEnum};
use pincite::Document;
use std::io::{self, Write};
use std::path::PathBuf;

/// The arguments of `pincite annotate`.
#[derive(Args)]
pub(crate) struct AnnotateArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = AnnotateFormat::Html)]
    format: AnnotateFormat,
    /// One opinion text.
    file: PathBuf,
}

#[derive(Clone, Copy, ValueEnum)]
enum AnnotateFormat {
    /// A standalone HTML page.
    Html,
}

/// Prints the annotated page. Returns whether the file could not be read.
pub(crate) fn run(out: &mut impl Write, args: &AnnotateArgs) -> io::Result<bool> {
    let name = args.file.to_string_lossy();
    let doc = match Document::read(&args.file) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("pincite: {name}: {e}");
            return Ok(true);
        }
    };
    let text = doc.text();
    let norm = pincite::normalize(text);
    let cites = pincite::extract(text, &norm);
    match args.format {
        AnnotateFormat::Html => {
            out.write_all(pincite::annotate_html(&name, &norm, &cites).as_bytes())
        }
    }?;
    Ok(false)
}
