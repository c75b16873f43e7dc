//! Secondary sources and legislative materials: articles in periodicals,
//! books and treatises, Restatements, dictionaries, The Federalist,
//! uniform and model acts, committee reports, the Congressional Record and
//! Globe, hearings; their short forms (supra by author, "hereinafter"
//! names, "LaFave §6.8", Id.) and the periodicals verify does not know.

use crate::corpus::{cites_of, read};
use pincite::{Category, Citation, CitationKind, Form, Legislative, SecondaryKind};
use std::path::PathBuf;

/// The citations of `kind` in `cites`.
fn of_kind(cites: &[Citation], kind: CitationKind) -> Vec<&Citation> {
    cites.iter().filter(|c| c.kind() == kind).collect()
}

/// The first citation whose text starts with `text` (spaces folded).
fn find<'a>(cites: &'a [Citation], text: &str) -> &'a Citation {
    let fold = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    cites
        .iter()
        .find(|c| fold(&c.text).starts_with(text))
        .unwrap_or_else(|| panic!("no citation {text:?} in {cites:#?}"))
}

fn pages(c: &Citation) -> Vec<u32> {
    c.pins.iter().filter_map(|p| p.page).collect()
}

#[test]
fn an_article_is_keyed_by_volume_periodical_and_page_with_its_byline() {
    let src = "See, e.g., Kamisar, A Dissent from the Miranda Dissents, 65 Mich. L. Rev. 59, \
               62 (1966). The point is old. Kamisar, supra, at 70. Id., at 71.\n";
    let cites = cites_of(src);
    let a = find(&cites, "Kamisar, A Dissent");
    assert_eq!(a.kind(), CitationKind::Journal);
    assert_eq!(a.authority.as_deref(), Some("65 Mich. L. Rev. 59"));
    assert_eq!(a.author(), Some("Kamisar"));
    assert_eq!(a.title(), Some("A Dissent from the Miranda Dissents"));
    assert_eq!((pages(a), a.year()), (vec![62], Some(1966)));
    assert_eq!(a.signal.as_deref(), Some("See, e.g.,"));
    let supra = find(&cites, "Kamisar, supra");
    assert_eq!(supra.authority.as_deref(), Some("65 Mich. L. Rev. 59"));
    assert_eq!(supra.category(), Some(Category::Secondary));
    assert_eq!(pages(supra), [70]);
    let id = find(&cites, "Id., at 71");
    assert_eq!(id.authority.as_deref(), Some("65 Mich. L. Rev. 59"));
    assert_eq!(id.category(), Some(Category::Secondary));
}

#[test]
fn periodicals_are_spelled_as_reporters_db_spells_them() {
    let src = "Scott & Stuntz, Plea Bargaining as Contract, 101 Yale L. J. 1909, 1912 (1992); \
               Alschuler, The Changing Purposes, 70 U. Chi. L. Rev. 1, 13 (2003); Lawrence, \
               Civil Rights, 67 Tulane L. Rev. 2113, 2153 (1993).\n";
    let cites = cites_of(src);
    let keys: Vec<&str> = of_kind(&cites, CitationKind::Journal)
        .iter()
        .filter_map(|c| c.authority.as_deref())
        .collect();
    assert_eq!(
        keys,
        [
            "101 Yale L.J. 1909",
            "70 U. Chi. L. Rev. 1",
            "67 Tul. L. Rev. 2113"
        ]
    );
    assert_eq!(
        find(&cites, "Scott & Stuntz").author(),
        Some("Scott & Stuntz")
    );
}

#[test]
fn a_short_form_of_an_article_finds_it_by_volume_and_periodical() {
    let src = "Kerr, The Fourth Amendment and New Technologies, 102 Mich. L. Rev. 801, 805 \
               (2004). See, e.g., Kerr, 102 Mich. L. Rev., at 806.\n";
    let cites = cites_of(src);
    let short = find(&cites, "Kerr, 102");
    assert_eq!(short.kind(), CitationKind::Journal);
    assert_eq!(short.authority.as_deref(), Some("102 Mich. L. Rev. 801"));
    assert_eq!(pages(short), [806]);
}

#[test]
fn a_periodical_the_list_lacks_is_read_by_its_shape_and_verify_says_so() {
    let src = "See Garrett, Campaign Finance, 52 Howard Univ. L. J. 665, 674 (2009).\n";
    let norm = pincite::normalize(src);
    let cites = pincite::extract(src, &norm);
    let a = find(&cites, "Garrett");
    assert_eq!(a.authority.as_deref(), Some("52 Howard Univ. L. J. 665"));
    let found = pincite::verify(&norm, &cites);
    let unknown: Vec<&str> = found
        .iter()
        .filter(|f| f.code == "unknown-journal")
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(unknown.len(), 1, "{found:?}");
    assert!(unknown[0].contains("Howard Univ. L. J."), "{unknown:?}");
    // A listed periodical draws no such warning.
    let src = "See Kamisar, A Dissent, 65 Mich. L. Rev. 59 (1966).\n";
    let norm = pincite::normalize(src);
    let found = pincite::verify(&norm, &pincite::extract(src, &norm));
    assert!(
        found.iter().all(|f| f.code != "unknown-journal"),
        "{found:?}"
    );
}

#[test]
fn committee_reports_documents_and_the_record_are_keyed_in_bluebook_form() {
    let src = "H. R. Rep. No. 95–595, p. 363 (1977); S. Rep. No. 1, 80th Cong., 1st Sess., \
               38–39 (1947); H. R. Conf. Rep. No. 104–458, at 12; S. Treaty Doc. No. 105–45, p. \
               3 (1998); 124 Cong. Rec. 32392, 32393 (1978); Cong. Globe, 39th Cong., 1st Sess., \
               474 (1866).\n";
    let cites = cites_of(src);
    let rows: Vec<(String, Vec<u32>)> = of_kind(&cites, CitationKind::Legislative)
        .iter()
        .map(|c| (c.authority.clone().unwrap_or_default(), pages(c)))
        .collect();
    let want = [
        ("H.R. Rep. No. 95-595", vec![363]),
        ("S. Rep. No. 80-1", vec![38]),
        ("H.R. Conf. Rep. No. 104-458", vec![12]),
        ("S. Treaty Doc. No. 105-45", vec![3]),
        ("124 Cong. Rec. 32392", vec![32393]),
        ("Cong. Globe, 39th Cong., 1st Sess.", vec![474]),
    ];
    let want: Vec<(String, Vec<u32>)> = want
        .iter()
        .map(|(k, p)| (k.to_string(), p.clone()))
        .collect();
    assert_eq!(rows, want);
    let record = find(&cites, "124 Cong. Rec.");
    assert!(matches!(
        &record.form,
        Form::Legislative(Legislative::CongressionalRecord { volume: 124, page }) if page == "32392"
    ));
}

#[test]
fn a_hearing_is_keyed_by_its_title() {
    let src = "See Fair Debt Collection Practices Act: Hearings on S. 656 before the \
               Subcommittee on Consumer Affairs of the Senate Committee on Banking, 95th \
               Cong., 1st Sess., 51, 707 (1977).\n";
    let cites = cites_of(src);
    let h = of_kind(&cites, CitationKind::Legislative);
    assert_eq!(h.len(), 1, "{cites:#?}");
    assert_eq!(
        h[0].authority.as_deref(),
        Some(
            "Fair Debt Collection Practices Act: Hearings on S. 656 before the Subcommittee \
             on Consumer Affairs of the Senate Committee on Banking"
        )
    );
    assert_eq!(pages(h[0]), [51, 707]);
}

#[test]
fn books_restatements_dictionaries_and_the_federalist() {
    let src = "See 5 C. Wright & A. Miller, Federal Practice and Procedure §1216, p. 207 (3d ed. \
               2004); W. LaFave, Criminal Law §6.8, p. 350 (2d ed. 2003); 2 W. Blackstone, \
               Commentaries on the Laws of England 123 (1766); Restatement (Second) of Torts \
               §402A, Comment c (1963-1964); Black's Law Dictionary 1320 (11th ed. 2019); The \
               Federalist No. 78, p. 465 (C. Rossiter ed. 1961); Uniform Partnership Act §305 \
               (2013).\n";
    let cites = cites_of(src);
    let books = of_kind(&cites, CitationKind::Secondary);
    let keys: Vec<&str> = books
        .iter()
        .filter_map(|c| c.authority.as_deref())
        .collect();
    assert_eq!(
        keys,
        [
            "C. Wright & A. Miller, Federal Practice and Procedure",
            "W. LaFave, Criminal Law",
            "W. Blackstone, Commentaries on the Laws of England",
            "Restatement (Second) of Torts",
            "Black's Law Dictionary",
            "The Federalist No. 78",
            "Uniform Partnership Act",
        ]
    );
    let kinds: Vec<SecondaryKind> = books
        .iter()
        .filter_map(|c| match &c.form {
            Form::Secondary(b) => Some(b.kind),
            _ => None,
        })
        .collect();
    use SecondaryKind::*;
    assert_eq!(
        kinds,
        [Book, Book, Book, Restatement, Dictionary, Federalist, Act]
    );
    let Form::Secondary(wm) = &books[0].form else {
        unreachable!()
    };
    assert_eq!(
        (
            wm.volume,
            wm.edition.as_deref(),
            wm.year,
            wm.section.as_deref()
        ),
        (Some(5), Some("3d"), Some(2004), Some("1216"))
    );
    assert_eq!(pages(books[0]), [207]);
    let Form::Secondary(r) = &books[3].form else {
        unreachable!()
    };
    assert_eq!(r.section.as_deref(), Some("402A"));
    assert!(
        of_kind(&cites, CitationKind::Statute).is_empty(),
        "{cites:#?}"
    );
}

#[test]
fn prose_and_codes_are_no_books() {
    for src in [
        "In 1990 the Court decided the question for the first time (1990).\n",
        "See Cal. Penal Code Ann. §187(a) (West 2014); Ariz. Rev. Stat. Ann. §13-105 (2010).\n",
        "The Act was passed in the summer after long debate 12 (1866).\n",
        "Civil Rights Act of 1866, 14 Stat. 27 (1866).\n",
    ] {
        let cites = cites_of(src);
        assert!(
            of_kind(&cites, CitationKind::Secondary).is_empty(),
            "{src}: {cites:#?}"
        );
    }
}

#[test]
fn a_reporter_named_by_an_acronym_is_read_as_a_periodical_and_its_id_refers_to_it() {
    // FCC v. AT&T Inc. (2011): a reporter of the Commission's orders.
    let src = "at odds with established [FCC] and judicial precedent.” 23 FCC Rcd. 13704, 13707 (2008). It therefore concluded that the exemption did not apply. Id., at 13710.\n";
    let cites = cites_of(src);
    assert!(
        of_kind(&cites, CitationKind::Secondary).is_empty(),
        "{cites:#?}"
    );
    let r = find(&cites, "23 FCC Rcd.");
    assert_eq!(r.kind(), CitationKind::Journal);
    assert_eq!(r.authority.as_deref(), Some("23 FCC Rcd. 13704"));
    assert_eq!(pages(r), [13707]);
    let id = find(&cites, "Id., at 13710");
    assert_eq!(id.authority.as_deref(), Some("23 FCC Rcd. 13704"));
}

#[test]
fn short_forms_of_books_name_the_work_cited_before() {
    let src = "See 2 W. LaFave & A. Scott, Substantive Criminal Law §7.15(a), p. 301 (1986) \
               (hereinafter LaFave & Scott). Later, LaFave & Scott §7.16, at 310; LaFave & \
               Scott 312. See The Federalist No. 78, p. 465 (C. Rossiter ed. 1961) (hereinafter \
               Federalist). Federalist, at 466. Id., at 467.\n";
    let cites = cites_of(src);
    let lafave = "W. LaFave & A. Scott, Substantive Criminal Law";
    let section = find(&cites, "LaFave & Scott §7.16");
    assert_eq!(section.authority.as_deref(), Some(lafave));
    assert!(
        matches!(&section.form, Form::Secondary(b) if b.short && b.section.as_deref() == Some("7.16"))
    );
    let bare = find(&cites, "LaFave & Scott 312");
    assert_eq!(bare.kind(), CitationKind::Reference);
    assert_eq!(bare.authority.as_deref(), Some(lafave));
    let fed = find(&cites, "Federalist, at 466");
    assert_eq!(fed.authority.as_deref(), Some("The Federalist No. 78"));
    assert_eq!(fed.category(), Some(Category::Secondary));
    let id = find(&cites, "Id., at 467");
    assert_eq!(id.authority.as_deref(), Some("The Federalist No. 78"));
}

#[test]
fn an_id_with_a_section_after_a_treatise_is_that_treatise() {
    let src = "See V. Schwartz, Comparative Negligence §2.01[b][2], p. 33 (5th ed. 2010); id. \
               §3.04.\n";
    let cites = cites_of(src);
    let id = find(&cites, "id. §3.04");
    assert_eq!(
        id.authority.as_deref(),
        Some("V. Schwartz, Comparative Negligence")
    );
    assert!(matches!(
        id.form.effective(),
        Some(Form::Secondary(b)) if b.section.as_deref() == Some("3.04")
    ));
}

#[test]
fn an_id_with_a_section_and_a_page_after_a_treatise_is_that_treatise_and_so_are_the_ids_after() {
    // United States v. Comstock (2010), FCC v. AT&T Inc. (2011).
    let src = "a duty to take reasonable steps to ensure that a person in his care does not cause “bodily harm to others,” 2 Restatement (Second) of Torts §319, p. 129 (1963–1964), that duty terminates. “There is no duty so to control the conduct of a third person.” Id., §315, at 122. See W. Prosser, Law of Torts §97, pp. 641–642 (2d ed. 1955); id., §112, at 843–844. Id., at 31–32.\n";
    let cites = cites_of(src);
    let id = find(&cites, "Id., §315, at 122");
    assert_eq!(
        id.authority.as_deref(),
        Some("Restatement (Second) of Torts")
    );
    assert_eq!(pages(id), [122]);
    assert!(matches!(
        id.form.effective(),
        Some(Form::Secondary(b)) if b.section.as_deref() == Some("315")
    ));
    for text in ["id., §112, at 843–844", "Id., at 31–32"] {
        let id = find(&cites, text);
        assert_eq!(
            id.authority.as_deref(),
            Some("W. Prosser, Law of Torts"),
            "{text}"
        );
        assert!(id.warnings.is_empty(), "{text}: {:?}", id.warnings);
    }
    // After a statute the same Id. is of a source pincite does not parse.
    let cites = cites_of("See 28 U. S. C. §2072(b). Id., §4509, at 264.\n");
    let id = find(&cites, "Id., §4509, at 264");
    assert_eq!(id.authority, None);
    assert!(id.warnings[0].contains("does not recognize"));
}

#[test]
fn a_hereinafter_name_wins_over_a_case_of_that_name() {
    let src = "Davis v. Federal Election Comm'n, 554 U. S. 724 (2008). See 2 J. Davis, Essays in \
               the Earlier History of American Corporations 24 (1917) (hereinafter Davis). Davis \
               8.\n";
    let cites = cites_of(src);
    let r = find(&cites, "Davis 8");
    assert_eq!(
        r.authority.as_deref(),
        Some("J. Davis, Essays in the Earlier History of American Corporations")
    );
}

/// The shipped Abbott v. Abbott slip cites the Hague Convention's treaty
/// document and then names it "Treaty Doc."; every Id. after those
/// references refers to a source.
#[test]
fn abbott_names_its_treaty_document_by_the_short_name_it_gave() {
    let cites = cites_of(&read("corpus/scotus_abbott_v_abbott_2010_slip.txt"));
    let full: Vec<&Citation> = of_kind(&cites, CitationKind::Legislative);
    assert!(
        full.iter()
            .any(|c| c.authority.as_deref() == Some("S. Treaty Doc. No. 99-11")),
        "{full:#?}"
    );
    let refs: Vec<&Citation> = cites
        .iter()
        .filter(|c| c.kind() == CitationKind::Reference && c.text.starts_with("Treaty"))
        .collect();
    assert!(refs.len() >= 10, "{} references", refs.len());
    assert!(
        refs.iter()
            .all(|c| c.authority.as_deref() == Some("S. Treaty Doc. No. 99-11"))
    );
}

fn bulk(name: &str) -> Option<String> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/bulk-scotus-ot2009-2011")
        .join(name);
    std::fs::read_to_string(p).ok()
}

/// McDonald v. Chicago cites the Congressional Globe in full, names it
/// "39th Cong. Globe" and cites it so dozens of times.
#[test]
fn mcdonald_cites_the_globe_by_its_short_name() {
    let Some(src) = bulk("09_McDonald_v_Chicago.txt") else {
        eprintln!("skipped: the bulk texts are not present");
        return;
    };
    let cites = cites_of(&src);
    let key = "Cong. Globe, 39th Cong., 1st Sess.";
    let globe: Vec<&Citation> = cites
        .iter()
        .filter(|c| {
            let text = c.text.split_whitespace().collect::<Vec<_>>().join(" ");
            text.starts_with("39th Cong. Globe")
        })
        .collect();
    assert!(globe.len() >= 15, "{} references", globe.len());
    assert!(globe.iter().all(|c| c.authority.as_deref() == Some(key)));
    let journals = of_kind(&cites, CitationKind::Journal);
    assert!(journals.len() >= 20, "{} articles", journals.len());
    let aynes = find(&cites, "Aynes, On Misreading John Bingham");
    assert_eq!(aynes.authority.as_deref(), Some("103 Yale L.J. 57"));
    assert_eq!(aynes.author(), Some("Aynes"));
}

/// An Id. after a treaty document, a dictionary or a paper of The
/// Federalist refers to it (Abbott v. Abbott, Tarrant Regional Water
/// Dist. v. Herrmann): once unparsed sources, now citations.
#[test]
fn an_id_after_a_source_refers_to_it() {
    let cases = [
        (
            "See Croll v. Croll, 229 F. 3d 133 (2000). The Convention provides that a child abducted in violation of “rights of custody” must be returned. Art. 1, S. Treaty Doc. No. 99–11, at 7 (Treaty Doc.). Id., at 7, 9.\n",
            "S. Treaty Doc. No. 99-11",
        ),
        (
            "See New Jersey v. New York, 523 U. S. 767, 783 (1998). An acre-foot is equivalent to the volume of one acre of surface area filled to a depth of one foot. Webster’s Third New International Dictionary 19 (1966). Ibid.\n",
            "Webster's Third New International Dictionary",
        ),
        (
            "Cf. Printz v. United States, 521 U. S. 898, 921 (1997). The Federalist No. 42, p. 271 (J. Madison). Id., at 272.\n",
            "The Federalist No. 42",
        ),
    ];
    for (src, key) in cases {
        let cites = cites_of(src);
        let id = cites.last().unwrap();
        assert_eq!(id.kind(), CitationKind::Id, "{src}");
        assert_eq!(id.authority.as_deref(), Some(key), "{src}");
        assert!(id.warnings.is_empty(), "{src}: {:?}", id.warnings);
    }
}
