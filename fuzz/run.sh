#!/usr/bin/env bash
# Fuzzes targets with afl++ through SharpFuzz, side by side, for MINUTES each (default 30), resuming
# earlier runs.
#   fuzz/run.sh [MINUTES] TARGET...      targets: data, inject, import-csv, import-json (envoi-fuzz list)
# Needs Debian's afl++. Findings go to fuzz/findings/TARGET (not committed): a crash found is
# minimized with afl-tmin, understood, fixed, and its input kept in fuzz/regressions/TARGET, which
# the test suite replays (FuzzCorpusTests) together with fuzz/corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=30
[[ ${1:-} =~ ^[0-9]+$ ]] && { minutes=$1; shift; }
[ $# -gt 0 ] || { echo "usage: fuzz/run.sh [MINUTES] TARGET..." >&2; exit 2; }
command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install afl++" >&2; exit 1; }
for target in "$@"; do [ -d "fuzz/corpus/$target" ] || { echo "no corpus for '$target' in fuzz/corpus" >&2; exit 1; }; done

build=fuzz/bin/instrumented
dotnet tool restore >/dev/null
rm -rf "$build"
dotnet publish fuzz/Envoi.Fuzz -c Release -o "$build" --nologo -v q >/dev/null
# Coverage feedback from our code and from the parsers it drives (MIME, CSV).
for dll in Envoi.Core.dll Envoi.Mail.dll MimeKit.dll CsvHelper.dll; do dotnet sharpfuzz "$build/$dll" >/dev/null; done

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
mkdir -p fuzz/findings
for target in "$@"; do
    out="fuzz/findings/$target"
    input="fuzz/corpus/$target"
    [ -f "$out/default/fuzzer_stats" ] && input=-   # resume where the last run stopped
    afl-fuzz -V $((minutes * 60)) -i "$input" -o "$out" -t 10000 -m none -- dotnet "$build/envoi-fuzz.dll" "$target" >"$out.log" 2>&1 &
done
wait || true

status=0
for target in "$@"; do
    stats="fuzz/findings/$target/default/fuzzer_stats"
    [ -f "$stats" ] || { echo "$target: afl-fuzz did not start; see fuzz/findings/$target.log" >&2; status=1; continue; }
    get() { sed -n "s/^$1 *: *//p" "$stats"; }
    echo "$target: $(get execs_done) executions in $(( $(get last_update) - $(get start_time) )) s, $(get corpus_count) paths, $(get saved_crashes) crashes, $(get saved_hangs) hangs"
    [ "$(get saved_crashes)" = 0 ] || echo "  replay them: dotnet fuzz/Envoi.Fuzz/bin/Release/net10.0/envoi-fuzz.dll replay $target fuzz/findings/$target/default/crashes"
done
exit $status
