"""What the tests share: the shipped corpus and the `pincite` command line
to compare with."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus"


def corpus_files():
    """The opinion texts shipped in the repository's corpus/, in its
    subdirectories too (as a directory stands for them on the command line
    and in the Spark job)."""
    files = sorted(CORPUS.rglob("*.txt"))
    assert files, f"no corpus texts in {CORPUS}"
    return files


def pincite_binary():
    """The command line: $PINCITE_BIN, else the one cargo built last
    (release, then debug), else one on $PATH."""
    given = os.environ.get("PINCITE_BIN")
    if given:
        return given
    built = [REPO / "target" / p / "pincite" for p in ("release", "debug")]
    built = [p for p in built if p.exists()]
    if built:
        return str(max(built, key=lambda p: p.stat().st_mtime))
    found = shutil.which("pincite")
    if not found:
        pytest.fail("no pincite command line: run `cargo build --release` or set PINCITE_BIN")
    return found


def run_cli(*args):
    """Runs the command line; its exit status, standard output and error."""
    done = subprocess.run(
        [pincite_binary(), *map(str, args)], capture_output=True, text=True, check=False
    )
    return done.returncode, done.stdout, done.stderr


def cli_citations(path):
    """`pincite extract`'s JSON objects for one file, without `file`."""
    status, out, err = run_cli("extract", "--format", "jsonl", path)
    assert status == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    for r in records:
        assert r.pop("file") == str(path)
    return records


@pytest.fixture(scope="session")
def corpus():
    """(path, text) of every shipped opinion."""
    return [(p, p.read_text(encoding="utf-8")) for p in corpus_files()]
