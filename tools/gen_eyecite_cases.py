#!/usr/bin/env python3
"""Generate pincite's table of eyecite's find-test expectations.

Usage:

    python3 tools/gen_eyecite_cases.py SDIST_DIR --reporters REPORTERS_JSON \\
        --sdist-file eyecite-2.7.8.tar.gz [--out tests/eyecite/find_cases.tsv]

SDIST_DIR is an unpacked eyecite source distribution; its
``tests/test_FindTest.py`` is a table of (input text, expected citations)
pairs. The file is read with ``ast`` and never imported or run: each
expectation is a call of one of eyecite's test factories (``case_citation``,
``id_citation``, ``supra_citation``, ...) with literal arguments, and this
script evaluates those calls itself, knowing only the factories' parameter
names and defaults.

REPORTERS_JSON is reporters-db's ``reporters.json``. eyecite compares a case
citation's reporter through the edition its expected spelling names (a
variation such as "P2d" names the edition "P.2d"); this script looks the
spelling up the same way (the first edition, in reporters-db order, whose
abbreviation or variation it is) and writes that edition's abbreviation.

The output has ``#`` lines recording the source, a header line, then one row
per expected citation (one ``none`` row for a case that expects none):

    case  kind  volume  reporter  page  options  text

* ``case``: the ordinal of the test case in the file (skipped cases keep
  their number, so the numbering is stable);
* ``kind``: full_case, short_case, id, supra, other (law, journal, reference
  and unknown citations) or none;
* ``page``: for a short case citation, the page after "at";
* ``options``: eyecite's keyword arguments for the case (``clean_steps``:
  ``html`` means the input is markup), ``;``-separated;
* ``text``: the input, with backslash, newline, carriage return and tab
  escaped as ``\\\\``, ``\\n``, ``\\r``, ``\\t``.

Cases that cannot be interpreted are skipped and counted on standard output.
Only the standard library is used; the output is deterministic.
"""

import argparse
import ast
import hashlib
import json
import sys
from pathlib import Path

TEST_FILE = "tests/test_FindTest.py"
COLUMNS = ["case", "kind", "volume", "reporter", "page", "options", "text"]

# Each factory's positional parameters with their defaults, and the kind of
# citation it stands for (a short case citation is decided by `short`).
FACTORIES = {
    "case_citation": (
        [
            ("source_text", None),
            ("page", "1"),
            ("reporter", "U.S."),
            ("volume", "1"),
            ("short", False),
        ],
        "case",
    ),
    "journal_citation": (
        [
            ("source_text", None),
            ("page", "1"),
            ("reporter", "Minn. L. Rev."),
            ("volume", "1"),
        ],
        "other",
    ),
    "law_citation": (
        [("source_text", None), ("reporter", "Mass. Gen. Laws")],
        "other",
    ),
    "id_citation": ([("source_text", None), ("index", 0)], "id"),
    "supra_citation": ([("source_text", None), ("index", 0)], "supra"),
    "reference_citation": ([("source_text", None), ("index", 0)], "other"),
    "unknown_citation": ([("source_text", None), ("index", 0)], "other"),
}


class Uninterpretable(Exception):
    """A test case this script cannot read."""


# ---------------------------------------------------------------------------
# Reporters
# ---------------------------------------------------------------------------


def edition_lookup(reporters):
    """Spelling -> edition abbreviation: the first edition, in reporters-db
    order, that has the spelling as its abbreviation or as a variation."""
    lookup = {}
    for entries in reporters.values():
        for entry in entries:
            for edition in entry["editions"]:
                lookup.setdefault(edition, edition)
                for variation, target in entry["variations"].items():
                    if target == edition:
                        lookup.setdefault(variation, edition)
    return lookup


# ---------------------------------------------------------------------------
# Evaluating factory calls
# ---------------------------------------------------------------------------


def literal(node):
    """The value of a literal expression, or Uninterpretable."""
    try:
        return ast.literal_eval(node)
    except ValueError as e:
        raise Uninterpretable(f"line {node.lineno}: not a literal") from e


def bind(call):
    """(factory name, its parameters with their values) of a factory call."""
    if not isinstance(call, ast.Call) or not isinstance(call.func, ast.Name):
        raise Uninterpretable(f"line {call.lineno}: not a factory call")
    name = call.func.id
    if name not in FACTORIES:
        raise Uninterpretable(f"line {call.lineno}: unknown factory {name}")
    params, _ = FACTORIES[name]
    if len(call.args) > len(params):
        raise Uninterpretable(f"line {call.lineno}: too many arguments")
    values = dict(params)
    for (param, _), arg in zip(params, call.args):
        values[param] = literal(arg)
    for kw in call.keywords:
        if kw.arg is None:
            raise Uninterpretable(f"line {call.lineno}: **kwargs")
        values[kw.arg] = literal(kw.value)
    return name, values


def text_of(value):
    """A field value as written in the table."""
    return "" if value is None else str(value)


def expectation(call, lookup):
    """(kind, volume, reporter, page) of one factory call."""
    name, values = bind(call)
    kind = FACTORIES[name][1]
    groups = values.get("groups") or {}
    volume = groups.get("volume", values.get("volume"))
    page = groups.get("page", values.get("page"))
    reporter = values.get("reporter")
    if kind == "case":
        kind = "short_case" if values["short"] else "full_case"
        if reporter not in lookup:
            raise Uninterpretable(f"line {call.lineno}: reporter {reporter!r}")
        reporter = lookup[reporter]
    return kind, text_of(volume), text_of(reporter), text_of(page)


# ---------------------------------------------------------------------------
# Finding the test cases
# ---------------------------------------------------------------------------


def is_case(node):
    """Whether a tuple reads as (input text, expected citations[, options])."""
    if not isinstance(node, ast.Tuple) or len(node.elts) not in (2, 3):
        return False
    text, expected = node.elts[0], node.elts[1]
    return (
        isinstance(text, ast.Constant)
        and isinstance(text.value, str)
        and isinstance(expected, (ast.List, ast.Call))
    )


def custom_tokenizer(method):
    """Whether a test method runs its cases with a tokenizer of its own."""
    return any(
        isinstance(n, ast.keyword) and n.arg == "tokenizers"
        for n in ast.walk(method)
    )


def methods(tree):
    """The test methods of the file, in order."""
    for cls in tree.body:
        if isinstance(cls, ast.ClassDef):
            for item in cls.body:
                if isinstance(item, ast.FunctionDef):
                    yield item


def cases_of(method):
    """The test-case tuples of one method, in order."""
    for node in method.body:
        if isinstance(node, ast.Assign) and isinstance(
            node.value, (ast.Tuple, ast.List)
        ):
            for elt in node.value.elts:
                if is_case(elt):
                    yield elt


def options_of(node):
    """eyecite's keyword arguments for a case, as `key=value;...`."""
    if len(node.elts) < 3:
        return ""
    opts = literal(node.elts[2])
    parts = []
    for key in sorted(opts):
        value = opts[key]
        if isinstance(value, list):
            value = ",".join(value)
        parts.append(f"{key}={value}")
    return ";".join(parts)


def rows_of(node, lookup):
    """The (kind, volume, reporter, page, options, text) rows of one case."""
    text = node.elts[0].value
    expected = node.elts[1]
    calls = expected.elts if isinstance(expected, ast.List) else [expected]
    options = options_of(node)
    if not calls:
        return [("none", "", "", "", options, text)]
    return [(*expectation(c, lookup), options, text) for c in calls]


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------


def escape(text):
    """A text as one TSV field."""
    return (
        text.replace("\\", "\\\\")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )


def sha256(path):
    """The hex sha256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def header(args, info):
    """The `#` lines recording where the table comes from."""
    return [
        f"# eyecite {info['Version']}'s find tests: the inputs and expected "
        "citations of",
        f"# {TEST_FILE} in its source distribution {Path(args.sdist_file).name}",
        f"# (sha256 {sha256(args.sdist_file)}).",
        f"# eyecite: {info['License-Expression']}, {info['Copyright']}.",
        "# The test inputs and expectations are used as facts to measure pincite;",
        "# no eyecite code is here.",
        "# Case reporters resolved with reporters-db reporters.json",
        f"# (sha256 {sha256(args.reporters)}).",
        "# Generated by tools/gen_eyecite_cases.py; see tests/eyecite/README.md.",
        "# Do not edit.",
    ]


def sdist_info(sdist_dir):
    """The sdist's version and license (from PKG-INFO) and the copyright
    line of its LICENSE."""
    info = {}
    for line in (sdist_dir / "PKG-INFO").read_text().splitlines():
        key, _, value = line.partition(": ")
        if key in ("Version", "License-Expression"):
            info.setdefault(key, value.strip())
    for line in (sdist_dir / "LICENSE").read_text().splitlines():
        if line.startswith("Copyright"):
            info.setdefault("Copyright", line.strip())
    missing = {"Version", "License-Expression", "Copyright"} - info.keys()
    if missing:
        sys.exit(f"{sdist_dir}: no {', '.join(sorted(missing))}")
    return info


def collect(tree, lookup):
    """(rows, per-method counts, skipped cases) of the whole file."""
    rows, counts, skipped = [], {}, []
    index = 0
    for method in methods(tree):
        for node in cases_of(method):
            name = method.name
            counts[name] = counts.get(name, 0) + 1
            try:
                if custom_tokenizer(method):
                    raise Uninterpretable("runs with a custom tokenizer")
                rows += [(index, *r) for r in rows_of(node, lookup)]
            except Uninterpretable as e:
                skipped.append((index, name, str(e)))
            index += 1
    return rows, counts, skipped


def summary(rows, counts, skipped):
    """The figures printed on standard output."""
    print(f"cases read: {sum(counts.values())}")
    for name, n in counts.items():
        print(f"  {name}: {n}")
    print(f"cases skipped: {len(skipped)}")
    for index, name, why in skipped:
        print(f"  case {index} ({name}): {why}")
    kinds = {}
    for row in rows:
        kinds[row[1]] = kinds.get(row[1], 0) + 1
    print(f"rows: {len(rows)}")
    for kind in sorted(kinds):
        print(f"  {kind}: {kinds[kind]}")


def main():
    """Read the test file, write the table, print the summary."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sdist_dir", type=Path, help="unpacked eyecite sdist")
    ap.add_argument("--reporters", required=True, help="reporters-db reporters.json")
    ap.add_argument(
        "--sdist-file", required=True, help="the sdist archive, to record its sha256"
    )
    ap.add_argument("--out", default="tests/eyecite/find_cases.tsv")
    args = ap.parse_args()

    source = (args.sdist_dir / TEST_FILE).read_text(encoding="utf-8")
    lookup = edition_lookup(json.loads(Path(args.reporters).read_text()))
    rows, counts, skipped = collect(ast.parse(source), lookup)
    lines = header(args, sdist_info(args.sdist_dir)) + ["\t".join(COLUMNS)]
    for row in rows:
        lines.append("\t".join(map(str, row[:-1])) + "\t" + escape(row[-1]))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary(rows, counts, skipped)


if __name__ == "__main__":
    main()
