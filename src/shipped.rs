//! The shipped texts of `corpus/`, for the unit tests that check a fast
//! path against the slower thing it stands for on real opinions.

/// Each `.txt` of `corpus/` with its path, in directory order.
pub(crate) fn texts() -> Vec<(std::path::PathBuf, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(dir).expect("corpus directory") {
        let path = entry.expect("corpus entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).expect("corpus text");
            texts.push((path, text));
        }
    }
    assert!(!texts.is_empty(), "the shipped texts were read");
    texts
}
