//! Statute sections: "523(a)(2)(A)", its base section, its siblings.

/// A statute section without its subsections: "523(a)(2)(A)" -> "523".
pub(crate) fn base_section(sec: &str) -> &str {
    sec.split('(').next().unwrap_or(sec)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_base_section_drops_the_subsections() {
        assert_eq!(base_section("523(a)(2)(A)"), "523");
        assert_eq!(base_section("1983"), "1983");
    }
}
