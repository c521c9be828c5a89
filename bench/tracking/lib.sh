# Shared by redirect.sh, stats.sh and export.sh: build, the helper console, a seeded data directory.
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
die() { echo "$(basename "$0"): $*" >&2; exit 1; }
if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
    dotnet build -c Release "$repo/src/Envoi" -v q -nologo >/dev/null || die "building src/Envoi failed"
    dotnet build -c Release "$repo/bench/Envoi.TrackingBench" -v q -nologo >/dev/null || die "building bench/Envoi.TrackingBench failed"
fi
envoi_bin=$repo/src/Envoi/bin/Release/net10.0/envoi
helper=$repo/bench/Envoi.TrackingBench/bin/Release/net10.0/envoi-tracking-bench
[[ -x $envoi_bin && -x $helper ]] || die "no Release build of src/Envoi or bench/Envoi.TrackingBench"

# seed DIR ARGS…: seeds DIR unless it already holds a seeded database (BENCH_DATA reuse).
seed() {
    local dir=$1; shift
    if [[ -f $dir/envoi.db ]] && [[ $("$helper" count --data "$dir") -gt 0 ]]; then
        echo "reusing the seeded database in $dir ($("$helper" count --data "$dir") clicks)"
        return
    fi
    "$helper" seed --data "$dir" "$@" || die "seeding failed"
}
