"""Which full case citations eyecite finds in a set of opinions that pincite
finds too, and the other way round.

Usage: python compare_full_cases.py PINCITE_JSONL FILE...

PINCITE_JSONL is `pincite extract --format jsonl FILE...` over the same
files. pincite's short forms of database citations, which repeat the
document's number, count as the full citations eyecite takes them for. For each file, eyecite's full case citations (clean_text with
"all_whitespace", get_citations, each FullCaseCitation's volume, reporter
as reporters-db spells it, and page) are compared with pincite's full_case
citations (volume, reporter, first page, None for a blank page) as
multisets (eyecite's running heads, "Cite as: 560 U. S. ____ (2010)",
left out); reporters are
compared with their spaces removed. Prints the share of eyecite's found by
pincite, the share of pincite's found by eyecite, and a sample of each
side's citations the other lacks, with their reporters counted.
"""

import collections
import json
import logging
import sys

from eyecite import clean_text, get_citations
from eyecite.models import FullCaseCitation


def key(volume, reporter, page):
    return (str(volume), "".join(str(reporter).split()), str(page).replace(",", ""))


def eyecite_full(path):
    with open(path, encoding="utf-8") as f:
        text = clean_text(f.read(), ["all_whitespace"])
    out = collections.Counter()
    for c in get_citations(text):
        # The Supreme Court's running head "Cite as: 560 U. S. ____ (2010)"
        # on every slip page is no citation.
        if text[max(0, c.span()[0] - 10):c.span()[0]].endswith("Cite as: "):
            continue
        if isinstance(c, FullCaseCitation):
            g = c.groups
            reporter = c.corrected_reporter() or g.get("reporter")
            out[key(g.get("volume"), reporter, g.get("page"))] += 1
    return out


def pincite_full(jsonl):
    out = collections.defaultdict(collections.Counter)
    with open(jsonl, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["kind"] == "full_case":
                # A blank page ("560 U. S. ___") is page None on both sides.
                out[r["file"]][key(r["volume"], r["reporter"], r["first_page"])] += 1
            elif r["kind"] == "short_case" and r["authority"] and (
                r["reporter"] == "WL" or r["reporter"].endswith("LEXIS")
            ):
                # A database citation's short form repeats its number
                # ("Bender, 1997 WL 582901, at *3"), which eyecite counts as
                # a full citation.
                number = r["authority"].rsplit(" ", 1)[-1]
                out[r["file"]][key(r["volume"], r["reporter"], number)] += 1
    return out


def main():
    logging.getLogger("eyecite").setLevel(logging.ERROR)
    jsonl, paths = sys.argv[1], sys.argv[2:]
    ours = pincite_full(jsonl)
    theirs_total = ours_total = both = 0
    missed = collections.Counter()
    extra = collections.Counter()
    samples_missed, samples_extra = [], []
    for path in paths:
        theirs = eyecite_full(path)
        mine = ours.get(path, collections.Counter())
        common = theirs & mine
        theirs_total += sum(theirs.values())
        ours_total += sum(mine.values())
        both += sum(common.values())
        for k, n in (theirs - mine).items():
            missed[k[1]] += n
            samples_missed.append((path.rsplit("/", 1)[-1], k))
        for k, n in (mine - theirs).items():
            extra[k[1]] += n
            samples_extra.append((path.rsplit("/", 1)[-1], k))
    print(f"eyecite full case citations: {theirs_total}; pincite finds {both} "
          f"({100 * both / max(theirs_total, 1):.2f}%)")
    print(f"pincite full case citations: {ours_total}; eyecite finds {both} "
          f"({100 * both / max(ours_total, 1):.2f}%)")
    print("eyecite's that pincite lacks, by reporter:", dict(missed.most_common(15)))
    for s in samples_missed[:25]:
        print("  lacks", s)
    print("pincite's that eyecite lacks, by reporter:", dict(extra.most_common(15)))
    for s in samples_extra[:15]:
        print("  extra", s)


if __name__ == "__main__":
    main()
