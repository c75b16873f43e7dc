//! The `pincite` command line: argument parsing and output formats only.

mod annotate;
mod index;
mod query;
mod toa;
mod verify;

use clap::{Parser, Subcommand, ValueEnum};
use pincite::{Citation, Document, Normalized};
use serde::Serialize;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Reads U.S. court opinions and finds what they cite.
#[derive(Parser)]
#[command(name = "pincite", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the reading text of each file (or its blocks as JSON Lines).
    Normalize {
        /// Output format.
        #[arg(long, value_enum, default_value_t = NormalizeFormat::Text)]
        format: NormalizeFormat,
        /// The input form, when detection guesses wrong (detected by default).
        #[arg(long = "input-form", value_enum)]
        input_form: Option<FormArg>,
        /// Opinion texts; a directory stands for its `.txt` files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print every citation of each file, in document order.
    Extract {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExtractFormat::Jsonl)]
        format: ExtractFormat,
        /// Opinion texts; a directory stands for its `.txt` files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print the table of authorities of the files (one table over all).
    Toa(toa::ToaArgs),
    /// Check pin cites and short forms; exit 1 when an error is found.
    Verify(verify::VerifyArgs),
    /// Build a citation index over many files and save it.
    Index(index::IndexArgs),
    /// Print the citations of an authority from a saved index.
    Query(query::QueryArgs),
    /// Print an opinion as a page with its citations marked.
    Annotate(annotate::AnnotateArgs),
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    /// One JSON object per citation.
    Jsonl,
    /// One JSON array of all citations, one element a line.
    Json,
    /// Tab-separated with a header line: kind, authority, pins, slip_page,
    /// start, end, text (the columns of the `corpus/*.citations.tsv`
    /// annotations; a newline in text is written `\n`).
    Tsv,
}

#[derive(Serialize)]
struct CitationRecord<'a> {
    file: &'a str,
    #[serde(flatten)]
    citation: &'a Citation,
}

#[derive(Clone, Copy, ValueEnum)]
enum NormalizeFormat {
    /// The reading text, one block per line.
    Text,
    /// One JSON object per block.
    Jsonl,
}

#[derive(Serialize)]
struct BlockRecord<'a> {
    file: &'a str,
    kind: &'static str,
    section: &'static str,
    slip_page: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    footnote: Option<&'a str>,
    span: [usize; 2],
    text: &'a str,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = match cli.command {
        Command::Normalize {
            format,
            input_form,
            files,
        } => run_normalize(&mut out, format, input_form, &files).map(u8::from),
        Command::Extract { format, files } => run_extract(&mut out, format, &files).map(u8::from),
        Command::Toa(args) => toa::run(&mut out, &args).map(u8::from),
        Command::Verify(args) => verify::run(&mut out, &args),
        Command::Index(args) => index::run(&mut out, &args).map(u8::from),
        Command::Query(args) => query::run(&mut out, &args).map(u8::from),
        Command::Annotate(args) => annotate::run(&mut out, &args).map(u8::from),
    };
    let result = result.and_then(|status| out.flush().map(|()| status));
    match result {
        Ok(status) => ExitCode::from(status),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pincite: {e}");
            ExitCode::from(1)
        }
    }
}

/// The files named on the command line, directories walked for `.txt`
/// files (sorted), each with the name to print.
fn expand(files: &[PathBuf]) -> (Vec<(String, PathBuf)>, bool) {
    let mut out = Vec::new();
    let mut failed = false;
    for f in files {
        if f.is_dir() {
            let mut found = Vec::new();
            failed |= walk(f, &mut found);
            if found.is_empty() {
                eprintln!("pincite: {}: no .txt files", f.display());
            }
            found.sort();
            out.extend(found.into_iter().map(|p| (p.display().to_string(), p)));
        } else {
            out.push((f.to_string_lossy().into_owned(), f.clone()));
        }
    }
    (out, failed)
}

/// Collects the `.txt` files under `dir`. Links to directories are not
/// followed (a link to its own parent would never end); links to files
/// are. Returns whether a directory could not be read.
fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> bool {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            eprintln!("pincite: {}: {}", dir.display(), e.kind());
            return true;
        }
    };
    let mut failed = false;
    for e in entries.flatten() {
        let p = e.path();
        let Ok(kind) = e.file_type() else { continue };
        if kind.is_dir() {
            failed |= walk(&p, found);
        } else if (kind.is_file() || (kind.is_symlink() && p.is_file()))
            && p.extension().is_some_and(|x| x == "txt")
        {
            found.push(p);
        }
    }
    failed
}

/// Reads every file, calling `each` on the good ones and reporting the bad
/// ones on stderr. Returns whether any file failed.
fn for_each_file(
    files: &[PathBuf],
    mut each: impl FnMut(&str, &str) -> io::Result<()>,
) -> io::Result<bool> {
    let (files, mut failed) = expand(files);
    for (name, path) in files {
        match Document::read(&path) {
            Ok(doc) => each(&name, doc.text())?,
            Err(e) => {
                eprintln!("pincite: {name}: {e}");
                failed = true;
            }
        }
    }
    Ok(failed)
}

/// How far the workers of [`par_each_file`] may run ahead of the output,
/// in files.
const FILES_AHEAD: usize = 32;

/// Like [`for_each_file`], with `work` done on several files at a time,
/// one worker thread per core (`RAYON_NUM_THREADS` sets how many), while
/// `each` writes the results one file at a time, in the order given. The
/// workers take the files in order and stay at most [`FILES_AHEAD`] files
/// ahead of the output; when `each` fails (a closed pipe), they stop.
fn par_each_file<T: Send>(
    files: &[PathBuf],
    work: impl Fn(&str) -> T + Sync,
    mut each: impl FnMut(&str, T) -> io::Result<()>,
) -> io::Result<bool> {
    use std::collections::BTreeMap;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::mpsc;
    let (files, mut failed) = expand(files);
    let next = AtomicUsize::new(0);
    let written = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let threads = rayon::current_num_threads().clamp(1, files.len().max(1));
    let (tx, rx) = mpsc::channel();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (files, work, next, written, stop) = (&files, &work, &next, &written, &stop);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= files.len() {
                        break;
                    }
                    while i >= written.load(Ordering::Acquire) + FILES_AHEAD
                        && !stop.load(Ordering::Relaxed)
                    {
                        std::thread::sleep(std::time::Duration::from_micros(200));
                    }
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let result = Document::read(&files[i].1).map(|doc| work(doc.text()));
                    if tx.send((i, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut pending = BTreeMap::new();
        let mut at = 0;
        for (i, result) in rx.iter() {
            pending.insert(i, result);
            while let Some(result) = pending.remove(&at) {
                let name = &files[at].0;
                match result {
                    Ok(t) => {
                        if let Err(e) = each(name, t) {
                            stop.store(true, Ordering::Relaxed);
                            return Err(e);
                        }
                    }
                    Err(e) => {
                        eprintln!("pincite: {name}: {e}");
                        failed = true;
                    }
                }
                at += 1;
                written.store(at, Ordering::Release);
            }
        }
        Ok(failed)
    })
}

/// The input forms, as named on the command line.
#[derive(Clone, Copy, ValueEnum)]
enum FormArg {
    /// One paragraph per line (web text, the syllabus form).
    ParagraphPerLine,
    /// Hard-wrapped slip text with leading-space paragraph and page marks.
    HardWrapped,
    /// `pdftotext -raw` or default-mode output.
    PdfRaw,
    /// `pdftotext -layout` output.
    PdfLayout,
}

fn run_normalize(
    out: &mut impl Write,
    format: NormalizeFormat,
    input_form: Option<FormArg>,
    files: &[PathBuf],
) -> io::Result<bool> {
    let mut normalizer = pincite::Normalizer::new();
    if let Some(f) = input_form {
        normalizer.form(match f {
            FormArg::ParagraphPerLine => pincite::InputForm::ParagraphPerLine,
            FormArg::HardWrapped => pincite::InputForm::HardWrapped,
            FormArg::PdfRaw => pincite::InputForm::PdfRaw,
            FormArg::PdfLayout => pincite::InputForm::PdfLayout,
        });
    }
    for_each_file(files, |name, text| {
        let norm = normalizer.normalize(text);
        match format {
            NormalizeFormat::Text => out.write_all(norm.reading().as_bytes()),
            NormalizeFormat::Jsonl => write_blocks(out, name, &norm),
        }
    })
}

fn write_blocks(out: &mut impl Write, name: &str, norm: &Normalized) -> io::Result<()> {
    for b in norm.blocks() {
        let rec = BlockRecord {
            file: name,
            kind: b.kind.as_str(),
            section: b.section.as_str(),
            slip_page: b.slip_page,
            footnote: b.footnote.as_deref(),
            span: [b.span.start, b.span.end],
            text: &norm.reading()[b.reading.clone()],
        };
        serde_json::to_writer(&mut *out, &rec)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn run_extract(out: &mut impl Write, format: ExtractFormat, files: &[PathBuf]) -> io::Result<bool> {
    let mut first = true;
    match format {
        ExtractFormat::Tsv => {
            writeln!(out, "kind\tauthority\tpins\tslip_page\tstart\tend\ttext")?;
        }
        ExtractFormat::Json => out.write_all(b"[")?,
        ExtractFormat::Jsonl => {}
    }
    let extract = |text: &str| pincite::extract(text, &pincite::normalize(text));
    let failed = par_each_file(files, extract, |name, cites| {
        for c in &cites {
            let rec = CitationRecord {
                file: name,
                citation: c,
            };
            match format {
                ExtractFormat::Jsonl => {
                    serde_json::to_writer(&mut *out, &rec)?;
                    out.write_all(b"\n")?;
                }
                ExtractFormat::Json => {
                    out.write_all(if first { b"\n" } else { b",\n" })?;
                    serde_json::to_writer(&mut *out, &rec)?;
                }
                ExtractFormat::Tsv => writeln!(out, "{}", tsv_row(c))?,
            }
            first = false;
        }
        Ok(())
    })?;
    if let ExtractFormat::Json = format {
        out.write_all(b"\n]\n")?;
    }
    Ok(failed)
}

/// One citation as a row of an annotation file.
fn tsv_row(c: &Citation) -> String {
    let page = c.slip_page.map(|p| p.to_string()).unwrap_or_default();
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}\t{}",
        c.kind(),
        c.authority.as_deref().unwrap_or(""),
        c.pins_string(),
        page,
        c.span.start,
        c.span.end,
        c.text
            .replace('\\', "\\\\")
            .replace('\n', "\\n")
            .replace('\t', "\\t"),
    )
}
