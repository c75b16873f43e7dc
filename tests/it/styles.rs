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

#[test]
fn public_domain_citations_in_every_form() {
    let got = rows(
        "Doe v. Roe, 2021-Ohio-1234, ¶ 20. State v. X, 2019 ND 12, ¶ 8. People v. Y, 2017 IL \
         App (1st) 143684-B, ¶ 3. Smith v. Commissioner, T.C. Memo. 2019-233. Jones v. \
         Commissioner, T. C. Summary Opinion 2018-133. In re Z, 2022-NCSC-1, ¶ 15. State v. \
         Dedman, 2004–NMSC–037. Id. ¶ 12.\n",
    );
    assert_eq!(
        got,
        [
            "full_case 2021-Ohio-1234 ¶20",
            "full_case 2019 ND 12 ¶8",
            "full_case 2017 IL App (1st) 143684-B ¶3",
            "full_case T.C. Memo. 2019-233",
            "full_case T.C. Summary Opinion 2018-133",
            "full_case 2022-NCSC-1 ¶15",
            "full_case 2004-NMSC-037",
            "id 2004-NMSC-037 ¶12",
        ]
    );
}

#[test]
fn california_and_new_york_styles() {
    let cites = cites_of(
        "Yield Dynamics, Inc. v. TEA Systems Corp. (2007) 154 Cal.App.4th 547, 560 [66 \
         Cal.Rptr.3d 1]. Later, Yield Dynamics, supra, 154 Cal.App.4th at p. 561. Rogers v \
         Rogers, 63 NY2d 582, 585 [1984]. Matter of X, 146 AD2d 439 [1st Dept 1989].\n",
    );
    let got: Vec<String> = cites.iter().map(row).collect();
    assert_eq!(
        got,
        [
            "full_case 154 Cal. App. 4th 547 560",
            "full_case 66 Cal. Rptr. 3d 1",
            "short_case 154 Cal. App. 4th 547 561",
            "full_case 63 N.Y.2d 582 585",
            "full_case 146 A.D.2d 439",
        ]
    );
    assert_eq!(
        cites[0].case_name(),
        Some("Yield Dynamics, Inc. v. TEA Systems Corp.")
    );
    assert_eq!(cites[0].year(), Some(2007));
    assert!(cites[1].is_parallel());
    assert_eq!(cites[1].case_name(), cites[0].case_name());
    assert_eq!(cites[2].case_name(), Some("Yield Dynamics"));
    assert_eq!(cites[3].case_name(), Some("Rogers v Rogers"));
    assert_eq!(cites[3].year(), Some(1984));
    assert_eq!(cites[4].court(), Some("1st Dept"));
}

#[test]
fn nominative_reporters_are_read_inside_the_citation() {
    let cites = cites_of(
        "Calder v. Bull, 3 U.S. (3 Dall.) 386, 390 (1798). Marbury v. Madison, 5 U. S. (1 \
         Cranch) 137 (1803). Later, 1 Cranch, at 177.\n",
    );
    let got: Vec<String> = cites.iter().map(row).collect();
    assert_eq!(
        got,
        [
            "full_case 3 U.S. 386 390",
            "full_case 5 U.S. 137",
            "short_case 5 U.S. 137 177"
        ]
    );
    assert_eq!(
        cites[0].full_case().and_then(|f| f.nominative.clone()),
        Some((3, "Dall.".to_string()))
    );
}

#[test]
fn subsequent_history_belongs_to_the_case_before() {
    let cites = cites_of(
        "United States v. Carter, 918 F.2d 1501, 1505 (11th Cir. 1990), cert. denied, 502 U.S. \
         849 (1991). Id. at 1506. Jones v. Clinton, 72 F.3d 1354 (8th Cir. 1996), aff'd in \
         part, rev'd in part, 520 U.S. 681 (1997). Id. Id. at 690.\n",
    );
    let got: Vec<String> = cites.iter().map(row).collect();
    assert_eq!(
        got,
        [
            "full_case 918 F.2d 1501 1505",
            "full_case 502 U.S. 849",
            "id 918 F.2d 1501 1506",
            "full_case 72 F.3d 1354",
            "full_case 520 U.S. 681",
            "id 72 F.3d 1354",
            "id 520 U.S. 681 690",
        ]
    );
    let h = cites[4]
        .full_case()
        .and_then(|f| f.history.clone())
        .unwrap();
    assert_eq!(h.relation, "aff'd in part, rev'd in part");
    assert_eq!(h.of.as_deref(), Some("72 F.3d 1354"));
    assert!(cites[3].full_case().is_some_and(|f| f.history.is_none()));
}

#[test]
fn an_ambiguous_abbreviation_lists_its_candidates() {
    let cites = cites_of("Smith v. Jones, 1 H. 150 (1840).\n");
    let f = cites[0].full_case().unwrap();
    assert_eq!(cites[0].authority, None);
    assert!(f.candidates.len() > 1, "{:?}", f.candidates);
    assert!(
        cites[0].warnings[0].contains("may mean"),
        "{:?}",
        cites[0].warnings
    );
}

#[test]
fn case_names_of_every_shape() {
    let name = |src: &str| cites_of(src)[0].case_name().map(str::to_string);
    assert_eq!(
        name("See Lee County School Dist. No. 1 v. Gardner, 263 F. Supp. 2d 1 (D. Mass. 2015).\n")
            .as_deref(),
        Some("Lee County School Dist. No. 1 v. Gardner")
    );
    assert_eq!(
        name("Idaho v. Coeur d'Alene Tribe of Idaho, 521 U.S. 261 (1997).\n").as_deref(),
        Some("Idaho v. Coeur d'Alene Tribe of Idaho")
    );
    assert_eq!(
        name("Riggs Nat. Bank of Washington, D. C. v. Zimmer, 355 A. 2d 709 (Del. Ch. 1976).\n")
            .as_deref(),
        Some("Riggs Nat. Bank of Washington, D. C. v. Zimmer")
    );
    assert_eq!(
        name("The court agreed. People v. Thompson, 50 Cal.4th 134 (2010).\n").as_deref(),
        Some("People v. Thompson")
    );
    assert_eq!(
        name("(See In re Clark (1993) 5 Cal.4th 750.)\n").as_deref(),
        Some("In re Clark")
    );
}

#[test]
fn an_id_means_the_main_citation_not_one_in_its_parenthetical_unless_its_pin_says_so() {
    // The Bluebook's rule: the main citation.
    let got = rows(
        "See Florida v. Powell, 998 So. 2d 531, 533 (Fla. 2008) (\u{201c}whether the failure \
         violates Miranda v. Arizona, 384 U. S. 436.\u{201d}); id. at 538.\n",
    );
    assert_eq!(got[2], "id 998 So. 2d 531 538");
    // A page only the quoted case holds, or one nearer a page it was cited
    // at (the Supreme Court's own usage).
    let got = rows(
        "Pacific Gas & Elec. Co. v. Public Util. Comm'n, 475 U. S. 1, 8 (1986) (quoting First \
         Nat. Bank of Boston v. Bellotti, 435 U. S. 765, 783 (1978)). The Court said more. Id., \
         at 776. Bowen v. Public Agencies, 477 U. S. 41, 52 (1986) (citing Sinking Fund Cases, \
         99 U. S. 700, 720 (1879)). Id., at 720.\n",
    );
    assert_eq!(got[2], "id 435 U.S. 765 776");
    assert_eq!(got[5], "id 99 U.S. 700 720");
    // Not after "ante" (which an Id. skips): the quoted case is the last.
    let got = rows(
        "Neil v. Biggers, 409 U. S. 188 (1972). Manson v. Brathwaite, 432 U. S. 98 (1977). The \
         Court says so. Ante, at 2 (citing Brathwaite, 432 U. S., at 112). Id., at 111.\n",
    );
    assert_eq!(got.last().unwrap(), "id 432 U.S. 98 111");
}

#[test]
fn references_name_a_case_cited_before() {
    let cites = cites_of(
        "Miranda v. Arizona, 384 U. S. 436 (1966). In June, the rule held. In Miranda, the \
         Court spoke. Under Miranda, officers warn. Later, Miranda at 467. In Escobedo, the \
         Court did not. Id., at 468. In Miranda v. Arizona, 384 U. S. 436, it held.\n",
    );
    let got: Vec<String> = cites.iter().map(row).collect();
    assert_eq!(
        got,
        [
            "full_case 384 U.S. 436",
            "reference 384 U.S. 436",
            "reference 384 U.S. 436",
            "reference 384 U.S. 436 467",
            "id 384 U.S. 436 468",
            "full_case 384 U.S. 436",
        ]
    );
    assert_eq!(cites[1].case_name(), Some("Miranda"));
    assert_eq!(cites[1].text, "Miranda");
    // A mention without a pin is no reference of the table of authorities.
    let toa = pincite::TableOfAuthorities::new([("t.txt", cites.as_slice())]);
    assert_eq!(toa.get("384 U.S. 436").unwrap().count, 4);
}
