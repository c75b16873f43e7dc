//! The map from a normalized text back to the original bytes.

use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

/// One stretch of the normalized text and the source bytes it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Piece {
    /// Start in the normalized text.
    dst: usize,
    /// Length in the normalized text (never zero).
    dst_len: usize,
    /// Start in the source.
    src: usize,
    /// Length in the source.
    src_len: usize,
    /// The normalized bytes are the source bytes, unchanged.
    copied: bool,
}

/// Maps byte offsets of a normalized text (the reading text or the matching
/// text) to byte offsets of the original input.
///
/// Text the normalizer copied maps byte for byte. Text it replaced (a line
/// break that became a space, a curly quote folded to a straight one) maps
/// to the whole source stretch it replaced. Where source text was removed
/// (a running head, a line-end hyphen), a span's start maps to the right of
/// the gap and its end to the left, so spans never swallow removed text at
/// their edges.
///
/// ```
/// use pincite::normalize;
/// let src = "The mate-\nrial was new.";
/// let norm = normalize(src);
/// assert_eq!(norm.reading(), "The material was new.\n");
/// let at = norm.reading().find("material").unwrap();
/// let span = norm.reading_map().span_to_source(at..at + "material".len());
/// assert_eq!(&src[span.range()], "mate-\nrial");
/// ```
///
/// Written as JSON it is its pieces and lengths; the lookup caches are
/// made again when read back.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct OffsetMap {
    pieces: Vec<Piece>,
    dst_len: usize,
    src_len: usize,
    /// Piece indices sorted by source start, for mapping back the other
    /// way; made on first use.
    #[serde(skip)]
    by_src: std::sync::OnceLock<Vec<u32>>,
    /// The piece the last lookup found. Lookups mostly go forward through
    /// the text, a few pieces at a time: they start here and step, and
    /// search the whole map only when that fails (a long document's map is
    /// larger than the caches).
    #[serde(skip)]
    hint: Hint,
    /// The same for lookups by source position.
    #[serde(skip)]
    src_hint: Hint,
}

/// A piece index kept between lookups; any value is correct, a near one
/// is fast.
#[derive(Debug, Default)]
struct Hint(AtomicUsize);

impl Clone for Hint {
    fn clone(&self) -> Hint {
        Hint(AtomicUsize::new(self.0.load(Ordering::Relaxed)))
    }
}

impl OffsetMap {
    pub(crate) fn new(src_len: usize) -> OffsetMap {
        OffsetMap {
            pieces: Vec::new(),
            dst_len: 0,
            src_len,
            by_src: std::sync::OnceLock::new(),
            hint: Hint::default(),
            src_hint: Hint::default(),
        }
    }

    /// Makes room for `more` pieces, so that a map built a piece at a time
    /// does not grow step by step.
    pub(crate) fn reserve(&mut self, more: usize) {
        self.pieces.reserve(more);
    }

    /// How many pieces the map has.
    pub(crate) fn piece_count(&self) -> usize {
        self.pieces.len()
    }

    /// Gives back the room the pieces grew into but do not use: a long
    /// document's map stays while its citations are found.
    pub(crate) fn shrink(&mut self) {
        self.pieces.shrink_to_fit();
    }

    /// Piece indices sorted by source position.
    fn by_src(&self) -> &[u32] {
        self.by_src.get_or_init(|| {
            // Sorted as (source start, index) pairs side by side: the index
            // follows the normalized order, so it breaks ties as the
            // normalized start would. Nearly sorted already (only moved
            // footnotes are out of order): the sort finds the runs.
            let mut keyed: Vec<(usize, u32)> = self
                .pieces
                .iter()
                .enumerate()
                .map(|(i, p)| (p.src, i as u32))
                .collect();
            keyed.sort();
            keyed.into_iter().map(|(_, i)| i).collect()
        })
    }

    /// Maps a source position to the normalized text: the position it was
    /// copied to, or for removed text the position where the text after
    /// the gap begins. `None` past the last normalized text.
    ///
    /// ```
    /// let src = "The mate-\nrial.";
    /// let norm = pincite::normalize(src);
    /// let r = norm.reading_map().from_source(src.find("rial").unwrap()).unwrap();
    /// assert_eq!(&norm.reading()[r..r + 4], "rial");
    /// ```
    pub fn from_source(&self, src: usize) -> Option<usize> {
        let by_src = self.by_src();
        let below = |&k: &u32| self.pieces[k as usize].src <= src;
        // As for the pieces in text order: from the last lookup's place
        // when it is near.
        let h = self.src_hint.0.load(Ordering::Relaxed).min(by_src.len());
        let near = (h == 0 || below(&by_src[h - 1]))
            .then(|| by_src[h..].iter().take(8).position(|k| !below(k)))
            .flatten();
        let i = match near {
            Some(k) => h + k,
            None => by_src.partition_point(below),
        };
        self.src_hint
            .0
            .store(i.saturating_sub(1), Ordering::Relaxed);
        if let Some(&k) = i.checked_sub(1).and_then(|i| by_src.get(i)) {
            let p = &self.pieces[k as usize];
            if src < p.src + p.src_len.max(1) {
                return Some(if p.copied {
                    p.dst + (src - p.src)
                } else {
                    p.dst
                });
            }
        }
        by_src.get(i).map(|&k| self.pieces[k as usize].dst)
    }

    /// Records that the next `src.len()` normalized bytes are a copy of `src`.
    pub(crate) fn push_copy(&mut self, src: Range<usize>) {
        let len = src.end - src.start;
        if len == 0 {
            return;
        }
        if let Some(last) = self.pieces.last_mut() {
            if last.copied && last.src + last.src_len == src.start {
                last.dst_len += len;
                last.src_len += len;
                self.dst_len += len;
                return;
            }
        }
        self.pieces.push(Piece {
            dst: self.dst_len,
            dst_len: len,
            src: src.start,
            src_len: len,
            copied: true,
        });
        self.dst_len += len;
    }

    /// Records that the next `dst_len` normalized bytes replace `src`.
    pub(crate) fn push_replace(&mut self, src: Range<usize>, dst_len: usize) {
        if dst_len == 0 {
            return;
        }
        self.pieces.push(Piece {
            dst: self.dst_len,
            dst_len,
            src: src.start,
            src_len: src.end.saturating_sub(src.start),
            copied: false,
        });
        self.dst_len += dst_len;
    }

    /// Length of the normalized text this map covers.
    pub fn len(&self) -> usize {
        self.dst_len
    }

    /// Whether the normalized text is empty.
    pub fn is_empty(&self) -> bool {
        self.dst_len == 0
    }

    /// Length of the source this map points into.
    pub fn source_len(&self) -> usize {
        self.src_len
    }

    /// The number of pieces that `below` holds for, given that it holds
    /// for a first run of the pieces and not after (a partition point):
    /// found by stepping from the last lookup's piece when it is near.
    fn partition(&self, below: impl Fn(&Piece) -> bool) -> usize {
        const STEPS: usize = 8;
        let ps = &self.pieces;
        let h = self.hint.0.load(Ordering::Relaxed).min(ps.len());
        // The answer is in h..=h + STEPS when piece h - 1 is below and
        // one of the next ones is not.
        let from_h = (h == 0 || below(&ps[h - 1]))
            .then(|| ps[h..].iter().take(STEPS).position(|p| !below(p)))
            .flatten();
        let i = match from_h {
            Some(k) => h + k,
            None => ps.partition_point(below),
        };
        self.hint.0.store(i.saturating_sub(1), Ordering::Relaxed);
        i
    }

    /// The piece holding byte `n` (the one that starts at `n` on a boundary).
    fn piece_at(&self, n: usize) -> Option<&Piece> {
        let i = self.partition(|p| p.dst <= n);
        i.checked_sub(1).map(|i| &self.pieces[i])
    }

    /// The piece ending at or holding `n` (the one that ends at `n` on a boundary).
    fn piece_before(&self, n: usize) -> Option<&Piece> {
        let i = self.partition(|p| p.dst < n);
        i.checked_sub(1).map(|i| &self.pieces[i])
    }

    /// Maps a position of the normalized text to the source.
    ///
    /// `0` maps to `0` and `len()` to `source_len()`; inside, a position on
    /// a gap maps to the right of it. Positions past the end are clamped.
    pub fn to_source(&self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        if n >= self.dst_len {
            return self.src_len;
        }
        self.start_to_source(n)
    }

    fn start_to_source(&self, n: usize) -> usize {
        if n >= self.dst_len {
            return self.src_len;
        }
        match self.piece_at(n) {
            Some(p) if p.copied => p.src + (n - p.dst),
            Some(p) => p.src,
            None => 0,
        }
    }

    fn end_to_source(&self, n: usize) -> usize {
        if n == 0 {
            return self.pieces.first().map_or(0, |p| p.src);
        }
        let n = n.min(self.dst_len);
        match self.piece_before(n) {
            Some(p) if p.copied => p.src + (n - p.dst),
            Some(p) if n == p.dst + p.dst_len => p.src + p.src_len,
            Some(p) => p.src,
            None => 0,
        }
    }

    /// Maps a range of the normalized text to a [`Span`] of the source: the
    /// start maps right of any removed text, the end left of it.
    pub fn span_to_source(&self, range: Range<usize>) -> Span {
        let start = self.start_to_source(range.start);
        if range.end <= range.start {
            return Span::new(start, start);
        }
        let end = self.end_to_source(range.end);
        if end < start {
            Span::new(start, start)
        } else {
            Span::new(start, end)
        }
    }

    /// Calls `f(dst_len, src_range, copied)` for each stretch of `range`
    /// (a range of the normalized text), in order.
    pub(crate) fn for_each_piece(
        &self,
        range: Range<usize>,
        mut f: impl FnMut(usize, Range<usize>, bool),
    ) {
        if range.start >= range.end {
            return;
        }
        let first = self.partition(|p| p.dst + p.dst_len <= range.start);
        for p in &self.pieces[first..] {
            if p.dst >= range.end {
                break;
            }
            let s = range.start.max(p.dst);
            let e = range.end.min(p.dst + p.dst_len);
            if p.copied {
                f(e - s, p.src + (s - p.dst)..p.src + (e - p.dst), true);
            } else {
                f(e - s, p.src..p.src + p.src_len, false);
            }
        }
    }

    /// This map followed by `inner`, which maps this map's source to its
    /// own: a map from this map's normalized text to `inner`'s source.
    pub(crate) fn then(&self, inner: &OffsetMap) -> OffsetMap {
        let mut out = OffsetMap::new(inner.src_len);
        out.pieces.reserve(self.pieces.len());
        for p in &self.pieces {
            let mid = p.src..p.src + p.src_len;
            if p.copied {
                inner.for_each_piece(mid, |dst_len, src, copied| {
                    if copied {
                        out.push_copy(src);
                    } else {
                        out.push_replace(src, dst_len);
                    }
                });
            } else {
                out.push_replace(inner.covering(mid), p.dst_len);
            }
        }
        out
    }

    /// The source range a normalized range covers, edges included; used to
    /// find which source text a block came from.
    pub(crate) fn covering(&self, range: Range<usize>) -> Range<usize> {
        let s = self.span_to_source(range);
        s.start..s.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_and_gap() {
        // source "ab-\ncd" -> "abcd"
        let mut m = OffsetMap::new(6);
        m.push_copy(0..2);
        m.push_copy(4..6);
        assert_eq!(m.len(), 4);
        assert_eq!(m.to_source(0), 0);
        assert_eq!(m.to_source(2), 4);
        assert_eq!(m.to_source(4), 6);
        assert_eq!(m.span_to_source(0..2), Span::new(0, 2));
        assert_eq!(m.span_to_source(2..4), Span::new(4, 6));
        assert_eq!(m.span_to_source(0..4), Span::new(0, 6));
        assert_eq!(m.span_to_source(2..2), Span::new(4, 4));
    }

    #[test]
    fn replacement_maps_whole() {
        // source "a\u{201c}b" (1+3+1) -> "a\"b"
        let mut m = OffsetMap::new(5);
        m.push_copy(0..1);
        m.push_replace(1..4, 1);
        m.push_copy(4..5);
        assert_eq!(m.span_to_source(1..2), Span::new(1, 4));
        assert_eq!(m.span_to_source(0..3), Span::new(0, 5));
        assert_eq!(m.to_source(2), 4);
    }

    /// Lookups that start from the last piece found give what a search of
    /// the whole map gives, in any order.
    #[test]
    fn lookups_from_the_last_piece_agree_with_whole_searches() {
        // Copies with gaps between them and replacements, source order
        // broken once (a moved footnote).
        let mut m = OffsetMap::new(10_000);
        let mut src = 0;
        for i in 0..500 {
            if i == 300 {
                src = 9_000;
            }
            if i % 3 == 0 {
                m.push_replace(src..src + 3, 1);
            } else {
                m.push_copy(src..src + 5);
            }
            src += 7;
        }
        let fresh = || OffsetMap {
            hint: Hint::default(),
            src_hint: Hint::default(),
            ..m.clone()
        };
        let mut x: usize = 12_345;
        for step in 0..5_000 {
            // Mostly forward in small steps, sometimes anywhere.
            x = if step % 7 == 0 {
                (x * 7_919 + 13) % (m.len() + 5)
            } else {
                (x + step % 5) % (m.len() + 5)
            };
            let r = x..(x + step % 9).min(m.len());
            assert_eq!(
                m.span_to_source(r.clone()),
                fresh().span_to_source(r.clone())
            );
            let s = (x * 3) % 10_000;
            assert_eq!(m.from_source(s), fresh().from_source(s), "{s}");
            let mut a = Vec::new();
            let mut b = Vec::new();
            m.for_each_piece(r.clone(), |n, s, c| a.push((n, s, c)));
            fresh().for_each_piece(r, |n, s, c| b.push((n, s, c)));
            assert_eq!(a, b);
        }
    }

    #[test]
    fn merges_adjacent_copies() {
        let mut m = OffsetMap::new(10);
        m.push_copy(0..3);
        m.push_copy(3..7);
        assert_eq!(m.pieces.len(), 1);
    }
}
