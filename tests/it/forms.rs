//! The annotated texts (Supreme Court slips in pdftotext form; an Eleventh
//! Circuit slip, a D.C. Circuit slip and a California Court of Appeal web
//! text), and one opinion read in several forms.
//!
//! Each `corpus/NAME.citations.tsv` beside a text lists every citation of
//! `NAME.txt` as read by a person (kind, authority, pins, slip page, byte
//! span and its text). Lines starting with `#` after the header say what
//! was left out and why. Unlike the Van de Kamp annotations these are not
//! rewritten by `PINCITE_BLESS`: the extractor is brought to them.

use crate::corpus::{self, cites_of, read};
use std::collections::BTreeMap;

const BARTENWERFER: &str = "corpus/scotus_bartenwerfer_v_buckley_2023_slip.txt";
const TARRANT: &str = "corpus/scotus_tarrant_v_herrmann_2013_slip.txt";
const CONEY_ISLAND: &str = "corpus/scotus_coney_island_v_burton_2026_slip.txt";
const ROBINSON: &str = "corpus/ca11_robinson_v_tyson_foods_2010_raw.txt";
const IDEAL: &str = "corpus/cadc_ideal_electronic_v_ific_1997_slip.txt";
const IN_RE_AV: &str = "corpus/cal_ct_app_in_re_av_2017_clean.txt";
const ANNOTATED: [&str; 6] = [
    BARTENWERFER,
    TARRANT,
    CONEY_ISLAND,
    ROBINSON,
    IDEAL,
    IN_RE_AV,
];

#[test]
fn slip_annotations_carry_their_source_bytes() {
    let mut problems = Vec::new();
    for rel in ANNOTATED {
        let src = read(rel);
        let rows = corpus::rows(rel, &src, &mut problems);
        assert!(rows.len() > 25, "{rel}: {} rows", rows.len());
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn bartenwerfer_slip_matches_its_annotation() {
    corpus::check(BARTENWERFER, false);
}

#[test]
fn tarrant_slip_matches_its_annotation() {
    corpus::check(TARRANT, false);
}

#[test]
fn coney_island_slip_matches_its_annotation() {
    corpus::check(CONEY_ISLAND, false);
}

#[test]
fn robinson_ca11_slip_matches_its_annotation() {
    corpus::check(ROBINSON, false);
}

#[test]
fn ideal_electronic_cadc_slip_matches_its_annotation() {
    corpus::check(IDEAL, false);
}

#[test]
fn in_re_av_cal_clean_matches_its_annotation() {
    corpus::check(IN_RE_AV, false);
}

/// The slip and the web text of Bartenwerfer differ in exactly the four
/// citations the web text damages (see [`forms_of_one_opinion_cite_alike`]).
#[test]
fn bartenwerfer_web_text_differs_only_where_it_is_damaged() {
    let slip = keys("corpus/scotus_bartenwerfer_v_buckley_2023_slip.txt");
    let clean = keys("corpus/scotus_bartenwerfer_v_buckley_2023_clean.txt");
    let lamar = "Lamar, Archer & Cofrin, LLP v. Appling, 584 U.S. ___";
    assert_eq!(
        excess(&slip, &clean),
        [
            "full_case \"200 U.S. 321\" \"337\"".to_string(),
            "full_case \"39 Md. 36\" \"70-71\"".to_string(),
            format!("full_case {lamar:?} \"10-11\""),
            "record \"Brief for Petitioner\" \"20\"".to_string(),
        ]
    );
    assert_eq!(
        excess(&clean, &slip),
        [
            "full_case \"39 Md. 36\" \"\"".to_string(),
            format!("full_case {lamar:?} \"\""),
        ]
    );
}

type Key = (&'static str, Option<String>, String);

/// The multiset of (kind, authority, pins) of a text's citations.
fn keys(rel: &str) -> BTreeMap<Key, usize> {
    let mut m = BTreeMap::new();
    for c in cites_of(&read(rel)) {
        *m.entry((c.kind().as_str(), c.authority.clone(), c.pins_string()))
            .or_insert(0) += 1;
    }
    m
}

fn total(m: &BTreeMap<Key, usize>) -> usize {
    m.values().sum()
}

/// The citations two multisets have in common.
fn common(a: &BTreeMap<Key, usize>, b: &BTreeMap<Key, usize>) -> usize {
    a.iter()
        .map(|(k, n)| (*n).min(b.get(k).copied().unwrap_or(0)))
        .sum()
}

/// What `a` has more of than `b`.
fn excess(a: &BTreeMap<Key, usize>, b: &BTreeMap<Key, usize>) -> Vec<String> {
    let mut out = Vec::new();
    for (k, n) in a {
        for _ in b.get(k).copied().unwrap_or(0)..*n {
            out.push(format!(
                "{} {:?} {:?}",
                k.0,
                k.1.as_deref().unwrap_or(""),
                k.2
            ));
        }
    }
    out
}

/// The forms of one opinion in `corpus/` cite the same authorities with the
/// same pins. Agreement is the common count over the larger count.
///
/// Every pdftotext form of one PDF (-raw, -layout, default mode; slip or
/// preliminary print) agrees exactly. Bartenwerfer's clean web form differs
/// from its slip in four citations, all from the web text itself (see
/// [`bartenwerfer_web_text_differs_only_where_it_is_damaged`]): it has no
/// syllabus NOTE, so no "United States v. Detroit Timber & Lumber Co., 200
/// U. S. 321, 337"; a line break left inside "39 Md. 36,\n70-71" ends the
/// paragraph there, so that citation loses its pin; footnote 3 stands inside
/// the sentence citing "Lamar, Archer & Cofrin, LLP v. Appling, 584 U. S.
/// ___, ___-___ (2018) (slip op., at 10-11)", cutting its slip-opinion pin
/// off; and footnote 2 stands inside "Brief for Petitioner 20", cutting its
/// page off. (The glued "Collins v.Yellen" and "SeeYsleta Del Sur Pueblo" of
/// the web text name the same cases as the slip.)
#[test]
fn forms_of_one_opinion_cite_alike() {
    let opinions: [(&str, &[&str], u32); 4] = [
        (
            "Bartenwerfer",
            &[
                "corpus/scotus_bartenwerfer_v_buckley_2023_slip.txt",
                "corpus/scotus_bartenwerfer_v_buckley_2023_slip_layout.txt",
            ],
            100,
        ),
        (
            "Bartenwerfer",
            &[
                "corpus/scotus_bartenwerfer_v_buckley_2023_slip.txt",
                "corpus/scotus_bartenwerfer_v_buckley_2023_clean.txt",
            ],
            96,
        ),
        (
            "Tarrant",
            &[
                "corpus/scotus_tarrant_v_herrmann_2013_slip.txt",
                "corpus/scotus_tarrant_v_herrmann_2013_slip_layout.txt",
                "corpus/scotus_tarrant_v_herrmann_2013_slip_default.txt",
            ],
            100,
        ),
        (
            "Kemp",
            &[
                "corpus/scotus_kemp_v_us_2022_prelim_slip.txt",
                "corpus/scotus_kemp_v_us_2022_prelim_slip_layout.txt",
            ],
            100,
        ),
    ];
    let form = |rel: &str| {
        let name = rel.rsplit('/').next().unwrap_or(rel);
        let stem = name.trim_end_matches(".txt");
        let at = stem.find("_20").map_or(0, |i| i + 6);
        stem[at..].to_string()
    };
    let mut table = format!(
        "{:<13} {:<19} {:<19} {:>5} {:>5} {:>6} {:>7}\n",
        "opinion", "form A", "form B", "A", "B", "common", "agree"
    );
    let mut low = Vec::new();
    for (name, forms, floor) in opinions {
        let sets: Vec<_> = forms.iter().map(|rel| keys(rel)).collect();
        for i in 0..forms.len() {
            for j in i + 1..forms.len() {
                let (a, b) = (&sets[i], &sets[j]);
                let both = common(a, b);
                let larger = total(a).max(total(b));
                assert!(larger > 50, "{name}: {larger} citations");
                let tenths = 1000 * both / larger;
                table.push_str(&format!(
                    "{name:<13} {:<19} {:<19} {:>5} {:>5} {both:>6} {:>5}.{}%\n",
                    form(forms[i]),
                    form(forms[j]),
                    total(a),
                    total(b),
                    tenths / 10,
                    tenths % 10
                ));
                if (tenths as u32) < floor * 10 {
                    low.push(format!(
                        "{name} {} / {}: {}.{}% < {floor}%\nonly in {}: {:?}\nonly in {}: {:?}",
                        form(forms[i]),
                        form(forms[j]),
                        tenths / 10,
                        tenths % 10,
                        form(forms[i]),
                        excess(a, b),
                        form(forms[j]),
                        excess(b, a)
                    ));
                }
            }
        }
    }
    eprint!("{table}");
    assert!(low.is_empty(), "{}", low.join("\n"));
}
