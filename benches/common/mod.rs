//! What the benches share: finding and reading the texts they measure.
// Each bench uses what it needs of this module.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The shipped corpus.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// `shared/corpus/SUB` beside the repository directory, when it is there.
pub fn shared_dir(sub: &str) -> Option<PathBuf> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = manifest
        .parent()
        .unwrap_or(manifest)
        .join("shared/corpus")
        .join(sub);
    dir.is_dir().then_some(dir)
}

/// The `.txt` files of `dir`, sorted, each with its path and text.
pub fn texts(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p, text)
        })
        .collect()
}

/// The `.txt` files of `dir` as [`texts`] reads them, named by their file
/// stem.
pub fn texts_by_stem(dir: &Path) -> Vec<(String, String)> {
    texts(dir)
        .into_iter()
        .map(|(p, text)| {
            let name = p.file_stem().expect("file name").to_string_lossy();
            (name.into_owned(), text)
        })
        .collect()
}

/// The bytes of all the texts.
pub fn total_bytes(texts: &[(String, String)]) -> u64 {
    texts.iter().map(|(_, t)| t.len() as u64).sum()
}
