//! `pincite query`: citations of an authority in an index, or the rows
//! of SQL that reads it.

use crate::{FAILED, Out, warn};
use clap::{ArgGroup, Args, ValueEnum};
use pincite::{FileCount, Hit, Index, Pin, Query};
use serde::Serialize;
use std::io::{self, Write};
use std::path::PathBuf;

/// The arguments of `pincite query`.
#[derive(Args)]
#[command(group(ArgGroup::new("what").required(true).args(["authority", "name", "sql"])))]
pub(crate) struct QueryArgs {
    /// The index database (`pincite index --output FILE`).
    #[arg(long)]
    index: PathBuf,
    /// SQL that reads the index (see `pincite index --schema`): each row
    /// is printed as a JSON object, one a line. SQL that would change the
    /// index is refused.
    #[arg(long, value_parser = not_empty, conflicts_with_all = ["authority", "name", "pin", "slip_page", "counts", "format"])]
    sql: Option<String>,
    /// The authority as a user types or pastes it: "424 U.S. 409", "424
    /// US 409", "42 USC 1983", "§1983", a table of authorities entry
    /// ("Imbler v. Pachtman, 424 U.S. 409 (1976)"), or a case name.
    #[arg(long, value_parser = not_empty)]
    authority: Option<String>,
    /// A case name or party: "Imbler v. Pachtman", "Imbler" (any case).
    #[arg(long, value_parser = not_empty)]
    name: Option<String>,
    /// Only citations with a pin on this page (ranges and footnotes count).
    #[arg(long)]
    pin: Option<u32>,
    /// Only citations on this slip page.
    #[arg(long = "slip-page")]
    slip_page: Option<u32>,
    /// Print how many matching citations each file has instead of the
    /// citations.
    #[arg(long)]
    counts: bool,
    /// Print at most N citations, file by file in document order, and say
    /// on standard error which they are of how many ("citations 1 to 100
    /// of 19264").
    #[arg(long, value_name = "N", value_parser = at_least_one, conflicts_with_all = ["counts", "sql"])]
    limit: Option<usize>,
    /// Skip the first N citations: with --limit, the next page.
    #[arg(long, value_name = "N", default_value_t = 0, conflicts_with_all = ["counts", "sql"])]
    offset: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = QueryFormat::Jsonl)]
    format: QueryFormat,
}

#[derive(Clone, Copy, ValueEnum)]
enum QueryFormat {
    /// One JSON object per hit.
    Jsonl,
    /// `file:line:col: kind authority pins (page): context`, one hit a line.
    Text,
}

#[derive(Serialize)]
struct HitRecord<'a> {
    file: &'a str,
    span: pincite::Span,
    slip_page: Option<u32>,
    section: &'static str,
    kind: &'static str,
    authority: Option<&'a str>,
    pins: &'a [Pin],
    context: &'a str,
    quotation: Option<&'a str>,
}

fn text_line(file: &str, h: &Hit) -> String {
    let pins = if h.pins.is_empty() {
        String::new()
    } else {
        let p: Vec<String> = h.pins.iter().map(Pin::to_string).collect();
        format!(" at {}", p.join(","))
    };
    let page = h
        .slip_page
        .map(|p| format!(" (p. {p})"))
        .unwrap_or_default();
    format!(
        "{file}:{}:{}: {} {}{pins}{page}: {}",
        h.line,
        h.col,
        h.kind,
        h.authority.as_deref().unwrap_or("unresolved"),
        h.context
    )
}

/// A query string with something in it.
fn not_empty(s: &str) -> Result<String, String> {
    if s.trim().is_empty() {
        Err("an empty query matches nothing".to_string())
    } else {
        Ok(s.to_string())
    }
}

/// A number of hits to print: one or more.
fn at_least_one(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(0) => Err("a limit of 0 prints nothing; give 1 or more".to_string()),
        Ok(n) => Ok(n),
        Err(e) => Err(e.to_string()),
    }
}

/// The query of the arguments.
fn query_of(args: &QueryArgs) -> Query {
    let mut q = Query::new();
    if let Some(a) = &args.authority {
        q.authority(a);
    }
    if let Some(n) = &args.name {
        q.name(n);
    }
    if let Some(p) = args.pin {
        q.pin(p);
    }
    if let Some(p) = args.slip_page {
        q.slip_page(p);
    }
    if let Some(n) = args.limit {
        q.limit(n);
    }
    q.offset(args.offset);
    q
}

/// What was asked, for the message when nothing matches: "424 U.S. 409
/// at 430 on slip page 5".
fn asked(args: &QueryArgs) -> String {
    let mut what: Vec<String> = [&args.authority, &args.name]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    if let Some(p) = args.pin {
        what.push(format!("at {p}"));
    }
    if let Some(p) = args.slip_page {
        what.push(format!("on slip page {p}"));
    }
    what.join(" ")
}

/// Loads the index and prints the hits, or their counts per file. Returns
/// the exit status: 1 when the index could not be loaded or nothing
/// matched (said on standard error, as `pincite: no citation of X in N
/// files`).
pub(crate) fn run(out: &mut Out, args: &QueryArgs) -> io::Result<u8> {
    let shown = pincite::printable_path(&args.index);
    let index = match Index::open_read_only(&args.index) {
        Ok(index) => index,
        Err(e) => {
            warn(&shown, &e.to_string());
            return Ok(FAILED);
        }
    };
    match answer(out, args, &index) {
        Ok(status) => Ok(status),
        Err(Failure::Write(e)) => Err(e),
        Err(Failure::Index(e)) => {
            warn(&shown, &e.to_string());
            Ok(FAILED)
        }
    }
}

/// Why a query stopped: the output, or the index.
enum Failure {
    Write(io::Error),
    Index(pincite::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Failure {
        Failure::Write(e)
    }
}

impl From<pincite::Error> for Failure {
    fn from(e: pincite::Error) -> Failure {
        Failure::Index(e)
    }
}

/// Prints the rows of the SQL, or the hits of the query or their counts.
fn answer(out: &mut Out, args: &QueryArgs, index: &Index) -> Result<u8, Failure> {
    if let Some(sql) = &args.sql {
        let mut write_error = None;
        let rows = index.sql(sql, |row| {
            let done = serde_json::to_writer(&mut *out, row)
                .map_err(io::Error::from)
                .and_then(|()| out.write_all(b"\n"));
            done.map_err(|e| {
                write_error = Some(e);
                pincite::Error::from(io::Error::other("output failed"))
            })
        });
        if let Some(e) = write_error {
            return Err(Failure::Write(e));
        }
        rows?;
        return Ok(0);
    }
    let q = query_of(args);
    if args.counts {
        let counts = index.counts(&q)?;
        if counts.is_empty() {
            return nothing_found(index, args);
        }
        write_counts(out, args.format, &counts)?;
        return Ok(0);
    }
    let hits = index.query(&q)?;
    if hits.is_empty() && args.offset > 0 {
        let total = index.count(&q)?;
        if total > 0 {
            let _ = writeln!(
                io::stderr(),
                "pincite: {total} citations of {}, none after the first {}",
                asked(args),
                args.offset
            );
            return Ok(FAILED);
        }
    }
    if hits.is_empty() {
        return nothing_found(index, args);
    }
    write_hits(out, args.format, &index.files()?, &hits)?;
    if args.limit.is_some() || args.offset > 0 {
        let total = index.count(&q)?;
        let (first, last) = (args.offset + 1, args.offset + hits.len());
        out.flush()?;
        let _ = writeln!(
            io::stderr(),
            "pincite: citations {first} to {last} of {total}"
        );
    }
    Ok(0)
}

/// Says that nothing matched (`pincite: no citation of X in N files`).
/// Returns the exit status, 1.
fn nothing_found(index: &Index, args: &QueryArgs) -> Result<u8, Failure> {
    let n = index.files()?.len();
    let files = if n == 1 { "file" } else { "files" };
    let _ = writeln!(
        io::stderr(),
        "pincite: no citation of {} in {n} {files}",
        asked(args)
    );
    Ok(FAILED)
}

/// Prints how many hits each file has, most first.
fn write_counts(out: &mut Out, format: QueryFormat, counts: &[FileCount]) -> io::Result<()> {
    for c in counts {
        match format {
            QueryFormat::Jsonl => {
                serde_json::to_writer(&mut *out, c)?;
                out.write_all(b"\n")?;
            }
            QueryFormat::Text => writeln!(out, "{}\t{}", c.count, c.file)?,
        }
    }
    Ok(())
}

/// Prints the hits, one a line.
fn write_hits(
    out: &mut Out,
    format: QueryFormat,
    files: &[String],
    hits: &[Hit],
) -> io::Result<()> {
    for h in hits {
        let file = &files[h.file];
        match format {
            QueryFormat::Jsonl => {
                let rec = HitRecord {
                    file,
                    span: h.span,
                    slip_page: h.slip_page,
                    section: h.section.as_str(),
                    kind: h.kind.as_str(),
                    authority: h.authority.as_deref(),
                    pins: &h.pins,
                    context: &h.context,
                    quotation: h.quotation.as_deref(),
                };
                serde_json::to_writer(&mut *out, &rec)?;
                out.write_all(b"\n")?;
            }
            QueryFormat::Text => writeln!(out, "{}", text_line(file, h))?,
        }
    }
    Ok(())
}
