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
