//! Page numbers and ranges as opinions write them.

/// The end of a page range written short: "1278-79" ends at 1279,
/// "1299-01" at 1301; `digits` is how many digits `last` was written with.
pub(crate) fn full_range_end(page: u32, last: u32, digits: usize) -> u32 {
    let written = page.checked_ilog10().map_or(1, |l| l as usize + 1);
    if last >= page || digits >= written {
        return last;
    }
    let unit = 10u32.pow(digits as u32);
    let mut end = page - page % unit + last;
    if end < page {
        end += unit;
    }
    end
}

/// The most pages an opinion runs to: a pin further than this past its
/// first page is no page of it (the Telephone Cases, 126 U. S. 1, run to
/// page 601).
pub(crate) const OPINION_PAGES_MAX: u32 = 1000;

/// The fewest digits of a range's end that [`joined_range`] splits off.
const JOINED_END_DIGITS_MIN: usize = 2;

/// Years a bare number after a first page may be (a public-domain cite's
/// year, "300, 2006-Ohio-2040"): never read as a joined range.
const YEARS: std::ops::RangeInclusive<u32> = 1750..=2099;

/// A page range whose hyphen a PDF-to-text tool dropped at a line end
/// ("330, 335-\n36" read "330, 33536" in poppler's default mode): when
/// `pin` can be no page of an opinion starting at `first`, the one way
/// to split its digits into a start in the opinion's reach and an end of
/// two or more digits after it. `None` for a pin that can be a page, a
/// year, or a split that is not the only one.
pub(crate) fn joined_range(first: u32, pin: u32) -> Option<(u32, u32)> {
    let reach = first..=first.saturating_add(OPINION_PAGES_MAX);
    if reach.contains(&pin) || YEARS.contains(&pin) {
        return None;
    }
    let digits = pin.checked_ilog10()? as usize + 1;
    let mut found = None;
    for end_digits in JOINED_END_DIGITS_MIN..digits {
        let unit = 10u32.pow(end_digits as u32);
        let (start, last) = (pin / unit, pin % unit);
        let end = full_range_end(start, last, end_digits);
        if reach.contains(&start) && end > start && reach.contains(&end) {
            if found.is_some() {
                return None;
            }
            found = Some((start, end));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_joined_range_is_split_only_where_nothing_else_fits() {
        // The Eleventh Circuit's Robinson v. Tyson Foods in poppler's
        // default mode: "In re Superior Crewboats, 374 F.3d 330, 33536".
        assert_eq!(joined_range(330, 33536), Some((335, 336)));
        assert_eq!(joined_range(1, 1012), None, "a page of the opinion");
        assert_eq!(joined_range(63, 2009), None, "a year");
        assert_eq!(joined_range(330, 3353), None, "one digit after 335");
        assert_eq!(joined_range(5000, 12_345), None, "no start in reach");
        assert_eq!(joined_range(1, 12_345), None, "123-145 or 12-345");
    }

    #[test]
    fn short_ranges_are_read_in_full() {
        assert_eq!(full_range_end(1278, 79, 2), 1279);
        assert_eq!(full_range_end(1299, 1, 2), 1301);
        assert_eq!(full_range_end(425, 426, 3), 426);
        assert_eq!(full_range_end(304, 5, 1), 305);
        assert_eq!(full_range_end(198, 2, 1), 202);
        assert_eq!(full_range_end(1295, 5, 2), 1305);
    }
}
