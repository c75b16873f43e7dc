"""Errors as the command line words them; the same answers from many
threads; the GIL let go while pincite works; the other commands agree
with the command line."""

import json
import sys
import threading
import warnings
from concurrent.futures import ThreadPoolExecutor

import pytest

import pincite
from conftest import corpus_files, run_cli


def cli_error(*args):
    """The command line's message for a failing run, without `pincite: `."""
    status, _, err = run_cli(*args)
    assert status != 0
    line = err.strip().splitlines()[0]
    assert line.startswith("pincite: ")
    return line[len("pincite: ") :]


@pytest.mark.parametrize(
    "content",
    [b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", b"Imbler v. Pachtman, 424 U. S. 409 \xff\xfe (1976).\n"],
    ids=["pdf", "invalid-utf8"],
)
def test_unreadable_text_raises_the_command_lines_message(tmp_path, content):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    expected = cli_error("extract", path)
    with pytest.raises(pincite.Error) as read_error:
        pincite.read(path)
    assert str(read_error.value) == expected
    with pytest.raises(pincite.Error) as files_error:
        pincite.read_files([tmp_path])
    assert str(files_error.value) == expected


def test_invalid_utf8_bytes_name_the_byte():
    with pytest.raises(pincite.Error, match="invalid UTF-8 at byte 4"):
        pincite.extract(b"See \xff Id.")
    with pytest.raises(pincite.Error, match="^text 1: invalid UTF-8 at byte 0"):
        pincite.extract_many(["fine", b"\xc3("])


def test_missing_file_and_size_limit(tmp_path):
    missing = tmp_path / "missing.txt"
    with pytest.raises(pincite.Error) as e:
        pincite.read(missing)
    assert str(e.value) == cli_error("extract", missing)
    big = tmp_path / "big.txt"
    big.write_text("Id. " * 1000)
    with pytest.raises(pincite.Error, match=r"big\.txt: larger than 1 KiB.*max_size"):
        pincite.read(big, max_size=1024)


def test_index_that_is_no_index_raises_the_command_lines_message(tmp_path):
    not_index = corpus_files()[0]
    with pytest.raises(pincite.Error) as e:
        pincite.Index.open(not_index)
    assert str(e.value) == cli_error("query", "--index", not_index, "--authority", "x")


def test_wrong_arguments_are_value_or_type_errors():
    with pytest.raises(TypeError):
        pincite.extract(42)
    with pytest.raises(ValueError, match="unknown format"):
        pincite.toa("Id.", format="pdf")
    with pytest.raises(ValueError, match="unknown heading"):
        pincite.toa("Id.", omit=["cases"])
    with pytest.raises(ValueError, match="unknown input form"):
        pincite.normalize("Id.", form="word")
    with pytest.raises(ValueError, match="unknown kind"):
        pincite.Index().query(kind="case")
    with pytest.raises(ValueError, match="empty query"):
        pincite.Index().query(" ")


def test_threads_get_the_same_citations(corpus):
    texts = [t for _, t in corpus] * 3
    alone = [pincite.extract(t) for t in texts]
    with ThreadPoolExecutor(max_workers=6) as pool:
        together = list(pool.map(pincite.extract, texts))
    assert together == alone
    with ThreadPoolExecutor(max_workers=3) as pool:
        batches = list(pool.map(pincite.extract_many, [texts[i::3] for i in range(3)]))
    assert [c for i in range(3) for c in batches[i]] == [c for i in range(3) for c in alone[i::3]]


def test_extract_many_lets_go_of_the_gil(corpus):
    # With a long switch interval a thread keeps the GIL until it lets go
    # of it itself: the main thread runs again during extract_many only if
    # extract_many releases the GIL.
    texts = [t for _, t in corpus] * 8
    entered, done = threading.Event(), threading.Event()

    def work():
        entered.set()
        pincite.extract_many(texts)
        done.set()

    before = sys.getswitchinterval()
    sys.setswitchinterval(100.0)
    try:
        worker = threading.Thread(target=work)
        worker.start()
        entered.wait()
        ran_during = not done.is_set()
        worker.join()
    finally:
        sys.setswitchinterval(before)
    assert ran_during


def test_verify_equals_the_command_line(corpus):
    for path, text in corpus:
        _, out, _ = run_cli("verify", "--format", "jsonl", path)
        theirs = [json.loads(line) for line in out.splitlines()]
        ours = []
        for f in pincite.verify(text):
            d = f.to_dict()
            d["span"] = list(d.pop("byte_span"))
            del d["line"], d["col"]
            ours.append(d)
        for t in theirs:
            del t["file"]
        assert ours == theirs, path


def test_toa_and_annotate_equal_the_command_line():
    files = corpus_files()[:4]
    docs = [(str(p), pincite.read(p)) for p in files]
    for fmt in ("md", "csv", "json"):
        _, out, _ = run_cli("toa", "--format", fmt, *files)
        assert pincite.toa(docs, format=fmt) == out
    _, page, _ = run_cli("annotate", files[0])
    assert pincite.annotate_html(docs[0][1], title=str(files[0])) == page


def test_toa_warns_of_the_copies_it_counts_once():
    # Three prints of one opinion (Bartenwerfer v. Buckley) and one file
    # given twice: the command line names each copy it leaves out on
    # standard error; Python in a CopyWarning, in the same words.
    files = [p for p in corpus_files() if "bartenwerfer" in p.name]
    files.append(files[0])
    assert len(files) == 4
    docs = [(str(p), pincite.read(p)) for p in files]
    _, out, err = run_cli("toa", *files)
    said = [
        line[len("pincite: ") :].replace("--keep-copies", "keep_copies=True")
        for line in err.splitlines()
    ]
    assert len(said) == 3, err
    with pytest.warns(pincite.CopyWarning) as caught:
        table = pincite.toa(docs)
    assert table == out
    assert [str(w.message) for w in caught] == said
    assert all(issubclass(w.category, UserWarning) for w in caught)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        pincite.toa(docs, keep_copies=True)


def test_normalize_equals_the_command_line():
    path = corpus_files()[-1]
    _, out, _ = run_cli("normalize", path)
    assert pincite.normalize(pincite.read(path)) == out
