//! The `pincite` command line: argument parsing and output formats only.

mod annotate;
mod extract;
mod index;
mod input;
mod normalize;
mod query;
mod toa;
mod verify;

use clap::{Parser, Subcommand};

/// jemalloc serves the command's many small allocations (a citation's
/// text, key and pins) faster than the system allocator, at the same peak
/// memory (see the README's Performance section).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;
use std::io::{self, BufWriter, Write};
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
    Normalize(normalize::NormalizeArgs),
    /// Print every citation of each file, in document order.
    Extract(extract::ExtractArgs),
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

/// Exit status: a file could not be read (the others were), `verify`
/// found an error, `query` found nothing, `index` wrote nothing.
pub(crate) const FAILED: u8 = 1;
/// Exit status: a usage error (and `verify`: a file could not be read).
pub(crate) const USAGE: u8 = 2;
/// Exit status: the output could not be written (standard output or the
/// index file).
pub(crate) const WRITE_FAILED: u8 = 3;

/// Standard output as the commands write to it: buffered, and a closed
/// pipe (its reader gone, as `head` does) ends the output, not the run.
pub(crate) type Out = BufWriter<Stdout>;

/// Standard output, where a closed pipe takes every write from then on
/// and throws it away.
pub(crate) struct Stdout {
    inner: io::StdoutLock<'static>,
    closed: bool,
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        match self.inner.write(buf) {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(buf.len())
            }
            other => other,
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self.inner.flush() {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            other => other,
        }
    }
}

/// Whether the reader of standard output is gone, as far as the writes
/// so far have found.
pub(crate) fn closed(out: &Out) -> bool {
    out.get_ref().closed
}

/// Prints `pincite: NAME: MESSAGE` on standard error (where a closed
/// standard error is no reason to stop).
pub(crate) fn warn(name: &str, message: &str) {
    let _ = writeln!(io::stderr(), "pincite: {name}: {message}");
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { USAGE } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let mut out = BufWriter::new(Stdout {
        inner: io::stdout().lock(),
        closed: false,
    });
    let result = match cli.command {
        Command::Normalize(args) => normalize::run(&mut out, &args),
        Command::Extract(args) => extract::run(&mut out, &args),
        Command::Toa(args) => toa::run(&mut out, &args),
        Command::Verify(args) => verify::run(&mut out, &args),
        Command::Index(args) => index::run(&mut out, &args),
        Command::Query(args) => query::run(&mut out, &args),
        Command::Annotate(args) => annotate::run(&mut out, &args),
    };
    match result.and_then(|status| out.flush().map(|()| status)) {
        Ok(status) => ExitCode::from(status),
        Err(e) => {
            warn("standard output", &pincite::Error::from(e).to_string());
            ExitCode::from(WRITE_FAILED)
        }
    }
}
