"""Times eyecite on opinion texts, one document per call, as pincite reads them.

Usage: python eyecite_bench.py LABEL FILE...

For each file: clean_text(text, ["all_whitespace"]), get_citations on the
cleaned text, resolve_citations on the result; the time of the three calls
is summed over the files. Starting Python, importing eyecite and reading
the files are not timed. eyecite's warnings ("Unknown overlap case", logged
for some citations of the bulk texts) are turned off so that they are
neither printed nor formatted. Prints one line, tab-separated:

    LABEL  FILES files  BYTES bytes  SECONDS s  MB/s  CITATIONS citations

MB is 10^6 bytes of the files as stored (UTF-8).
"""

import logging
import sys
import time

from eyecite import clean_text, get_citations, resolve_citations


def main() -> None:
    logging.getLogger("eyecite").setLevel(logging.ERROR)
    label, paths = sys.argv[1], sys.argv[2:]
    texts = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            texts.append(f.read())
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    cites = 0
    start = time.perf_counter()
    for text in texts:
        cleaned = clean_text(text, ["all_whitespace"])
        found = get_citations(cleaned)
        resolve_citations(found)
        cites += len(found)
    took = time.perf_counter() - start
    print(
        f"{label}\t{len(texts)} files\t{nbytes} bytes\t{took:.3f} s\t"
        f"{nbytes / took / 1e6:.3f} MB/s\t{cites} citations"
    )


if __name__ == "__main__":
    main()
