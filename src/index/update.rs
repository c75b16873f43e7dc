//! Changing an index: files added, replaced and removed in one
//! transaction, read on all cores and written on one thread.

use super::rows::{FileRows, file_rows};
use super::{Index, facts, schema};
use crate::citation::PinUnit;
use crate::error::Result;
use crate::resolve::blank::BlankPages;
use rayon::prelude::*;
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::sync::mpsc::sync_channel;

/// What an [`Update`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateStats {
    /// Files read and written: new ones and changed ones.
    pub written: usize,
    /// Files given again with the same content, left as they were.
    pub unchanged: usize,
    /// Files taken out.
    pub removed: usize,
}

/// Changes to an [`Index`], made in one transaction: nothing is seen by
/// readers, or written to the file, until [`Update::commit`]. Dropped
/// without a commit (an error, a panic), it changes nothing.
///
/// ```
/// let mut index = pincite::Index::in_memory();
/// let mut update = index.update().unwrap();
/// update.add([("a.txt", "Imbler v. Pachtman, 424 U. S. 409 (1976).")]).unwrap();
/// let stats = update.commit().unwrap();
/// assert_eq!(stats.written, 1);
/// // The same text again is not read again.
/// let mut update = index.update().unwrap();
/// update.add([("a.txt", "Imbler v. Pachtman, 424 U. S. 409 (1976).")]).unwrap();
/// assert_eq!(update.commit().unwrap().unchanged, 1);
/// ```
pub struct Update<'a> {
    tx: Transaction<'a>,
    /// The files in the index: their id and hash, by path.
    known: HashMap<String, (i64, String)>,
    /// The size and modification time of the files read from the disk,
    /// by path.
    stamps: HashMap<String, (i64, i64)>,
    /// The paths added in this update.
    seen: HashSet<String>,
    stats: UpdateStats,
    /// Whether some file's rows were taken out (its authorities may be
    /// cited no more).
    dropped: bool,
    /// Whether the tables are without their indexes, made at the commit.
    bare: bool,
    /// The authorities of the files written or taken out, whose rows are
    /// made again at the commit (all of them when `bare`).
    touched: HashSet<String>,
}

/// What a worker sends the writer: a file to write, or one unchanged.
enum Read {
    Rows(usize, String, Box<FileRows>),
    Same(String),
}

impl Index {
    /// Starts changing the index: the changes are made in one
    /// transaction, which [`Update::commit`] ends. Another process
    /// changing the same file is waited for.
    ///
    /// # Errors
    /// The database could not be locked or read.
    pub fn update(&mut self) -> Result<Update<'_>> {
        self.files.take();
        let tx = Transaction::new(&mut self.conn, TransactionBehavior::Immediate)?;
        let bare = !schema::check(&tx)?;
        if bare {
            schema::create(&tx)?;
        }
        let known = {
            let mut st = tx.prepare("SELECT path, id, hash FROM files")?;
            let rows = st.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?;
            rows.collect::<rusqlite::Result<HashMap<String, (i64, String)>>>()?
        };
        let stamps = {
            let mut st =
                tx.prepare("SELECT path, size, mtime FROM files WHERE mtime IS NOT NULL")?;
            let rows = st.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?;
            rows.collect::<rusqlite::Result<HashMap<String, (i64, i64)>>>()?
        };
        Ok(Update {
            tx,
            known,
            stamps,
            seen: HashSet::new(),
            stats: UpdateStats::default(),
            dropped: false,
            bare,
            touched: HashSet::new(),
        })
    }
}

impl Update<'_> {
    /// Adds files, each a name and its text, or replaces the file of
    /// that name when its text changed; a file given again with the same
    /// text is not read again. The texts are read on all cores as the
    /// iterator gives them, and written one after the other: an iterator
    /// that reads files from the disk holds only a few at a time. New
    /// files keep the order given; a name given twice is taken once.
    ///
    /// The texts are read on rayon's global pool while the calling thread
    /// writes: called from a thread of that pool, it needs another one.
    ///
    /// # Errors
    /// Writing to the database failed; the update should then be dropped.
    pub fn add<I, N, T>(&mut self, docs: I) -> Result<()>
    where
        I: IntoIterator<Item = (N, T)>,
        I::IntoIter: Send,
        N: Into<String> + Send,
        T: AsRef<str> + Send,
    {
        let base: i64 =
            self.tx
                .query_row("SELECT coalesce(max(id), 0) + 1 FROM files", [], |r| {
                    r.get(0)
                })?;
        let known = std::mem::take(&mut self.known);
        let mut added = Vec::new();
        let (send, receive) = sync_channel::<Read>(2 * rayon::current_num_threads());
        let docs = docs.into_iter();
        let known_ref = &known;
        let done = std::thread::scope(|scope| {
            scope.spawn(move || {
                let _ = docs.enumerate().par_bridge().try_for_each_with(
                    send,
                    |send, (seq, (name, text))| {
                        let name: String = name.into();
                        let text = text.as_ref();
                        let hash = super::word_hash(text.as_bytes());
                        let same = known_ref
                            .get(&name)
                            .is_some_and(|(_, h)| *h == format!("{hash:016x}"));
                        let read = match same {
                            true => Read::Same(name),
                            false => Read::Rows(seq, name, Box::new(file_rows(text, hash))),
                        };
                        send.send(read)
                    },
                );
            });
            for read in receive {
                if let Some(new) = self.take(read, base, known_ref)? {
                    added.push(new);
                }
            }
            Ok(())
        });
        self.known = known;
        self.known.extend(added);
        done
    }

    /// Writes what a worker read, unless its name came before. Returns a
    /// new file's path, id and hash.
    fn take(
        &mut self,
        read: Read,
        base: i64,
        known: &HashMap<String, (i64, String)>,
    ) -> Result<Option<(String, (i64, String))>> {
        match read {
            Read::Same(name) => {
                if self.seen.insert(name) {
                    self.stats.unchanged += 1;
                }
                Ok(None)
            }
            Read::Rows(seq, name, rows) if self.seen.insert(name.clone()) => {
                let old = known.get(&name).map(|k| k.0);
                let id = self.write_file(old, base + seq as i64, &name, &rows)?;
                self.stats.written += 1;
                Ok(old.is_none().then(|| (name, (id, rows.hash.clone()))))
            }
            Read::Rows(..) => Ok(None),
        }
    }

    /// Writes one file's rows, in place of its old ones if it was there
    /// (`old`, its id), else as file `new_id`. Returns its id.
    fn write_file(
        &mut self,
        old: Option<i64>,
        new_id: i64,
        path: &str,
        rows: &FileRows,
    ) -> Result<i64> {
        let tx = &self.tx;
        let id = match old {
            Some(id) => {
                drop_rows(tx, id, &mut self.touched)?;
                self.dropped = true;
                tx.prepare_cached(
                    "UPDATE files SET hash = ?2, bytes = ?3, caption = ?4, docket = ?5, \
                     date = ?6, form = ?7, copy_of = ?8, size = NULL, mtime = NULL WHERE id = ?1",
                )?
                .execute(params![
                    id,
                    rows.hash,
                    rows.bytes as i64,
                    rows.caption,
                    rows.docket,
                    rows.date,
                    rows.form,
                    rows.copy_of
                ])?;
                id
            }
            None => {
                tx.prepare_cached(
                    "INSERT INTO files (id, path, hash, bytes, caption, docket, date, form, copy_of) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                )?
                .execute(params![
                    new_id,
                    path,
                    rows.hash,
                    rows.bytes as i64,
                    rows.caption,
                    rows.docket,
                    rows.date,
                    rows.form,
                    rows.copy_of
                ])?;
                new_id
            }
        };
        write_citations(tx, id, rows)?;
        write_authorities(tx, id, rows)?;
        if !self.bare {
            let keys = rows.authorities.iter().map(|a| a.key.clone());
            self.touched.extend(keys);
        }
        Ok(id)
    }

    /// Whether the file at `path`, of `size` bytes on the disk and last
    /// changed at `mtime` (nanoseconds since 1970), is the one in the
    /// index, as [`Update::stamp`] recorded it: then it is taken as given
    /// to [`Update::add`] unchanged, and need not be read. A caller that
    /// reads files from the disk asks this first, and stamps what it
    /// reads, so that a run over an unchanged corpus reads no file.
    pub fn unchanged(&mut self, path: &str, size: u64, mtime: i64) -> bool {
        let same =
            self.stamps.get(path) == Some(&(size as i64, mtime)) && self.known.contains_key(path);
        if same && self.seen.insert(path.to_string()) {
            self.stats.unchanged += 1;
        }
        same
    }

    /// Records the size and modification time the file at `path` had
    /// on the disk before it was read and given to [`Update::add`] (see
    /// [`Update::unchanged`]).
    ///
    /// # Errors
    /// Writing to the database failed.
    pub fn stamp(&mut self, path: &str, size: u64, mtime: i64) -> Result<()> {
        self.tx
            .prepare_cached("UPDATE files SET size = ?2, mtime = ?3 WHERE path = ?1")?
            .execute(params![path, size as i64, mtime])?;
        self.stamps.insert(path.to_string(), (size as i64, mtime));
        Ok(())
    }

    /// Takes a file out. Returns whether it was there.
    ///
    /// # Errors
    /// Writing to the database failed.
    pub fn remove(&mut self, path: &str) -> Result<bool> {
        let Some((id, _)) = self.known.remove(path) else {
            return Ok(false);
        };
        drop_rows(&self.tx, id, &mut self.touched)?;
        self.tx.execute("DELETE FROM files WHERE id = ?1", [id])?;
        self.dropped = true;
        self.stats.removed += 1;
        Ok(true)
    }

    /// Takes out every file that was not given to [`Update::add`] in this
    /// update, so that the index holds the files given and no others.
    /// Returns how many were taken out.
    ///
    /// # Errors
    /// Writing to the database failed.
    pub fn remove_others(&mut self) -> Result<usize> {
        let others: Vec<String> = self
            .known
            .keys()
            .filter(|p| !self.seen.contains(*p))
            .cloned()
            .collect();
        for p in &others {
            self.remove(p)?;
        }
        Ok(others.len())
    }

    /// Takes every file out, to build the index again from scratch.
    ///
    /// # Errors
    /// Writing to the database failed.
    pub fn clear(&mut self) -> Result<()> {
        schema::drop_indexes(&self.tx)?;
        self.bare = true;
        self.tx.execute_batch(
            "DELETE FROM pins; DELETE FROM citations; DELETE FROM contexts; \
             DELETE FROM names; DELETE FROM file_authorities; DELETE FROM authorities; \
             DELETE FROM files;",
        )?;
        self.known.clear();
        Ok(())
    }

    /// Ends the update: the facts of the authorities of the files written
    /// or taken out made again from the files that speak of them,
    /// blank-page cases given the key of their first page where some file
    /// gives it, authorities no file cites any more taken out, and the
    /// whole written at once.
    ///
    /// # Errors
    /// Writing to the database failed; it is then as it was before.
    pub fn commit(self) -> Result<UpdateStats> {
        if self.bare {
            // The authorities first, into tables without their indexes.
            facts::remake_all(&self.tx)?;
            schema::create_indexes(&self.tx)?;
        } else {
            facts::remake(&self.tx, &self.touched)?;
        }
        if self.dropped {
            // An authority cited only by blank-page citations given its
            // key by a file now gone is cited no more.
            self.tx.execute(
                "DELETE FROM authorities WHERE NOT EXISTS \
                 (SELECT 1 FROM citations c WHERE c.authority = authorities.key \
                 AND c.blank IS NULL) \
                 AND NOT EXISTS (SELECT 1 FROM citations c WHERE c.blank = authorities.key)",
                [],
            )?;
        }
        if self.stats.written > 0 || self.dropped {
            page_blanks(&self.tx)?;
        }
        self.tx.commit()?;
        Ok(self.stats)
    }
}

/// Takes out a file's citations, pins, contexts, names and what it says
/// of its authorities, whose keys are added to `touched`.
fn drop_rows(tx: &Transaction, id: i64, touched: &mut HashSet<String>) -> Result<()> {
    facts::drop(tx, id, touched)?;
    // Every context is some citation's: found by the citations' file.
    for sql in [
        "DELETE FROM pins WHERE citation IN (SELECT id FROM citations WHERE file = ?1)",
        "DELETE FROM contexts WHERE id IN (SELECT context FROM citations WHERE file = ?1)",
        "DELETE FROM citations WHERE file = ?1",
        "DELETE FROM names WHERE file = ?1",
    ] {
        tx.prepare_cached(sql)?.execute([id])?;
    }
    Ok(())
}

/// Writes a file's contexts, citations and pins.
fn write_citations(tx: &Transaction, file: i64, rows: &FileRows) -> Result<()> {
    let mut context = tx.prepare_cached("INSERT INTO contexts (file, text) VALUES (?1, ?2)")?;
    let mut contexts = Vec::with_capacity(rows.contexts.len());
    for text in &rows.contexts {
        context.execute(params![file, text])?;
        contexts.push(tx.last_insert_rowid());
    }
    let mut cite = tx.prepare_cached(
        "INSERT INTO citations (file, start, \"end\", line, col, kind, authority, pins, page, \
         section, case_name, context, quotation, antecedent, blank, listing) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?;
    let mut pin = tx.prepare_cached(
        "INSERT INTO pins (citation, file, authority, page, last, footnote, unit) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut ids: Vec<i64> = Vec::with_capacity(rows.cites.len());
    for c in &rows.cites {
        let antecedent = c.antecedent.and_then(|i| ids.get(i).copied());
        cite.execute(params![
            file,
            c.start as i64,
            c.end as i64,
            c.line as i64,
            c.col as i64,
            c.kind,
            c.authority,
            c.pins_json,
            c.page,
            c.section,
            c.case_name,
            contexts[c.context],
            c.quotation,
            antecedent,
            c.blank,
            c.listing
        ])?;
        let id = tx.last_insert_rowid();
        ids.push(id);
        for p in &c.pins {
            let Some((first, last)) = p.pages() else {
                continue;
            };
            let unit = match p.unit {
                PinUnit::Page => "page",
                PinUnit::Star => "star",
                PinUnit::Paragraph => "paragraph",
            };
            pin.execute(params![
                id,
                file,
                c.authority,
                first,
                last,
                p.footnote,
                unit
            ])?;
        }
    }
    Ok(())
}

/// Writes what a file says of its authorities and the names of its
/// cases.
fn write_authorities(tx: &Transaction, file: i64, rows: &FileRows) -> Result<()> {
    facts::write(tx, file, &rows.authorities)?;
    let mut name =
        tx.prepare_cached("INSERT INTO names (name, authority, file) VALUES (?1, ?2, ?3)")?;
    for (n, key) in &rows.names {
        name.execute(params![n, key, file])?;
    }
    Ok(())
}

/// Gives each blank-page citation ("554 U.S. ___") the key of its case's
/// first page when some file cites the case with it ("554 U.S. 570"),
/// and its own key back when none does any more.
fn page_blanks(tx: &Transaction) -> Result<()> {
    let blanks: Vec<String> = {
        let mut st = tx.prepare("SELECT DISTINCT blank FROM citations WHERE blank IS NOT NULL")?;
        let rows = st.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    if blanks.is_empty() {
        return Ok(());
    }
    let mut learned = BlankPages::default();
    for key in &blanks {
        learn(tx, &mut learned, key)?;
    }
    let map = learned.map();
    for key in &blanks {
        let to = map.get(key).unwrap_or(key);
        tx.prepare_cached("UPDATE citations SET authority = ?2 WHERE blank = ?1")?
            .execute(params![key, to])?;
        tx.prepare_cached(
            "UPDATE pins SET authority = ?2 WHERE citation IN \
             (SELECT id FROM citations WHERE blank = ?1)",
        )?
        .execute(params![key, to])?;
    }
    Ok(())
}

/// Learns a blank-page key and the paged cases of its volume.
fn learn(tx: &Transaction, learned: &mut BlankPages, key: &str) -> Result<()> {
    let row: Option<(Option<u32>, Option<String>, Option<String>)> = tx
        .query_row(
            "SELECT volume, reporter, name FROM authorities WHERE key = ?1",
            [key],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((Some(volume), Some(reporter), Some(name))) = row else {
        return Ok(());
    };
    learned.learn_blank(key, volume, &reporter, &name);
    let mut st = tx.prepare_cached(
        "SELECT key, name FROM authorities WHERE volume = ?1 AND reporter = ?2 \
         AND first_page IS NOT NULL AND name IS NOT NULL",
    )?;
    let rows = st.query_map(params![volume, reporter], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    for row in rows {
        let (paged, name) = row?;
        learned.learn_paged(volume, &reporter, &paged, &name);
    }
    Ok(())
}
