//! `pincite annotate`: an opinion as a page with its citations marked.

use crate::input::{Input, message, parse_size};
use crate::{FAILED, Out, warn};
use clap::{Args, ValueEnum};
use std::io::{self, Write};
use std::path::PathBuf;

/// The arguments of `pincite annotate`.
#[derive(Args)]
pub(crate) struct AnnotateArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = AnnotateFormat::Html)]
    format: AnnotateFormat,
    /// The largest document to read, in bytes, or with a suffix K, M or G.
    #[arg(long = "max-size", value_name = "BYTES", value_parser = parse_size, default_value = "256M")]
    max_size: u64,
    /// One opinion text; `-` for standard input.
    file: PathBuf,
}

#[derive(Clone, Copy, ValueEnum)]
enum AnnotateFormat {
    /// A standalone HTML page.
    Html,
}

/// Prints the annotated page. Returns the exit status: 1 when the file
/// could not be read.
pub(crate) fn run(out: &mut Out, args: &AnnotateArgs) -> io::Result<u8> {
    let input = Input::given(&args.file);
    let doc = match input.read(args.max_size) {
        Ok(doc) => doc,
        Err(e) => {
            warn(&input.name, &message(&e));
            return Ok(FAILED);
        }
    };
    let text = doc.text();
    let cited = pincite::cite(text);
    let page = pincite::annotate_html(&input.name, cited.normalized(), cited.citations());
    match args.format {
        AnnotateFormat::Html => out.write_all(page.as_bytes()),
    }?;
    Ok(0)
}
