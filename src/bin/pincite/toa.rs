//! `pincite toa`: the table of authorities of one or more opinions.

use crate::input::{FormChoice, Inputs, for_each_file, parse_size};
use crate::{FAILED, Out, warn};
use clap::{Args, ValueEnum};
use pincite::{Citation, Fingerprint, Heading, Index, TableOfAuthorities};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The arguments of `pincite toa`.
#[derive(Args)]
pub(crate) struct ToaArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ToaFormat::Md)]
    format: ToaFormat,
    /// Leave out the authorities of a heading (repeatable): `--omit
    /// record` prints a brief's table, without the record.
    #[arg(long, value_enum)]
    omit: Vec<OmitHeading>,
    /// Count every file, even one that is a copy of an opinion given in
    /// another (by default a copy is counted once: the same docket number,
    /// case name and citations, or the same text).
    #[arg(long)]
    keep_copies: bool,
    #[command(flatten)]
    form: FormChoice,
    /// Make the table from an index database (`pincite index`) instead
    /// of reading opinions: over all its files.
    #[arg(long, value_name = "DB", conflicts_with = "files")]
    index: Option<PathBuf>,
    /// The largest document to read, in bytes, or with a suffix K, M or G
    /// (KiB, MiB, GiB); a longer one is reported and skipped.
    #[arg(long = "max-size", value_name = "BYTES", value_parser = parse_size, default_value = "256M")]
    max_size: u64,
    /// Opinion texts; a directory stands for its `.txt` and `.html` files,
    /// `-` for standard input. Several files make one table, with the
    /// pages listed per file.
    #[arg(required_unless_present = "index", value_name = "FILE")]
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

/// A heading of the table that may be left out.
#[derive(Clone, Copy, ValueEnum)]
enum OmitHeading {
    /// Cases.
    Case,
    /// Constitutional provisions.
    Constitution,
    /// Statutes.
    Statute,
    /// Court rules.
    Rule,
    /// Regulations.
    Regulation,
    /// Other authorities: periodicals, books, legislative materials.
    Other,
    /// The record: the joint appendix, briefs, transcripts.
    Record,
}

impl OmitHeading {
    /// The heading of the table it names.
    fn heading(self) -> Heading {
        match self {
            OmitHeading::Case => Heading::Case,
            OmitHeading::Constitution => Heading::Constitution,
            OmitHeading::Statute => Heading::Statute,
            OmitHeading::Rule => Heading::Rule,
            OmitHeading::Regulation => Heading::Regulation,
            OmitHeading::Other => Heading::Other,
            OmitHeading::Record => Heading::Record,
        }
    }
}

/// Prints the table over all the files that could be read, each opinion
/// once (unless `--keep-copies`); with none, no table. Returns the exit
/// status: 1 when some file could not be read or none was.
pub(crate) fn run(out: &mut Out, args: &ToaArgs) -> io::Result<u8> {
    if let Some(db) = &args.index {
        return from_index(out, args, db);
    }
    let inputs = Inputs {
        max_size: args.max_size,
        files: args.files.clone(),
    };
    let mut docs: Vec<(String, Vec<Citation>, Fingerprint)> = Vec::new();
    let failed = for_each_file(out, &inputs, |_, name, text| {
        let cited = args.form.cite(text);
        let print = Fingerprint::new(text, cited.normalized(), cited.citations());
        docs.push((name.to_string(), cited.into_citations(), print));
        Ok(())
    })?;
    if docs.is_empty() {
        return Ok(FAILED);
    }
    if !args.keep_copies {
        let names: Vec<&str> = docs.iter().map(|d| d.0.as_str()).collect();
        let prints: Vec<Fingerprint> = docs.iter().map(|d| d.2.clone()).collect();
        let keep = once_each(&names, &prints);
        docs = docs
            .into_iter()
            .enumerate()
            .filter(|(i, _)| keep.contains(i))
            .map(|(_, d)| d)
            .collect();
    }
    let toa = TableOfAuthorities::new(docs.iter().map(|(n, c, _)| (n.as_str(), c.as_slice())));
    print_table(out, args, toa)?;
    Ok(u8::from(failed))
}

/// The table over the files of an index database, each opinion once
/// (unless `--keep-copies`). Returns the exit status: 1 when the
/// database could not be read.
fn from_index(out: &mut Out, args: &ToaArgs, db: &Path) -> io::Result<u8> {
    let shown = pincite::printable_path(db);
    let table = (|| -> pincite::Result<TableOfAuthorities> {
        let index = Index::open_read_only(db)?;
        let names = index.files()?;
        let keep: Vec<usize> = match args.keep_copies {
            true => (0..names.len()).collect(),
            false => {
                let names: Vec<&str> = names.iter().map(String::as_str).collect();
                once_each(&names, &index.fingerprints()?)
            }
        };
        index.table_of_authorities(&keep)
    })();
    match table {
        Ok(toa) => {
            print_table(out, args, toa)?;
            Ok(0)
        }
        Err(e) => {
            warn(&shown, &e.to_string());
            Ok(FAILED)
        }
    }
}

/// Prints the table in the format asked, without the headings left out.
fn print_table(out: &mut Out, args: &ToaArgs, mut toa: TableOfAuthorities) -> io::Result<()> {
    for o in &args.omit {
        toa.omit(o.heading());
    }
    let text = match args.format {
        ToaFormat::Md => toa.to_markdown(),
        ToaFormat::Csv => toa.to_csv(),
        ToaFormat::Json => toa.to_json() + "\n",
        ToaFormat::Html => toa.to_html(),
    };
    out.write_all(text.as_bytes())
}

/// The positions of the texts to count, each opinion once: a copy of
/// another is left out and named on standard error with the copy that is
/// counted.
fn once_each(names: &[&str], prints: &[Fingerprint]) -> Vec<usize> {
    let keep = pincite::copies(prints);
    for (i, &k) in keep.iter().enumerate() {
        if k == i {
            continue;
        }
        let msg = pincite::copy_note(names[i], &prints[i], names[k], &prints[k]);
        warn(
            names[i],
            &format!("{msg} (--keep-copies counts every file)"),
        );
    }
    (0..keep.len()).filter(|&i| keep[i] == i).collect()
}
