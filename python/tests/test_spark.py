"""The Spark job (examples/spark) in local mode over the shipped corpus:
its Parquet citations equal `pincite extract`'s for every file, whether
the opinions come as text files, a Parquet table or a CSV table, and the
scholar's questions answer what the command line's output says."""

import os
import shutil
import sys
from collections import Counter

import pytest

from conftest import CORPUS, REPO, cli_citations, corpus_files

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed")
pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")
if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
    pytest.skip("no Java runtime for Spark", allow_module_level=True)

sys.path.insert(0, str(REPO / "examples" / "spark"))
import pincite_spark  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # The workers run this interpreter, where pincite is installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("pincite-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    yield session
    session.stop()


@pytest.fixture(scope="module")
def expected():
    """`pincite extract`'s citations of every corpus file, by file name."""
    return {p.name: cli_citations(p) for p in corpus_files()}


def run_job(spark, tmp_path, *argv):
    args = pincite_spark.parse_args([*map(str, argv), "--output", str(tmp_path / "out")])
    pincite_spark.extract_corpus(spark, args)
    return tmp_path / "out"


def parquet_rows(out):
    """The citations as written, read with pandas (not Spark), by file
    name in document order."""
    frame = pd.read_parquet(out / "citations")
    by_file = {}
    for row in frame.sort_values(["id", "seq"]).to_dict("records"):
        by_file.setdefault(os.path.basename(str(row["id"])), []).append(row)
    return by_file


def none_if_nan(v):
    return None if v is None or (isinstance(v, float) and v != v) else v


def as_cli_json(row):
    """A Parquet row as `pincite extract` writes the citation."""
    pins = []
    for p in row["pins"]:
        pin = {k: none_if_nan(p[k]) for k in ("page", "end", "footnote")}
        if p["unit"] != "page":
            pin["unit"] = p["unit"]
        pins.append(pin)
    d = {
        "kind": str(row["kind"]),
        "span": [int(row["byte_start"]), int(row["byte_end"])],
        "text": row["text"],
        "authority": none_if_nan(row["authority"]),
        "pins": pins,
    }
    for k in ("volume", "reporter", "first_page", "case_name", "court", "court_id", "year",
              "signal", "parenthetical", "section", "slip_page"):
        v = none_if_nan(row[k])
        d[k] = int(v) if isinstance(v, float) else v
    d["warnings"] = list(row["warnings"])
    for k in ("author", "title", "nominative"):
        if none_if_nan(row[k]) is not None:
            d[k] = row[k]
    if none_if_nan(row["history_relation"]) is not None:
        d["history"] = {"relation": row["history_relation"], "of": none_if_nan(row["history_of"])}
    if row["candidates"] is not None and len(row["candidates"]):
        d["candidates"] = list(row["candidates"])
    return d


def check_equal(out, expected):
    got = parquet_rows(out)
    assert sorted(got) == sorted(n for n, c in expected.items() if c)
    for name, cites in expected.items():
        rows = got.get(name, [])
        assert [as_cli_json(r) for r in rows] == cites, name


def test_text_files_give_the_command_lines_citations(spark, tmp_path, expected):
    out = run_job(spark, tmp_path, "--input", CORPUS)
    check_equal(out, expected)
    kinds = {p.name for p in (out / "citations").iterdir() if p.name.startswith("kind=")}
    assert kinds == {f"kind={c['kind']}" for cs in expected.values() for c in cs}
    assert pd.read_parquet(out / "errors").empty


def test_a_parquet_table_and_a_csv_table_give_the_same(spark, tmp_path, expected):
    table = pd.DataFrame(
        {
            "opinion": [p.name for p in corpus_files()],
            "plain_text": [p.read_text(encoding="utf-8") for p in corpus_files()],
            "date_filed": ["2013-06-13"] * len(corpus_files()),
        }
    )
    table.to_parquet(tmp_path / "opinions.parquet")
    out = run_job(spark, tmp_path, "--input", tmp_path / "opinions.parquet", "--id-column", "opinion",
                  "--text-column", "plain_text", "--date-column", "date_filed", "--partitions", "3")
    check_equal(out, expected)
    assert set(pd.read_parquet(out / "citations")["opinion_year"]) == {2013}
    table.to_csv(tmp_path / "opinions.csv", index=False)
    out = run_job(spark, tmp_path, "--input", tmp_path / "opinions.csv", "--id-column", "opinion",
                  "--text-column", "plain_text")
    check_equal(out, expected)


def test_a_bad_file_is_reported_and_the_rest_kept(spark, tmp_path, expected):
    tree = tmp_path / "tree" / "nested"
    tree.mkdir(parents=True)
    good = corpus_files()[0]
    shutil.copy(good, tree / good.name)
    (tmp_path / "tree" / "scan.txt").write_bytes(b"%PDF-1.7\n\x00\x01binary")
    out = run_job(spark, tmp_path, "--input", tmp_path / "tree")
    errors = pd.read_parquet(out / "errors")
    assert [os.path.basename(i) for i in errors["id"]] == ["scan.txt"]
    assert "looks like a PDF" in errors["error"][0]
    check_equal(out, {good.name: expected[good.name]})


def test_scholar_questions_agree_with_the_command_line(spark, tmp_path, expected):
    out = run_job(spark, tmp_path, "--input", CORPUS)
    citations = spark.read.parquet(str(out / "citations"))
    case, most, pins, years = pincite_spark.answer_questions(spark, citations, None)
    cites = [c for cs in expected.values() for c in cs]
    counted = Counter(
        c["authority"] for c in cites if c["authority"] and c["kind"] not in ("internal", "record")
    )
    top = most.first()
    assert top.citations == max(counted.values())
    assert counted[top.authority] == top.citations
    of_case = [c for c in cites if c["authority"] == case]
    pin_counts = Counter((p["page"], p["end"], p["footnote"]) for c in of_case for p in c["pins"])
    assert {(r.page, r.end, r.footnote): r.citations for r in pins.collect()} == pin_counts
    assert sum(r.citations for r in years.collect()) == len(of_case)
    # DuckDB reads the same Parquet, when it is installed.
    duckdb = pytest.importorskip("duckdb")
    n = duckdb.sql(
        f"SELECT COUNT(*) FROM read_parquet('{out}/citations/*/*.parquet', hive_partitioning = true)"
    ).fetchall()[0][0]
    assert n == len(cites)


BULK = REPO.parent / "shared" / "corpus" / "bulk-scotus-ot2009-2011"


@pytest.mark.skipif(not BULK.is_dir(), reason=f"no bulk corpus at {BULK}")
def test_the_bulk_corpus_gives_the_command_lines_citations(spark, tmp_path):
    import json

    from conftest import run_cli

    status, out, err = run_cli("extract", "--format", "jsonl", BULK)
    assert status == 0, err
    expected = {p.name: [] for p in BULK.glob("*.txt")}
    for line in out.splitlines():
        record = json.loads(line)
        expected[os.path.basename(record.pop("file"))].append(record)
    check_equal(run_job(spark, tmp_path, "--input", BULK, "--partitions", "8"), expected)
