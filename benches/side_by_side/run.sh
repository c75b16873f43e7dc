#!/usr/bin/env bash
# pincite beside eyecite 2.7.8 on the same files, in one run.
#
# Builds pincite in release mode, installs eyecite 2.7.8 from PyPI in a
# virtualenv under target/side-by-side/, and times both on the texts of
# corpus/ and, when present, on the 290 slip opinions of
# ../shared/corpus/bulk-scotus-ot2009-2011 (17 MB):
#
#   - eyecite one document per call (clean_text + get_citations +
#     resolve_citations), timed inside Python: interpreter start, import
#     and reading the files are not counted (see eyecite_bench.py);
#   - `pincite extract --format jsonl` on the same list of files, one
#     process, timed from outside: process start, reading the files,
#     compiling the patterns and writing the JSON lines are all counted.
#     It works on several files at a time, so it is timed on all cores
#     and on one (RAYON_NUM_THREADS=1).
#
# It prints MB/s (10^6 bytes per second) of each and their ratio. On the
# bulk texts it also prints the share of eyecite's full case citations
# that pincite finds and the other way round (compare_full_cases.py), the time of the same texts concatenated into
# one document against file by file, the peak memory (maximum resident
# set size, from /usr/bin/time) of extracting them, and the time of
# `pincite index` on one thread and on two (RAYON_NUM_THREADS).
#
# pincite's times are the best of several runs (the runs of two commands
# compared with each other alternate); eyecite runs once (about three
# minutes on the bulk texts).
#
# Usage: benches/side_by_side/run.sh        (from anywhere)
#        SKIP_EYECITE=1 benches/side_by_side/run.sh   (pincite's part only)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

work="$root/target/side-by-side"
mkdir -p "$work"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
pincite="$target_dir/release/pincite"
bulk="$root/../shared/corpus/bulk-scotus-ot2009-2011"
skip_eyecite="${SKIP_EYECITE:-0}"

echo "== machine"
echo "cpus:   $(nproc)"
echo "cpu:    $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "memory: $(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo)"
echo "os:     $(uname -sr)"
echo "load:   $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min, before the run)"

echo
echo "== build"
cargo build --release --locked --bin pincite 2>&1 | tail -1
"$pincite" --version
rustc --version
if [ "$skip_eyecite" = 1 ]; then
    echo "eyecite: skipped (SKIP_EYECITE=1)"
else
    if [ ! -x "$work/venv/bin/python" ]; then
        python3 -m venv "$work/venv"
    fi
    "$work/venv/bin/pip" install --quiet --disable-pip-version-check eyecite==2.7.8
    py="$work/venv/bin/python"
    echo "$("$py" --version), eyecite $("$py" -c 'import importlib.metadata as m; print(m.version("eyecite"))')"
fi

have_time=1
if [ ! -x /usr/bin/time ]; then
    have_time=0
    echo "peak memory: not measured, /usr/bin/time is absent (Debian: apt-get install time)"
fi

# Seconds (wall clock) of one run of a command, its output discarded.
seconds() {
    local t0 t1
    t0=$(date +%s.%N)
    "$@" >/dev/null
    t1=$(date +%s.%N)
    echo "$t0 $t1" | awk '{printf "%.3f", $2 - $1}'
}

min() { awk -v a="$1" -v b="$2" 'BEGIN {print (b == "" || a < b) ? a : b}'; }

# The best of N runs of a command.
best_of() {
    local n=$1 best="" t
    shift
    for _ in $(seq "$n"); do
        t=$(seconds "$@")
        best=$(min "$t" "$best")
    done
    echo "$best"
}

mbps() { awk -v b="$1" -v s="$2" 'BEGIN {printf "%.2f", b / s / 1e6}'; }

# Maximum resident set size of a command, in MB.
peak_mb() {
    local kb
    kb=$(/usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1)
    awk -v k="$kb" 'BEGIN {printf "%.1f", k / 1024}'
}

echo
echo "== start-up"
printf 'Imbler v. Pachtman, 424 U. S. 409 (1976).\n' >"$work/one-citation.txt"
startup=$(best_of 5 "$pincite" extract --format jsonl "$work/one-citation.txt")
printf 'pincite extract, one citation   %8.3f s  (best of 5: process start and compiling the patterns, paid once per run)\n' "$startup"

# Compares the two on one list of files: pincite on all cores (it works
# on several files at a time) and on one, eyecite on one.
compare() {
    local label=$1
    shift
    local bytes pin_s pin1_s pin_mbps pin1_mbps pin_cites eye_line eye_s eye_mbps eye_cites
    bytes=$(cat "$@" | wc -c)
    pin_s="" pin1_s=""
    for _ in 1 2 3 4 5; do
        pin_s=$(min "$(seconds "$pincite" extract --format jsonl "$@")" "$pin_s")
        pin1_s=$(min "$(RAYON_NUM_THREADS=1 seconds "$pincite" extract --format jsonl "$@")" "$pin1_s")
    done
    pin_mbps=$(mbps "$bytes" "$pin_s")
    pin1_mbps=$(mbps "$bytes" "$pin1_s")
    pin_cites=$("$pincite" extract --format jsonl "$@" | wc -l)
    echo
    echo "== $label: $# files, $bytes bytes"
    printf 'pincite extract, %d threads  %8.3f s  %8s MB/s  %6d citations  (best of 5)\n' "$(nproc)" "$pin_s" "$pin_mbps" "$pin_cites"
    printf 'pincite extract, 1 thread   %8.3f s  %8s MB/s  (best of 5, alternating)\n' "$pin1_s" "$pin1_mbps"
    if [ "$skip_eyecite" = 1 ]; then
        return
    fi
    eye_line=$("$py" "$here/eyecite_bench.py" "$label" "$@" 2>"$work/eyecite-$label.log")
    eye_s=$(echo "$eye_line" | awk -F'\t' '{split($4, a, " "); print a[1]}')
    eye_cites=$(echo "$eye_line" | awk -F'\t' '{split($6, a, " "); print a[1]}')
    eye_mbps=$(awk -v b="$bytes" -v s="$eye_s" 'BEGIN {printf "%.3f", b / s / 1e6}')
    printf 'eyecite 2.7.8, 1 thread     %8.3f s  %8s MB/s  %6d citations  (one run)\n' "$eye_s" "$eye_mbps" "$eye_cites"
    # The same bytes: the ratio of the MB/s is the inverse ratio of the times.
    ratio() { awk -v a="$1" -v b="$eye_s" 'BEGIN {printf "%.0f", b / a}'; }
    echo "ratio pincite / eyecite (MB/s): $(ratio "$pin_s")x on $(nproc) threads, $(ratio "$pin1_s")x on 1 thread"
}

compare "corpus" corpus/*.txt

if [ ! -d "$bulk" ]; then
    echo
    echo "== bulk-scotus-ot2009-2011: skipped, $bulk is not present"
    exit 0
fi

bulk_files=("$bulk"/*.txt)
compare "bulk-scotus-ot2009-2011" "${bulk_files[@]}"

if [ "$skip_eyecite" != 1 ]; then
    echo
    echo "== bulk-scotus-ot2009-2011: full case citations of each, found by the other"
    "$pincite" extract --format jsonl "${bulk_files[@]}" >"$work/bulk.jsonl"
    # The whole comparison is kept beside the run; its first lines are printed.
    "$py" "$here/compare_full_cases.py" "$work/bulk.jsonl" "${bulk_files[@]}" >"$work/compare.txt"
    head -3 "$work/compare.txt"
fi

one="$work/bulk-concatenated.txt"
cat "${bulk_files[@]}" >"$one"
bytes=$(wc -c <"$one")
file_s="" one_s=""
# Both on one thread: one document cannot be split among threads.
for _ in 1 2 3 4 5; do
    file_s=$(min "$(RAYON_NUM_THREADS=1 seconds "$pincite" extract --format jsonl "${bulk_files[@]}")" "$file_s")
    one_s=$(min "$(RAYON_NUM_THREADS=1 seconds "$pincite" extract --format jsonl "$one")" "$one_s")
done
echo
echo "== bulk-scotus-ot2009-2011 concatenated into one document: $bytes bytes, pincite extract on 1 thread"
printf 'file by file     %8.3f s  %8s MB/s  (best of 5)\n' "$file_s" "$(mbps "$bytes" "$file_s")"
printf 'one document     %8.3f s  %8s MB/s  (best of 5, alternating)\n' "$one_s" "$(mbps "$bytes" "$one_s")"
echo "one document / file by file: $(awk -v a="$one_s" -v b="$file_s" 'BEGIN {printf "%.2f", a / b}')"

if [ "$have_time" = 1 ]; then
    echo
    echo "== peak memory (maximum resident set size), pincite extract"
    printf '290 files        %8s MB\n' "$(peak_mb "$pincite" extract --format jsonl "${bulk_files[@]}")"
    printf 'one document     %8s MB\n' "$(peak_mb "$pincite" extract --format jsonl "$one")"
fi

# The database is built again from scratch each time (--rebuild); a run
# without it over the same texts reads none of them again.
idx="$work/bulk.db"
t1="" t2="" t0=""
for _ in 1 2 3 4 5; do
    t1=$(min "$(RAYON_NUM_THREADS=1 seconds "$pincite" index --rebuild --output "$idx" "$bulk")" "$t1")
    t2=$(min "$(RAYON_NUM_THREADS=2 seconds "$pincite" index --rebuild --output "$idx" "$bulk")" "$t2")
    t0=$(min "$(RAYON_NUM_THREADS=2 seconds "$pincite" index --output "$idx" "$bulk")" "$t0")
done
echo
echo "== pincite index on the bulk texts: $("$pincite" index --rebuild --output "$idx" "$bulk")"
printf '1 thread         %8.3f s  %8s MB/s  (best of 5, alternating)\n' "$t1" "$(mbps "$bytes" "$t1")"
printf '2 threads        %8.3f s  %8s MB/s\n' "$t2" "$(mbps "$bytes" "$t2")"
echo "speed-up on 2 threads: $(awk -v a="$t1" -v b="$t2" 'BEGIN {printf "%.2f", a / b}')x"
printf 'again, unchanged %8.3f s\n' "$t0"
if [ "$have_time" = 1 ]; then
    printf 'peak memory      %8s MB  (2 threads)\n' "$(RAYON_NUM_THREADS=2 peak_mb "$pincite" index --rebuild --output "$idx" "$bulk")"
fi
echo "index database   $(wc -c <"$idx") bytes"
