//! The library as other crates use it: [`pincite::cite`] and the pairing
//! of a text with its normalized form.

use crate::corpus::path;

/// Every text of `corpus/`, by name.
fn corpus_texts() -> Vec<(String, String)> {
    let mut paths: Vec<_> = std::fs::read_dir(path("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p.display().to_string(), text)
        })
        .collect()
}

/// `extract(source, &norm)` given another text than the one normalized
/// returned citations whose text was cut from the wrong bytes. The check
/// that refuses it must never refuse the right text.
#[test]
fn extract_refuses_another_text_and_never_the_right_one() {
    let texts = corpus_texts();
    for (name, text) in &texts {
        let norm = pincite::normalize(text);
        assert!(pincite::is_source_of(text, &norm), "{name}");
        let cited = pincite::cite(text);
        assert_eq!(pincite::extract(text, &norm), cited.citations(), "{name}");
    }
    // Each text against every other's normalized form, and against itself
    // changed in one letter in the middle.
    for (i, (a, text)) in texts.iter().enumerate() {
        let norm = pincite::normalize(text);
        for (b, other) in texts.iter().skip(i + 1) {
            assert!(!pincite::is_source_of(other, &norm), "{b} passes for {a}");
        }
        let mut changed = text.clone().into_bytes();
        let mid = changed.len() / 2;
        let k = (mid..changed.len())
            .find(|&k| changed[k].is_ascii_lowercase())
            .unwrap();
        changed[k] = if changed[k] == b'a' { b'b' } else { b'a' };
        let changed = String::from_utf8(changed).unwrap();
        // A one-letter change may fall between the sampled letters: then
        // the citations come from the changed text, whose length and
        // letters are those of the normalized one; never a panic.
        let _ = pincite::extract(&changed, &norm);
        assert!(pincite::extract(&text[..text.len() - 1], &norm).is_empty());
    }
}

/// `cite` gives what `normalize` and `extract` give.
#[test]
fn cite_is_normalize_and_extract() {
    let src = "See Imbler v. Pachtman, 424 U. S. 409, 430 (1976). Id., at 428.\n";
    let cited = pincite::cite(src);
    let norm = pincite::normalize(src);
    assert_eq!(cited.normalized().reading(), norm.reading());
    assert_eq!(cited.citations(), pincite::extract(src, &norm));
    assert_eq!(cited.verify(), pincite::verify(&norm, cited.citations()));
    let (n, c) = cited.into_parts();
    assert_eq!((n.reading(), c.len()), (norm.reading(), 2));
}

/// Written and read back by serde, cloned and printed.
fn data_type<T: serde::Serialize + serde::de::DeserializeOwned + Clone + std::fmt::Debug>() {}

/// Every public data type can be written, read back, cloned and printed.
#[test]
fn every_public_data_type_is_serde_clone_and_debug() {
    use pincite::*;
    data_type::<Citation>();
    data_type::<CitationKind>();
    data_type::<Category>();
    data_type::<Form>();
    data_type::<FullCase>();
    data_type::<ShortCase>();
    data_type::<Id>();
    data_type::<Supra>();
    data_type::<CaseReference>();
    data_type::<Internal>();
    data_type::<Direction>();
    data_type::<Statute>();
    data_type::<Code>();
    data_type::<StateCode>();
    data_type::<Division>();
    data_type::<Record>();
    data_type::<History>();
    data_type::<Constitution>();
    data_type::<ConstitutionPart>();
    data_type::<CourtRule>();
    data_type::<Regulation>();
    data_type::<Journal>();
    data_type::<Secondary>();
    data_type::<SecondaryKind>();
    data_type::<Legislative>();
    data_type::<Chamber>();
    data_type::<DocumentSeries>();
    data_type::<Pin>();
    data_type::<PinUnit>();
    data_type::<Span>();
    data_type::<Section>();
    data_type::<BlockKind>();
    data_type::<Block>();
    data_type::<Metadata>();
    data_type::<InputForm>();
    data_type::<Hit>();
    data_type::<FileCount>();
    data_type::<Query>();
    data_type::<AuthorityCount>();
    data_type::<UpdateStats>();
    data_type::<Finding>();
    data_type::<Severity>();
    data_type::<Entry>();
    data_type::<FilePages>();
    data_type::<SectionPages>();
    data_type::<Occurrence>();
    data_type::<Heading>();
    data_type::<TableOfAuthorities>();
    data_type::<Fingerprint>();
    data_type::<OffsetMap>();
    data_type::<Normalized>();
    data_type::<SqlRow>();
}

/// How many texts [`every_shipped_text`] gives at least: the shipped ones,
/// and the shared opinions when they are beside the repository.
fn least_texts() -> usize {
    if path("../shared/corpus/opinions").is_dir() {
        60
    } else {
        25
    }
}

/// At least how many citations those texts hold, in `all` of them or in
/// the part a test reads.
fn least_citations(all: usize, shipped: usize) -> usize {
    if path("../shared/corpus/opinions").is_dir() {
        all
    } else {
        shipped
    }
}

/// The texts of `corpus/` and its extractor samples, and of the shared
/// opinions beside the repository when present (said on standard error
/// when not).
fn every_shipped_text() -> Vec<(String, String)> {
    let mut dirs = vec![path("corpus")];
    let shared = path("../shared/corpus/opinions");
    if shared.is_dir() {
        dirs.push(shared);
    } else {
        crate::skipped(&shared);
    }
    let mut texts = Vec::new();
    for dir in dirs {
        for p in pincite::text_files(&dir) {
            let p = p.unwrap();
            let text = pincite::Document::read(&p).unwrap().into_text();
            texts.push((p.display().to_string(), text));
        }
    }
    texts
}

/// The JSON of every citation of every shipped text reads back into a
/// citation that writes the same JSON, of the same kind and category.
#[test]
fn citations_read_back_from_their_json() {
    let texts = every_shipped_text();
    assert!(texts.len() >= least_texts(), "{} texts", texts.len());
    let mut n = 0;
    let mut wrong = Vec::new();
    for (name, text) in &texts {
        for c in pincite::cite(text).citations() {
            let json = serde_json::to_string(c).unwrap();
            let back: pincite::Citation = serde_json::from_str(&json).unwrap();
            let again = serde_json::to_string(&back).unwrap();
            let same_kind =
                (back.kind(), back.form.kind().category()) == (c.kind(), c.form.kind().category());
            if again != json || !same_kind {
                wrong.push(format!("{name}:\n  {json}\n  {again}"));
            }
            n += 1;
        }
    }
    assert!(n > least_citations(5000, 2000), "{n} citations");
    assert!(
        wrong.is_empty(),
        "{} of {n}:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// A line of `pincite extract` reads back, its `file` left out.
#[test]
fn an_extract_line_reads_back_without_its_file() {
    let line = r#"{"file":"a.txt","kind":"full_case","span":[4,49],"text":"Imbler v. Pachtman, 424 U. S. 409, 430 (1976)","authority":"424 U.S. 409","pins":[{"page":430,"end":null,"footnote":null}],"volume":424,"reporter":"U.S.","first_page":409,"case_name":"Imbler v. Pachtman","court":null,"court_id":null,"year":1976,"signal":"See","parenthetical":null,"section":"opinion","slip_page":null,"warnings":[]}"#;
    let c: pincite::Citation = serde_json::from_str(line).unwrap();
    assert_eq!((c.first_page(), c.volume()), (Some(409), Some(424)));
    assert_eq!(
        serde_json::to_string(&c).unwrap(),
        line.replace(r#""file":"a.txt","#, "")
    );
}

/// Findings, hits, counts and tables of authorities read back as they were.
#[test]
fn reports_read_back_from_their_json() {
    fn round<T: serde::Serialize + serde::de::DeserializeOwned>(x: &T) -> T {
        serde_json::from_str(&serde_json::to_string(x).unwrap()).unwrap()
    }
    let name = "corpus/van_de_kamp_v_goldstein_2009_syllabus.txt";
    let src = std::fs::read_to_string(path(name)).unwrap();
    let cited = pincite::cite(&src);
    let found = cited.verify();
    assert!(!found.is_empty(), "{name}: no findings");
    assert_eq!(round(&found), found);
    let bad =
        r#"{"span":[0,1],"severity":"error","code":"no-such-code","message":"m","authority":null}"#;
    assert!(serde_json::from_str::<pincite::Finding>(bad).is_err());

    let mut index = pincite::Index::in_memory();
    index.add([("a.txt", src.as_str())]).unwrap();
    let hits = index.hits().unwrap();
    assert!(hits.len() > 10);
    assert_eq!(round(&hits), hits);
    let mut q = pincite::Query::new();
    q.authority("424 U. S. 409");
    let counts = index.counts(&q).unwrap();
    assert_eq!(round(&counts), counts);
    let q = round(&q);
    assert_eq!(index.counts(&q).unwrap(), counts);

    let mut rows = Vec::new();
    let sql = "SELECT authority AS z, count(*) AS a FROM citations GROUP BY authority";
    index
        .sql(sql, |row| {
            rows.push(row.clone());
            Ok(())
        })
        .unwrap();
    assert!(rows.len() > 3);
    let back = round(&rows);
    assert_eq!(back, rows);
    assert_eq!(back[0].columns(), ["z", "a"]);

    let toa = pincite::TableOfAuthorities::new([("a.txt", cited.citations())]);
    let back = round(&toa);
    assert_eq!(back.to_markdown(), toa.to_markdown());
    // Every field but the occurrences, which the JSON leaves out.
    let bare = |t: &pincite::TableOfAuthorities| {
        let mut entries = t.entries().to_vec();
        entries.iter_mut().for_each(|e| e.occurrences.clear());
        entries
    };
    assert_eq!(bare(&back), bare(&toa));

    let norm = pincite::normalize(&src);
    assert_eq!(round(&norm.blocks().to_vec()), norm.blocks());
    assert_eq!(round(norm.metadata()), *norm.metadata());
}

/// A normalized text read back from its JSON maps every offset as before
/// and gives the same citations.
#[test]
fn a_normalized_text_reads_back_and_cites_the_same() {
    for (name, src) in corpus_texts().iter().take(4) {
        let norm = pincite::normalize(src);
        let back: pincite::Normalized =
            serde_json::from_str(&serde_json::to_string(&norm).unwrap()).unwrap();
        assert_eq!(back.reading(), norm.reading(), "{name}");
        let len = norm.reading().len();
        for at in (0..len).step_by(97) {
            let span =
                |n: &pincite::Normalized| n.reading_map().span_to_source(at..len.min(at + 9));
            assert_eq!(span(&back), span(&norm), "{name}: {at}");
        }
        let json = |n: pincite::Normalized| {
            serde_json::to_string(pincite::Cited::from_normalized(src, n).citations()).unwrap()
        };
        assert_eq!(json(back), json(norm), "{name}");
    }
}

/// The typed data the JSON does not carry is read again from a
/// citation's text and key: over every shipped text, each constitution,
/// rule, regulation, article and record reads back with the form it was
/// found with, each full case citation too (whether it is parallel
/// aside), and each statute section with its code.
#[test]
fn typed_data_reads_back_from_text_and_key() {
    use pincite::{CitationKind as K, Form, Statute};
    let exact = [
        K::Constitution,
        K::Rule,
        K::Regulation,
        K::Journal,
        K::Record,
        K::FullCase,
    ];
    // The code; the annotated U.S. Code as the Code, whose key it shares.
    let code = |f: &Form| match f {
        Form::Statute(s @ Statute::Section { .. }) => s.code().map(|c| match c {
            pincite::Code::UsCode { title, .. } => pincite::Code::UsCode {
                title: *title,
                annotated: false,
            },
            other => other.clone(),
        }),
        _ => None,
    };
    let (mut n, mut wrong) = (0, Vec::new());
    for (name, text) in &every_shipped_text() {
        for c in pincite::cite(text).citations() {
            let json = serde_json::to_string(c).unwrap();
            let back: pincite::Citation = serde_json::from_str(&json).unwrap();
            let mut found = c.form.clone();
            if let Form::FullCase(f) = &mut found {
                f.parallel = false;
            }
            let same = if exact.contains(&c.kind()) {
                back.form == found
            } else if c.kind() == K::Statute && code(&c.form).is_some() {
                code(&back.form) == code(&c.form)
            } else {
                continue;
            };
            n += 1;
            if !same {
                wrong.push(format!(
                    "{name}: {:?}\n  {:?}\n  {:?}",
                    c.text, c.form, back.form
                ));
            }
        }
    }
    assert!(n > least_citations(5000, 1000), "{n} citations");
    assert!(
        wrong.is_empty(),
        "{} of {n}:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// A citation's slip page is the page the normalized text gives the
/// start of its span, on every shipped text (extraction finds it from the
/// citation's block without the source-ordered lookup).
#[test]
fn a_citations_slip_page_is_the_page_of_its_start() {
    let mut paged = 0;
    for (name, text) in every_shipped_text() {
        let cited = pincite::cite(&text);
        let norm = cited.normalized();
        for c in cited.citations() {
            let page = norm.slip_page_at_source(c.span.start);
            assert_eq!(c.slip_page, page, "{name}: {}", c.text);
            paged += usize::from(page.is_some());
        }
    }
    assert!(paged > 1000, "only {paged} citations have a page");
}
