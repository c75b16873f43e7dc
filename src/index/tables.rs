//! Tables of authorities made from an index, without reading the
//! opinions again: each citation's listing is stored with it.

use super::{Index, section_named};
use crate::citation::CitationKind;
use crate::error::{Error, Result};
use crate::report::{Fingerprint, Listed, TableOfAuthorities};
use crate::span::Span;

/// An error for a stored value that does not read.
fn bad(what: &str) -> Error {
    Error::database(&rusqlite::Error::InvalidColumnName(format!(
        "a stored {what} does not read"
    )))
}

impl Index {
    /// What tells the files apart from copies of one opinion, in the
    /// order of [`Index::files`]; [`copies`](crate::copies) finds them.
    ///
    /// # Errors
    /// Reading the database failed.
    pub fn fingerprints(&self) -> Result<Vec<Fingerprint>> {
        let mut st = self.conn.prepare("SELECT copy_of FROM files ORDER BY id")?;
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for row in rows {
            out.push(serde_json::from_str(&row?).map_err(|_| bad("fingerprint"))?);
        }
        Ok(out)
    }

    /// The table of authorities of the files at these positions of
    /// [`Index::files`], in that order, as
    /// [`TableOfAuthorities::new`] makes it from their citations.
    ///
    /// ```
    /// let text = "See Imbler v. Pachtman, 424 U. S. 409, 430 (1976). Id., at 428.\n";
    /// let index = pincite::Index::build(&[("a.txt", text)]);
    /// let toa = index.table_of_authorities(&[0]).unwrap();
    /// let cites = pincite::cite(text).into_citations();
    /// let direct = pincite::TableOfAuthorities::new([("a.txt", cites.as_slice())]);
    /// assert_eq!(toa.entries(), direct.entries());
    /// ```
    ///
    /// # Errors
    /// Reading the database failed, or a position is not a file's.
    pub fn table_of_authorities(&self, files: &[usize]) -> Result<TableOfAuthorities> {
        let list = self.file_list()?;
        let mut docs: Vec<(&str, Vec<Listed>)> = Vec::with_capacity(files.len());
        for &f in files {
            let (id, path) = list.get(f).ok_or_else(|| bad("file position"))?;
            docs.push((path.as_str(), self.listed(*id)?));
        }
        Ok(TableOfAuthorities::of_listed(
            docs.iter().map(|(p, l)| (*p, l.as_slice())),
        ))
    }

    /// The citations a table lists of the file `id`.
    fn listed(&self, id: i64) -> Result<Vec<Listed>> {
        let mut st = self.conn.prepare_cached(
            "SELECT authority, start, \"end\", page, kind, section, pins, listing \
             FROM citations WHERE file = ?1 ORDER BY id",
        )?;
        let mut rows = st.query([id])?;
        let mut out = Vec::new();
        let mut index = 0;
        while let Some(r) = rows.next()? {
            let at = index;
            index += 1;
            let (Some(authority), Some(listing)) = (
                r.get::<_, Option<String>>(0)?,
                r.get::<_, Option<String>>(7)?,
            ) else {
                continue;
            };
            let kind: String = r.get(4)?;
            let section: String = r.get(5)?;
            let pins: String = r.get(6)?;
            out.push(Listed {
                authority,
                index: at,
                span: Span::new(r.get::<_, i64>(1)? as usize, r.get::<_, i64>(2)? as usize),
                slip_page: r.get(3)?,
                kind: CitationKind::named(&kind).ok_or_else(|| bad("kind"))?,
                section: section_named(&section).ok_or_else(|| bad("section"))?,
                pins: serde_json::from_str(&pins).map_err(|_| bad("pins"))?,
                listing: serde_json::from_str(&listing).map_err(|_| bad("listing"))?,
            });
        }
        Ok(out)
    }
}
