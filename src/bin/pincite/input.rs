//! The files named on the command line: directories walked, `-` for
//! standard input, each read within the size limit, the failures reported.

use crate::{Out, closed, warn};
use clap::{Args, ValueEnum};
use pincite::{Cited, Document, ErrorKind, InputForm, Normalizer};
use std::io;
use std::path::{Path, PathBuf};

/// The inputs of a command that reads opinion texts.
#[derive(Args)]
pub(crate) struct Inputs {
    /// The largest document to read, in bytes, or with a suffix K, M or G
    /// (KiB, MiB, GiB); a longer one is reported and skipped.
    #[arg(long = "max-size", value_name = "BYTES", value_parser = parse_size, default_value = "256M")]
    pub(crate) max_size: u64,
    /// Opinion texts; a directory stands for its `.txt` and `.html` files, `-` for
    /// standard input.
    #[arg(required = true, value_name = "FILE")]
    pub(crate) files: Vec<PathBuf>,
}

/// The input form of the texts a command reads: detected, or chosen.
#[derive(Args, Clone, Copy)]
pub(crate) struct FormChoice {
    /// The input form of every file (detected for each by default; HTML
    /// by its tags). Choose one when detection guesses wrong.
    #[arg(long = "input-form", value_enum)]
    input_form: Option<FormArg>,
}

/// The input forms, as named on the command line.
#[derive(Clone, Copy, ValueEnum)]
enum FormArg {
    /// One paragraph per line (web text with the tags stripped, the
    /// syllabus form).
    ParagraphPerLine,
    /// Hard-wrapped slip text with leading-space paragraph and page marks.
    HardWrapped,
    /// `pdftotext -raw` or default-mode output, and the text of other
    /// PDF-to-text tools (pdfminer.six, pypdf, PyMuPDF).
    PdfRaw,
    /// `pdftotext -layout` output.
    PdfLayout,
    /// HTML: a web page, CourtListener's `html_with_citations`, poppler's
    /// `pdftohtml` output.
    Html,
}

impl FormChoice {
    /// The normalizer for the form chosen.
    pub(crate) fn normalizer(self) -> Normalizer {
        let mut n = Normalizer::new();
        if let Some(f) = self.input_form {
            n.form(match f {
                FormArg::ParagraphPerLine => InputForm::ParagraphPerLine,
                FormArg::HardWrapped => InputForm::HardWrapped,
                FormArg::PdfRaw => InputForm::PdfRaw,
                FormArg::PdfLayout => InputForm::PdfLayout,
                FormArg::Html => InputForm::Html,
            });
        }
        n
    }

    /// Normalizes and cites `text` in the form chosen.
    pub(crate) fn cite(self, text: &str) -> Cited {
        Cited::from_normalized(text, self.normalizer().normalize(text))
    }
}

/// A size as given to `--max-size`: bytes, or KiB, MiB, GiB with a
/// suffix `K`, `M`, `G`.
pub(crate) fn parse_size(s: &str) -> Result<u64, String> {
    let (digits, shift) = match s.strip_suffix(['K', 'k']) {
        Some(d) => (d, 10),
        None => match s.strip_suffix(['M', 'm']) {
            Some(d) => (d, 20),
            None => match s.strip_suffix(['G', 'g']) {
                Some(d) => (d, 30),
                None => (s, 0),
            },
        },
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("not a size: {s:?} (bytes, or a number and K, M or G)"))?;
    n.checked_mul(1 << shift)
        .ok_or_else(|| format!("too large: {s:?}"))
}

/// One input: a file, or standard input.
pub(crate) struct Input {
    /// The name to print: the path as given (a file found in a directory:
    /// the directory as given joined with the path below it), made
    /// printable; `-` for standard input.
    pub(crate) name: String,
    /// Where to read it; `None` for standard input.
    path: Option<PathBuf>,
}

impl Input {
    /// An input named on the command line as it is, not walked.
    pub(crate) fn given(arg: &Path) -> Input {
        if arg.as_os_str() == "-" {
            Input {
                name: "-".to_string(),
                path: None,
            }
        } else {
            Input::file(arg.to_path_buf())
        }
    }

    fn file(path: PathBuf) -> Input {
        Input {
            name: pincite::printable_path(&path),
            path: Some(path),
        }
    }

    /// The size and modification time (nanoseconds since 1970) of the
    /// file on the disk; `None` for standard input or when unknown.
    pub(crate) fn stamp(&self) -> Option<(u64, i64)> {
        let meta = std::fs::metadata(self.path.as_ref()?).ok()?;
        let at = meta.modified().ok()?;
        let ns = at.duration_since(std::time::UNIX_EPOCH).ok()?.as_nanos();
        Some((meta.len(), i64::try_from(ns).ok()?))
    }

    /// Whether it is standard input.
    pub(crate) fn is_stdin(&self) -> bool {
        self.path.is_none()
    }

    /// Reads the text, at most `max_size` bytes.
    pub(crate) fn read(&self, max_size: u64) -> pincite::Result<Document> {
        match &self.path {
            Some(path) => Document::read_limited(path, max_size),
            None => Document::from_reader(io::stdin().lock(), max_size),
        }
    }
}

/// What went wrong reading a file, with the option that raises the size
/// limit when that was it.
pub(crate) fn message(e: &pincite::Error) -> String {
    match e.kind() {
        ErrorKind::TooLarge { .. } => format!("{e} (--max-size BYTES raises it)"),
        _ => e.to_string(),
    }
}

/// The inputs the arguments stand for, in order: a directory's text
/// files (see [`pincite::text_files`]), `-` standard input (once), any
/// other path itself. Reports a directory that cannot be read or has no
/// text files; returns how many could not be read.
pub(crate) fn expand(args: &[PathBuf]) -> (Vec<Input>, usize) {
    let mut out = Vec::new();
    let mut failed = 0;
    let mut stdin = false;
    for arg in args {
        if arg.as_os_str() == "-" {
            if stdin {
                warn("-", "standard input is read once; given again");
                failed += 1;
            } else {
                out.push(Input::given(arg));
            }
            stdin = true;
            continue;
        }
        let (before, errors) = (out.len(), failed);
        for found in pincite::text_files(arg) {
            match found {
                Ok(path) => out.push(Input::file(path)),
                Err(e) => {
                    let at = e.path().unwrap_or(arg);
                    warn(&pincite::printable_path(at), &message(&e));
                    failed += 1;
                }
            }
        }
        if out.len() == before && failed == errors && arg.is_dir() {
            warn(&pincite::printable_path(arg), "no .txt or .html files");
        }
    }
    (out, failed)
}

/// Reads every input, calling `each` on the good ones and reporting the
/// bad ones on stderr, in order. Returns whether any input failed.
pub(crate) fn for_each_file(
    out: &mut Out,
    inputs: &Inputs,
    mut each: impl FnMut(&mut Out, &str, &str) -> io::Result<()>,
) -> io::Result<bool> {
    let (files, failed) = expand(&inputs.files);
    let mut failed = failed > 0;
    for input in files {
        match input.read(inputs.max_size) {
            Ok(doc) => each(out, &input.name, doc.text())?,
            Err(e) => {
                warn(&input.name, &message(&e));
                failed = true;
            }
        }
    }
    Ok(failed)
}

/// The size of a job, in bytes of input, from which the workers of
/// [`par_each_file`] prepare in parallel before their first file.
const LARGE_JOB: u64 = 2 << 20;

/// How far the workers of [`par_each_file`] may run ahead of the output,
/// in files.
const FILES_AHEAD: usize = 32;

/// The order the workers of [`par_each_file`] take the files in: of the
/// files within [`FILES_AHEAD`] of the output not yet taken, the largest.
/// A long file near the end of the list then does not keep one worker
/// busy alone while the others have nothing left.
struct Schedule {
    /// Each file's size in bytes (0 when unknown).
    sizes: Vec<u64>,
    /// The first file not yet taken, and which are.
    taken: std::sync::Mutex<(usize, Vec<bool>)>,
}

/// What a worker does next.
enum Take {
    /// Reads file `i`.
    File(usize),
    /// Waits for the output to catch up.
    Wait,
    /// Stops: every file is taken.
    Done,
}

impl Schedule {
    fn new(files: &[Input]) -> Schedule {
        let sizes: Vec<u64> = files.iter().map(|f| f.stamp().map_or(0, |s| s.0)).collect();
        let taken = std::sync::Mutex::new((0, vec![false; files.len()]));
        Schedule { sizes, taken }
    }

    /// The file to read next, when the output has written `written`.
    fn take(&self, written: usize) -> Take {
        let mut guard = self.taken.lock().unwrap_or_else(|e| e.into_inner());
        let (first, taken) = &mut *guard;
        while taken.get(*first) == Some(&true) {
            *first += 1;
        }
        let end = taken.len().min(written + FILES_AHEAD);
        if *first >= taken.len() {
            return Take::Done;
        }
        let Some(i) = (*first..end)
            .filter(|&i| !taken[i])
            .max_by_key(|&i| (self.sizes[i], std::cmp::Reverse(i)))
        else {
            return Take::Wait;
        };
        taken[i] = true;
        Take::File(i)
    }
}

/// Like [`for_each_file`], with `work` (given a file's name and text) done
/// on several files at a time, one worker thread per core
/// (`RAYON_NUM_THREADS` sets how many), while `each` writes the results
/// one file at a time, in the order given. The workers stay at most
/// [`FILES_AHEAD`] files ahead of the output and take the largest file
/// there first ([`Schedule`]). When the output is closed (its pipe's reader
/// gone), they only read the rest, so that every failure is still
/// reported; when `each` fails, they stop. When there are several workers
/// and the job is large ([`LARGE_JOB`]), each first calls `prepare` with
/// its number and the number of workers.
pub(crate) fn par_each_file<T: Send>(
    out: &mut Out,
    inputs: &Inputs,
    prepare: impl Fn(usize, usize) + Sync,
    work: impl Fn(&str, &str) -> T + Sync,
    mut each: impl FnMut(&mut Out, &str, T) -> io::Result<()>,
) -> io::Result<bool> {
    use std::collections::BTreeMap;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::mpsc;
    let (files, failed) = expand(&inputs.files);
    let mut failed = failed > 0;
    let schedule = Schedule::new(&files);
    let written = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let skip = AtomicBool::new(false);
    let threads = rayon::current_num_threads().clamp(1, files.len().max(1));
    let large = threads > 1 && schedule.sizes.iter().sum::<u64>() >= LARGE_JOB;
    let (tx, rx) = mpsc::channel();
    std::thread::scope(|scope| {
        for worker in 0..threads {
            let tx = tx.clone();
            let (files, work, schedule, written, stop, skip, prepare) =
                (&files, &work, &schedule, &written, &stop, &skip, &prepare);
            scope.spawn(move || {
                if large {
                    prepare(worker, threads);
                }
                loop {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let i = match schedule.take(written.load(Ordering::Acquire)) {
                        Take::File(i) => i,
                        Take::Wait => {
                            std::thread::sleep(std::time::Duration::from_micros(200));
                            continue;
                        }
                        Take::Done => break,
                    };
                    let result = files[i].read(inputs.max_size).map(|doc| {
                        (!skip.load(Ordering::Relaxed)).then(|| work(&files[i].name, doc.text()))
                    });
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
                let name = &files[at].name;
                match result {
                    Ok(Some(t)) if !closed(out) => {
                        if let Err(e) = each(out, name, t) {
                            stop.store(true, Ordering::Relaxed);
                            return Err(e);
                        }
                    }
                    Ok(_) => skip.store(true, Ordering::Relaxed),
                    Err(e) => {
                        warn(name, &message(&e));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_take_binary_suffixes() {
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("256M"), Ok(256 << 20));
        assert_eq!(parse_size("2k"), Ok(2048));
        assert_eq!(parse_size("1G"), Ok(1 << 30));
        assert!(parse_size("").is_err());
        assert!(parse_size("12MB").is_err());
        assert!(parse_size("99999999999G").is_err());
        // The default of `--max-size` is the library's.
        assert_eq!(parse_size("256M"), Ok(Document::DEFAULT_MAX_SIZE));
    }
}
