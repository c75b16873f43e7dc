//! `pincite toa`: the table of authorities of one or more opinions.

use crate::input::{Inputs, for_each_file};
use crate::{FAILED, Out, warn};
use clap::{Args, ValueEnum};
use pincite::{Citation, Fingerprint, Heading, TableOfAuthorities};
use std::io::{self, Write};

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
    // Several files make one table, with the pages listed per file.
    #[command(flatten)]
    inputs: Inputs,
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
    let mut docs: Vec<(String, Vec<Citation>, Fingerprint)> = Vec::new();
    let failed = for_each_file(out, &args.inputs, |_, name, text| {
        let cited = pincite::cite(text);
        let print = Fingerprint::new(text, cited.normalized(), cited.citations());
        docs.push((name.to_string(), cited.into_citations(), print));
        Ok(())
    })?;
    if docs.is_empty() {
        return Ok(FAILED);
    }
    if !args.keep_copies {
        docs = once_each(docs);
    }
    let mut toa = TableOfAuthorities::new(docs.iter().map(|(n, c, _)| (n.as_str(), c.as_slice())));
    for o in &args.omit {
        toa.omit(o.heading());
    }
    let text = match args.format {
        ToaFormat::Md => toa.to_markdown(),
        ToaFormat::Csv => toa.to_csv(),
        ToaFormat::Json => toa.to_json() + "\n",
        ToaFormat::Html => toa.to_html(),
    };
    out.write_all(text.as_bytes())?;
    Ok(u8::from(failed))
}

/// The texts with each opinion once: a copy of another is left out and
/// named on standard error with the copy that is counted.
fn once_each(
    docs: Vec<(String, Vec<Citation>, Fingerprint)>,
) -> Vec<(String, Vec<Citation>, Fingerprint)> {
    let prints: Vec<Fingerprint> = docs.iter().map(|d| d.2.clone()).collect();
    let keep = pincite::copies(&prints);
    for (i, &k) in keep.iter().enumerate() {
        if k == i {
            continue;
        }
        let (copy, kept) = (&docs[i].0, &docs[k].0);
        let msg = match &prints[i].docket {
            _ if copy == kept => "given again; counted once".to_string(),
            Some(d) if prints[i].text_hash != prints[k].text_hash => {
                format!("a copy of the opinion in {kept} ({d}); counted once, from {kept}")
            }
            _ => format!("the same text as {kept}; counted once, from {kept}"),
        };
        warn(copy, &format!("{msg} (--keep-copies counts every file)"));
    }
    docs.into_iter()
        .enumerate()
        .filter(|(i, _)| keep[*i] == *i)
        .map(|(_, d)| d)
        .collect()
}
