#!/bin/sh
# Generates src/normalize/words.txt, the English word list used to decide
# line-end hyphens.
#
# Source: Debian's `wamerican` package (SCOWL "american-english", size 50,
# public domain / permissive, see /usr/share/doc/wamerican/copyright).
# Install it with `apt-get install wamerican`, then run this script from the
# repository root. Possessives ("'s") are dropped, everything is lowercased,
# and the list is sorted bytewise so the crate can binary-search it.
set -eu
src=${1:-/usr/share/dict/american-english}
out=src/normalize/words.txt
grep -v "'" "$src" | tr '[:upper:]' '[:lower:]' | LC_ALL=C sort -u > "$out"
wc -l "$out"
