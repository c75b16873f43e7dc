//! The `authorities` table made from what each file says of its
//! authorities (`file_authorities`), by one rule, so that it does not
//! depend on the order files were written in or on files gone: each fact
//! of an authority is the one the first file, in path order, that gives
//! it says; a category other than "internal" (the citing opinion's own
//! key) comes before "internal", and the parallels are the first file's
//! that has some.

use super::rows::AuthorityRow;
use super::{compact_key, section_key};
use crate::error::Result;
use rusqlite::{Row, Transaction, params};
use std::collections::HashSet;

/// Records what file `file` says of its authorities.
pub(super) fn write(tx: &Transaction, file: i64, rows: &[AuthorityRow]) -> Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO file_authorities (file, key, category, name, court, year, parallels, \
         volume, reporter, first_page) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for a in rows {
        let parallels = serde_json::to_string(&a.parallels).expect("keys serialize");
        insert.execute(params![
            file,
            a.key,
            a.category,
            a.name,
            a.court,
            a.year,
            parallels,
            a.volume,
            a.reporter,
            a.first_page
        ])?;
    }
    Ok(())
}

/// Takes out what file `file` says, adding the keys it spoke of to
/// `touched`.
pub(super) fn drop(tx: &Transaction, file: i64, touched: &mut HashSet<String>) -> Result<()> {
    let mut st = tx.prepare_cached("SELECT key FROM file_authorities WHERE file = ?1")?;
    for key in st.query_map([file], |r| r.get::<_, String>(0))? {
        touched.insert(key?);
    }
    tx.prepare_cached("DELETE FROM file_authorities WHERE file = ?1")?
        .execute([file])?;
    Ok(())
}

/// The facts of one authority, as they are gathered file by file.
#[derive(Default)]
struct Facts {
    key: String,
    category: Option<String>,
    name: Option<String>,
    court: Option<String>,
    year: Option<u16>,
    parallels: Option<String>,
    volume: Option<u32>,
    reporter: Option<String>,
    first_page: Option<u32>,
}

impl Facts {
    /// Takes what the next file in path order says, where nothing
    /// before said it: `row` is a `file_authorities` row from its key on.
    fn take(&mut self, row: &Row) -> rusqlite::Result<()> {
        let category: Option<String> = row.get(1)?;
        if self.category.as_deref().is_none_or(|c| c == "internal") && category.is_some() {
            self.category = category;
        }
        fn keep<T>(slot: &mut Option<T>, value: Option<T>) {
            if slot.is_none() {
                *slot = value;
            }
        }
        keep(&mut self.name, row.get(2)?);
        keep(&mut self.court, row.get(3)?);
        keep(&mut self.year, row.get(4)?);
        let parallels: String = row.get(5)?;
        if self.parallels.as_deref().is_none_or(|p| p == "[]") {
            self.parallels = Some(parallels);
        }
        keep(&mut self.volume, row.get(6)?);
        keep(&mut self.reporter, row.get(7)?);
        keep(&mut self.first_page, row.get(8)?);
        Ok(())
    }

    /// Writes the authority's row, in place of the one there.
    fn write(&self, tx: &Transaction) -> Result<()> {
        let section = self.key.rsplit_once('§').map(|(_, s)| section_key(s));
        tx.prepare_cached(
            "INSERT OR REPLACE INTO authorities (key, category, name, court, year, parallels, \
             volume, reporter, first_page, compact, section) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?
        .execute(params![
            self.key,
            self.category,
            self.name,
            self.court,
            self.year,
            self.parallels.as_deref().unwrap_or("[]"),
            self.volume,
            self.reporter,
            self.first_page,
            compact_key(&self.key),
            section
        ])?;
        Ok(())
    }
}

/// The columns [`Facts::take`] reads, after the key.
const COLUMNS: &str = "fa.key, fa.category, fa.name, fa.court, fa.year, fa.parallels, \
                       fa.volume, fa.reporter, fa.first_page \
                       FROM file_authorities fa JOIN files f ON f.id = fa.file";

/// Makes every authority's row again (the table is emptied first).
pub(super) fn remake_all(tx: &Transaction) -> Result<()> {
    tx.execute("DELETE FROM authorities", [])?;
    let mut st = tx.prepare(&format!("SELECT {COLUMNS} ORDER BY fa.key, f.path"))?;
    let mut rows = st.query([])?;
    let mut facts: Option<Facts> = None;
    while let Some(row) = rows.next()? {
        let key: String = row.get(0)?;
        if facts.as_ref().is_none_or(|f| f.key != key) {
            if let Some(done) = facts.take() {
                done.write(tx)?;
            }
            facts = Some(Facts {
                key,
                ..Facts::default()
            });
        }
        if let Some(f) = facts.as_mut() {
            f.take(row)?;
        }
    }
    if let Some(done) = facts {
        done.write(tx)?;
    }
    Ok(())
}

/// Makes the rows of these authorities again: an authority no file
/// speaks of any more is taken out.
pub(super) fn remake(tx: &Transaction, keys: &HashSet<String>) -> Result<()> {
    let mut st = tx.prepare_cached(&format!(
        "SELECT {COLUMNS} WHERE fa.key = ?1 ORDER BY f.path"
    ))?;
    for key in keys {
        let mut facts = Facts {
            key: key.clone(),
            ..Facts::default()
        };
        let mut rows = st.query([key])?;
        let mut said = false;
        while let Some(row) = rows.next()? {
            facts.take(row)?;
            said = true;
        }
        match said {
            true => facts.write(tx)?,
            false => {
                tx.prepare_cached("DELETE FROM authorities WHERE key = ?1")?
                    .execute([key])?;
            }
        }
    }
    Ok(())
}
