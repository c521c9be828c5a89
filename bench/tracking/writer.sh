#!/usr/bin/env bash
# The click writer alone (TrackingStore.AddClicksAsync, what the redirect's batch writer calls):
# process CPU time and wall time per click, for batches of 2,000 clicks spread like real traffic,
# written into a fresh SQLite database (bench/Envoi.TrackingBench/WriterBench.cs).
#
#   bench/tracking/writer.sh                  # this tree
#   BENCH_BASE=main bench/tracking/writer.sh  # and the same harness built against main, run alternately
#
# Knobs: BENCH_CLICKS (200000 per run), BENCH_BATCH (2000), BENCH_REPEATS (3), BENCH_BASE (a git
# revision to compare with), BENCH_SKIP_BUILD, BENCH_KEEP.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
scratch=$(mktemp -d /tmp/envoi-writer.XXXXXX)
[[ ${BENCH_KEEP:-0} == 1 ]] || trap 'rm -rf "$scratch"' EXIT
clicks=${BENCH_CLICKS:-200000} batch=${BENCH_BATCH:-2000}
echo "Envoi click writer benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"

base_bin=
if [[ -n ${BENCH_BASE:-} ]]; then
    # The base revision's sources with only this harness added: a console of its own, so nothing
    # else of this tree has to compile against the older code.
    git -C "$repo" archive "$BENCH_BASE" | tar -x -C "$scratch" || die "cannot read revision $BENCH_BASE"
    mkdir "$scratch/writer"
    cp "$repo/bench/Envoi.TrackingBench/WriterBench.cs" "$scratch/writer/"
    cat >"$scratch/writer/Program.cs" <<'CS'
var factory = new Envoi.Data.EnvoiDbFactory(Envoi.Data.DatabaseTarget.Resolve(null, args[0]));
await factory.MigrateAsync();
await WriterBench.RunAsync(factory, int.Parse(args[1]), int.Parse(args[2]));
CS
    cat >"$scratch/writer/writer.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><AssemblyName>writer</AssemblyName></PropertyGroup>
  <ItemGroup><ProjectReference Include="../src/Envoi.Data/Envoi.Data.csproj" /></ItemGroup>
</Project>
XML
    dotnet build -c Release "$scratch/writer" -v q -nologo >/dev/null || die "building the harness against $BENCH_BASE failed"
    base_bin=$scratch/writer/bin/Release/net10.0/writer
fi

for run in $(seq 1 "${BENCH_REPEATS:-3}"); do
    printf 'this tree  run %s: ' "$run"
    "$helper" writer --data "$scratch/current-$run" --clicks "$clicks" --batch "$batch"
    if [[ -n $base_bin ]]; then
        printf '%-10s run %s: ' "$BENCH_BASE" "$run"
        "$base_bin" "$scratch/base-$run" "$clicks" "$batch"
    fi
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
