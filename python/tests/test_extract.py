"""pincite.extract against `pincite extract` on the shipped corpus, spans in
characters and bytes, and bytes input."""

import pytest

import pincite
from conftest import cli_citations, corpus_files


def as_cli_json(citation):
    """A citation's dict as the command line writes it: `span` in bytes."""
    d = citation.to_dict()
    d["span"] = list(d.pop("byte_span"))
    return d


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_same_citations_as_the_command_line(path):
    ours = [as_cli_json(c) for c in pincite.extract(pincite.read(path))]
    theirs = cli_citations(path)
    assert len(ours) == len(theirs)
    for a, b in zip(ours, theirs):
        assert a == b


def test_every_corpus_file_has_citations(corpus):
    # The Federal Circuit's judgment without opinion among them cites only
    # its own rules: "Fed. Cir. R. 36".
    for path, text in corpus:
        assert pincite.extract(text), path


def test_spans_index_the_string_in_characters_and_bytes(corpus):
    shifted = 0
    for path, text in corpus:
        raw = text.encode("utf-8")
        for c in pincite.extract(text):
            start, end = c.span
            assert text[start:end] == c.text, (path, c)
            b0, b1 = c.byte_span
            assert raw[b0:b1].decode("utf-8") == c.text, (path, c)
            shifted += c.span != c.byte_span
    # The corpus has dashes, section signs and curly quotes before many
    # citations: there characters and bytes differ.
    assert shifted > 100


def test_offsets_after_characters_outside_the_basic_plane():
    # An emoji is one Python character, four UTF-8 bytes (two UTF-16 units).
    text = "\U0001F600\u00a7 “Quoted.” Imbler v. Pachtman, 424 U. S. 409, 430 (1976). Id., at 428.\n"
    cites = pincite.extract(text)
    assert [c.kind for c in cites] == ["full_case", "id"]
    for c in cites:
        assert text[c.span[0] : c.span[1]] == c.text
        assert text.encode()[c.byte_span[0] : c.byte_span[1]].decode() == c.text
    first = cites[0]
    assert first.byte_span[0] - first.span[0] == 3 + 1 + 2 + 2


def test_bytes_give_the_same_citations_as_str(corpus):
    path, text = corpus[0]
    assert pincite.extract(path.read_bytes()) == pincite.extract(text)


def test_citation_fields_read_as_attributes():
    text = "See Imbler v. Pachtman, 424 U. S. 409, 430 (1976). Id., at 428.\n"
    full, id_ = pincite.extract(text)
    assert (full.kind, full.authority, full.volume, full.reporter) == (
        "full_case",
        "424 U.S. 409",
        424,
        "U.S.",
    )
    assert full.case_name == "Imbler v. Pachtman"
    assert full.year == 1976
    assert full.pins == [{"page": 430, "end": None, "footnote": None}]
    assert id_.authority == "424 U.S. 409"
    assert id_.history is None  # left out of the JSON, None here
    with pytest.raises(AttributeError):
        full.no_such_field
    d = full.to_dict()
    d["pins"].append("changed")
    assert len(full.pins) == 1, "to_dict is a copy"


def test_extract_many_equals_extract_one_by_one(corpus):
    texts = [t for _, t in corpus]
    assert pincite.extract_many(texts) == [pincite.extract(t) for t in texts]
    assert pincite.extract_many(iter([])) == []


def test_verify_normalize_annotate_toa_read_the_corpus(corpus):
    path, text = next((p, t) for p, t in corpus if "tarrant" in p.name)
    reading = pincite.normalize(text)
    assert "\n" in reading and len(reading) < len(text)
    for f in pincite.verify(text):
        assert text[f.span[0] : f.span[1]]
        assert f.severity in ("error", "warning")
    page = pincite.annotate_html(text, title=path.name)
    assert page.lstrip().lower().startswith("<!doctype html")
    table = pincite.toa({path.name: text}, format="md")
    assert "Cases" in table
    assert "Cases" not in pincite.toa({path.name: text}, omit=["case"])


def test_the_readmes_python_example_prints_what_it_says(capsys):
    import re

    from conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    example = re.search(r"## Python\n.*?```python\n(.*?)```", readme, re.S).group(1)
    said = [line[2:] for line in example.splitlines() if line.startswith("# ")]
    exec(compile(example, "README.md", "exec"), {})
    assert capsys.readouterr().out.splitlines() == said
