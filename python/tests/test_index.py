"""pincite.Index against `pincite index` and `pincite query`."""

import json

import pytest

import pincite
from conftest import CORPUS, run_cli


@pytest.fixture(scope="module")
def index():
    ix = pincite.Index()
    assert ix.add_files([CORPUS]) == len(list(CORPUS.glob("*.txt")))
    return ix


def test_query_equals_the_command_line(index, tmp_path):
    saved = tmp_path / "corpus.idx"
    status, _, err = run_cli("index", "-o", saved, CORPUS)
    assert status == 0, err
    authority, _, _ = index.authorities()[0]
    _, out, _ = run_cli("query", "--index", saved, "--authority", authority)
    theirs = [json.loads(line) for line in out.splitlines()]
    ours = index.query(authority)
    assert len(ours) == len(theirs) > 1
    for hit, t in zip(ours, theirs):
        assert (hit.file, list(hit.byte_span), hit.kind, hit.authority, hit.pins) == (
            t["file"],
            t["span"],
            t["kind"],
            t["authority"],
            t["pins"],
        )
        assert (hit.context, hit.quotation, hit.section) == (t["context"], t["quotation"], t["section"])
    # The file the command line wrote opens here and answers the same.
    opened = pincite.Index.open(saved)
    assert opened.query(authority) == ours
    assert len(opened) == len(index)


def test_save_open_and_counts(index, tmp_path):
    path = tmp_path / "again.idx"
    index.save(path)
    again = pincite.Index.open(path)
    assert again.files == index.files
    authority, citations, files = index.authorities()[0]
    counts = again.counts(authority)
    assert sum(n for _, n in counts) == citations
    assert len(counts) == files
    with pytest.raises(pincite.Error, match="takes no more opinions"):
        again.add("new.txt", "Id.")
    assert again.files == index.files


def test_add_then_query_by_pin_and_kind():
    ix = pincite.Index([("a.txt", "See Imbler v. Pachtman, 424 U. S. 409, 430 (1976). Id., at 428.\n")])
    assert len(ix) == 2
    ix.add("b.txt", b"Imbler v. Pachtman, 424 U. S. 409 (1976). Id., at 430.\n")
    hits = ix.query("424 US 409", pin=430)
    assert [(h.file, h.kind) for h in hits] == [("a.txt", "full_case"), ("b.txt", "id")]
    assert [h.file for h in ix.query(name="Imbler", kind="id")] == ["a.txt", "b.txt"]
    assert ix.query("999 U.S. 1") == []
