#!/usr/bin/env bash
# Tracked-link redirect throughput: Envoi's GET /c/TOKEN (token check, link lookup, click recorded
# through the write-behind queue into SQLite) against nginx answering `return 302` on the same
# machine, in the same run, under the same wrk load. Runs alternate envoi, nginx, envoi, nginx…
#
#   bench/tracking/redirect.sh            # as any user; needs wrk and nginx (Debian: wrk nginx-light)
#
# Knobs (environment): BENCH_SECONDS (10) per run, BENCH_REPEATS (3), BENCH_CONNECTIONS (64),
# BENCH_THREADS (1), BENCH_WARMUP (5 s per target), BENCH_SKIP_BUILD (0), BENCH_KEEP (0).
# Last line: "envoi/nginx redirect ratio: X" (median Envoi req/s ÷ median nginx req/s).
# After the runs it checks the clicks table against wrk's count of 2xx/3xx answers (warm-up
# included). wrk stops with up to BENCH_CONNECTIONS requests in flight: Envoi answers and records
# them, wrk no longer counts them. So the check is 0 <= recorded - answered <= connections x wrk
# runs; anything outside fails the script (a lost click is always a failure).
set -euo pipefail

seconds=${BENCH_SECONDS:-10}
repeats=${BENCH_REPEATS:-3}
connections=${BENCH_CONNECTIONS:-64}
threads=${BENCH_THREADS:-1}
warmup=${BENCH_WARMUP:-5}
# repo, die, the Release build of envoi and the helper console.
source "$(dirname "$0")/lib.sh"

command -v wrk >/dev/null || die "wrk is missing (Debian: apt-get install wrk)"
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
[[ -x $nginx_bin ]] || die "nginx is missing (Debian: apt-get install nginx-light)"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
work=$(mktemp -d /tmp/envoi-redirect.XXXXXX)
envoi_pid="" nginx_pid=""
cleanup() {
    local rc=$?
    if [[ -n $envoi_pid ]] && kill -0 "$envoi_pid" 2>/dev/null; then
        kill -TERM "$envoi_pid"; for _ in $(seq 200); do kill -0 "$envoi_pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$envoi_pid" 2>/dev/null || true
    fi
    if [[ -n $nginx_pid ]] && kill -0 "$nginx_pid" 2>/dev/null; then kill -QUIT "$nginx_pid" 2>/dev/null || true; fi
    if [[ $rc -ne 0 || ${BENCH_KEEP:-0} == 1 ]]; then echo "scratch directory kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

envoi_http=$(free_port)
nginx_port=$(free_port)
target_url=https://www.example.com/landing?utm_source=signature

# A real tracked link, created through Envoi's link store in a fresh data directory.
path=$("$helper" link --data "$work/envoi-data" --url "$target_url")

# nginx: a scratch config, in the foreground (its own pid and logs under $work), one worker per
# CPU as a production nginx would run, no access log (Envoi writes no access log either).
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<EOF
daemon off;
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
    uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
    server {
        listen 127.0.0.1:$nginx_port;
        location /c/ { add_header Cache-Control no-store always; return 302 $target_url; }
    }
}
EOF
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
nginx_pid=$!

(cd "$work" && exec "$envoi_bin" serve --data "$work/envoi-data" --smtp "127.0.0.1:$(free_port)" --http "127.0.0.1:$envoi_http" \
    --upstream "smtp://127.0.0.1:9") >"$work/envoi.log" 2>&1 &
envoi_pid=$!
for _ in $(seq 300); do
    curl -sf --max-time 1 "http://127.0.0.1:$envoi_http/healthz" >/dev/null 2>&1 && break
    kill -0 "$envoi_pid" 2>/dev/null || { tail -n 20 "$work/envoi.log" >&2; die "Envoi exited during start-up"; }
    sleep 0.1
done
code=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$envoi_http$path")
[[ $code == "302 $target_url" ]] || die "Envoi answered '$code' for the tracked link"
code=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$nginx_port$path")
[[ $code == "302 $target_url" ]] || die "nginx answered '$code'"

# wrk with a browser's user agent, so the clicks take the "person" path of the bot classifier.
ua="Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
run_wrk() { # target seconds -> "requests non2xx3xx errors req_per_s"
    local url=$1 secs=$2 out
    out=$(wrk -t"$threads" -c"$connections" -d"${secs}s" -H "User-Agent: $ua" --latency "$url")
    echo "$out" >>"$work/wrk.log"
    awk '/requests in/ { req = $1 } /Non-2xx or 3xx responses/ { bad = $NF } /Socket errors/ { err = $0 }
         /Requests\/sec/ { rps = $2 } /^ +99%/ { p99 = $2 } /^ +50%/ { p50 = $2 }
         END { printf "%d %d %s %s %s %s\n", req, bad + 0, (err == "" ? "none" : "yes"), rps, p50, p99 }' <<<"$out"
}

envoi_ok=1 # the curl check
nginx_url=http://127.0.0.1:$nginx_port$path
envoi_url=http://127.0.0.1:$envoi_http$path

echo "Envoi redirect benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "  host:  $(nproc) CPUs, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  envoi: $(git -C "$repo" describe --always --dirty 2>/dev/null || echo unknown) (Release), GET /c/TOKEN on 127.0.0.1:$envoi_http, SQLite in $work/envoi-data"
echo "  nginx: $("$nginx_bin" -v 2>&1 | sed 's/.*: //'), return 302 on 127.0.0.1:$nginx_port"
echo "  load:  wrk -t$threads -c$connections, ${seconds} s per run, $repeats runs per target, interleaved; ${warmup} s warm-up each"

for target in envoi nginx; do
    url=${target}_url
    read -r req bad _ _ _ _ < <(run_wrk "${!url}" "$warmup")
    [[ $target == envoi ]] && envoi_ok=$((envoi_ok + req - bad))
done

declare -a envoi_rps nginx_rps
printf '%-6s %4s %10s %8s %6s %10s %8s %8s\n' target run requests non3xx errors req/s p50 p99
for run in $(seq "$repeats"); do
    for target in envoi nginx; do
        url=${target}_url
        read -r req bad err rps p50 p99 < <(run_wrk "${!url}" "$seconds")
        printf '%-6s %4d %10d %8d %6s %10.0f %8s %8s\n' "$target" "$run" "$req" "$bad" "$err" "$rps" "$p50" "$p99"
        if [[ $target == envoi ]]; then envoi_rps+=("$rps"); envoi_ok=$((envoi_ok + req - bad)); else nginx_rps+=("$rps"); fi
    done
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
envoi_median=$(median "${envoi_rps[@]}")
nginx_median=$(median "${nginx_rps[@]}")

# Stop Envoi gracefully: it writes the clicks still queued before it exits, then count them.
kill -TERM "$envoi_pid"
for _ in $(seq 600); do kill -0 "$envoi_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$envoi_pid" 2>/dev/null && die "Envoi did not stop within 60 s"
wait "$envoi_pid" 2>/dev/null || true
envoi_pid=""
recorded=$("$helper" count --data "$work/envoi-data")
echo "  load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "clicks recorded: $recorded; Envoi 2xx/3xx answers (warm-up and checks included): $envoi_ok"
if grep -qE '\b(warn|fail|crit)' "$work/envoi.log"; then echo "Envoi log warnings/errors:"; grep -E '\b(warn|fail|crit)' "$work/envoi.log" | head -n 5; fi
awk -v e="$envoi_median" -v n="$nginx_median" 'BEGIN { printf "median req/s: envoi %.0f, nginx %.0f\nenvoi/nginx redirect ratio: %.2f\n", e, n, e / n }'
slack=$((connections * (repeats + 1)))
extra=$((recorded - envoi_ok))
echo "clicks recorded - answers counted by wrk: $extra (allowed 0..$slack: requests in flight when wrk stopped)"
[[ $extra -ge 0 && $extra -le $slack ]] || die "clicks recorded ($recorded) do not match answered requests ($envoi_ok)"
