//! Enacted law read from real opinions: constitutions, court rules,
//! regulations, the States' codes, and the code of a bare section.
//!
//! The opinions lie in `../shared/corpus` beside the repository; a clone
//! without them skips these tests and says so.

use crate::corpus::cites_of;
use pincite::{Citation, CitationKind, Statute};
use std::path::PathBuf;

/// A text of the shared corpus (`opinions/NAME` or
/// `bulk-scotus-ot2009-2011/NAME`), or `None` when it is not present.
fn shared(rel: &str) -> Option<String> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(rel);
    match std::fs::read_to_string(&p) {
        Ok(text) => Some(text),
        Err(_) => {
            crate::skipped(&p);
            None
        }
    }
}

/// A citation's text with its whitespace folded to single spaces.
fn folded(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The citations of `kind` whose text, whitespace folded, is `text`.
fn all_of<'a>(cites: &'a [Citation], kind: CitationKind, text: &str) -> Vec<&'a Citation> {
    cites
        .iter()
        .filter(|c| c.kind() == kind && folded(&c.text) == text)
        .collect()
}

/// The first citation of `kind` whose text is `text`.
fn first_of<'a>(cites: &'a [Citation], kind: CitationKind, text: &str) -> &'a Citation {
    all_of(cites, kind, text)
        .into_iter()
        .next()
        .unwrap_or_else(|| {
            let have: Vec<String> = cites
                .iter()
                .filter(|c| c.kind() == kind)
                .map(|c| folded(&c.text))
                .collect();
            panic!("no {kind} citation {text:?} among {have:?}")
        })
}

/// The authority of the first citation of `kind` whose text is `text`.
fn key_of(cites: &[Citation], kind: CitationKind, text: &str) -> Option<String> {
    first_of(cites, kind, text).authority.clone()
}

#[test]
fn bare_sections_take_the_title_of_the_sections_around_them() {
    // Bowe v. United States (2026) cites "28 U. S. C. §2244" and then
    // mostly bare sections: §2244, §2255, and §1254, which it never cites
    // with its title.
    let Some(src) = shared("opinions/scotus_bowe_v_us_2026_slip.txt") else {
        return;
    };
    let cites = cites_of(&src);
    let statutes: Vec<&Citation> = cites
        .iter()
        .filter(|c| c.kind() == CitationKind::Statute)
        .collect();
    assert!(statutes.len() > 500, "{} statutes", statutes.len());
    let unresolved = statutes.iter().filter(|c| c.authority.is_none()).count();
    assert!(unresolved <= 2, "{unresolved} statutes without authority");
    for c in &statutes {
        let key = c.authority.as_deref().unwrap_or("");
        let title = key.split(' ').next().unwrap_or("");
        assert!(
            key.is_empty() || ["18", "28", "62", "110"].contains(&title),
            "{} is {key}",
            c.text
        );
    }
    let bare = |text: &str| key_of(&cites, CitationKind::Statute, text);
    assert_eq!(bare("§1254(2)").as_deref(), Some("28 U.S.C. § 1254(2)"));
    assert_eq!(bare("§2266(a)").as_deref(), Some("28 U.S.C. § 2266(a)"));
    assert_eq!(bare("§924(c)").as_deref(), Some("18 U.S.C. § 924(c)"));
}

#[test]
fn a_section_of_an_act_named_so_takes_no_title() {
    // Bruesewitz v. Wyeth (2011): the Vaccine Act's "§22(b)(1)" is no
    // section of title 42, whose sections it also cites ("42 U. S. C.
    // §300aa-22(b)(1)"); nor is a Restatement's or a treatise's a code's.
    let Some(src) = shared("bulk-scotus-ot2009-2011/10_Bruesewitz_v_Wyeth_LLC.txt") else {
        return;
    };
    let cites = cites_of(&src);
    let acts = all_of(&cites, CitationKind::Statute, "§22(b)(1)");
    assert!(!acts.is_empty());
    assert!(acts.iter().all(|c| c.authority.is_none()), "{acts:?}");
    let coded = cites
        .iter()
        .filter(|c| c.authority.as_deref() == Some("42 U.S.C. § 300aa-22(b)(1)"))
        .count();
    assert!(coded > 0);
}

#[test]
fn constitutions_by_article_amendment_section_and_clause() {
    // NFIB v. Sebelius (2012), Trump v. United States (2024).
    let Some(src) = shared("opinions/scotus_nfib_v_sebelius_2012_slip.txt") else {
        return;
    };
    let cites = cites_of(&src);
    let key = |text: &str| key_of(&cites, CitationKind::Constitution, text);
    assert_eq!(
        key("U. S. Const., Art. I, §8, cl. 1").as_deref(),
        Some("U.S. Const. art. I, § 8, cl. 1")
    );
    assert_eq!(
        key("Art. I, §9, cl. 4").as_deref(),
        Some("U.S. Const. art. I, § 9, cl. 4")
    );
    assert_eq!(
        key("Article I, §8").as_deref(),
        Some("U.S. Const. art. I, § 8")
    );
    // "the Fourteenth Amendment" in prose is no citation.
    assert!(
        cites
            .iter()
            .filter(|c| c.kind() == CitationKind::Constitution)
            .all(|c| !c.text.contains("Amendment")),
    );
    let Some(src) = shared("opinions/scotus_trump_v_us_2024_slip.txt") else {
        return;
    };
    let cites = cites_of(&src);
    let key = |text: &str| key_of(&cites, CitationKind::Constitution, text);
    assert_eq!(key("Amdt. 12").as_deref(), Some("U.S. Const. amend. XII"));
    assert_eq!(
        key("Art. II, §2, cl. 2").as_deref(),
        Some("U.S. Const. art. II, § 2, cl. 2")
    );
}

#[test]
fn an_id_section_after_a_constitution_is_another_section_of_its_article() {
    // NFIB v. Sebelius (2012): "U. S. Const., Art. I, §8, cl. 14, ...
    // id., §8, cl. 12".
    let Some(src) = shared(
        "bulk-scotus-ot2009-2011/11_National_Federation_of_Independent_Business_v_Sebelius.txt",
    ) else {
        return;
    };
    let cites = cites_of(&src);
    let id = first_of(&cites, CitationKind::Id, "id., §8, cl. 12");
    assert_eq!(
        id.authority.as_deref(),
        Some("U.S. Const. art. I, § 8, cl. 12")
    );
    assert_eq!(id.category(), Some(pincite::Category::Constitution));
    // Alabama v. North Carolina (2010): "Restatement §250(a) ... id.,
    // §250(b)" is the Restatement's (named "hereinafter Restatement"
    // after "Restatement (Second) of Contracts"), not a code's.
    let Some(src) = shared("bulk-scotus-ot2009-2011/09_Alabama_v_North_Carolina.txt") else {
        return;
    };
    let cites = cites_of(&src);
    let id = first_of(&cites, CitationKind::Id, "id., §250(b)");
    assert_eq!(
        id.authority.as_deref(),
        Some("Restatement (Second) of Contracts")
    );
    assert_eq!(id.category(), Some(pincite::Category::Secondary));
}

#[test]
fn court_rules_and_their_short_forms() {
    // Coney Island Auto Parts v. Burton (2026); Bartenwerfer v. Buckley
    // (2023).
    let Some(src) = shared("opinions/scotus_coney_island_v_burton_2026_slip.txt") else {
        return;
    };
    let cites = cites_of(&src);
    let key = |text: &str| key_of(&cites, CitationKind::Rule, text);
    assert_eq!(
        key("Federal Rule of Civil Procedure 60(c)(1)").as_deref(),
        Some("Fed. R. Civ. P. 60(c)(1)")
    );
    assert_eq!(
        key("Rule 60(b)(4)").as_deref(),
        Some("Fed. R. Civ. P. 60(b)(4)")
    );
    assert_eq!(
        key("Fed. Rules Bkrtcy. Proc. 7055").as_deref(),
        Some("Fed. R. Bankr. P. 7055")
    );
    assert_eq!(key("9024").as_deref(), Some("Fed. R. Bankr. P. 9024"));
    assert_eq!(
        key("this Court’s Rule 13").as_deref(),
        Some("Sup. Ct. R. 13")
    );
    let Some(src) = shared("opinions/scotus_bartenwerfer_v_buckley_2023_clean.txt") else {
        return;
    };
    let cites = cites_of(&src);
    assert_eq!(
        key_of(&cites, CitationKind::Rule, "Supreme Court Rule 14.1(a)").as_deref(),
        Some("Sup. Ct. R. 14.1(a)")
    );
}

#[test]
fn a_local_rule_is_no_federal_rule_and_this_courts_rules_are_cited_again_nearby() {
    // Hollingsworth v. Perry (2010): the District Court's "Civil Local Rule
    // 77-3", then "Rule 77-3" alone; "this Court's Rules 10(a) ... Rule
    // 10(c)" in one paragraph.
    let Some(src) = shared("bulk-scotus-ot2009-2011/09_Hollingsworth_v_Perry.txt") else {
        return;
    };
    let cites = cites_of(&src);
    let rules: Vec<&str> = cites
        .iter()
        .filter(|c| c.kind() == CitationKind::Rule)
        .filter_map(|c| c.authority.as_deref())
        .collect();
    assert!(rules.iter().all(|k| !k.contains("77")), "{rules:?}");
    assert!(rules.contains(&"Fed. R. Civ. P. 83(a)"), "{rules:?}");
    assert_eq!(
        key_of(&cites, CitationKind::Rule, "Rule 10(c)").as_deref(),
        Some("Sup. Ct. R. 10(c)")
    );
}

#[test]
fn regulations_parts_and_the_federal_register_with_its_pins() {
    // Arizona v. United States (2012); Mayo Foundation v. United States
    // (2011): "69 Fed. Reg. 8605 (2004). ... See id., at 76405".
    let Some(src) = shared("opinions/scotus_arizona_v_us_2012_slip.txt") else {
        return;
    };
    let cites = cites_of(&src);
    let reg = first_of(&cites, CitationKind::Regulation, "8 CFR §337.1(a)");
    assert_eq!(reg.authority.as_deref(), Some("8 C.F.R. § 337.1(a)"));
    // The second of "8 CFR §§287.5(c), (e)(3)" is a section of the same
    // title.
    assert_eq!(
        key_of(&cites, CitationKind::Regulation, "287.5(e)(3)").as_deref(),
        Some("8 C.F.R. § 287.5(e)(3)")
    );
    assert_eq!(
        key_of(&cites, CitationKind::Statute, "Pub. L. 95–412, §4").as_deref(),
        Some("Pub. L. 95-412, § 4")
    );
    let Some(src) = shared(
        "bulk-scotus-ot2009-2011/10_Mayo_Foundation_for_Medical_Ed_and_Research_v_United_States.txt",
    ) else {
        return;
    };
    let cites = cites_of(&src);
    let fr = first_of(&cites, CitationKind::Regulation, "69 Fed. Reg. 8605");
    assert_eq!(fr.authority.as_deref(), Some("69 Fed. Reg. 8605"));
    let id = first_of(&cites, CitationKind::Id, "id., at 76405");
    assert_eq!(id.authority.as_deref(), Some("69 Fed. Reg. 8605"));
    assert_eq!(id.pins_string(), "76405");
    // "69 Fed. Reg. 76409, 76410", broken by a page's running head.
    let pinned = cites
        .iter()
        .filter(|c| c.authority.as_deref() == Some("69 Fed. Reg. 76409"))
        .map(Citation::pins_string)
        .collect::<Vec<_>>();
    assert!(pinned.contains(&"76410".to_string()), "{pinned:?}");
}

#[test]
fn a_court_of_appeals_rules() {
    // The Federal Circuit's judgment without opinion in Nelson v. K2
    // (2010), shipped with the extractor forms: "See Fed. Cir. R. 36".
    let src = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("corpus/extractors/cafc_nelson_v_k2_2010_raw.txt"),
    )
    .expect("read the shipped Federal Circuit judgment");
    let cites = cites_of(&src);
    let rule = first_of(&cites, CitationKind::Rule, "Fed. Cir. R. 36");
    assert_eq!(rule.authority.as_deref(), Some("Fed. Cir. R. 36"));
    let cites = cites_of("Under 9th Cir. R. 36-3 and D. C. Cir. Rule 28(a)(1), so held.\n");
    let keys: Vec<&str> = cites
        .iter()
        .filter_map(|c| c.authority.as_deref())
        .collect();
    assert_eq!(keys, ["9th Cir. R. 36-3", "D.C. Cir. R. 28(a)(1)"]);
}

#[test]
fn a_federal_register_range_is_the_documents_pages() {
    // Abbott v. Abbott (2010): "Text and Legal Analysis, 51 Fed. Reg.
    // 10503–10506 (1986)".
    let src = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("corpus/scotus_abbott_v_abbott_2010_slip.txt"),
    )
    .expect("read the shipped Abbott slip");
    let cites = cites_of(&src);
    let fr = first_of(&cites, CitationKind::Regulation, "51 Fed. Reg. 10503–10506");
    assert_eq!(fr.authority.as_deref(), Some("51 Fed. Reg. 10503"));
    assert_eq!(fr.pins_string(), "10503-10506");
    // "Pérez-Vera Report ¶8, at 427–428 (...)" is cited after it, and
    // "Id., ¶¶67, 71, at 446, 447–448" means the Report, which pincite
    // does not parse: no authority rather than the Federal Register.
    let id = cites
        .iter()
        .find(|c| c.kind() == CitationKind::Id && c.text.starts_with("Id., ¶¶67, 71"))
        .expect("the Id. of the Report");
    assert_eq!(id.authority, None, "{id:?}");
}

#[test]
fn state_codes_in_the_supreme_courts_style() {
    // Graham v. Florida (2010): an appendix of the States' codes, with
    // "id., Tit. 11, §773(c)" for another title of the code before.
    let Some(src) = shared("bulk-scotus-ot2009-2011/09_Graham_v_Florida.txt") else {
        return;
    };
    let cites = cites_of(&src);
    let code = |c: &Citation| match c.statute() {
        Some(Statute::Section {
            code: Some(code), ..
        }) => Some(code.to_string()),
        _ => None,
    };
    let state: Vec<String> = cites
        .iter()
        .filter_map(code)
        .filter(|c| !c.contains("U.S.C."))
        .collect();
    assert!(state.len() > 40, "{state:?}");
    let id = first_of(&cites, CitationKind::Id, "id., Tit., 11, §773(c)");
    assert_eq!(id.authority.as_deref(), Some("Del. Code tit. 11, § 773(c)"));
    let tex = cites
        .iter()
        .find(|c| folded(&c.text).starts_with("Tex. Penal Code Ann."))
        .and_then(|c| c.authority.clone());
    assert!(tex.is_some_and(|k| k.starts_with("Tex. Penal Code § ")));
}

#[test]
fn california_sections_take_the_code_the_opinion_declares() {
    // In re A.V. (Cal. Ct. App. 2017): footnote 1 declares "all further
    // statutory references are to the Welfare and Institutions Code".
    let src = crate::corpus::read("corpus/cal_ct_app_in_re_av_2017_clean.txt");
    let cites = cites_of(&src);
    let key = |text: &str| key_of(&cites, CitationKind::Statute, text);
    assert_eq!(
        key("§ 777").as_deref(),
        Some("Cal. Welf. & Inst. Code § 777")
    );
    assert_eq!(
        key("Penal Code section 1203.4").as_deref(),
        Some("Cal. Penal Code § 1203.4")
    );
    assert_eq!(
        key("§ 786, subd. (c)(1)").as_deref(),
        Some("Cal. Welf. & Inst. Code § 786(c)(1)")
    );
    // Session laws ("Stats. 2016, ch. 86, § 312") and lowercase mentions
    // ("under section 786") are no citations of the code.
    assert!(all_of(&cites, CitationKind::Statute, "§ 312").is_empty());
    assert!(cites.iter().all(|c| !c.text.starts_with("section 786")));
}

/// The messages of verify's `unknown-code` findings in `src`.
fn unknown_codes(src: &str) -> Vec<String> {
    let norm = pincite::normalize(src);
    let cites = pincite::extract(src, &norm);
    pincite::verify(&norm, &cites)
        .into_iter()
        .filter(|f| f.code == "unknown-code")
        .map(|f| f.message)
        .collect()
}

#[test]
fn verify_names_a_code_abbreviation_it_does_not_know() {
    // Hemi Group v. City of New York (2010) cites the Administrative Code
    // of the City of New York, which no table lists; Graham v. Florida
    // (2010) cites forty States' codes, which the tables know.
    let Some(src) = shared("bulk-scotus-ot2009-2011/09_Hemi_Group_LLC_v_City_of_New_York.txt")
    else {
        return;
    };
    let unknown = unknown_codes(&src);
    assert!(
        unknown
            .iter()
            .any(|m| m == "unknown code \"N. Y. C. Admin. Code\""),
        "{unknown:?}"
    );
    let Some(src) = shared("bulk-scotus-ot2009-2011/09_Graham_v_Florida.txt") else {
        return;
    };
    let unknown = unknown_codes(&src);
    assert!(unknown.len() <= 2, "{unknown:?}");
    // A signal before the abbreviation is no part of it.
    let src = "See Xxx. Yyy. Code §5 (2009); Fla. Stat. §90.803 (2009).\n";
    assert_eq!(unknown_codes(src), ["unknown code \"Xxx. Yyy. Code\""]);
}

#[test]
fn the_table_lists_enacted_law_under_its_headings_in_a_clerks_order() {
    // Arizona v. United States (2012): the Constitution by article and
    // amendment; the U. S. Code by title and section, then the Statutes at
    // Large and Public Laws, then Arizona's code; the CFR.
    let Some(src) = shared("opinions/scotus_arizona_v_us_2012_slip.txt") else {
        return;
    };
    let cites = cites_of(&src);
    let toa = pincite::TableOfAuthorities::new([("arizona", cites.as_slice())]);
    let under = |h: pincite::Heading| -> Vec<&str> {
        toa.entries()
            .iter()
            .filter(|e| e.category == h)
            .map(|e| e.authority.as_str())
            .collect()
    };
    let constitution = under(pincite::Heading::Constitution);
    let position = |keys: &[&str], key: &str| keys.iter().position(|k| *k == key);
    let art_i = position(&constitution, "U.S. Const. art. I, § 8, cl. 4");
    let art_vi = position(&constitution, "U.S. Const. art. VI, cl. 2");
    let amend_iv = position(&constitution, "U.S. Const. amend. IV");
    assert!(
        art_i.is_some() && art_i < art_vi && art_vi < amend_iv,
        "{constitution:?}"
    );
    let statutes = under(pincite::Heading::Statute);
    let federal = position(&statutes, "8 U.S.C. § 1304(e)");
    let public_law = position(&statutes, "Pub. L. 95-412, § 4");
    let state = position(&statutes, "Ariz. Rev. Stat. § 11-1051(B)");
    assert!(
        federal.is_some() && federal < public_law && public_law < state,
        "{statutes:?}"
    );
    let regulations = under(pincite::Heading::Regulation);
    assert!(
        regulations.contains(&"8 C.F.R. § 287.5(c)"),
        "{regulations:?}"
    );
    assert!(regulations.iter().all(|k| k.contains("C.F.R.")));
    let count = |key: &str| toa.get(key).map_or(0, |e| e.count);
    assert!(count("Ariz. Rev. Stat. § 11-1051(B)") >= 8);
}

#[test]
fn a_run_of_enacted_law_keeps_every_invariant() {
    // Every form of enacted law, many times over on one line: nothing is
    // lost or invented, and each unit cites the same authorities.
    let unit = "See Cal. Penal Code Ann. §187(a); U. S. Const., Art. I, §8, cl. 3; §10; \
                Fed. Rule Civ. Proc. 23(b)(3); Rule 23(a); 76 Fed. Reg. 16978, 16980; \
                29 CFR §1630.2(j); id., §1630.2(k); Okla. Stat., Tit. 82, §1B; §1C; ERISA §502. ";
    let n = 400;
    let cites = crate::hostile::check(&format!("{}\n", unit.repeat(n)));
    assert_eq!(cites.len(), 11 * n);
    let keys: Vec<Option<&str>> = cites[..11].iter().map(|c| c.authority.as_deref()).collect();
    assert_eq!(
        keys,
        [
            Some("Cal. Penal Code § 187(a)"),
            Some("U.S. Const. art. I, § 8, cl. 3"),
            Some("U.S. Const. art. I, § 10"),
            Some("Fed. R. Civ. P. 23(b)(3)"),
            Some("Fed. R. Civ. P. 23(a)"),
            Some("76 Fed. Reg. 16978"),
            Some("29 C.F.R. § 1630.2(j)"),
            Some("29 C.F.R. § 1630.2(k)"),
            Some("Okla. Stat. tit. 82, § 1B"),
            Some("Okla. Stat. tit. 82, § 1C"),
            None,
        ]
    );
    for (i, c) in cites.iter().enumerate() {
        assert_eq!(c.authority, cites[i % 11].authority, "{i}: {}", c.text);
    }
}
