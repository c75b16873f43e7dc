//! Citation extraction: the annotated corpus and the grammar's corner cases.

use crate::corpus::{self, cites_of, path, read};
use pincite::{Citation, CitationKind, Section};
use std::collections::BTreeMap;

const SLIP: &str = "corpus/van_de_kamp_v_goldstein_2009_slip.txt";
const SYLLABUS: &str = "corpus/van_de_kamp_v_goldstein_2009_syllabus.txt";

fn counts(cites: &[Citation]) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for c in cites {
        *m.entry(c.kind().to_string()).or_insert(0) += 1;
    }
    m
}

#[test]
fn van_de_kamp_slip_matches_its_annotation() {
    corpus::check(SLIP, true);
}

#[test]
fn van_de_kamp_syllabus_matches_its_annotation() {
    corpus::check(SYLLABUS, true);
}

#[test]
fn van_de_kamp_opinion_is_cited_alike_in_both_forms() {
    let key = |c: &Citation| (c.kind(), c.authority.clone(), c.pins_string());
    let opinion = |rel: &str| -> Vec<_> {
        cites_of(&read(rel))
            .iter()
            .filter(|c| c.section != Section::Syllabus)
            .map(key)
            .collect()
    };
    let slip = opinion(SLIP);
    let syllabus = opinion(SYLLABUS);
    assert!(slip.len() > 60, "{} citations", slip.len());
    assert_eq!(slip, syllabus);
}

/// The one citation of `kind` in `src` (first if several).
fn first(src: &str, kind: CitationKind) -> Citation {
    cites_of(src)
        .into_iter()
        .find(|c| c.kind() == kind)
        .unwrap_or_else(|| panic!("no {kind} in {src:?}"))
}

#[test]
fn known_facts_of_the_slip() {
    let src = read(SLIP);
    let cites = cites_of(&src);
    let find = |t: &str| {
        cites
            .iter()
            .find(|c| c.text.replace('\n', "") == t)
            .unwrap_or_else(|| panic!("no citation {t:?}"))
    };
    let g = find("Goldstein v. Long Beach, 481 F. 3d 1170, 1171–1172 (CA9 2007)");
    assert_eq!(g.court(), Some("CA9"));
    assert_eq!(g.court_id(), Some("ca9"));
    assert_eq!(g.year(), Some(2007));
    assert_eq!(g.authority.as_deref(), Some("481 F.3d 1170"));
    let i = cites.iter().position(|c| c.text == "Ibid.").unwrap();
    assert_eq!(cites[i - 1].authority.as_deref(), Some("177 F.2d 579"));
    assert_eq!(cites[i].authority.as_deref(), Some("177 F.2d 579"));
    assert_eq!(cites[i].pins_string(), "581");
    assert_eq!(find("Id., at 431,  n. 34").pins_string(), "431n34");
    let internal = find("supra, at 10");
    assert_eq!(internal.kind(), CitationKind::Internal);
    assert_eq!(internal.authority.as_deref(), Some("slip op."));
    let k = find("Kalina, supra, at 132");
    assert_eq!(k.parenthetical.as_deref(), Some("SCALIA, J., concurring"));
    let statutes: Vec<_> = cites
        .iter()
        .filter(|c| c.kind() == CitationKind::Statute)
        .take(3)
        .map(|c| c.authority.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(
        statutes,
        ["Rev. Stat. § 1979", "42 U.S.C. § 1983", "42 U.S.C. § 1983"]
    );
}

#[test]
fn syllabus_case_name_never_swallows_the_previous_sentence() {
    let c = first(
        "Pp. 11-12. 481 F. 3d 1170, reversed and remanded.\n",
        CitationKind::FullCase,
    );
    assert_eq!(c.case_name(), None);
    assert_eq!(c.authority.as_deref(), Some("481 F.3d 1170"));
}

#[test]
fn short_cite_with_wrong_volume_resolves_by_name_with_a_warning() {
    let src = "Imbler v. Pachtman, 424 U. S. 409 (1976). Later, Imbler, 425 U. S., at 425.\n";
    let c = first(src, CitationKind::ShortCase);
    assert_eq!(c.authority.as_deref(), Some("424 U.S. 409"));
    assert_eq!(c.warnings.len(), 1);
}

#[test]
fn unresolved_citations_are_kept_with_a_warning() {
    let cites = cites_of("As held in Smith, supra, at 5, and id., at 6.\n");
    assert_eq!(cites.len(), 2);
    assert!(cites.iter().all(|c| c.authority.is_none()));
    assert!(cites.iter().all(|c| !c.warnings.is_empty()));
}

#[test]
fn blank_page_slip_cites_are_full_cites_keyed_by_name() {
    let c = first(
        "See Kemp v. United States, 596 U. S. ___ (2022).\n",
        CitationKind::FullCase,
    );
    assert_eq!(c.first_page(), None);
    assert_eq!(c.year(), Some(2022));
    assert_eq!(
        c.authority.as_deref(),
        Some("Kemp v. United States, 596 U.S. ___")
    );
}

#[test]
fn statute_forms() {
    let cites = cites_of(
        "Under 28 U. S. C. §2254(d)(1) and §§1983, 1985, see 14 Stat. 533 and Pub. L. 111–148; §523(a)(2)(A).\n",
    );
    let auth: Vec<_> = cites
        .iter()
        .map(|c| c.authority.clone().unwrap_or_default())
        .collect();
    // The bare sections right after a title's section take that title;
    // "§523(a)(2)(A)", numbered unlike title 28's sections, takes none.
    assert_eq!(
        auth,
        [
            "28 U.S.C. § 2254(d)(1)",
            "28 U.S.C. § 1983",
            "28 U.S.C. § 1985",
            "14 Stat. 533",
            "Pub. L. 111-148",
            ""
        ]
    );
    assert_eq!(cites[1].text, "§§1983");
    assert_eq!(cites[2].text, "1985");
    assert!(cites.iter().all(|c| c.kind() == CitationKind::Statute));
}

#[test]
fn bare_section_resolves_to_the_last_full_statute_and_id_section_to_its_code() {
    let cites = cites_of(
        "See 42 U. S. C. §1983. In this §1983 action, Imbler, 424 U. S. 409, 410 (1976), id., at 411; Id. §1985.\n",
    );
    let kinds: Vec<_> = cites.iter().map(|c| c.kind()).collect();
    assert_eq!(
        kinds,
        [
            CitationKind::Statute,
            CitationKind::Statute,
            CitationKind::FullCase,
            CitationKind::Id,
            CitationKind::Id,
        ]
    );
    assert_eq!(cites[1].authority.as_deref(), Some("42 U.S.C. § 1983"));
    assert_eq!(cites[3].authority.as_deref(), Some("424 U.S. 409"));
    assert_eq!(cites[4].authority.as_deref(), Some("42 U.S.C. § 1985"));
}

#[test]
fn pins_lists_ranges_and_footnotes() {
    let cites = cites_of(
        "Roe v. Wade, 410 U. S. 113, 120 & n. 5 (1973). Id., at 130, nn. 3–4. Id., at *7. App. to Pet. for Cert. 12a. Tr. 45. See supra, n. 5.\n",
    );
    let pins: Vec<_> = cites.iter().map(Citation::pins_string).collect();
    assert_eq!(pins, ["120n5", "130n3,130n4", "*7", "12", "45", "n5"]);
    assert_eq!(
        cites[3].authority.as_deref(),
        Some("App. to Pet. for Cert.")
    );
    assert_eq!(cites[4].authority.as_deref(), Some("Tr."));
    assert_eq!(cites[5].kind(), CitationKind::Internal);
}

#[test]
fn two_ibids_in_a_row_are_two_citations_inheriting_the_pin() {
    let cites = cites_of("Roe v. Wade, 410 U. S. 113, 120 (1973). Ibid. See also ibid.\n");
    assert_eq!(cites.len(), 3);
    assert_eq!(cites[2].pins_string(), "120");
    assert_eq!(cites[2].signal.as_deref(), Some("See also"));
}

#[test]
fn parallel_citations_share_name_and_year() {
    let cites = cites_of(
        "See McCord v. Western Union Telegraph Co., 39 Minn. 181, 185, 39 N. W. 315, 317 (1888).\n",
    );
    assert_eq!(cites.len(), 2);
    assert_eq!(cites[0].year(), Some(1888));
    assert_eq!(cites[1].year(), Some(1888));
    assert_eq!(cites[1].case_name(), cites[0].case_name());
    assert_eq!(cites[0].pins_string(), "185");
    assert_eq!(cites[1].authority.as_deref(), Some("39 N.W. 315"));
}

#[test]
fn case_names_keep_corporate_suffixes_and_drop_opening_participles() {
    let c = first(
        "See Sumitomo Shoji America, Inc. v. Avagliano, 457 U. S. 176, 185 (1982).\n",
        CitationKind::FullCase,
    );
    assert_eq!(
        c.case_name(),
        Some("Sumitomo Shoji America, Inc. v. Avagliano")
    );
    let c = first(
        "It held so. Invoking Strang v. Bradner, 114 U. S. 555, the court erred.\n",
        CitationKind::FullCase,
    );
    assert_eq!(c.case_name(), Some("Strang v. Bradner"));
    let c = first(
        "The Court of Appeals in Croll v. Croll, 229 F. 3d 133 (2000), held.\n",
        CitationKind::FullCase,
    );
    assert_eq!(c.case_name(), Some("Croll v. Croll"));
}

#[test]
fn joint_appendix_volumes_are_record_citations() {
    let c = first("Compact, 1 App. 7–51.\n", CitationKind::Record);
    assert_eq!(c.authority.as_deref(), Some("App."));
    assert_eq!(c.volume(), Some(1));
    assert_eq!(c.pins_string(), "7-51");
    assert!(
        cites_of("Compact, 1 App. 7.\n")
            .iter()
            .all(|c| c.kind() == CitationKind::Record)
    );
}

#[test]
fn section_lists_with_subsections_and_decimal_sections() {
    let cites = cites_of("See 42 U. S. C. §§11603(a), (b), (d); Compact §5.05(b)(1).\n");
    let auth: Vec<_> = cites
        .iter()
        .map(|c| c.authority.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        auth,
        [
            "42 U.S.C. § 11603(a)",
            "42 U.S.C. § 11603(b)",
            "42 U.S.C. § 11603(d)",
            ""
        ]
    );
    assert_eq!(cites[1].text, "(b)");
    assert_eq!(cites[3].text, "§5.05(b)(1)");
}

#[test]
fn short_cites_pick_the_case_of_their_volume_by_page() {
    let cites = cites_of(
        "Imbler v. Pachtman, 424 U. S. 409 (1976); Hampton v. United States, 425 U. S. 484 (1976); Buckley v. Valeo, 424 U. S. 1 (1976). Later: 424 U. S., at 430; 424 U. S., at 20.\n",
    );
    let auth: Vec<_> = cites
        .iter()
        .filter(|c| c.kind() == CitationKind::ShortCase)
        .map(|c| c.authority.clone().unwrap_or_default())
        .collect();
    assert_eq!(auth, ["424 U.S. 409", "424 U.S. 1"]);
}

#[test]
fn compare_with_signals_and_parentheticals() {
    let cites = cites_of(
        "Compare Roe v. Wade, 410 U. S. 113, 120 (1973) (plurality opinion), with Doe v. Bolton, 410 U. S. 179 (1973). We agree with Smith v. Jones, 1 U. S. 1 (1790).\n",
    );
    let signals: Vec<_> = cites.iter().map(|c| c.signal.as_deref()).collect();
    assert_eq!(signals, [Some("Compare"), Some("with"), None]);
    assert_eq!(cites[0].parenthetical.as_deref(), Some("plurality opinion"));
}

#[test]
fn every_corpus_citation_carries_its_source_bytes() {
    let dir = path("corpus");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus directory")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let mut problems = Vec::new();
    for p in names {
        let src = std::fs::read_to_string(&p).expect("read");
        let cites = cites_of(&src);
        eprintln!("{}: {:?}", p.display(), counts(&cites));
        for c in &cites {
            let ok = c.span.start < c.span.end
                && src.get(c.span.range()) == Some(c.text.as_str())
                && (c.authority.is_some() || !c.warnings.is_empty());
            if !ok {
                problems.push(format!("{}: {:?}", p.display(), c));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn long_runs_of_pins_and_ids_stay_linear() {
    let mut src = String::from("Roe v. Wade, 410 U. S. 113");
    for i in 0..20_000 {
        src.push_str(&format!(", {}", 114 + i % 100));
    }
    src.push_str(" (1973).");
    for _ in 0..20_000 {
        src.push_str(" Id., at 5. Ibid.");
    }
    src.push('\n');
    let start = std::time::Instant::now();
    let cites = cites_of(&src);
    assert_eq!(cites.len(), 40_001);
    assert_eq!(cites[0].pins.len(), 20_000);
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
}

#[test]
fn blank_page_citations_take_their_pin_from_the_slip_opinion_parenthetical() {
    let cites = cites_of(
        "Badgerow v. Walters, 596 U. S. ___, ___ (2022) (slip op., at 8). Badgerow, 596 U. S., at ___ (slip op., at 9–10).\n",
    );
    let pins: Vec<_> = cites.iter().map(Citation::pins_string).collect();
    assert_eq!(pins, ["8", "9-10"]);
    assert_eq!(cites[1].authority, cites[0].authority);
}

#[test]
fn statute_edition_notes_are_parentheticals() {
    let c = first(
        "Title 42 U. S. C. §1983 (2006 ed., Supp. V) applies.\n",
        CitationKind::Statute,
    );
    assert_eq!(c.parenthetical.as_deref(), Some("2006 ed., Supp. V"));
    assert_eq!(c.text, "42 U. S. C. §1983");
}

/// The citations of `src` as `kind authority pins` strings.
fn summary(src: &str) -> Vec<String> {
    cites_of(src)
        .iter()
        .map(|c| {
            format!(
                "{} {} {}",
                c.kind(),
                c.authority.as_deref().unwrap_or("-"),
                c.pins_string()
            )
        })
        .collect()
}

#[test]
fn id_after_a_parallel_citation_means_the_first_unless_its_pin_fits_only_another() {
    // J. McIntyre Machinery, Ltd. v. Nicastro (2011), the Id. added.
    let cites = summary(
        "” Nicastro v. McIntyre Machinery America, Ltd., 201 N. J. 48, 52, 987 A. 2d 575, 577 (2010). Id., at 53. Id., at 578. Ibid.\n",
    );
    assert_eq!(
        cites,
        [
            "full_case 201 N.J. 48 52",
            "full_case 987 A.2d 575 577",
            "id 201 N.J. 48 53",
            "id 987 A.2d 575 578",
            "id 987 A.2d 575 578",
        ]
    );
    let cites = summary(
        "See McCord v. Western Union Telegraph Co., 39 Minn. 181, 185, 39 N. W. 315, 317 (1888). Ibid.\n",
    );
    assert_eq!(cites[2], "id 39 Minn. 181 185");
}

#[test]
fn short_cite_in_a_volume_of_two_cases_prefers_the_name_then_the_nearest_first_page() {
    // Van de Kamp's "Kalina, 522 U. S., at 125"; the second case of the
    // volume is made up for the test.
    let src = "Kalina v. Fletcher, 522 U. S. 118 (1997); Doe v. Roe, 522 U. S. 121 (1997). “it is the interest in protecting the proper functioning of the office, rather than the interest in protecting its occupant, that is of primary importance.” Kalina, 522 U. S., at 125. See 522 U. S., at 125. Roe, 522 U. S., at 130.\n";
    let short: Vec<_> = cites_of(src)
        .into_iter()
        .filter(|c| c.kind() == CitationKind::ShortCase)
        .map(|c| c.authority.unwrap_or_default())
        .collect();
    assert_eq!(short, ["522 U.S. 118", "522 U.S. 121", "522 U.S. 121"]);
    // A name matching a case of another volume only: the volume is wrong.
    let c = first(
        "Imbler v. Pachtman, 424 U. S. 409 (1976); Hampton v. United States, 425 U. S. 484 (1976). Imbler, 425 U. S., at 425.\n",
        CitationKind::ShortCase,
    );
    assert_eq!(c.authority.as_deref(), Some("424 U.S. 409"));
    assert_eq!(c.warnings.len(), 1);
}

#[test]
fn id_after_a_source_pincite_does_not_parse_is_unresolved_with_a_warning() {
    let cases = [
        // Taniguchi v. Kan Pacific Saipan, Ltd. (2012): a dictionary named
        // without a page.
        "See Crawford Fitting Co. v. J. T. Gibbons, Inc., 482 U. S. 437, 441 (1987). Respondent relies almost exclusively on Webster’s Third New International Dictionary (hereinafter Webster’s Third). Ibid.\n",
        // A web page and a resolution of Congress.
        "Cf. Printz v. United States, 521 U. S. 898, 921 (1997). See http://www.census.gov/population (as visited June 1, 2012). Id., at 2.\n",
        "See Printz v. United States, 521 U. S. 898, 921 (1997); S. Res. 12, 100th Cong. (1987). Id., at 3.\n",
    ];
    for src in cases {
        let cites = cites_of(src);
        let id = cites.last().unwrap();
        assert_eq!(id.kind(), CitationKind::Id, "{src}");
        assert_eq!(id.authority, None, "{src}");
        assert!(
            id.warnings[0].contains("does not recognize"),
            "{src}: {:?}",
            id.warnings
        );
    }
    // A treaty document is legislative material: the Id. refers to it.
    // Abbott v. Abbott (2010).
    let cites = cites_of(
        "See Croll v. Croll, 229 F. 3d 133 (2000). The Convention provides that a child abducted in violation of “rights of custody” must be returned. Art. 1, S. Treaty Doc. No. 99–11, at 7 (Treaty Doc.). Id., at 7, 9.\n",
    );
    let id = cites.last().unwrap();
    assert_eq!(id.kind(), CitationKind::Id);
    assert_eq!(id.authority.as_deref(), Some("S. Treaty Doc. No. 99-11"));
    assert_eq!(id.pins_string(), "7,9");
    // A brief quoted in the parenthetical of a case does not break the
    // chain: the Id. refers to the case.
    let cites = summary(
        "See Zedner v. United States, 547 U. S. 489, 500 (2006) (quoting Brief for Petitioner 15). Id., at 501.\n",
    );
    assert_eq!(cites[1], "record Brief for Petitioner 15");
    assert_eq!(cites[2], "id 547 U.S. 489 501");
}

#[test]
fn named_supras_after_sentence_ends_and_without_a_comma_are_supras() {
    let src = "Herring v. United States, 555 U. S. 135 (2009); Hensley v. Eckerhart, 461 U. S. 424 (1983); Helling v. McKinney, 509 U. S. 25 (1993).\n\
               Herring, supra, at 144, held that the costs weigh more.\n\
               Davis: costs. Herring, supra, at 144. An enhanced award may be justified,” Hensley supra, at 435; the commission of a crime.” Helling, supra, at 38.\n";
    let supras: Vec<_> = cites_of(src)
        .into_iter()
        .filter(|c| c.kind() != CitationKind::FullCase)
        .map(|c| {
            format!(
                "{} {} {}",
                c.kind(),
                c.case_name().unwrap_or_default(),
                c.authority.as_deref().unwrap_or_default()
            )
        })
        .collect();
    assert_eq!(
        supras,
        [
            "supra Herring 555 U.S. 135",
            "supra Herring 555 U.S. 135",
            "supra Hensley 461 U.S. 424",
            "supra Helling 509 U.S. 25",
        ]
    );
    // A part of the opinion is no source.
    let c = first(
        "As we said in Part II–A, supra, the rule holds.\n",
        CitationKind::Internal,
    );
    assert_eq!(c.case_name(), None);
    assert_eq!(c.text, "Part II–A, supra");
}

#[test]
fn numbers_of_the_sentence_and_glued_footnote_calls_are_not_pins() {
    // Golan v. Holder (2012).
    let c = first(
        "As noted above, see supra, at 3, 164 countries adhere to the Berne Convention.\n",
        CitationKind::Internal,
    );
    assert_eq!(c.pins_string(), "3");
    assert_eq!(c.text, "supra, at 3");
    // Maryland v. Shatzer (2010): footnote 5 called after the pin.
    let cites = cites_of(
        "See Arizona v. Roberson, 486 U. S. 675 (1988). The same pressures, see 486 U. S., at 681,5 and that the concern about compulsion is serious.\n",
    );
    assert_eq!(cites[1].pins_string(), "681");
    assert_eq!(cites[1].text, "486 U. S., at 681");
    // A reporter with five-digit pages written with a thousands comma.
    let c = first("See 115 FERC, at 62,308–62,309.\n", CitationKind::ShortCase);
    assert_eq!(c.pins_string(), "62308-62309");
}

#[test]
fn abbreviated_ranges_are_read_in_full() {
    let cites = summary(
        "Truth v. Kent Sch. Dist., 542 F. 3d 634, 649–50 (9th Cir. 2008); Berkey Photo v. Eastman Kodak Co., 593 F.2d 1275, 1278-79 n.14 (2d Cir. 1979); Id., at 1299-01.\n",
    );
    assert_eq!(
        cites,
        [
            "full_case 542 F.3d 634 649-650",
            "full_case 593 F.2d 1275 1278-1279n14",
            "id 593 F.2d 1275 1299-1301",
        ]
    );
}

#[test]
fn case_names_are_whole_and_start_at_the_first_party() {
    let name = |src: &str| {
        first(src, CitationKind::FullCase)
            .case_name()
            .unwrap_or_default()
            .to_string()
    };
    // National Federation of Independent Business v. Sebelius (2012).
    assert_eq!(
        name(
            "See Monongahela\nNav. Co. v. United States, 148 U. S. 312, 335–337 (1893).\n"
                .replace('\n', " ")
                .as_str()
        ),
        "Monongahela Nav. Co. v. United States"
    );
    assert_eq!(
        name("(CA7 2004); see also Hill v. Gateway 2000, Inc., 105 F. 3d 1147, 1149 (CA7 1997).\n"),
        "Hill v. Gateway 2000, Inc."
    );
    // Bartenwerfer v. Buckley (2023), footnote 1.
    assert_eq!(
        name("1 See, e.g., In re M.M. Winkler & Assoc., 239 F. 3d 746, 749 (CA5 2001).\n"),
        "In re M.M. Winkler & Assoc."
    );
    assert_eq!(
        name("That was settled. Later Imbler v. Pachtman, 424 U. S. 409 (1976), held so.\n"),
        "Imbler v. Pachtman"
    );
    // A one-word party ending in -ing opening a sentence stays.
    assert_eq!(
        name("It was wrong. Helvering v. Hallock, 309 U. S. 106 (1940).\n"),
        "Helvering v. Hallock"
    );
}

#[test]
fn canada_supreme_court_reports_are_not_south_carolina_reports() {
    // Abbott v. Abbott (2010), dissent.
    let cites = cites_of(
        "See Thomson v. Thomson, [1994] 3 S. C. R. 551, 589–590, 119 D. L. R. (4th) 253, 281. See [1994] 3 S. C. R., at 589–590.\n",
    );
    assert_eq!(cites[0].reporter(), Some("S.C.R."));
    assert_eq!(cites[0].authority.as_deref(), Some("3 S.C.R. 551"));
    assert_eq!(cites[1].authority.as_deref(), Some("3 S.C.R. 551"));
}

#[test]
fn preliminary_print_pages_are_reporter_pages() {
    let src = read("corpus/scotus_kemp_v_us_2022_prelim_slip.txt");
    let internal: Vec<_> = cites_of(&src)
        .into_iter()
        .filter(|c| c.kind() == CitationKind::Internal)
        .collect();
    assert!(!internal.is_empty());
    for c in &internal {
        assert_eq!(c.authority.as_deref(), Some("596 U.S. 528"), "{}", c.text);
        assert!(c.warnings.is_empty(), "{c:?}");
    }
    // A slip opinion's own pages stay "slip op.".
    let slip = cites_of(&read(SLIP));
    assert!(
        slip.iter()
            .filter(|c| c.kind() == CitationKind::Internal)
            .all(|c| c.authority.as_deref() == Some("slip op."))
    );
}

#[test]
fn id_chains_keep_to_the_body_or_their_footnote() {
    // Tarrant Regional Water Dist. v. Herrmann (2013): footnote 2 cites
    // the Compact's sections; the body's "Id., at 25" after it refers to
    // the joint appendix the body cited last, not to the footnote's
    // citations.
    let src = read("corpus/scotus_tarrant_v_herrmann_2013_slip.txt");
    let cites = cites_of(&src);
    let i = cites
        .iter()
        .position(|c| c.text == "Id., at 25")
        .expect("Id., at 25");
    assert_eq!(cites[i].authority.as_deref(), Some("App."));
    assert_eq!(
        cites[i - 1].text,
        "§5.05(b)(1)",
        "a footnote citation comes before"
    );
    // Footnote 2 opens "See Compact §5.01(b), id., at 22–23": the first Id.
    // of the footnote refers to the body's citation before the call, the
    // Compact in the joint appendix.
    let k = cites
        .iter()
        .position(|c| c.text == "id., at 22–23")
        .expect("id., at 22–23");
    assert_eq!(cites[k].authority.as_deref(), Some("App."));
    assert_eq!(cites[k].pins_string(), "22-23");
}

#[test]
fn spelled_out_sections_are_statutes_resolved_like_bare_sections() {
    // Bartenwerfer v. Buckley (2023).
    let cites = summary(
        "Under 11 U. S. C. §523(a)(2)(A), a debt is not discharged. Section 523(a)(2)(A) takes the debtor as it finds her. Sections 523(a)(2)(B) and (C) differ; section 727 does not.\n",
    );
    assert_eq!(
        cites,
        [
            "statute 11 U.S.C. § 523(a)(2)(A) ",
            "statute 11 U.S.C. § 523(a)(2)(A) ",
            "statute 11 U.S.C. § 523(a)(2)(B) ",
            "statute 11 U.S.C. § 523(a)(2)(C) ",
        ]
    );
}

#[test]
fn ante_and_post_are_references_to_the_decision_itself() {
    let cites = cites_of(
        "See Strang v. Bradner, 114 U. S. 555, 561 (1885); ante, at 5–6. Post, at 1 (opinion concurring in judgment). Id., at 3.\n",
    );
    let internal: Vec<_> = cites
        .iter()
        .filter(|c| c.kind() == CitationKind::Internal)
        .map(|c| (c.text.as_str(), c.authority.as_deref(), c.pins_string()))
        .collect();
    assert_eq!(
        internal,
        [
            ("ante, at 5–6", Some("slip op."), "5-6".to_string()),
            ("Post, at 1", Some("slip op."), "1".to_string()),
        ]
    );
    // An Id. after them refers to the other opinion, not to the case
    // before them.
    let id = cites.last().unwrap();
    assert_eq!(id.kind(), CitationKind::Id);
    assert_eq!(id.authority.as_deref(), Some("slip op."));
    assert_eq!(id.pins_string(), "3");
    assert_eq!(id.category(), Some(pincite::Category::Internal));
}

#[test]
fn briefs_and_transcripts_are_record_citations() {
    // Bloate v. United States (2010) style: a brief, then Ibid.
    let cites = cites_of(
        "See Zedner v. United States, 547 U. S. 489, 500 (2006). “[I]t refers to present or future travel,” petitioner tells us. Brief for Petitioner 15. Ibid. See Brief for United States as Amicus Curiae 12–13; Reply Brief for Respondents 3, n. 2; Tr. of Oral Arg. 23; Pet. for Cert. i; Brief in Opposition 9; 2 Record 558; Compl. ¶¶ 46–53; Reply Brief 11–12. The Brief for Petitioner argues otherwise.\n",
    );
    let got: Vec<(String, Option<&str>, String)> = cites
        .iter()
        .skip(1)
        .map(|c| {
            (
                c.kind().to_string(),
                c.authority.as_deref(),
                c.pins_string(),
            )
        })
        .collect();
    let want = [
        ("record", "Brief for Petitioner", "15"),
        ("id", "Brief for Petitioner", "15"),
        (
            "record",
            "Brief for United States as Amicus Curiae",
            "12-13",
        ),
        ("record", "Reply Brief for Respondents", "3n2"),
        ("record", "Tr. of Oral Arg.", "23"),
        ("record", "Pet. for Cert.", ""),
        ("record", "Brief in Opposition", "9"),
        ("record", "Record", "558"),
        ("record", "Compl.", "\u{b6}46-53"),
        ("record", "Reply Brief", "11-12"),
    ];
    let want: Vec<(String, Option<&str>, String)> = want
        .iter()
        .map(|(k, a, p)| (k.to_string(), Some(*a), p.to_string()))
        .collect();
    assert_eq!(got, want);
    assert_eq!(cites[8].volume(), Some(2));
    assert!(cites.iter().all(
        |c| c.category() != Some(pincite::Category::Case) || c.kind() == CitationKind::FullCase
    ));
}

#[test]
fn sections_of_books_restatements_uniform_acts_and_the_constitution_are_no_statutes() {
    // Bartenwerfer v. Buckley (2023), Tarrant Regional Water Dist. v.
    // Herrmann (2013), Coney Island Auto Parts v. Burton (2026).
    let src = "Restatement (Third) of Agency §7.07 (2006); D. Dobbs, P. Hayden, & E. Bublick, Law of Torts §425 (2022). Uniform Partnership Act §305 (2013). See, e.g., §306(c) (limited-liability partnerships); Law of Suretyship and Guaranty §6:8 (2022); 27 R. Lord, Williston on Contracts §69:47 (4th ed. 2022). 11 C. Wright, A. Miller, & M. Kane, Federal Practice and Procedure §2862, pp. 431–433 (3d ed. 2012). Art. I, §10, cl. 3. See Restatement (Second) of Contracts §203(b) (explaining). Section 1 of the Fourteenth Amendment applies. Act of Mar. 2, 1867, §33, 14 Stat. 533.\n";
    // They are sections of the books and acts, "§306(c)" the act's again;
    // the Constitution's section is the constitution's citation.
    assert_eq!(
        summary(src),
        [
            "secondary Restatement (Third) of Agency ",
            "secondary D. Dobbs, P. Hayden, & E. Bublick, Law of Torts ",
            "secondary Uniform Partnership Act ",
            "secondary Uniform Partnership Act ",
            "secondary Law of Suretyship and Guaranty ",
            "secondary R. Lord, Williston on Contracts ",
            "secondary C. Wright, A. Miller, & M. Kane, Federal Practice and Procedure 431-433",
            "constitution U.S. Const. art. I, § 10, cl. 3 ",
            "secondary Restatement (Second) of Contracts ",
            "statute 14 Stat. 533 ",
        ]
    );
    // State codes keep their sections, year or not.
    let cites = summary(
        "See Okla. Stat., Tit. 82, §105.9 (West 2013); Fla. Stat. §448.09 (1981); Mass. Gen. Laws, ch. 119, §74; id., ch. 265, §2 (2008); 8 CFR §1212.3(f)(5) (2010).\n",
    );
    assert_eq!(
        cites,
        [
            "statute Okla. Stat. tit. 82, § 105.9 ",
            "statute Fla. Stat. § 448.09 ",
            "statute Mass. Gen. Laws ch. 119, § 74 ",
            "id Mass. Gen. Laws ch. 265, § 2 ",
            "regulation 8 C.F.R. § 1212.3(f)(5) ",
        ]
    );
}

#[test]
fn blank_pins_ranges_and_lists_take_the_slip_opinion_pins() {
    // Bartenwerfer v. Buckley (2023).
    let cites = cites_of(
        "This Court generally assumes so. Lamar, Archer & Cofrin, LLP v. Appling, 584 U. S. ___, ___–___ (2018) (slip op., at 10–11). Appling, 584 U. S., at ___–___ (slip op., at 10–11).\n",
    );
    let key = "Lamar, Archer & Cofrin, LLP v. Appling, 584 U.S. ___";
    assert_eq!(cites[0].authority.as_deref(), Some(key));
    assert_eq!(cites[0].year(), Some(2018));
    assert_eq!(cites[0].pins_string(), "10-11");
    assert_eq!(cites[1].text, "Appling, 584 U. S., at ___–___");
    assert_eq!(cites[1].authority.as_deref(), Some(key));
    assert_eq!(cites[1].pins_string(), "10-11");
    // Tarrant (2013): a list of blank pins with a footnote, a stray comma
    // before the year; "at___" without its space.
    let cites = cites_of(
        "See Montana v. Wyoming, 563 U. S. ___, ___, and n. 4, ___, (2011) (slip op., at 5, and n. 4, 17). See Alabama v. North Carolina, 560 U. S. 330 ___, ___ (2010) (slip op., at 9). Alabama v. North Carolina, 560 U. S., at___ (slip op., at 14).\n",
    );
    assert_eq!(
        cites[0].text,
        "Montana v. Wyoming, 563 U. S. ___, ___, and n. 4, ___, (2011)"
    );
    assert_eq!(cites[0].pins_string(), "5n4,17");
    // A case whose volume gives its first page has no slip-page pin.
    assert_eq!(
        cites[1].text,
        "Alabama v. North Carolina, 560 U. S. 330 ___, ___ (2010)"
    );
    assert_eq!(cites[1].pins_string(), "");
    assert_eq!(cites[2].kind(), CitationKind::ShortCase);
    assert_eq!(cites[2].authority.as_deref(), Some("560 U.S. 330"));
    assert_eq!(cites[2].pins_string(), "");
}

#[test]
fn a_blank_pin_short_cite_means_the_blank_page_case_of_its_volume() {
    // McDonald v. Chicago (2010): Heller, then another case of volume 554.
    let cites = summary(
        "District of Columbia v. Heller, 554 U. S. ___ (2008). Indiana v. Edwards, 554 U. S. 164, 186 (2008). The majority asserted so. 554 U. S., at ___ (slip op., at 23).\n",
    );
    assert_eq!(
        cites[2],
        "short_case District of Columbia v. Heller, 554 U.S. ___ 23"
    );
}

#[test]
fn westlaw_citations_are_full_citations() {
    // Tarrant Regional Water Dist. v. Herrmann (2013).
    let cites = cites_of(
        "See No. CIV–07–0045–HE, 2010 WL 2817220, *4 (WD Okla., July 16, 2010); App. to Pet. for Cert. 72a–73a, 2009 WL 3922803, *8.\n",
    );
    let full: Vec<_> = cites
        .iter()
        .filter(|c| c.kind() == CitationKind::FullCase)
        .map(|c| (c.text.as_str(), c.authority.as_deref(), c.pins_string()))
        .collect();
    assert_eq!(
        full,
        [
            (
                "2010 WL 2817220, *4 (WD Okla., July 16, 2010)",
                Some("2010 WL 2817220"),
                "*4".to_string()
            ),
            (
                "2009 WL 3922803, *8",
                Some("2009 WL 3922803"),
                "*8".to_string()
            ),
        ]
    );
}

#[test]
fn id_with_a_page_pin_after_a_statutes_at_large_citation_means_that_act() {
    // Tarrant Regional Water Dist. v. Herrmann (2013).
    let cites = summary(
        "See 1 App. 13. The Upper Niobrara River Compact, Pub. L. 91–52, 83 Stat. 86. It provides so. See Art. V(A)1, id., at 88. Belle Fourche River Compact, Art. VI, 58 Stat. 96–97.\n",
    );
    assert_eq!(
        cites,
        [
            "record App. 13",
            "statute Pub. L. 91-52 ",
            "statute 83 Stat. 86 ",
            "id 83 Stat. 86 88",
            "statute 58 Stat. 96 96-97",
        ]
    );
    // A page before the Act's first is no page of it.
    let cites = summary("See Roe v. Wade, 410 U. S. 113 (1973); 98 Stat. 1585. Id., at 120.\n");
    assert_eq!(cites[2], "id 410 U.S. 113 120");
}

#[test]
fn a_footnote_named_before_supra_is_a_footnote_of_the_opinion() {
    // Coney Island Auto Parts v. Burton (2026).
    let c = first(
        "Courts nonetheless maintain so. See n. 1, supra; the rule.\n",
        CitationKind::Internal,
    );
    assert_eq!(c.text, "n. 1, supra");
    assert_eq!(c.pins_string(), "n1");
}

#[test]
fn case_names_run_over_firms_numbered_bodies_and_foreign_words() {
    let name = |src: &str| {
        first(src, CitationKind::FullCase)
            .case_name()
            .unwrap_or_default()
            .to_string()
    };
    // Coney Island Auto Parts v. Burton (2026).
    assert_eq!(
        name(
            "The Court rejects reliance on Insurance Corp. of Ireland v. Compagnie des Bauxites de Guinee, 456 U. S. 694.\n"
        ),
        "Insurance Corp. of Ireland v. Compagnie des Bauxites de Guinee"
    );
    assert_eq!(
        name("See BP p.l.c. v. Mayor and City Council of Baltimore, 593 U. S. 230, 245 (2021).\n"),
        "BP p.l.c. v. Mayor and City Council of Baltimore"
    );
    // Tarrant (2013); Jerman v. Carlisle (2010); NRG Power Marketing (2010).
    assert_eq!(
        name("(2001); Utah Div. of State Lands v. United States, 482 U. S. 193, 195 (1987).\n"),
        "Utah Div. of State Lands v. United States"
    );
    assert_eq!(
        name(
            "Held so. Jerman v. Carlisle, McNellie, Rini, Kramer & Ulrich LPA, 559 U. S. 573 (2010).\n"
        ),
        "Jerman v. Carlisle, McNellie, Rini, Kramer & Ulrich LPA"
    );
    assert_eq!(
        name(
            "See Morgan Stanley Capital Group Inc. v. Public Util. Dist. No. 1 of Snohomish Cty., 554 U. S. 527 (2008).\n"
        ),
        "Morgan Stanley Capital Group Inc. v. Public Util. Dist. No. 1 of Snohomish Cty."
    );
    assert_eq!(
        name(
            "we held in United Gas Pipe Line Co. v. Memphis Light, Gas and Water Div., 358 U. S. 103, 110–113 (1958).\n"
        ),
        "United Gas Pipe Line Co. v. Memphis Light, Gas and Water Div."
    );
    // A docket number is no name.
    assert_eq!(
        name(
            "Siemers v. Wells Fargo & Co., No. C 05–4518 WHA, 2006 WL 2355411, *15 (ND Cal., Aug. 14, 2006).\n"
        ),
        ""
    );
}

#[test]
fn glued_names_of_web_text_key_like_spaced_ones() {
    // Bartenwerfer v. Buckley (2023), clean web form.
    let cites = cites_of(
        "(quoting Collins v.Yellen, 594 U. S. ___, ___ (2021) (slip op., at 23)). Strang's holding. SeeYsleta Del Sur Pueblo v. Texas, 596 U. S. ___, ___ (2022).\n",
    );
    assert_eq!(
        cites[0].authority.as_deref(),
        Some("Collins v. Yellen, 594 U.S. ___")
    );
    assert_eq!(
        cites[1].text,
        "Ysleta Del Sur Pueblo v. Texas, 596 U. S. ___, ___ (2022)"
    );
    assert_eq!(
        cites[1].authority.as_deref(),
        Some("Ysleta Del Sur Pueblo v. Texas, 596 U.S. ___")
    );
}

#[test]
fn section_ranges_are_whole_and_lists_stop_at_the_next_citation() {
    // Tarrant Regional Water Dist. v. Herrmann (2013).
    let cites = cites_of(
        "ana. §§2.12(a)–(e), id., at 13. See, e.g., §§5.01–5.05, id., at 22–26. See Compact §§5.01(a), 5.02(a), 5.03(b), 5.04(a), 1 App. 22–24, the Compact.\n",
    );
    let texts: Vec<_> = cites.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "§§2.12(a)–(e)",
            "id., at 13",
            "§§5.01–5.05",
            "id., at 22–26",
            "§§5.01(a)",
            "5.02(a)",
            "5.03(b)",
            "5.04(a)",
            "1 App. 22–24"
        ]
    );
    // A subsection alone continues the section's own level.
    let auth: Vec<_> = cites_of("See 11 U. S. C. §§522(d)(5) and (6).\n")
        .into_iter()
        .map(|c| c.authority.unwrap_or_default())
        .collect();
    assert_eq!(auth, ["11 U.S.C. § 522(d)(5)", "11 U.S.C. § 522(d)(6)"]);
}

#[test]
fn a_supra_names_a_party_without_its_corporate_suffix_or_by_the_name_a_parenthetical_gives() {
    // Snyder v. Phelps (2011), Henderson v. Shinseki (2011), Citizens
    // United v. FEC (2010), United States v. Jicarilla Apache Nation (2011).
    let cases = [
        (
            "“ ‘as revealed by the whole record.’ ” Dun & Bradstreet, Inc. v. Greenmoss Builders, Inc., 472 U. S. 749, 761. In contrast, Hustler, supra, at 56 (quoting Dun & Bradstreet, supra, at 758).\n",
            "Dun & Bradstreet, supra, at 758",
            "472 U.S. 749",
        ),
        (
            "See Reed Elsevier, Inc. v. Muchnick, 559 U. S. 154, 161 (2010). The question in Reed Elsevier, supra, at 166, was different.\n",
            "Reed Elsevier, supra, at 166",
            "559 U.S. 154",
        ),
        (
            "See FEC v. Massachusetts Citizens for Life, Inc., 479 U. S. 238, 249 (1986) (MCFL). The statute reached the newsletter in MCFL, supra, at 257.\n",
            "MCFL, supra, at 257",
            "479 U.S. 238",
        ),
        (
            "United States v. Mitchell, 445 U. S. 535, 542 (1980) (Mitchell I); United States v. Mitchell, 463 U. S. 206, 225–226 (1983) (Mitchell II). The Tribe relies on Mitchell II, supra, at 224.\n",
            "Mitchell II, supra, at 224",
            "463 U.S. 206",
        ),
    ];
    for (src, supra, want) in cases {
        let cites = cites_of(src);
        let c = cites
            .iter()
            .find(|c| c.kind() == CitationKind::Supra && c.text == supra)
            .unwrap_or_else(|| panic!("{supra} not found in {src}"));
        assert_eq!(c.authority.as_deref(), Some(want), "{src}");
    }
    // A party cut short to an abbreviation gives no key of its own: "Assn."
    // stays the tail of the case that ends so.
    let src = "See Assn., Inc. v. United States, 440 U. S. 472 (1979); National Cable & Telecommunications Assn. v. Brand X Internet Services, 545 U. S. 967, 981 (2005). In Assn., supra, we held otherwise.\n";
    let cites = cites_of(src);
    let c = cites.iter().find(|c| c.kind() == CitationKind::Supra);
    assert_ne!(c.and_then(|c| c.authority.as_deref()), Some("440 U.S. 472"));
}

/// "supra, n. 999999" was read as footnote 999 and the rest left behind: a
/// footnote's number is read whole or not at all, with a letter after it
/// ("n. 3a").
#[test]
fn a_footnote_number_is_read_whole() {
    let c = first(
        "The Court so held. See supra, n. 999999.\n",
        CitationKind::Internal,
    );
    assert_eq!((c.text.as_str(), c.pins_string().as_str()), ("supra", ""));
    let c = first(
        "As we said, see supra, n. 12, the rule holds.\n",
        CitationKind::Internal,
    );
    assert_eq!(
        (c.text.as_str(), c.pins_string().as_str()),
        ("supra, n. 12", "n12")
    );
    let c = first(
        "As we said, see supra, n. 3a, the rule holds.\n",
        CitationKind::Internal,
    );
    assert_eq!(c.text, "supra, n. 3a");
}
