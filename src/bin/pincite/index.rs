//! `pincite index`: a citation index over many opinions, kept in a
//! SQLite database.

use crate::input::{Input, Inputs, expand, message};
use crate::{FAILED, Out, WRITE_FAILED, warn};
use clap::Args;
use pincite::{Index, UpdateStats};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The arguments of `pincite index`.
#[derive(Args)]
pub(crate) struct IndexArgs {
    /// The database to write. Run again on it, only new and changed files
    /// are read, and files not given any more are taken out; the changes
    /// are made whole or not at all. A file there that is not an index is
    /// never replaced.
    #[arg(long, short, required_unless_present = "schema")]
    output: Option<PathBuf>,
    /// Build the database from scratch, reading every file again.
    #[arg(long)]
    rebuild: bool,
    /// Print the database's tables (SQL) and exit.
    #[arg(long, exclusive = true)]
    schema: bool,
    #[command(flatten)]
    inputs: Inputs,
}

/// What the output file holds, by its first bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Holds {
    /// No file, or an empty one: a new database.
    Nothing,
    /// An index file of an older pincite (JSON), replaced whole.
    OldIndex,
    /// A SQLite database: changed in place if it is an index.
    Database,
}

/// What the file at `path` holds, found before the work of building: a
/// directory, a missing directory, or a file that is neither an index
/// nor empty (an opinion text named by mistake, say), which is never
/// replaced, is an error.
fn check_output(path: &Path) -> Result<Holds, &'static str> {
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
    if head.is_empty() {
        Ok(Holds::Nothing)
    } else if head.starts_with(b"pincite-index ") {
        Ok(Holds::OldIndex)
    } else if head.starts_with(b"SQLite format 3\0") {
        Ok(Holds::Database)
    } else {
        Err("exists and is not a pincite index")
    }
}

/// Where the database is written: in place, or (a new database, one
/// built again with `--rebuild`, or one replacing an index file of an
/// older version) under a hidden name in the same directory, without a
/// journal, renamed when whole: the file there is untouched until then.
struct Target {
    path: PathBuf,
    temp: Option<PathBuf>,
}

impl Target {
    fn of(path: &Path, holds: Holds, rebuild: bool) -> Target {
        let temp = (holds != Holds::Database || rebuild).then(|| {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            path.with_file_name(format!(".{name}.pincite-{}", std::process::id()))
        });
        Target {
            path: path.to_path_buf(),
            temp,
        }
    }

    /// The file the database is written in.
    fn file(&self) -> &Path {
        self.temp.as_deref().unwrap_or(&self.path)
    }

    /// Gives a new database its name.
    fn finish(&self) -> io::Result<()> {
        match &self.temp {
            Some(temp) => std::fs::rename(temp, &self.path),
            None => Ok(()),
        }
    }

    /// Removes a new database that is not to be.
    fn abandon(&self) {
        if let Some(temp) = &self.temp {
            let _ = std::fs::remove_file(temp);
        }
    }
}

/// Whether the database at `path` may be replaced by one built from
/// scratch: it is a pincite index, of this version or another.
fn replaceable(path: &Path) -> Result<(), String> {
    match Index::open_read_only(path) {
        Ok(_) => Ok(()),
        Err(e) => match e.kind() {
            pincite::ErrorKind::IndexVersion { .. } => Ok(()),
            pincite::ErrorKind::NotAnIndex => Err("exists and is not a pincite index".to_string()),
            _ => Err(e.to_string()),
        },
    }
}

/// What a run came to.
enum Outcome {
    /// The database was written.
    Written(UpdateStats, Index),
    /// Some inputs could not be read (said on standard error); nothing
    /// was written.
    Unread(usize),
}

/// Reads the files, and writes the new and changed ones to the database
/// on all cores, unless some file could not be read. Prints a summary
/// line. Returns the exit status: 1 when nothing was written for want of
/// good inputs, 3 when the database could not be written.
pub(crate) fn run(out: &mut Out, args: &IndexArgs) -> io::Result<u8> {
    if args.schema {
        out.write_all(pincite::SCHEMA.as_bytes())?;
        return Ok(0);
    }
    let Some(output) = &args.output else {
        return Ok(FAILED);
    };
    let shown = pincite::printable_path(output);
    let holds = match check_output(output) {
        Ok(holds) => holds,
        Err(why) => {
            warn(&shown, &format!("{why}; not written"));
            return Ok(WRITE_FAILED);
        }
    };
    let (files, failed) = expand(&args.inputs.files);
    let total = files.len() + failed;
    if files.is_empty() && failed == 0 {
        warn(&shown, "not written: no files to index");
        return Ok(FAILED);
    }
    if holds == Holds::Database && args.rebuild {
        if let Err(why) = replaceable(output) {
            warn(&shown, &format!("{why}; not written"));
            return Ok(WRITE_FAILED);
        }
    }
    let target = Target::of(output, holds, args.rebuild);
    let done = write(&target, args, files, failed).and_then(|outcome| {
        if let Outcome::Written(..) = outcome {
            target.finish()?;
        }
        Ok(outcome)
    });
    match done {
        Ok(Outcome::Written(stats, index)) => {
            summary(out, &shown, &index, stats)?;
            Ok(0)
        }
        Ok(Outcome::Unread(n)) => {
            target.abandon();
            let why = format!("not written: {n} of {total} inputs could not be read");
            warn(&shown, &why);
            Ok(FAILED)
        }
        Err(e) => {
            target.abandon();
            let why = match e.kind() {
                pincite::ErrorKind::NotAnIndex => "exists and is not a pincite index".to_string(),
                _ => e.to_string(),
            };
            warn(&shown, &format!("{why}; not written"));
            Ok(WRITE_FAILED)
        }
    }
}

/// Writes the inputs that changed to the database, in one transaction
/// that is committed only when every input was read. `failed` inputs
/// could not be listed.
fn write(
    target: &Target,
    args: &IndexArgs,
    files: Vec<Input>,
    failed: usize,
) -> pincite::Result<Outcome> {
    // Standard input first, before the database is locked: a writer
    // waiting on its input holds no lock and has written nothing.
    let max = args.inputs.max_size;
    let mut stdin = files.iter().find(|f| f.is_stdin()).map(|f| f.read(max));
    let mut index = match target.temp.is_some() {
        true => Index::create(target.file())?,
        false => Index::open(target.file())?,
    };
    let mut update = index.update()?;
    // A file of the size and time it had when read last is not read.
    let files: Vec<Input> = files
        .into_iter()
        .filter(|f| {
            let stamp = f.stamp();
            !stamp.is_some_and(|(size, mtime)| update.unchanged(&f.name, size, mtime))
        })
        .collect();
    let unread = AtomicUsize::new(failed);
    let stamps = Mutex::new(Vec::new());
    let docs = files.into_iter().filter_map(|input| {
        let stamp = input.stamp();
        let doc = match input.is_stdin() {
            true => stdin.take()?,
            false => input.read(max),
        };
        match doc {
            Ok(doc) => {
                if let Some((size, mtime)) = stamp {
                    let mut stamps = stamps.lock().unwrap_or_else(|e| e.into_inner());
                    stamps.push((input.name.clone(), size, mtime));
                }
                Some((input.name, doc.into_text()))
            }
            Err(e) => {
                warn(&input.name, &message(&e));
                unread.fetch_add(1, Ordering::Relaxed);
                None
            }
        }
    });
    update.add(docs)?;
    let unread = unread.into_inner();
    if unread > 0 {
        return Ok(Outcome::Unread(unread));
    }
    for (name, size, mtime) in stamps.into_inner().unwrap_or_else(|e| e.into_inner()) {
        update.stamp(&name, size, mtime)?;
    }
    update.remove_others()?;
    let stats = update.commit()?;
    Ok(Outcome::Written(stats, index))
}

/// Prints what the database holds and what this run did: `corpus.db: 290
/// files, 61234 citations, 5012 authorities (12 read, 278 unchanged, 1
/// removed)`; the part in parentheses only when some file was unchanged
/// or removed.
fn summary(out: &mut Out, shown: &str, index: &Index, stats: UpdateStats) -> io::Result<()> {
    let facts = (|| -> pincite::Result<(usize, usize, usize)> {
        Ok((index.files()?.len(), index.len()?, index.authority_count()?))
    })();
    let (files, cites, authorities) = match facts {
        Ok(facts) => facts,
        Err(e) => {
            warn(shown, &e.to_string());
            return Ok(());
        }
    };
    write!(
        out,
        "{shown}: {files} files, {cites} citations, {authorities} authorities"
    )?;
    if stats.unchanged > 0 || stats.removed > 0 {
        write!(
            out,
            " ({} read, {} unchanged, {} removed)",
            stats.written, stats.unchanged, stats.removed
        )?;
    }
    writeln!(out)
}
