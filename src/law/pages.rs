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

#[cfg(test)]
mod tests {
    use super::*;

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
