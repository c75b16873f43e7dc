//! Reports on the corpus: the table of authorities, with expected values
//! counted by reading the texts.

use crate::corpus::{cites_of, read};
use pincite::{Heading, TableOfAuthorities};
use std::path::PathBuf;

const SLIP: &str = "corpus/van_de_kamp_v_goldstein_2009_slip.txt";
const SYLLABUS: &str = "corpus/van_de_kamp_v_goldstein_2009_syllabus.txt";

/// An entry as the slip test checks it: category, citation, count, pins,
/// slip pages, passim.
type Row<'a> = (Heading, &'a str, usize, String, Vec<u32>, bool);

/// The slip opinion's table, entry by entry: citation as printed, count of
/// references (full, short, Id., supra), pins, slip pages, passim.
#[test]
fn toa_of_the_van_de_kamp_slip() {
    let src = read(SLIP);
    let cites = cites_of(&src);
    let toa = TableOfAuthorities::new([(SLIP, cites.as_slice())]);
    let rows: Vec<Row> = toa
        .entries()
        .iter()
        .map(|e| {
            (
                e.category,
                e.citation.as_str(),
                e.count,
                e.pins_text(),
                e.slip_pages.clone().unwrap(),
                e.passim,
            )
        })
        .collect();
    let s = |x: &str| x.to_string();
    let expected: Vec<Row> = vec![
        // "(obligations under Brady v. Maryland, 373 U. S. 83 (1963), ...)", p. 9.
        (
            Heading::Case,
            "Brady v. Maryland, 373 U.S. 83 (1963)",
            1,
            s(""),
            vec![9],
            false,
        ),
        (
            Heading::Case,
            "Buckley v. Fitzsimmons, 509 U.S. 259 (1993)",
            1,
            s("277"),
            vec![6],
            false,
        ),
        // Full cite at 486 (p. 5); supra at 492 and 496 (p. 6); "Burns, 500
        // U. S., at 486" (p. 12).
        (
            Heading::Case,
            "Burns v. Reed, 500 U.S. 478 (1991)",
            4,
            s("486, 492, 496"),
            vec![5, 6, 12],
            false,
        ),
        // Full cite (p. 1), "Giglio, supra, at 154" (p. 2), "see Giglio, 405
        // U. S. 150" (p. 6).
        (
            Heading::Case,
            "Giglio v. United States, 405 U.S. 150 (1972)",
            3,
            s("154"),
            vec![1, 2, 6],
            false,
        ),
        (
            Heading::Case,
            "Goldstein v. Long Beach, 481 F.3d 1170 (CA9 2007)",
            2,
            s("1171\u{2013}1172, 1176"),
            vec![2, 6],
            false,
        ),
        // The full cite and its "Ibid.".
        (
            Heading::Case,
            "Gregoire v. Biddle, 177 F.2d 579 (CA2 1949)",
            2,
            s("581"),
            vec![3],
            false,
        ),
        // 1 full, 5 supra, 3 short, 22 Id./ibid.
        (
            Heading::Case,
            "Imbler v. Pachtman, 424 U.S. 409 (1976)",
            31,
            s(
                "416, 417, 421, 423, 424, 425, 425\u{2013}426, 428, 430, 430\u{2013}431, 431 n. 33, 431 n. 34",
            ),
            vec![1, 3, 4, 5, 6, 8, 10, 11, 12],
            true,
        ),
        // Full at 127, 130 (p. 5); supra at 126 and 132 (p. 6); short at 125 (p. 8).
        (
            Heading::Case,
            "Kalina v. Fletcher, 522 U.S. 118 (1997)",
            4,
            s("125, 126, 127, 130, 132"),
            vec![5, 6, 8],
            false,
        ),
        // 42 U. S. C. §1983 (p. 1) and nine "§1983" mentions: p. 2 once,
        // p. 3 four times, p. 4 three times, p. 12 once.
        (
            Heading::Statute,
            "42 U.S.C. § 1983",
            10,
            s(""),
            vec![1, 2, 3, 4, 12],
            true,
        ),
        (
            Heading::Statute,
            "Rev. Stat. § 1979",
            1,
            s(""),
            vec![1],
            false,
        ),
        (
            Heading::Record,
            "App.",
            3,
            s("45, 54\u{2013}55, 59\u{2013}60"),
            vec![2, 6, 11],
            false,
        ),
    ];
    assert_eq!(rows, expected);
    // "supra, at 10" refers to the opinion itself: no "slip op." entry.
    assert!(toa.get("slip op.").is_none());
}

#[test]
fn toa_formats_of_the_slip() {
    let src = read(SLIP);
    let cites = cites_of(&src);
    let toa = TableOfAuthorities::new([(SLIP, cites.as_slice())]);
    let md = toa.to_markdown();
    assert!(md.starts_with("# Table of Authorities\n\n## Cases\n"));
    assert!(md.contains("| Imbler v. Pachtman, 424 U.S. 409 (1976) | 31 |"));
    assert!(md.contains("| passim |\n"));
    let order: Vec<usize> = ["## Cases", "## Statutes", "## Record"]
        .iter()
        .map(|h| md.find(h).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]));

    let csv = toa.to_csv();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("category,authority,name,year,citation,count,pins,pages,passim")
    );
    assert_eq!(
        lines.next(),
        Some(
            "case,373 U.S. 83,Brady v. Maryland,1963,\"Brady v. Maryland, 373 U.S. 83 (1963)\",1,,9,false"
        )
    );

    let json: serde_json::Value = serde_json::from_str(&toa.to_json()).unwrap();
    let imbler = json["authorities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["authority"] == "424 U.S. 409")
        .unwrap();
    assert_eq!(imbler["category"], "case");
    assert_eq!(imbler["name"], "Imbler v. Pachtman");
    assert_eq!(imbler["year"], 1976);
    assert_eq!(imbler["count"], 31);
    assert_eq!(imbler["passim"], true);
    assert_eq!(
        imbler["slip_pages"],
        serde_json::json!([1, 3, 4, 5, 6, 8, 10, 11, 12])
    );
    assert_eq!(
        imbler["pins"][10],
        serde_json::json!({"page": 431, "end": null, "footnote": 33})
    );

    let html = toa.to_html();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains(
        "<tr data-authority=\"424 U.S. 409\"><td>Imbler v. Pachtman, 424 U.S. 409 (1976)</td>"
    ));
}

/// One table over both Van de Kamp texts: counts add up, pages are listed
/// per file (the syllabus text has no pagination).
#[test]
fn toa_over_two_files_lists_pages_per_file() {
    let slip = read(SLIP);
    let syl = read(SYLLABUS);
    let (a, b) = (cites_of(&slip), cites_of(&syl));
    let toa = TableOfAuthorities::new([(SLIP, a.as_slice()), (SYLLABUS, b.as_slice())]);
    let imbler = toa.get("424 U.S. 409").unwrap();
    assert_eq!(imbler.slip_pages, None);
    assert_eq!(imbler.files.len(), 2);
    assert_eq!(imbler.files[0].count, 31);
    // A mention without a pin ("In Imbler, the Court concluded") is no
    // reference the table counts.
    let in_syllabus = b
        .iter()
        .filter(|c| c.authority.as_deref() == Some("424 U.S. 409"))
        .filter(|c| c.kind() != pincite::CitationKind::Reference || !c.pins.is_empty())
        .count();
    assert_eq!(imbler.files[1].count, in_syllabus);
    assert_eq!(imbler.count, 31 + in_syllabus);
    assert!(imbler.files[1].slip_pages.is_empty());
    assert_eq!(
        imbler.pages_text(),
        format!("{SLIP}: passim; {SYLLABUS}: {in_syllabus} references")
    );
}

fn findings(rel: &str) -> (String, Vec<pincite::Finding>) {
    let src = read(rel);
    let norm = pincite::normalize(&src);
    let cites = pincite::extract(&src, &norm);
    let found = pincite::verify(&norm, &cites);
    (src, found)
}

/// The slip opinion is correct as printed: nothing to report.
#[test]
fn verify_finds_nothing_wrong_in_the_slip() {
    let (_, found) = findings(SLIP);
    assert_eq!(found, []);
}

/// The syllabus text cites "Imbler, 425 U. S., at 425" after "Imbler v.
/// Pachtman, 424 U. S. 409, 428, 430": the one error of the text.
#[test]
fn verify_catches_the_syllabus_short_cite_to_the_wrong_volume() {
    let (src, found) = findings(SYLLABUS);
    let errors: Vec<&pincite::Finding> = found
        .iter()
        .filter(|f| f.severity == pincite::Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{found:#?}");
    let e = errors[0];
    assert_eq!(e.code, "short-cite-mismatch");
    assert_eq!(&src[e.span.range()], "Imbler, 425 U. S., at 425");
    assert_eq!(e.authority.as_deref(), Some("424 U.S. 409"));
    assert_eq!(
        e.to_text(SYLLABUS, &src),
        format!(
            "{SYLLABUS}:5:1469: error: short citation names 425 U.S., but Imbler v. Pachtman is 424 U.S. 409"
        )
    );
    // No warnings either: every Id. follows a single authority.
    assert_eq!(found.len(), 1);
}

/// A slip whose internal reference names a page past its end, and whose
/// quotation is cited to two different pages.
#[test]
fn verify_catches_a_missing_internal_page_and_a_quotation_on_two_pages() {
    let src = read(SLIP)
        .replace("supra, at 10)", "supra, at 14)")
        .replace("trial.  Id., at 430.", "trial.  Id., at 416.");
    let norm = pincite::normalize(&src);
    let cites = pincite::extract(&src, &norm);
    let found = pincite::verify(&norm, &cites);
    let got: Vec<(&str, &str)> = found
        .iter()
        .map(|f| (f.code, &src[f.span.range()]))
        .collect();
    assert_eq!(
        got,
        [
            ("quotation-pin-conflict", "Id., at 416"),
            ("internal-page-missing", "supra, at 14"),
        ]
    );
    assert!(
        found[1].message.contains("pages 1-12"),
        "{}",
        found[1].message
    );
}

fn van_de_kamp_index() -> pincite::Index {
    let slip = read(SLIP);
    let syl = read(SYLLABUS);
    pincite::Index::build(&[(SLIP, slip.as_str()), (SYLLABUS, syl.as_str())])
}

/// "Which opinions cite 424 U.S. 409 at 430, and how often?" Counted by
/// reading: the slip has Id., at 430 (p. 3), 424 U. S., at 430 (p. 5), Id.,
/// at 430-431 (p. 6), Id., at 430 (p. 8) and Imbler, supra, at 430 (pp. 11,
/// 12); the syllabus text adds the syllabus's full cite at 428, 430, its
/// id., at 430 and Imbler, supra, at 430 to the same six.
#[test]
fn index_counts_the_opinions_citing_imbler_at_430() {
    let index = van_de_kamp_index();
    for typed in [
        "424 U. S. 409",
        "424 U.S. 409",
        "Imbler v. Pachtman",
        "imbler",
    ] {
        let mut q = pincite::Query::new();
        q.authority(typed).pin(430);
        let counts: Vec<(String, usize)> = index
            .counts(&q)
            .unwrap()
            .into_iter()
            .map(|c| (c.file, c.count))
            .collect();
        assert_eq!(
            counts,
            [(SYLLABUS.to_string(), 9), (SLIP.to_string(), 6)],
            "{typed}"
        );
    }
    let mut q = pincite::Query::new();
    q.name("Imbler").slip_page(5);
    let pages: Vec<String> = index
        .query(&q)
        .unwrap()
        .iter()
        .map(|h| h.pins.first().map(ToString::to_string).unwrap_or_default())
        .collect();
    // Slip page 5: Id., at 425-426; 425; 424; 431 n. 33; "In Imbler, the
    // Court concluded"; 424 U. S., at 430; 431 n. 34.
    assert_eq!(
        pages,
        ["425-426", "425", "424", "431n33", "", "430", "431n34"]
    );
}

#[test]
fn index_hits_carry_sentence_and_quotation() {
    let index = van_de_kamp_index();
    let mut q = pincite::Query::new();
    q.authority("424 U.S. 409").pin(430).slip_page(3);
    let hits = index.query(&q).unwrap();
    assert_eq!(hits.len(), 1);
    let h = &hits[0];
    assert_eq!(h.kind, pincite::CitationKind::Id);
    assert_eq!(h.section, pincite::Section::Opinion);
    assert_eq!((h.line, h.col), (83, 12));
    assert_eq!(
        h.quotation.as_deref(),
        Some("intimately associated with the judicial phase of the criminal process")
    );
    assert_eq!(
        &*h.context,
        "In Imbler, supra, this Court considered prosecutorial actions that are \
         \u{201C}intimately associated with the judicial phase of the criminal process.\u{201D}  \
         Id., at 430."
    );
}

/// A file of its own for a test: removed, with SQLite's journal, when
/// dropped.
struct TempPath(std::path::PathBuf);

impl TempPath {
    fn new(name: &str) -> TempPath {
        let n = format!("pincite-report-{}-{name}", std::process::id());
        let p = std::env::temp_dir().join(n);
        let _ = std::fs::remove_file(&p);
        TempPath(p)
    }
}

impl Drop for TempPath {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn index_database_round_trips_and_refuses_other_files() {
    let index = van_de_kamp_index();
    let db = TempPath::new("round.db");
    let mut on_disk = pincite::Index::open(&db.0).unwrap();
    let (slip, syl) = (read(SLIP), read(SYLLABUS));
    on_disk
        .add([(SLIP, slip.as_str()), (SYLLABUS, syl.as_str())])
        .unwrap();
    drop(on_disk);
    let back = pincite::Index::open_read_only(&db.0).unwrap();
    assert_eq!(back.hits().unwrap(), index.hits().unwrap());
    assert_eq!(back.files().unwrap(), index.files().unwrap());
    assert_eq!(back.authorities().unwrap(), index.authorities().unwrap());

    let missing = pincite::Index::open_read_only(db.0.with_extension("none")).unwrap_err();
    assert_eq!(missing.to_string(), "no such file");
    // An index file of pincite's JSON versions says to build it again.
    let old = TempPath::new("old.idx");
    std::fs::write(&old.0, "pincite-index 4 2 0000000000000000\n{}").unwrap();
    let e = pincite::Index::open_read_only(&old.0).unwrap_err();
    assert_eq!(e.kind(), &pincite::ErrorKind::IndexVersion { found: 4 });
    assert!(
        e.to_string().contains("rebuild it with this version"),
        "{e}"
    );
    // A text, and a database of another program, are no index.
    let text = TempPath::new("text.txt");
    std::fs::write(&text.0, SLIP).unwrap();
    let other = TempPath::new("other.db");
    rusqlite::Connection::open(&other.0)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    for path in [&text.0, &other.0] {
        let e = pincite::Index::open(path).unwrap_err();
        assert_eq!(e.kind(), &pincite::ErrorKind::NotAnIndex, "{path:?}");
    }
}

/// Run again with one file changed, one the same and one gone, the index
/// reads only the changed one and answers as an index built from scratch.
#[test]
fn index_updated_in_place_equals_one_built_again() {
    let (slip, syl) = (read(SLIP), read(SYLLABUS));
    let kemp = read("corpus/scotus_kemp_v_us_2022_prelim_slip.txt");
    let db = TempPath::new("update.db");
    let mut index = pincite::Index::open(&db.0).unwrap();
    let first = index
        .add([
            ("slip", slip.as_str()),
            ("syl", syl.as_str()),
            ("kemp", kemp.as_str()),
        ])
        .unwrap();
    assert_eq!((first.written, first.unchanged), (3, 0));
    let changed = slip.clone()
        + "See Bivens v. Six Unknown Fed. Narcotics Agents, 403 U. S. 388, 390 (1971).\n";
    let mut update = index.update().unwrap();
    update
        .add([("slip", changed.as_str()), ("syl", syl.as_str())])
        .unwrap();
    assert_eq!(update.remove_others().unwrap(), 1);
    let stats = update.commit().unwrap();
    assert_eq!((stats.written, stats.unchanged, stats.removed), (1, 1, 1));
    let fresh = pincite::Index::build(&[("slip", changed.as_str()), ("syl", syl.as_str())]);
    // The file kept its place: its hits first, as in the fresh index.
    assert_eq!(index.files().unwrap(), ["slip", "syl"]);
    assert_eq!(index.hits().unwrap(), fresh.hits().unwrap());
    assert_eq!(index.authorities().unwrap(), fresh.authorities().unwrap());
    // Kemp's authorities are gone with it: the same authorities, as
    // their first full citations give them.
    let keys = "SELECT key, name, court, year FROM authorities ORDER BY key";
    assert_eq!(rows(&index, keys), rows(&fresh, keys));
    assert!(
        rows(&index, keys)
            .iter()
            .any(|r| r.contains("403 U.S. 388"))
    );

    // An update dropped before its commit changes nothing.
    let mut update = index.update().unwrap();
    update.clear().unwrap();
    drop(update);
    assert_eq!(index.hits().unwrap(), fresh.hits().unwrap());
}

/// An authority's facts follow one rule, whatever the order files came
/// in or went: each from the first file, in path order, that gives it.
/// The slip opinion names Goldstein v. Long Beach (CA9 2007); the
/// syllabus cites it bare. Taken out, the slip's facts go with it.
#[test]
fn authority_facts_follow_the_files_that_remain() {
    let (slip, syl) = (read(SLIP), read(SYLLABUS));
    let facts = "SELECT key, category, name, court, year, parallels, volume, reporter, \
                 first_page FROM authorities ORDER BY key";
    let goldstein = "SELECT name, court, year FROM authorities WHERE key = '481 F.3d 1170'";
    let named = [r#"{"name":"Goldstein v. Long Beach","court":"CA9","year":2007}"#];
    let bare = [r#"{"name":null,"court":null,"year":null}"#];
    // The syllabus written first, the slip in a later run.
    let db = TempPath::new("facts.db");
    let mut index = pincite::Index::open(&db.0).unwrap();
    index.add([("b/syllabus.txt", syl.as_str())]).unwrap();
    assert_eq!(rows(&index, goldstein), bare);
    index.add([("a/slip.txt", slip.as_str())]).unwrap();
    assert_eq!(rows(&index, goldstein), named);
    let both = pincite::Index::build(&[
        ("a/slip.txt", slip.as_str()),
        ("b/syllabus.txt", syl.as_str()),
    ]);
    assert_eq!(rows(&index, facts), rows(&both, facts));
    // The slip taken out: the syllabus's facts, as if it were alone.
    assert_eq!(index.remove(&["a/slip.txt"]).unwrap(), 1);
    assert_eq!(rows(&index, goldstein), bare);
    let alone = pincite::Index::build(&[("b/syllabus.txt", syl.as_str())]);
    assert_eq!(rows(&index, facts), rows(&alone, facts));
    // The slip changed to cite no one: the same.
    index.add([("a/slip.txt", "No citation here.\n")]).unwrap();
    assert_eq!(rows(&index, facts), rows(&alone, facts));
}

/// A section asked for finds the ranges of sections that take it in:
/// Kemp's preliminary print cites "28 U. S. C. §§2071–2077" (the Rules
/// Enabling Act), which § 2072 is in and § 2078 is not.
#[test]
fn a_section_finds_the_ranges_it_is_in() {
    let kemp = read("corpus/scotus_kemp_v_us_2022_prelim_slip.txt");
    let index = pincite::Index::build(&[("kemp", kemp.as_str())]);
    let range = "28 U.S.C. §§ 2071-2077";
    let authorities = |typed: &str| {
        let mut q = pincite::Query::new();
        q.authority(typed);
        let hits = index.query(&q).unwrap();
        let mut keys: Vec<String> = hits.into_iter().filter_map(|h| h.authority).collect();
        keys.sort();
        keys.dedup();
        keys
    };
    for typed in [
        "28 U.S.C. § 2072",
        "28 U. S. C. §2072(b)",
        "28 USC § 2071",
        "§ 2077",
        range,
    ] {
        assert_eq!(authorities(typed), [range], "{typed}");
    }
    // A section cited alone as well: both.
    for typed in ["28 U.S.C. § 2074", "section 2074"] {
        assert_eq!(authorities(typed), ["28 U.S.C. § 2074", range], "{typed}");
    }
    for typed in [
        "28 U.S.C. § 2078",
        "28 U.S.C. § 2070",
        "29 U.S.C. § 2072",
        "§ 207",
    ] {
        assert!(authorities(typed).is_empty(), "{typed}");
    }
}

/// Every row of some SQL, as JSON text.
/// The shipped corpus's opinions, each a name and its text.
fn shipped_corpus() -> Vec<(String, String)> {
    let mut names: Vec<String> = std::fs::read_dir(crate::corpus::path("corpus"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| {
            let rel = format!("corpus/{n}");
            let text = read(&rel);
            (rel, text)
        })
        .collect()
}

/// A query by authority and pin, or by authority alone, is answered from
/// an index alone, then read by page: over the shipped corpus, for every
/// authority and every page pinned on it, its hits are those every hit
/// of the index has of that authority and page, in the same order; the
/// count and the counts per file agree; and the pages of a limit and an
/// offset put back together give them all.
#[test]
fn indexed_queries_and_their_pages_agree_with_every_hit() {
    let docs = shipped_corpus();
    let index = pincite::Index::build_from(docs);
    let all = index.hits().unwrap();
    let mut asked: Vec<(String, Option<u32>)> = Vec::new();
    for h in &all {
        let Some(key) = &h.authority else { continue };
        asked.push((key.clone(), None));
        for p in &h.pins {
            if let Some(first) = p.page {
                asked.push((key.clone(), Some(first)));
            }
        }
    }
    asked.sort();
    asked.dedup();
    assert!(asked.len() > 500, "{} questions", asked.len());
    for (key, pin) in &asked {
        let mut q = pincite::Query::new();
        q.authority(key);
        if let Some(p) = pin {
            q.pin(*p);
        }
        // Keys resolve to themselves and sometimes to more (a section
        // stands for the ranges that take it in).
        let keys = index.resolve(key).unwrap();
        let want: Vec<&pincite::Hit> = all
            .iter()
            .filter(|h| h.authority.as_ref().is_some_and(|a| keys.contains(a)))
            .filter(|h| pin.is_none_or(|p| h.cites_page(p)))
            .collect();
        let got = index.query(&q).unwrap();
        assert_eq!(got.iter().collect::<Vec<_>>(), want, "{key} at {pin:?}");
        assert_eq!(index.count(&q).unwrap(), want.len(), "{key} at {pin:?}");
        let per_file: usize = index.counts(&q).unwrap().iter().map(|c| c.count).sum();
        assert_eq!(per_file, want.len(), "{key} at {pin:?}");
        let mut paged = Vec::new();
        for offset in (0..want.len() + 2).step_by(2) {
            q.limit(2).offset(offset);
            let page = index.query(&q).unwrap();
            assert!(page.len() <= 2);
            paged.extend(page);
        }
        assert_eq!(
            paged.iter().collect::<Vec<_>>(),
            want,
            "{key} at {pin:?} by pages"
        );
    }
}

fn rows(index: &pincite::Index, sql: &str) -> Vec<String> {
    let mut out = Vec::new();
    index
        .sql(sql, |row| {
            out.push(row.to_string());
            Ok(())
        })
        .unwrap();
    out
}

/// SQL that would change an index opened to read is refused.
#[test]
fn index_sql_reads_only() {
    let db = TempPath::new("sql.db");
    let slip = read(SLIP);
    pincite::Index::open(&db.0)
        .unwrap()
        .add([(SLIP, slip.as_str())])
        .unwrap();
    let index = pincite::Index::open_read_only(&db.0).unwrap();
    for sql in [
        "DELETE FROM citations",
        "DROP TABLE files",
        "UPDATE files SET path = 'x'",
        "SELECT 1; DELETE FROM citations",
    ] {
        let e = index.sql(sql, |_| Ok(())).unwrap_err();
        assert_eq!(e.kind(), &pincite::ErrorKind::Database, "{sql}");
    }
    assert_eq!(index.len().unwrap(), slip_citations(&slip));
    let e = index.sql("SELEC 1", |_| Ok(())).unwrap_err();
    assert!(e.to_string().contains("syntax error"), "{e}");
}

/// The citations of a text.
fn slip_citations(text: &str) -> usize {
    pincite::cite(text).citations().len()
}

/// The text of an HTML fragment: tags out, the five entities decoded.
fn html_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for ch in html.chars() {
        match ch {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(ch),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The annotated slip: all 64 citations marked, the whole reading text
/// present, Imbler's 31 references linked from the side table.
#[test]
fn annotated_html_of_the_slip() {
    let src = read(SLIP);
    let norm = pincite::normalize(&src);
    let cites = pincite::extract(&src, &norm);
    assert_eq!(cites.len(), 64);
    let page = pincite::annotate_html(SLIP, &norm, &cites);
    let main = &page[page.find("<main>").unwrap() + 6..page.find("</main>").unwrap()];
    assert_eq!(html_text(main), norm.reading());
    assert_eq!(main.matches("<cite ").count(), 64);
    for i in 0..cites.len() {
        assert!(main.contains(&format!("<cite id=\"c{i}\" ")), "c{i}");
    }
    assert!(main.contains(
        "data-authority=\"424 U.S. 409\" data-pins=\"430\" \
         title=\"Imbler v. Pachtman, 424 U.S. 409 (1976), at 430\">424 U. S., at 430</cite>"
    ));
    assert!(main.contains(
        "data-authority=\"slip op.\" data-pins=\"10\" title=\"this opinion, at 10\">supra, at 10</cite>"
    ));
    let nav = &page[page.find("<nav id=\"toa\">").unwrap()..];
    let imbler = &nav[nav.find("<li data-authority=\"424 U.S. 409\">").unwrap()..];
    let imbler = &imbler[..imbler.find("</details>").unwrap()];
    assert_eq!(imbler.matches("<a href=\"#c").count(), 31);
    assert!(imbler.contains("(31 references, passim)"));
    assert!(page.ends_with("</html>\n"));
}

/// Runs the binary; returns its status code, stdout and stderr.
fn run_cli(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pincite"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run pincite");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn cli_toa_prints_markdown_by_default_and_json_on_request() {
    let (code, md, _) = run_cli(&["toa", SLIP]);
    assert_eq!(code, 0);
    assert!(md.contains("| Imbler v. Pachtman, 424 U.S. 409 (1976) | 31 |"));
    let (code, json, _) = run_cli(&["toa", "--format", "json", SLIP, SYLLABUS]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let first = &v["authorities"][0];
    assert_eq!(first["authority"], "373 U.S. 83");
    assert_eq!(first["slip_pages"], serde_json::Value::Null);
    assert_eq!(first["files"][0]["slip_pages"], serde_json::json!([9]));
    let (code, csv, _) = run_cli(&["toa", "--format", "csv", SLIP]);
    assert_eq!(code, 0);
    assert!(csv.starts_with("category,authority,"));
}

#[test]
fn cli_verify_exit_status_follows_errors() {
    let (code, out, _) = run_cli(&["verify", SLIP]);
    assert_eq!((code, out.as_str()), (0, ""));
    let (code, out, _) = run_cli(&["verify", SYLLABUS]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        format!(
            "{SYLLABUS}:5:1469: error: short citation names 425 U.S., but Imbler v. Pachtman is 424 U.S. 409\n"
        )
    );
    let (code, out, _) = run_cli(&["verify", "--format", "jsonl", SYLLABUS]);
    assert_eq!(code, 1);
    let rec: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(rec["file"], SYLLABUS);
    assert_eq!(rec["span"], serde_json::json!([5190, 5215]));
    assert_eq!(rec["severity"], "error");
    assert_eq!(rec["code"], "short-cite-mismatch");
    assert_eq!(rec["authority"], "424 U.S. 409");
    let (code, _, err) = run_cli(&["verify", SLIP, "corpus/no-such-file.txt"]);
    assert_eq!(code, 2);
    assert_eq!(err, "pincite: corpus/no-such-file.txt: no such file\n");
    let (code, _, _) = run_cli(&["verify"]);
    assert_eq!(code, 2);
}

#[test]
fn cli_index_then_query() {
    let idx = std::env::temp_dir().join(format!("pincite-cli-{}.idx", std::process::id()));
    let idx_s = idx.to_str().unwrap();
    let (code, out, err) = run_cli(&["index", "--output", idx_s, SLIP, SYLLABUS]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(": 2 files, "), "{out}");
    let (code, out, _) = run_cli(&[
        "query",
        "--index",
        idx_s,
        "--authority",
        "424 U. S. 409",
        "--pin",
        "430",
    ]);
    assert_eq!(code, 0);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 15);
    let first = &lines[0];
    assert_eq!(first["file"], SLIP);
    assert_eq!(first["span"], serde_json::json!([4448, 4459]));
    assert_eq!(first["slip_page"], 3);
    assert_eq!(first["section"], "opinion");
    assert_eq!(first["kind"], "id");
    assert_eq!(first["authority"], "424 U.S. 409");
    assert_eq!(
        first["pins"],
        serde_json::json!([{"page": 430, "end": null, "footnote": null}])
    );
    assert!(first["context"].as_str().unwrap().ends_with("Id., at 430."));
    let (code, out, _) = run_cli(&[
        "query", "--index", idx_s, "--name", "Imbler", "--pin", "430", "--counts", "--format",
        "text",
    ]);
    assert_eq!(code, 0);
    assert_eq!(out, format!("9\t{SYLLABUS}\n6\t{SLIP}\n"));
    let (_, out, _) = run_cli(&[
        "query", "--index", idx_s, "--name", "Kalina", "--format", "text",
    ]);
    // Four in each text: the full cite, two supra, one short cite.
    assert_eq!(out.lines().count(), 8);
    assert_eq!(
        out.lines()
            .filter(|l| l.starts_with(&format!("{SLIP}:")))
            .count(),
        4
    );
    // A damaged index is an error with the file's name, not a panic.
    let bytes = std::fs::read(&idx).unwrap();
    std::fs::write(&idx, &bytes[..bytes.len() / 2]).unwrap();
    let (code, out, err) = run_cli(&["query", "--index", idx_s, "--name", "Imbler"]);
    std::fs::remove_file(&idx).unwrap();
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(
        err.starts_with(&format!("pincite: {idx_s}: truncated index (")),
        "{err}"
    );
}

#[test]
fn cli_annotate_writes_a_page() {
    let (code, html, _) = run_cli(&["annotate", "--format", "html", SLIP]);
    assert_eq!(code, 0);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(html.matches("<cite ").count(), 64);
    let (code, _, err) = run_cli(&["annotate", "corpus/no-such-file.txt"]);
    assert_eq!(code, 1);
    assert_eq!(err, "pincite: corpus/no-such-file.txt: no such file\n");
}

/// Bartenwerfer (pdftotext -raw): pages by part (syllabus, opinion,
/// concurrence), parallel citations listed with their case.
#[test]
fn toa_of_bartenwerfer_lists_pages_by_part_and_parallels_with_their_case() {
    let rel = "corpus/scotus_bartenwerfer_v_buckley_2023_slip.txt";
    let src = read(rel);
    let cites = cites_of(&src);
    let toa = TableOfAuthorities::new([(rel, cites.as_slice())]);
    // "Badgerow v. Walters, 596 U. S. ___, ___" in the syllabus (p. 2) and
    // again in the opinion (p. 7).
    let badgerow = toa
        .entries()
        .iter()
        .find(|e| e.citation.starts_with("Badgerow v. Walters"))
        .unwrap();
    assert_eq!(badgerow.count, 2);
    assert_eq!(badgerow.pages_text(), "syllabus 2; 7");
    // Field v. Mans: syllabus p. 2, opinion pp. 5, 7, 8, concurrence p. 1.
    let field = toa.get("516 U.S. 59").unwrap();
    assert_eq!(field.count, 5);
    assert_eq!(field.files[0].sections.len(), 3);
    assert!(field.passim);
    // "Tucker v. Cole, 54 Wis. 539, 540–541, 11 N. W. 703, 703–704 (1882)":
    // one reference, printed with its parallel, pins of the first reporter.
    let tucker = toa.get("54 Wis. 539").unwrap();
    assert_eq!(
        tucker.citation,
        "Tucker v. Cole, 54 Wis. 539, 11 N.W. 703 (1882)"
    );
    assert_eq!(tucker.count, 1);
    assert_eq!(tucker.pins_text(), "540\u{2013}541");
    assert!(toa.get("11 N.W. 703").is_none());
    assert_eq!(
        toa.get("39 Minn. 181").unwrap().citation,
        "McCord v. Western Union Telegraph Co., 39 Minn. 181, 39 N.W. 315 (1888)"
    );
}

/// Every corpus text, whatever its form: the annotated page holds the whole
/// reading text and one element per citation.
#[test]
fn annotated_html_keeps_every_reading_character_of_every_corpus_text() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 11);
    for p in names {
        let src = std::fs::read_to_string(&p).unwrap();
        let norm = pincite::normalize(&src);
        let cites = pincite::extract(&src, &norm);
        let page = pincite::annotate_html("t", &norm, &cites);
        let main = &page[page.find("<main>").unwrap() + 6..page.find("</main>").unwrap()];
        assert_eq!(html_text(main), norm.reading(), "{}", p.display());
        let marked = main.matches("<cite ").count() + main.matches("<a id=\"c").count();
        assert_eq!(marked, cites.len(), "{}", p.display());
    }
}

/// Sentences of Learning Resources v. Trump (2026): the full citation of
/// Gonzales v. Oregon names its case a sentence earlier, so the short cite
/// "Gonzales, 546 U. S., at 267" is that case, not Gonzales v. Raich of
/// the volume before: no mismatch to report.
#[test]
fn a_short_cite_to_a_nameless_full_citation_of_its_volume_is_no_mismatch() {
    let src = "Cf. Gonzales v. Raich, 545 U. S. 1, 5 (2005). In Gonzales v. Oregon, \
the Attorney General sought to regulate physician-assisted suicide. 546 U. S. 243, \
267–268 (2006). The Attorney General attempted to regulate physician-assisted \
suicide, Gonzales, 546 U. S., at 267–268.\n";
    let norm = pincite::normalize(src);
    let cites = pincite::extract(src, &norm);
    let short = cites
        .iter()
        .find(|c| c.text.starts_with("Gonzales, 546"))
        .unwrap();
    assert_eq!(short.authority.as_deref(), Some("546 U.S. 243"));
    let found = pincite::verify(&norm, &cites);
    assert!(
        found.iter().all(|f| f.code != "short-cite-mismatch"),
        "{:?}",
        found
            .iter()
            .map(|f| (f.code, &f.message))
            .collect::<Vec<_>>()
    );
}

/// McDonald v. Chicago (2010) cites Heller as a slip opinion; Vartelas v.
/// Holder (2012) with its page. Over both, Heller is one authority.
#[test]
fn a_blank_page_case_cited_with_its_page_elsewhere_is_one_authority() {
    let mcdonald = "Two years ago, in District of Columbia v. Heller, 554 U. S. ___ (2008), we held that the Second Amendment protects the right. Heller, 554 U. S., at ___ (slip op., at 19).\n";
    let vartelas = "on the possession of firearms by felons,” District of Columbia v. Heller, 554 U. S. 570, 626 (2008), however, target a status.\n";
    let a = cites_of(mcdonald);
    assert_eq!(
        a[0].authority.as_deref(),
        Some("District of Columbia v. Heller, 554 U.S. ___")
    );
    let b = cites_of(vartelas);
    let toa = TableOfAuthorities::new([("mcdonald", a.as_slice()), ("vartelas", b.as_slice())]);
    let keys: Vec<(&str, usize)> = toa
        .entries()
        .iter()
        .map(|e| (e.authority.as_str(), e.count))
        .collect();
    assert_eq!(keys, [("554 U.S. 570", 3)]);
    let index = pincite::Index::build(&[("mcdonald", mcdonald), ("vartelas", vartelas)]);
    let mut q = pincite::Query::new();
    q.authority("554 U.S. 570");
    let files: Vec<usize> = index.query(&q).unwrap().iter().map(|h| h.file).collect();
    assert_eq!(files, [0, 0, 1]);
}

/// The errors `verify` finds in a text: its file name, the code and the
/// citation's text, lines joined.
fn errors_of(dir: &std::path::Path, name: &str) -> Vec<(String, &'static str, String)> {
    let src = std::fs::read_to_string(dir.join(name)).unwrap();
    let norm = pincite::normalize(&src);
    let cites = pincite::extract(&src, &norm);
    pincite::verify(&norm, &cites)
        .into_iter()
        .filter(|f| f.severity == pincite::Severity::Error)
        .map(|f| {
            let text = src[f.span.range()].split_whitespace().collect::<Vec<_>>();
            (name.to_string(), f.code, text.join(" "))
        })
        .collect()
}

/// Every error of every text of a directory.
fn errors_in(dir: &std::path::Path) -> Vec<(String, &'static str, String)> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names.iter().flat_map(|n| errors_of(dir, n)).collect()
}

/// `verify` cried wolf: "ante, at 5–6" in a concurrence was checked
/// against the concurrence's own pages, "post, at 45–57 (opinion of
/// KAVANAUGH, J.)" against the opinion it stood in, paragraph pins ("2018
/// IL 122008, ¶ 11") against a first page. Every error left in the shipped
/// and shared texts is a mistake of the text (the README lists why).
#[test]
fn verify_finds_only_real_errors_in_the_corpora() {
    let e = |f: &str, code: &'static str, t: &str| (f.to_string(), code, t.to_string());
    let mismatch = "short-cite-mismatch";
    let got = errors_in(&crate::corpus::path("corpus"));
    assert_eq!(
        got,
        [
            e(
                "ca11_robinson_v_tyson_foods_2010_raw.txt",
                mismatch,
                "Ajaka, 435 F.3d at 1344"
            ),
            e(
                "van_de_kamp_v_goldstein_2009_syllabus.txt",
                mismatch,
                "Imbler, 425 U. S., at 425"
            ),
        ]
    );
    let got = errors_in(&crate::corpus::path("corpus/extractors"));
    assert_eq!(
        got,
        [e(
            "ca4_weintraub_2010_raw.txt",
            mismatch,
            "Baxter, 579 F.3d at 864"
        )]
    );
    let shared = crate::corpus::path("../shared/corpus/opinions");
    if !shared.is_dir() {
        crate::skipped(&shared);
        return;
    }
    let got = errors_in(&shared);
    let heller = |t: &str| e("scotus_mcdonald_v_chicago_2010_slip.txt", mismatch, t);
    assert_eq!(
        got,
        [
            e(
                "mdnc_democracy_nc_v_nc_sbe_2022_clean.txt",
                mismatch,
                "Democracy N.C. , 476 F.3d at 224"
            ),
            e(
                "scotus_bilski_v_kappos_2010_slip.txt",
                mismatch,
                "State Street, 49 F. 3d, at 1373"
            ),
            heller("Heller, 544 U. S., at ___"),
            heller("Heller, 544 U. S., at ___"),
            e(
                "scotus_trump_v_us_2024_slip.txt",
                mismatch,
                "Fitzgerald, 456 U. S., at 757"
            ),
            e(
                "scotus_trump_v_us_2024_slip_layout.txt",
                mismatch,
                "Fitzgerald, 456 U. S., at 757"
            ),
        ]
    );
}

/// The same for the 290 slips of the 2009-2011 terms, when they are there.
#[test]
fn verify_finds_only_real_errors_in_the_bulk_slips() {
    let bulk = crate::corpus::path("../shared/corpus/bulk-scotus-ot2009-2011");
    if !bulk.is_dir() {
        crate::skipped(&bulk);
        return;
    }
    let got: Vec<(String, &str, String)> = errors_in(&bulk);
    let want = [
        ("09_Bilski_v_Kappos.txt", "State Street, 49 F. 3d, at 1373"),
        ("09_McDonald_v_Chicago.txt", "Heller, 544 U. S., at ___"),
        ("09_McDonald_v_Chicago.txt", "Heller, 544 U. S., at ___"),
        (
            "09_Porter_v_McCollum.txt",
            "Penry v. Lynaugh, 492 U. S. 302, 219 (1989)",
        ),
        (
            "11_Pacific_Operators_Offshore_LLP_v_Valladolid.txt",
            "470 U. S., at 219–220",
        ),
    ];
    let got: Vec<(&str, &str)> = got
        .iter()
        .map(|(f, _, t)| (f.as_str(), t.as_str()))
        .collect();
    assert_eq!(got, want);
}

/// Kemp v. United States (a preliminary print): the dissent's "See ante,
/// at 535" is a page of the Court's opinion (530-539), not of the dissent
/// (540-542); a page no earlier opinion has is still an error.
#[test]
fn verify_checks_ante_against_the_opinions_before() {
    let rel = "corpus/scotus_kemp_v_us_2022_prelim_slip.txt";
    let (_, found) = findings(rel);
    assert!(
        found.iter().all(|f| f.code != "internal-page-missing"),
        "{found:#?}"
    );
    let src = read(rel).replace("See ante, at 535.", "See ante, at 555.");
    let norm = pincite::normalize(&src);
    let found = pincite::verify(&norm, &pincite::extract(&src, &norm));
    let missing: Vec<_> = found
        .iter()
        .filter(|f| f.code == "internal-page-missing")
        .collect();
    assert_eq!(missing.len(), 1, "{found:#?}");
    assert_eq!(&src[missing[0].span.range()], "ante, at 555");
    assert!(
        missing[0]
            .message
            .contains("opinion of the Court runs over pages 530-539"),
        "{}",
        missing[0].message
    );
}

/// Bartenwerfer: JUSTICE SOTOMAYOR's one-page concurrence cites "ante, at
/// 5–6" and "ante, at 10", pages of the Court's opinion.
#[test]
fn verify_reads_ante_in_a_concurrence_as_the_courts_pages() {
    for rel in [
        "corpus/scotus_bartenwerfer_v_buckley_2023_slip.txt",
        "corpus/scotus_bartenwerfer_v_buckley_2023_slip_layout.txt",
    ] {
        let (_, found) = findings(rel);
        assert!(
            found.iter().all(|f| f.severity != pincite::Severity::Error),
            "{rel}: {found:#?}"
        );
    }
}

/// The table over a text's citations, as `pincite toa` builds it for one
/// file, and the fingerprint of the text.
fn table_input(rel: &str) -> (String, Vec<pincite::Citation>, pincite::Fingerprint) {
    let src = read(rel);
    let cited = pincite::cite(&src);
    let print = pincite::Fingerprint::new(&src, cited.normalized(), cited.citations());
    (rel.to_string(), cited.into_citations(), print)
}

/// `toa corpus/` counted Tarrant once per copy of it (three pdftotext
/// forms), Bartenwerfer three times (two slips and the web text), Kemp
/// twice: copies of one opinion are found by docket number, case name and
/// citations, and each opinion is counted once, from a paginated copy.
#[test]
fn toa_counts_each_opinion_once_whatever_its_copies() {
    let rels = [
        "corpus/scotus_bartenwerfer_v_buckley_2023_clean.txt",
        "corpus/scotus_bartenwerfer_v_buckley_2023_slip.txt",
        "corpus/scotus_bartenwerfer_v_buckley_2023_slip_layout.txt",
        "corpus/scotus_kemp_v_us_2022_prelim_slip.txt",
        "corpus/scotus_kemp_v_us_2022_prelim_slip_layout.txt",
        "corpus/scotus_tarrant_v_herrmann_2013_slip.txt",
        "corpus/scotus_tarrant_v_herrmann_2013_slip_default.txt",
        "corpus/scotus_tarrant_v_herrmann_2013_slip_layout.txt",
        SLIP,
        SYLLABUS,
    ];
    let docs: Vec<_> = rels.iter().map(|r| table_input(r)).collect();
    let prints: Vec<pincite::Fingerprint> = docs.iter().map(|d| d.2.clone()).collect();
    // The web text of Bartenwerfer has no pages: the slip is kept. The
    // Van de Kamp texts have no docket number in a caption: both stay.
    assert_eq!(pincite::copies(&prints), [1, 1, 1, 3, 3, 5, 5, 5, 8, 9]);
    let tarrant = &docs[5];
    let alone = TableOfAuthorities::new([(tarrant.0.as_str(), tarrant.1.as_slice())]);
    let kept: Vec<_> = docs
        .iter()
        .enumerate()
        .filter(|(i, _)| pincite::copies(&prints)[*i] == *i)
        .map(|(_, d)| (d.0.as_str(), d.1.as_slice()))
        .collect();
    let all = TableOfAuthorities::new(kept);
    for e in alone
        .entries()
        .iter()
        .filter(|e| e.category == Heading::Case)
    {
        let row = all.get(&e.authority).unwrap();
        let in_tarrant = row.files.iter().find(|f| f.file == tarrant.0).unwrap();
        assert_eq!(in_tarrant.count, e.count, "{}", e.authority);
        assert!(
            row.files
                .iter()
                .all(|f| !f.file.contains("tarrant_v_herrmann_2013_slip_"))
        );
    }
}

/// `toa a.txt a.txt` doubled every count.
#[test]
fn toa_of_a_file_given_twice_counts_it_once() {
    let a = table_input(SLIP);
    let b = table_input(SLIP);
    assert_eq!(pincite::copies(&[a.2.clone(), b.2.clone()]), [0, 0]);
    let other = table_input(SYLLABUS);
    assert_eq!(pincite::copies(&[a.2, other.2]), [0, 1]);
}

/// "App." citations of unrelated cases made one row of 147 references:
/// a record citation cites its own case's record, one row per file.
#[test]
fn toa_keys_record_citations_per_file() {
    let a = cites_of(&read(SLIP));
    let b = cites_of(&read("corpus/scotus_abbott_v_abbott_2010_slip.txt"));
    let toa = TableOfAuthorities::new([(SLIP, a.as_slice()), ("abbott.txt", b.as_slice())]);
    let apps: Vec<&pincite::Entry> = toa
        .entries()
        .iter()
        .filter(|e| e.authority == "App.")
        .collect();
    assert_eq!(apps.len(), 2, "{apps:#?}");
    assert_eq!(apps[0].citation, "App. (abbott.txt)");
    assert_eq!(apps[1].citation, format!("App. ({SLIP})"));
    assert!(apps.iter().all(|e| e.files.len() == 1));
    assert_eq!(apps[1].count, 3);
    // A table of one file names no file.
    let one = TableOfAuthorities::new([(SLIP, a.as_slice())]);
    assert_eq!(one.get("App.").unwrap().citation, "App.");
}

/// A writer that dies in the middle of a change leaves its journal
/// beside the database: the next reader rolls the change back and reads
/// the index as it was, whole.
#[test]
fn index_left_half_written_reads_as_it_was() {
    let db = TempPath::new("crash.db");
    let slip = read(SLIP);
    let mut index = pincite::Index::open(&db.0).unwrap();
    index.add([(SLIP, slip.as_str())]).unwrap();
    let before = index.hits().unwrap();
    drop(index);
    // A change under way, its pages spilled to the file: the file and
    // its journal copied as a crash would leave them.
    let copy = TempPath::new("crash-copy.db");
    let journal = |p: &std::path::Path| {
        let mut s = p.as_os_str().to_owned();
        s.push("-journal");
        std::path::PathBuf::from(s)
    };
    let copy_journal = TempPath(journal(&copy.0));
    {
        let mut conn = rusqlite::Connection::open(&db.0).unwrap();
        conn.execute_batch("PRAGMA cache_size = 2; PRAGMA foreign_keys = OFF")
            .unwrap();
        let tx = conn.transaction().unwrap();
        tx.execute_batch("DELETE FROM contexts; UPDATE citations SET kind = 'x', pins = '';")
            .unwrap();
        assert!(journal(&db.0).exists(), "the change spilled to the file");
        std::fs::copy(&db.0, &copy.0).unwrap();
        std::fs::copy(journal(&db.0), &copy_journal.0).unwrap();
        drop(tx);
    }
    let back = pincite::Index::open_read_only(&copy.0).unwrap();
    assert_eq!(back.hits().unwrap(), before);
    assert!(!copy_journal.0.exists(), "the journal was played back");
}

/// Files added by path are read as the workers need them; one that
/// cannot be read stops the update, named, and nothing is written.
#[test]
fn index_add_files_by_path() {
    let mut index = pincite::Index::in_memory();
    let stats = index.add_files(&[SLIP, SYLLABUS]).unwrap();
    assert_eq!(stats.written, 2);
    assert_eq!(index.files().unwrap(), [SLIP, SYLLABUS]);
    assert_eq!(index.hits().unwrap(), van_de_kamp_index().hits().unwrap());
    let e = index
        .add_files(&[
            "corpus/scotus_kemp_v_us_2022_prelim_slip.txt",
            "corpus/no-such.txt",
        ])
        .unwrap_err();
    assert_eq!(e.to_string(), "no such file");
    assert_eq!(e.path(), Some(std::path::Path::new("corpus/no-such.txt")));
    assert_eq!(index.files().unwrap(), [SLIP, SYLLABUS]);
}
