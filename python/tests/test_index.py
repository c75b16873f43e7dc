"""pincite.Index against `pincite index` and `pincite query`."""

import json

import pytest

import pincite
from conftest import CORPUS, run_cli


@pytest.fixture(scope="module")
def index():
    ix = pincite.Index()
    # A directory stands for its text and HTML files, in its subdirectories too.
    texts = [p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".html", ".htm")]
    assert ix.add_files([CORPUS]) == len(texts)
    return ix


def test_query_equals_the_command_line(index, tmp_path):
    saved = tmp_path / "corpus.db"
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


def test_a_database_file_keeps_what_is_added_and_counts(index, tmp_path):
    path = tmp_path / "again.db"
    kept = pincite.Index.open(path)
    assert kept.add_files([CORPUS]) == len(index.files)
    del kept
    again = pincite.Index.open(path)
    assert again.files == index.files
    authority, citations, files = index.authorities()[0]
    counts = again.counts(authority)
    assert sum(n for _, n in counts) == citations
    assert len(counts) == files
    again.add("new.txt", "Imbler v. Pachtman, 424 U. S. 409 (1976).\n")
    assert pincite.Index.open(path).files == index.files + ["new.txt"]


def test_add_then_query_by_pin_and_kind():
    ix = pincite.Index([("a.txt", "See Imbler v. Pachtman, 424 U. S. 409, 430 (1976). Id., at 428.\n")])
    assert len(ix) == 2
    ix.add("b.txt", b"Imbler v. Pachtman, 424 U. S. 409 (1976). Id., at 430.\n")
    hits = ix.query("424 US 409", pin=430)
    assert [(h.file, h.kind) for h in hits] == [("a.txt", "full_case"), ("b.txt", "id")]
    assert [h.file for h in ix.query(name="Imbler", kind="id")] == ["a.txt", "b.txt"]
    assert ix.query("999 U.S. 1") == []


def test_pages_of_hits_put_back_together_give_them_all(index):
    authority, citations, _ = index.authorities()[0]
    every = index.query(authority)
    assert len(every) == index.count(authority) == citations > 4
    pages = []
    for offset in range(0, len(every), 3):
        page = index.query(authority, limit=3, offset=offset)
        assert 0 < len(page) <= 3
        pages.extend(page)
    assert pages == every
    assert index.query(authority, offset=len(every)) == []
