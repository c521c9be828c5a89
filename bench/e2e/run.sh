#!/usr/bin/env bash
# End-to-end relay benchmark: Envoi against Postfix, measured in the same run, on the same box,
# with the same client (smtp-source) and the same upstream (one smtp-sink).
#
# One measurement: smtp-source injects COUNT messages of SIZE bytes into a target over SESSIONS
# parallel connections; the clock runs from the first connection until smtp-sink has received
# the last of those messages from the target. That is the rate a gateway sustains when it must
# both store every message durably before answering 250 and relay it onwards.
#
# Usage:   sudo bench/e2e/run.sh            (root: installs postfix, starts a scratch instance)
# Knobs:   BENCH_SECONDS=8        how long each measured run should last (COUNT is calibrated to it)
#          BENCH_REPEATS=3        measured runs per load and target; the table shows the median
#          BENCH_WARMUP=10000     messages sent to each target before anything is measured
#          BENCH_SIZES="4096 102400"  message payload sizes in bytes
#          BENCH_SESSIONS="1 8"   parallel smtp-source sessions
#          BENCH_STALL=30         seconds without a delivery before a run is declared stalled
#          BENCH_SKIP_BUILD=1     use the existing Release build of src/Envoi
#          BENCH_KEEP=1           keep the scratch directory (logs, queues) after the run
# Output:  progress lines, a results table, and as the very last line
#          "envoi/postfix end-to-end ratio: X" (4 KB x 8 sessions). See bench/README.md.
set -euo pipefail
export LC_ALL=C # decimal points, not commas, in every printf and awk below

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
# shellcheck source=lib/postfix-instance.sh
source "$here/lib/postfix-instance.sh"
quantile_awk=$here/lib/histogram-quantile.awk

seconds=${BENCH_SECONDS:-8}
sizes=${BENCH_SIZES:-"4096 102400"}
sessions_list=${BENCH_SESSIONS:-"1 8"}
stall_seconds=${BENCH_STALL:-30}
repeats=${BENCH_REPEATS:-3}
warm_up_messages=${BENCH_WARMUP:-10000}
started_at=$(date +%s)
sender=from@example.com
recipient=to@example.net

die() { echo "run.sh: $*" >&2; exit 1; }
say() { echo "$*"; }
now_us() { echo "${EPOCHREALTIME/./}"; } # bash 5: wall clock in microseconds, no fork

# ---------------------------------------------------------------------------------------------
# Tools. smtp-source and smtp-sink ship in the postfix package; "No configuration" installs the
# binaries without creating or starting a system mail server.
# ---------------------------------------------------------------------------------------------
find_tool() {
    local name=$1 dir
    command -v "$name" 2>/dev/null && return 0
    for dir in /usr/sbin /usr/lib/postfix /usr/lib/postfix/sbin /usr/libexec/postfix; do
        [[ -x $dir/$name ]] && { echo "$dir/$name"; return 0; }
    done
    return 1
}

ensure_tools() {
    [[ $(id -u) == 0 ]] || die "run as root: Postfix's master and smtp-sink need it (they drop to user postfix)"
    local missing=()
    find_tool postfix >/dev/null || missing+=(postfix)
    find_tool smtp-source >/dev/null || missing+=(postfix)
    command -v curl >/dev/null || missing+=(curl)
    if ((${#missing[@]})); then
        say "installing ${missing[*]} ..."
        echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
    smtp_source=$(find_tool smtp-source) || die "smtp-source not found after installing postfix"
    smtp_sink=$(find_tool smtp-sink) || die "smtp-sink not found after installing postfix"
    id postfix >/dev/null 2>&1 || die "user 'postfix' is missing; reinstall the postfix package"
}

# Release build, run as the apphost directly: no `dotnet run` start-up cost or MSBuild in the way.
build_envoi() {
    envoi_bin=$repo/src/Envoi/bin/Release/net10.0/envoi
    if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
        say "building Envoi (Release) ..."
        if ! dotnet build -c Release "$repo/src/Envoi" -nologo -v q >"$work/build.log" 2>&1; then
            tail -n 30 "$work/build.log" >&2
            die "dotnet build failed (full log: $work/build.log)"
        fi
    fi
    [[ -x $envoi_bin ]] || die "no Envoi build at $envoi_bin"
}

# A loopback port nobody listens on and that we have not handed out yet.
taken_ports=" "
free_port() {
    local port
    for _ in $(seq 200); do
        port=$((20000 + RANDOM % 40000))
        [[ $taken_ports == *" $port "* ]] && continue
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            taken_ports+="$port "
            echo "$port"
            return 0
        fi
    done
    die "no free loopback port found"
}

wait_for_port() {
    local port=$1 what=$2
    for _ in $(seq 300); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
        sleep 0.1
    done
    die "$what did not listen on 127.0.0.1:$port within 30 s"
}

# ---------------------------------------------------------------------------------------------
# Cleanup: everything this script started, by the pid it got when starting it.
# Silent on stdout so the ratio stays the last line. The scratch directory is kept when the
# run failed (or BENCH_KEEP=1) so its logs can be read.
# ---------------------------------------------------------------------------------------------
work="" source_pid="" envoi_pid="" sink_pid="" postfix_dir=""
cleanup() {
    local rc=$?
    set +e
    [[ -n $source_pid ]] && kill "$source_pid" 2>/dev/null
    if [[ -n $envoi_pid ]] && kill -0 "$envoi_pid" 2>/dev/null; then
        kill -TERM "$envoi_pid" # graceful: lets deliveries in flight record their result
        for _ in $(seq 200); do kill -0 "$envoi_pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$envoi_pid" 2>/dev/null
        wait "$envoi_pid" 2>/dev/null
    fi
    [[ -n $postfix_dir ]] && postfix_instance_stop "$postfix_dir"
    if [[ -n $sink_pid ]]; then
        kill "$sink_pid" 2>/dev/null
        wait "$sink_pid" 2>/dev/null
    fi
    if [[ -n $work ]]; then
        # 130: interrupted (Ctrl-C, kill), not failed: nothing to diagnose.
        if [[ $rc != 0 && $rc != 130 || ${BENCH_KEEP:-0} == 1 ]]; then
            echo "run.sh: scratch directory kept: $work" >&2
        else
            rm -rf "$work"
        fi
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------
# Observing the sink and the targets.
# ---------------------------------------------------------------------------------------------

# Messages smtp-sink has received since it started: with -c it rewrites "sess=.. quit=.. mesg=N\r"
# after every message, so the last record in its output is the running total.
sink_count() {
    local n
    n=$(tail -c 256 "$work/sink.out" 2>/dev/null | tr '\r' '\n' | sed -n 's/.*mesg=\([0-9][0-9]*\).*/\1/p' | tail -n 1)
    echo "${n:-0}"
}

scrape_envoi() { curl -sf --max-time 10 "http://127.0.0.1:$envoi_http/metrics" >"$1"; }

# metric_value FILE SERIES — value of one series ("name" or 'name{label="x"}') in a scrape, 0 if absent.
metric_value() {
    awk -v s="$2" '$1 == s { v = $2 } END { printf "%d\n", v + 0 }' "$1"
}

envoi_pending() {
    local scrape=$work/idle.prom status total=0
    scrape_envoi "$scrape" || { echo 999999; return; }
    for status in received held scheduled releasing relaying; do
        total=$((total + $(metric_value "$scrape" "envoi_queue_depth{status=\"$status\"}")))
    done
    echo "$total"
}

# Wait until a target has nothing left in flight, so one run's tail does not count in the next.
wait_idle() {
    local target=$1 pending
    for _ in $(seq 300); do
        if [[ $target == envoi ]]; then pending=$(envoi_pending); else pending=$(postfix_queue_size "$postfix_dir"); fi
        [[ $pending == 0 ]] && return 0
        sleep 0.1
    done
    say "  warning: $target still has $pending messages queued after 30 s"
}

vm_hwm_kb() { awk '/^VmHWM:/ { print $2 }' "/proc/$envoi_pid/status"; }

# ---------------------------------------------------------------------------------------------
# One injection: smtp-source sends COUNT messages, then we poll the sink until all arrived.
# Sets: elapsed_us, inject_us, delivered, run_status ("ok", "stalled", "source failed").
# ---------------------------------------------------------------------------------------------
inject_and_drain() {
    local port=$1 size=$2 sessions=$3 count=$4
    local base start injected now n last_n=-1 last_progress rc=0
    base=$(sink_count)
    start=$(now_us)
    # One message per connection (smtp-source's default), like a mail client submitting.
    "$smtp_source" -s "$sessions" -m "$count" -l "$size" -f "$sender" -t "$recipient" "127.0.0.1:$port" \
        >>"$work/smtp-source.log" 2>&1 &
    source_pid=$!
    wait "$source_pid" || rc=$?
    source_pid=""
    injected=$(now_us)
    inject_us=$((injected - start))
    run_status=ok
    [[ $rc == 0 ]] || run_status="source failed (exit $rc)"

    last_progress=$injected
    while :; do
        n=$(($(sink_count) - base))
        now=$(now_us)
        if ((n >= count)); then break; fi
        if ((n > last_n)); then last_n=$n; last_progress=$now; fi
        if ((now - last_progress > stall_seconds * 1000000)); then
            [[ $run_status == ok ]] && run_status="stalled"
            now=$last_progress
            break
        fi
        sleep 0.02
    done
    delivered=$n
    elapsed_us=$((now - start))
}

rate() { awk -v n="$1" -v us="$2" 'BEGIN { printf "%.1f", (us > 0 ? n / (us / 1e6) : 0) }'; }

# ---------------------------------------------------------------------------------------------
# Measured runs. Each load is run BENCH_REPEATS times per target, the loads and targets
# interleaved so that drift on the machine (page cache, a neighbour's I/O) hits both targets
# alike; a row of the table reports the median run.
# Per row key "target/size/sessions": the lists and sums below collect the runs.
# ---------------------------------------------------------------------------------------------
declare -A next_count runs_e2e runs_inject runs_drain runs_secs runs_msgs scrapes deferred_sum bounced_sum notes rss_max

median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
spread() { tr ' ' '\n' | grep . | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.0f-%.0f", lo, hi }'; }
seconds_of() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1e6 }'; }
port_of() { if [[ $1 == envoi ]]; then echo "$envoi_smtp"; else echo "$postfix_smtp"; fi; }

# Messages for a run of about BENCH_SECONDS at the given rate, in hundreds, at least 200.
count_for() { awk -v r="$1" -v s="$seconds" 'BEGIN { c = int(r * s / 100 + 0.5) * 100; print (c < 200 ? 200 : (c > 200000 ? 200000 : c)) }'; }

# Before any measurement: warm the JIT (Envoi) and the process pools and connection caches
# (Postfix) with a few seconds of mail; then one short burst per load sizes its first run.
warm_up() {
    local target=$1 port size sessions
    port=$(port_of "$target")
    inject_and_drain "$port" 4096 8 "$warm_up_messages"
    wait_idle "$target"
    say "  $target warm-up: $delivered messages, $(rate "$delivered" "$elapsed_us") msg/s"
    for size in $sizes; do
        for sessions in $sessions_list; do
            inject_and_drain "$port" "$size" "$sessions" $((sessions > 1 ? 200 : 50))
            wait_idle "$target"
            next_count[$target/$size/$sessions]=$(count_for "$(rate "$delivered" "$elapsed_us")")
        done
    done
}

measure() {
    local target=$1 size=$2 sessions=$3 rep=$4 key="$1/$2/$3" port count before after
    port=$(port_of "$target")
    count=${next_count[$key]}
    before=$work/scrapes/$target-$size-$sessions-$rep.before.prom
    after=${before%.before.prom}.after.prom
    local pf_deferred0 pf_bounced0 scraped=0
    for attempt in 1 2; do
        if [[ $target == envoi ]]; then
            scrape_envoi "$before" && scraped=1
            echo 5 2>/dev/null >"/proc/$envoi_pid/clear_refs" || true # reset VmHWM: peak RSS of this run only
        else
            pf_deferred0=$(postfix_log_count "$postfix_dir" 'status=deferred')
            pf_bounced0=$(postfix_log_count "$postfix_dir" 'status=bounced')
        fi
        inject_and_drain "$port" "$size" "$sessions" "$count"
        # A run much shorter than asked (the estimate came from a short burst, which Envoi
        # accepts faster than it relays) weighs start-up and drain too much: run again, longer.
        if [[ $run_status != ok || $attempt == 2 ]] || ((elapsed_us >= seconds * 700000)); then break; fi
        say "  $target ${size}B x$sessions: $count messages took only $(seconds_of "$elapsed_us") s, running again with more"
        count=$(count_for "$(rate "$delivered" "$elapsed_us")")
        wait_idle "$target"
    done

    local deferred bounced relayed rss note=""
    if [[ $target == envoi ]]; then
        rss=$(awk -v kb="$(vm_hwm_kb)" 'BEGIN { printf "%.0f", kb / 1024 }')
        ((rss > ${rss_max[$key]:-0})) && rss_max[$key]=$rss
        ((rss > peak_rss_mb)) && peak_rss_mb=$rss
        # The sink sees a message a moment before Envoi records it as relayed: let the last
        # results land before the counters are read.
        wait_idle envoi
        if ((scraped)) && scrape_envoi "$after"; then
            relayed=$(($(metric_value "$after" envoi_recipients_relayed_total) - $(metric_value "$before" envoi_recipients_relayed_total)))
            for _ in $(seq 20); do
                ((relayed < delivered)) || break
                sleep 0.1
                scrape_envoi "$after" || break
                relayed=$(($(metric_value "$after" envoi_recipients_relayed_total) - $(metric_value "$before" envoi_recipients_relayed_total)))
            done
            scrapes[$key]+=" $before $after"
            deferred=$(($(metric_value "$after" envoi_recipients_deferred_total) - $(metric_value "$before" envoi_recipients_deferred_total)))
            bounced=$(($(metric_value "$after" envoi_recipients_bounced_total) - $(metric_value "$before" envoi_recipients_bounced_total)))
            # Cross-check: the sink's count and Envoi's own must agree (a bounce would reach the sink too).
            [[ $relayed == "$delivered" ]] || note+=" run $rep: envoi counted $relayed relayed, the sink $delivered;"
        else
            note+=" run $rep: /metrics did not answer;"
            deferred=0 bounced=0
        fi
    else
        deferred=$(($(postfix_log_count "$postfix_dir" 'status=deferred') - pf_deferred0))
        bounced=$(($(postfix_log_count "$postfix_dir" 'status=bounced') - pf_bounced0))
    fi
    [[ $run_status == ok ]] || note+=" run $rep $run_status: $delivered/$count delivered;"
    deferred_sum[$key]=$((${deferred_sum[$key]:-0} + deferred))
    bounced_sum[$key]=$((${bounced_sum[$key]:-0} + bounced))
    notes[$key]+=$note
    wait_idle "$target"

    local e2e inject_rate drain_us
    e2e=$(rate "$delivered" "$elapsed_us")
    inject_rate=$(rate "$count" "$inject_us")
    drain_us=$((elapsed_us > inject_us ? elapsed_us - inject_us : 0))
    runs_e2e[$key]+=" $e2e"
    runs_inject[$key]+=" $inject_rate"
    runs_drain[$key]+=" $(seconds_of "$drain_us")"
    runs_secs[$key]+=" $(seconds_of "$elapsed_us")"
    runs_msgs[$key]+=" $count"
    next_count[$key]=$(count_for "$e2e") # the next run of this load lasts about BENCH_SECONDS
    say "  run $rep  $(printf '%-7s %4sK x%s' "$target" $((size / 1024)) "$sessions"): $count msgs in $(seconds_of "$elapsed_us") s = $e2e msg/s end to end (injection $inject_rate msg/s, drain $(seconds_of "$drain_us") s)${note:+ [${note# }]}"
}

# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------
ensure_tools
work=$(mktemp -d /tmp/envoi-bench.XXXXXX)
chmod 755 "$work" # Postfix daemons run as user postfix and must reach their queue under it
build_envoi

sink_port=$(free_port)
envoi_smtp=$(free_port)
envoi_http=$(free_port)
postfix_smtp=$(free_port)

# The common upstream. As root it must be told whom to become; a large backlog so neither
# target ever waits on the sink's accept queue.
"$smtp_sink" -u postfix -c "127.0.0.1:$sink_port" 1000 >"$work/sink.out" 2>"$work/sink.err" &
sink_pid=$!
wait_for_port "$sink_port" smtp-sink

postfix_dir=$work/postfix
postfix_instance_create "$postfix_dir" "$postfix_smtp" "$sink_port"
postfix_instance_start "$postfix_dir" || die "could not start the scratch Postfix"
wait_for_port "$postfix_smtp" Postfix

# Envoi with its defaults, except: a fresh data directory, no undo window (--hold 0) so it
# relays at once like Postfix, and loopback trusted so smtp-source needs no AUTH. Started from
# the scratch directory so no appsettings.json from the caller's working directory applies.
(cd "$work" && exec env ENVOI_Smtp__TrustedNetworks__0=127.0.0.0/8 "$envoi_bin" serve \
    --data "$work/envoi-data" --smtp "127.0.0.1:$envoi_smtp" --http "127.0.0.1:$envoi_http" \
    --upstream "smtp://127.0.0.1:$sink_port" --hold 0) >"$work/envoi.log" 2>&1 &
envoi_pid=$!
for _ in $(seq 300); do
    curl -sf --max-time 1 "http://127.0.0.1:$envoi_http/healthz" >/dev/null 2>&1 && break
    kill -0 "$envoi_pid" 2>/dev/null || { tail -n 20 "$work/envoi.log" >&2; die "Envoi exited during start-up"; }
    sleep 0.1
done
wait_for_port "$envoi_smtp" Envoi
envoi_idle_rss_mb=$(awk -v kb="$(vm_hwm_kb)" 'BEGIN { printf "%.0f", kb / 1024 }')
peak_rss_mb=0

say "Envoi end-to-end benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
say "  host:    $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), kernel $(uname -r), scratch on $(df -P "$work" | awk 'NR == 2 { print $1 }'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
say "  envoi:   $(git -C "$repo" describe --always --dirty 2>/dev/null || echo unknown) (Release), .NET $(dotnet --version 2>/dev/null || echo '?'), smtp 127.0.0.1:$envoi_smtp"
say "  postfix: $(postconf -c "$postfix_dir/etc" -h mail_version 2>/dev/null), smtp 127.0.0.1:$postfix_smtp; sink smtp-sink 127.0.0.1:$sink_port"
say "  load:    smtp-source, one message per connection, sizes: $sizes bytes, sessions: $sessions_list"
say "           $repeats runs of ~${seconds} s per load and target, interleaved; rows show the median run"
say ""

mkdir -p "$work/scrapes"
say "Warm-up and calibration:"
for target in envoi postfix; do warm_up "$target"; done
say ""
say "Measured runs:"
for rep in $(seq "$repeats"); do
    for size in $sizes; do
        for sessions in $sessions_list; do
            for target in envoi postfix; do
                measure "$target" "$size" "$sessions" "$rep"
            done
        done
    done
done

say ""
say "Results (median of $repeats runs; e2e = messages / time from first connection to last message at the sink)"
format='%-8s %5s %4s %6s %6s %9s %9s %11s %7s %7s %7s %6s  %s\n'
# shellcheck disable=SC2059 # the format is ours
printf "$format" target size sess msgs run_s inject/s e2e/s e2e_range drain_s p50_ms p99_ms rss_MB notes
declare -A e2e_median
for size in $sizes; do
    for sessions in $sessions_list; do
        for target in envoi postfix; do
            key=$target/$size/$sessions
            e2e_median[$key]=$(median <<<"${runs_e2e[$key]}")
            p50=- p99=- rss=-
            if [[ $target == envoi ]]; then
                # shellcheck disable=SC2086 # the list of scrape files is meant to split
                p50=$(awk -v metric=envoi_accept_latency_seconds -v q=0.50 -f "$quantile_awk" ${scrapes[$key]:-/dev/null /dev/null})
                # shellcheck disable=SC2086
                p99=$(awk -v metric=envoi_accept_latency_seconds -v q=0.99 -f "$quantile_awk" ${scrapes[$key]:-/dev/null /dev/null})
                rss=${rss_max[$key]:--}
            fi
            note=${notes[$key]# }
            ((deferred_sum[$key] > 0)) && note+=" deferred=${deferred_sum[$key]}"
            ((bounced_sum[$key] > 0)) && note+=" bounced=${bounced_sum[$key]}"
            # shellcheck disable=SC2059
            printf "$format" "$target" "$((size / 1024))K" "$sessions" "$(median <<<"${runs_msgs[$key]}")" \
                "$(median <<<"${runs_secs[$key]}")" "$(median <<<"${runs_inject[$key]}")" "${e2e_median[$key]}" \
                "$(spread <<<"${runs_e2e[$key]}")" "$(median <<<"${runs_drain[$key]}")" "$p50" "$p99" "$rss" "${note# }"
        done
    done
done
say ""
say "inject/s: smtp-source's own pace (250 replies); drain_s: time from the last 250 to the last message at the sink."
say "Envoi only: p50/p99 = end of DATA to 250 over all runs of the row (envoi_accept_latency_seconds,"
say "interpolated inside power-of-two buckets); rss_MB = peak RSS (VmHWM) during the row's runs."
say "Envoi RSS after start-up: ${envoi_idle_rss_mb} MB; peak over all measured runs: ${peak_rss_mb} MB."
say ""
say "Envoi / Postfix end-to-end (median msg/s), per load:"
for size in $sizes; do
    for sessions in $sessions_list; do
        say "$(awk -v e="${e2e_median[envoi/$size/$sessions]}" -v p="${e2e_median[postfix/$size/$sessions]}" -v l="$((size / 1024))K x$sessions" \
            'BEGIN { printf "  %-10s %s", l, (p > 0 ? sprintf("%.2f", e / p) : "n/a") }')"
    done
done

# What went wrong, if anything: warnings and errors in the logs, not just the numbers.
say ""
say "Log check:"
envoi_warnings=$(grep -E ' (warn|fail|crit):' "$work/envoi.log" | grep -vc 'generated a self-signed one' || true)
say "  envoi.log: ${envoi_warnings} warning/error lines (the self-signed certificate notice excluded)"
grep -E ' (warn|fail|crit):' "$work/envoi.log" | grep -v 'generated a self-signed one' |
    sed -E 's/^[0-9:.]+ //; s/\b[0-9A-Z]{16}\b/ID/g' | sort | uniq -c | sort -rn | head -n 5 | sed 's/^/    /' || true
say "  postfix maillog: $(postfix_log_count "$postfix_dir" 'status=deferred') deferred, $(postfix_log_count "$postfix_dir" 'status=bounced') bounced, $(postfix_log_count "$postfix_dir" '(warning|fatal|panic):') warning/fatal/panic lines"
say "  smtp-source: $(grep -c . "$work/smtp-source.log" || true) lines of complaints; smtp-sink: $(grep -c . "$work/sink.err" || true)"
say "  total time: $(($(date +%s) - started_at)) s; load average now $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine widens e2e_range)"
say ""

ratio=$(awk -v e="${e2e_median[envoi/4096/8]:-0}" -v p="${e2e_median[postfix/4096/8]:-0}" 'BEGIN { if (p > 0) printf "%.2f", e / p; else print "n/a" }')
say "envoi/postfix end-to-end ratio: $ratio"
