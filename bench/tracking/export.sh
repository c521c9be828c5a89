#!/usr/bin/env bash
# Export of a million-row view: `envoi stats export --by link` over a database seeded with one
# link (and one click) per message, under /usr/bin/time -v: wall time and peak RSS, BENCH_REPEATS
# runs per format, median and worst. Checks that the file holds every row.
#
#   bench/tracking/export.sh
#
# Knobs: BENCH_ROWS (1000000), BENCH_FORMATS ("xlsx csv"), BENCH_REPEATS (3), BENCH_DATA (seed or
# reuse; default a scratch directory, removed unless BENCH_KEEP=1), BENCH_SKIP_BUILD (0).
# Targets: under 30 s and under 300 MB peak RSS for 1,000,000 rows.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
rows=${BENCH_ROWS:-1000000}
repeats=${BENCH_REPEATS:-3}
data=${BENCH_DATA:-$(mktemp -d /tmp/envoi-export.XXXXXX)}
out=$(mktemp -d /tmp/envoi-export-out.XXXXXX)
cleanup() { rm -rf "$out"; [[ -n ${BENCH_DATA:-} || ${BENCH_KEEP:-0} == 1 ]] || rm -rf "$data"; }
trap cleanup EXIT
command -v /usr/bin/time >/dev/null || die "/usr/bin/time is missing (Debian: apt-get install time)"
echo "Envoi export benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
seed "$data" --messages "$rows" --clicks "$rows" --days 30 --unique-targets true

count_rows() { # file format -> data rows in the file
    if [[ $2 == csv ]]; then echo $(($(wc -l <"$1") - 1)); return; fi
    python3 - "$1" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1]); n = 0; tail = b""
with z.open("xl/worksheets/sheet1.xml") as f:
    for chunk in iter(lambda: f.read(1 << 20), b""):
        data = tail + chunk; cut = max(0, len(data) - 8)
        n += sum(1 for m in re.finditer(rb"<(?:x:)?row[ >]", data) if m.start() < cut); tail = data[cut:]
n += len(re.findall(rb"<(?:x:)?row[ >]", tail))
print(n - 1)
PY
}

printf '%-5s %4s %10s %8s %8s\n' format run rows wall_s rss_MB
for format in ${BENCH_FORMATS:-xlsx csv}; do
    walls=() rss=()
    for run in $(seq "$repeats"); do
        file=$out/links.$format
        /usr/bin/time -v -o "$out/time" "$envoi_bin" stats export --data "$data" --by link --period 30d --format "$format" --out "$file" >"$out/stdout" \
            || { cat "$out/time" >&2; die "envoi stats export failed"; }
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$out/time")
        mb=$(awk '/Maximum resident set size/ { printf "%.0f", $NF / 1024 }' "$out/time")
        got=$(count_rows "$file" "$format")
        printf '%-5s %4d %10d %8.1f %8d\n' "$format" "$run" "$got" "$wall" "$mb"
        [[ $got -eq $rows ]] || die "$format file holds $got rows, expected $rows"
        walls+=("$wall") rss+=("$mb")
    done
    median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
    echo "$format: median ${rows} rows in $(median "${walls[@]}") s, peak RSS median $(median "${rss[@]}") MB, worst $(printf '%s\n' "${rss[@]}" | sort -g | tail -1) MB"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
