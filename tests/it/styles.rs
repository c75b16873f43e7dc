//! Case citations in the styles other than the Supreme Court's own: the
//! Bluebook's short forms and database citations, state styles, neutral
//! citations, nominative reporters and subsequent history.

use crate::corpus::cites_of;
use pincite::{Citation, CitationKind};

/// Each citation as "kind authority pins", in order.
fn rows(src: &str) -> Vec<String> {
    cites_of(src).iter().map(row).collect()
}

fn row(c: &Citation) -> String {
    format!(
        "{} {} {}",
        c.kind(),
        c.authority.as_deref().unwrap_or("-"),
        c.pins_string()
    )
    .trim_end()
    .to_string()
}

#[test]
fn bluebook_short_forms_have_no_comma_before_at() {
    let got = rows(
        "See Piper Aircraft Co. v. Reyno, 454 U.S. 235, 241 (1981). Later, Piper Aircraft, \
         454 U.S. at 241. State v. Doe, 105 Idaho 660 (1983); Doe, 105 Idaho at 667. \
         It ran to 5 U.S. at least.\n",
    );
    assert_eq!(
        got,
        [
            "full_case 454 U.S. 235 241",
            "short_case 454 U.S. 235 241",
            "full_case 105 Idaho 660",
            "short_case 105 Idaho 660 667",
        ]
    );
}

#[test]
fn bluebook_ids_take_footnotes_and_paragraphs() {
    let got = rows(
        "Smith v. Jones, 123 F.3d 456, 460 (9th Cir. 1997). Id. at 463 n.3. See id. at 5-6 & \
         n.18. Id. ¶ 10. Id. ¶¶ 11-12.\n",
    );
    assert_eq!(
        got[1..],
        [
            "id 123 F.3d 456 463n3",
            "id 123 F.3d 456 5-6n18",
            "id 123 F.3d 456 ¶10",
            "id 123 F.3d 456 ¶11-12",
        ]
    );
}

#[test]
fn database_citations_pin_star_pages_and_name_their_court() {
    let cites = cites_of(
        "Jones v. Smith, 2020 WL 1234567, at *3 (S.D.N.Y. Mar. 2, 2020). Id. at *4. Doe v. \
         Roe, 2019 U.S. Dist. LEXIS 12345, at *7 (N.D. Ill. 2019).\n",
    );
    let got: Vec<String> = cites.iter().map(row).collect();
    assert_eq!(
        got,
        [
            "full_case 2020 WL 1234567 *3",
            "id 2020 WL 1234567 *4",
            "full_case 2019 U.S. Dist. LEXIS 12345 *7"
        ]
    );
    assert_eq!(cites[0].court(), Some("S.D.N.Y."));
    assert_eq!(cites[0].court_id(), Some("nysd"));
    assert_eq!(cites[0].case_name(), Some("Jones v. Smith"));
    assert_eq!(cites[2].court_id(), Some("ilnd"));
    assert!(cites.iter().all(|c| c.kind() != CitationKind::ShortCase));
}
