#!/usr/bin/env bash
# Scale-out benchmark: end-to-end throughput of 1, 2 and 3 `envoi serve` nodes sharing one
# PostgreSQL database, and of the same Postfix reference as run.sh, in the same run.
#
# Each measured run sends COUNT messages of SIZE bytes with smtp-source and stops the clock when
# smtp-sink has received all of them. For N nodes the load is split evenly: one smtp-source per
# node, started together, with COUNT/N messages and SESSIONS/N connections each (the "load
# balancer" is the client spreading its connections). Postfix gets COUNT messages over SESSIONS.
#
# Usage:   bench/e2e/multinode.sh   (as root: starts a scratch Postfix, smtp-sink and PostgreSQL)
# Knobs:   BENCH_NODES="1 2 3"  BENCH_COUNT=3000  BENCH_SIZE=4096  BENCH_SESSIONS=8
#          BENCH_REPEATS=3  BENCH_WARMUP=3000 (per node count)  BENCH_SKIP_BUILD=1  BENCH_KEEP=1
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
# shellcheck source=lib/postfix-instance.sh
source "$here/lib/postfix-instance.sh"

nodes_list=${BENCH_NODES:-"1 2 3"}
count=${BENCH_COUNT:-3000}
size=${BENCH_SIZE:-4096}
sessions=${BENCH_SESSIONS:-8}
repeats=${BENCH_REPEATS:-3}
warm_up=${BENCH_WARMUP:-3000}
stall_seconds=30

die() { echo "multinode.sh: $*" >&2; exit 1; }
say() { echo "$*"; }
now_us() { echo "${EPOCHREALTIME/./}"; }
tool() { local d; for d in /usr/sbin /usr/lib/postfix/sbin /usr/libexec/postfix; do [[ -x $d/$1 ]] && { echo "$d/$1"; return 0; }; done; command -v "$1"; }

[[ $(id -u) == 0 ]] || die "run as root (Postfix, smtp-sink and the PostgreSQL cluster drop to their users)"
smtp_source=$(tool smtp-source) || die "smtp-source missing: apt-get install postfix (see run.sh)"
smtp_sink=$(tool smtp-sink) || die "smtp-sink missing"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[[ -x $pg_bin/initdb ]] || die "PostgreSQL is not installed: apt-get install -y postgresql"

taken=" "
free_port() {
    local p
    for _ in $(seq 200); do
        p=$((20000 + RANDOM % 40000))
        [[ $taken == *" $p "* ]] && continue
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then taken+="$p "; echo "$p"; return 0; fi
    done
    die "no free port"
}
wait_for_port() { for _ in $(seq 600); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; die "$2 did not listen on $1"; }

work="" sink_pid="" postfix_dir="" pg_data="" node_pids=()
stop_nodes() {
    local pid
    for pid in "${node_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${node_pids[@]}"; do
        for _ in $(seq 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    node_pids=()
}
cleanup() {
    local rc=$?
    set +e
    stop_nodes
    [[ -n $postfix_dir ]] && postfix_instance_stop "$postfix_dir"
    [[ -n $sink_pid ]] && { kill "$sink_pid"; wait "$sink_pid"; } 2>/dev/null
    [[ -n $pg_data ]] && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -m fast stop >/dev/null 2>&1
    if [[ -n $work ]]; then
        if [[ $rc != 0 || ${BENCH_KEEP:-0} == 1 ]]; then echo "multinode.sh: scratch directory kept: $work" >&2; else rm -rf "$work"; fi
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

sink_count() {
    local n
    n=$(tail -c 256 "$work/sink.out" 2>/dev/null | tr '\r' '\n' | sed -n 's/.*mesg=\([0-9][0-9]*\).*/\1/p' | tail -n 1)
    echo "${n:-0}"
}

# Sends $1 messages split over the ports given after it, in parallel; sets elapsed_us, delivered, status.
send_and_drain() {
    local total=$1; shift
    local ports=("$@") n=${#@} base start pids=() i per sess rc=0 got last=-1 progress now
    base=$(sink_count)
    start=$(now_us)
    for i in "${!ports[@]}"; do
        per=$(( total / n + (i < total % n ? 1 : 0) ))
        sess=$(( sessions / n + (i < sessions % n ? 1 : 0) )); ((sess > 0)) || sess=1
        "$smtp_source" -s "$sess" -m "$per" -l "$size" -f from@example.com -t to@example.net "127.0.0.1:${ports[$i]}" >>"$work/smtp-source.log" 2>&1 &
        pids+=($!)
    done
    for i in "${pids[@]}"; do wait "$i" || rc=$?; done
    status=ok; [[ $rc == 0 ]] || status="smtp-source failed ($rc)"
    progress=$(now_us)
    while :; do
        got=$(( $(sink_count) - base )); now=$(now_us)
        ((got >= total)) && break
        ((got > last)) && { last=$got; progress=$now; }
        if ((now - progress > stall_seconds * 1000000)); then status="stalled"; now=$progress; break; fi
        sleep 0.02
    done
    delivered=$got
    elapsed_us=$((now - start))
}
rate() { awk -v n="$1" -v us="$2" 'BEGIN { printf "%.1f", n / (us / 1e6) }'; }
median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

work=$(mktemp -d /tmp/envoi-multinode.XXXXXX)
chmod 755 "$work"
envoi_bin=$repo/src/Envoi/bin/Release/net10.0/envoi
if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
    say "building Envoi (Release) ..."
    dotnet build -c Release "$repo/src/Envoi" -nologo -v q >"$work/build.log" 2>&1 || { tail -n 30 "$work/build.log" >&2; die "build failed"; }
fi

# PostgreSQL: a scratch cluster with the distribution's defaults for durability (fsync on,
# synchronous_commit on), so a commit is as durable as Postfix's fsynced queue file.
pg_port=$(free_port)
pg_data=$work/pg/data
mkdir -p "$work/pg" && chown postgres "$work/pg"
runuser -u postgres -- "$pg_bin/initdb" -D "$pg_data" -A trust -U postgres -E UTF8 >"$work/pg/initdb.log" 2>&1
runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -l "$work/pg/log" -w -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=400" start >/dev/null

sink_port=$(free_port)
"$smtp_sink" -u postfix -c "127.0.0.1:$sink_port" 1000 >"$work/sink.out" 2>"$work/sink.err" &
sink_pid=$!
wait_for_port "$sink_port" smtp-sink
postfix_smtp=$(free_port)
postfix_dir=$work/postfix
postfix_instance_create "$postfix_dir" "$postfix_smtp" "$sink_port"
postfix_instance_start "$postfix_dir" || die "could not start the scratch Postfix"
wait_for_port "$postfix_smtp" Postfix

# N nodes on a fresh database, started together (they race for the migration lock).
node_ports=()
start_nodes() {
    local n=$1 i db=envoi_bench_$1 smtp http
    runuser -u postgres -- "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE $db" >/dev/null
    node_ports=()
    for i in $(seq "$n"); do
        smtp=$(free_port); http=$(free_port)
        (cd "$work" && exec env ENVOI_Smtp__TrustedNetworks__0=127.0.0.0/8 "$envoi_bin" serve --data "$work/nodes$n/node$i" \
            --database "postgres://postgres@127.0.0.1:$pg_port/$db" --smtp "127.0.0.1:$smtp" --http "127.0.0.1:$http" \
            --upstream "smtp://127.0.0.1:$sink_port" --hold 0) >"$work/envoi-$n-$i.log" 2>&1 &
        node_pids+=($!)
        node_ports+=("$smtp")
    done
    for smtp in "${node_ports[@]}"; do wait_for_port "$smtp" "Envoi node"; done
}

say "Envoi scale-out benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
say "  host: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); PostgreSQL $("$pg_bin/postgres" --version | awk '{ print $3 }'); Postfix $(postconf -c "$postfix_dir/etc" -h mail_version 2>/dev/null)"
say "  load: $count messages of $size bytes per run, $sessions connections in all, one message per connection; $repeats runs, median"
say ""
declare -A results
say "Postfix warm-up ..."
send_and_drain "$warm_up" "$postfix_smtp"
for n in $nodes_list; do
    start_nodes "$n"
    send_and_drain "$warm_up" "${node_ports[@]}"
    say "$n node(s): warm-up $delivered messages at $(rate "$delivered" "$elapsed_us") msg/s"
    for rep in $(seq "$repeats"); do
        send_and_drain "$count" "${node_ports[@]}"
        r=$(rate "$delivered" "$elapsed_us"); results[envoi-$n]+=" $r"
        say "  run $rep envoi x$n:  $delivered msgs in $(awk -v us="$elapsed_us" 'BEGIN { printf "%.1f", us / 1e6 }') s = $r msg/s ($status)"
        send_and_drain "$count" "$postfix_smtp"
        r=$(rate "$delivered" "$elapsed_us"); results[postfix]+=" $r"
        say "  run $rep postfix:   $delivered msgs in $(awk -v us="$elapsed_us" 'BEGIN { printf "%.1f", us / 1e6 }') s = $r msg/s ($status)"
    done
    stop_nodes
done

say ""
say "Results (end-to-end msg/s, median; Postfix measured between the Envoi runs of every node count)"
postfix_median=$(median <<<"${results[postfix]}")
for n in $nodes_list; do
    m=$(median <<<"${results[envoi-$n]}")
    say "$(printf '  envoi %d node(s)  %8s msg/s   envoi/postfix %s' "$n" "$m" "$(awk -v e="$m" -v p="$postfix_median" 'BEGIN { printf "%.2f", e / p }')")"
done
say "$(printf '  postfix          %8s msg/s' "$postfix_median")"
say "  envoi warnings/errors: $(cat "$work"/envoi-*.log | grep -E ' (warn|fail|crit):' | grep -vc 'self-signed' || true); load average now $(cut -d' ' -f1-3 /proc/loadavg)"
