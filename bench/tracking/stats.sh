#!/usr/bin/env bash
# Statistics views over a seeded database of 5 million clicks (SQLite): each view (day, employee,
# signature, campaign, link) through the real StatisticsService, for the last 30 days and for the
# whole seeded year, BENCH_REPEATS timed runs after one warm-up; p50, p95 and max per view.
#
#   bench/tracking/stats.sh
#
# Knobs: BENCH_CLICKS (5000000), BENCH_MESSAGES (1000000), BENCH_DAYS (365), BENCH_EMPLOYEES (2000),
# BENCH_REPEATS (20), BENCH_DATA (a data directory to seed or reuse; default a scratch one, removed
# afterwards unless BENCH_KEEP=1), BENCH_SKIP_BUILD (0). Seeding takes about 1.5 minutes.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
data=${BENCH_DATA:-$(mktemp -d /tmp/envoi-stats.XXXXXX)}
[[ -n ${BENCH_DATA:-} || ${BENCH_KEEP:-0} == 1 ]] || trap 'rm -rf "$data"' EXIT
echo "Envoi statistics benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
seed "$data" --clicks "${BENCH_CLICKS:-5000000}" --messages "${BENCH_MESSAGES:-1000000}" --days "${BENCH_DAYS:-365}" --employees "${BENCH_EMPLOYEES:-2000}"
"$helper" stats --data "$data" --repeats "${BENCH_REPEATS:-20}" --days "${BENCH_DAYS:-365}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
