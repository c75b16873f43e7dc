//! `pincite toa`: the table of authorities of one or more opinions.

use crate::for_each_file;
use clap::{Args, ValueEnum};
use pincite::{Citation, TableOfAuthorities};
use std::io::{self, Write};
use std::path::PathBuf;

/// The arguments of `pincite toa`.
#[derive(Args)]
pub(crate) struct ToaArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ToaFormat::Md)]
    format: ToaFormat,
    /// Opinion texts; a directory stands for its `.txt` files. Several
    /// files make one table, with the pages listed per file.
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum ToaFormat {
    /// Markdown: a table per category.
    Md,
    /// CSV with a header line.
    Csv,
    /// `{"authorities": [...]}`.
    Json,
    /// A standalone HTML page.
    Html,
}

/// Prints the table over all the files that could be read. Returns
/// whether some file could not be read.
pub(crate) fn run(out: &mut impl Write, args: &ToaArgs) -> io::Result<bool> {
    let mut docs: Vec<(String, Vec<Citation>)> = Vec::new();
    let failed = for_each_file(&args.files, |name, text| {
        docs.push((
            name.to_string(),
            pincite::extract(text, &pincite::normalize(text)),
        ));
        Ok(())
    })?;
    let toa = TableOfAuthorities::new(docs.iter().map(|(n, c)| (n.as_str(), c.as_slice())));
    let text = match args.format {
        ToaFormat::Md => toa.to_markdown(),
        ToaFormat::Csv => toa.to_csv(),
        ToaFormat::Json => toa.to_json() + "\n",
        ToaFormat::Html => toa.to_html(),
    };
    out.write_all(text.as_bytes())?;
    Ok(failed)
}
