#!/usr/bin/env bash
# The test command (README.md; .ci/run calls it): installs what the tests drive when it is missing
# (Debian: PostgreSQL binaries, Postfix's smtp-sink/smtp-source, swaks with Perl's TLS, OpenLDAP's slapd
# and ldap-utils, python3-dkim as the independent DKIM verifier, Chromium for the console tests,
# prometheus for promtool; npm: office-addin-mock and @redocly/cli from their lock files), runs the
# tests, and ends with "N passed, N failed" computed from the test results. Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."  # the repository root

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v smtp-sink >/dev/null 2>&1 || [ -x /usr/sbin/smtp-sink ] || need+=(postfix)
command -v swaks >/dev/null 2>&1 || need+=(swaks)
perl -MIO::Socket::SSL -e 1 >/dev/null 2>&1 || need+=(libio-socket-ssl-perl)  # swaks --tls
[ -x /usr/sbin/slapd ] || need+=(slapd)
command -v ldapmodify >/dev/null 2>&1 || need+=(ldap-utils)
/usr/bin/python3 -c 'import dkim' >/dev/null 2>&1 || need+=(python3-dkim)
[ -x /usr/bin/chromium ] || need+=(chromium)  # the console tests drive it through Playwright
[ -x /usr/bin/promtool ] || need+=(prometheus)  # promtool check metrics
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]}"
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  echo "slapd slapd/no_configuration boolean true" | debconf-set-selections
  # Postfix, slapd and prometheus would start as system services; the tests need only their programs.
  policy=/usr/sbin/policy-rc.d; own_policy=0
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod +x "$policy"; own_policy=1; fi
  apt-get update -qq -o DPkg::Lock::Timeout=600 >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 --no-install-recommends "${need[@]}" >/dev/null
  installed=$?
  [ "$own_policy" = 1 ] && rm -f "$policy"
  [ "$installed" -eq 0 ] || { echo "apt-get install failed"; echo "0 passed, 1 failed"; exit 1; }
fi

# npm tools, installed from their lock files when missing (each folder's .npmrc keeps registry hosts out of
# the lock): Microsoft's office-addin-mock for the Outlook add-in's script tests (node --test) and
# @redocly/cli, which lints the OpenAPI document.
for folder in tests/Envoi.Tests/Addin/js tests/Envoi.Tests/Lint/js; do
  [ -d "$folder/node_modules" ] && continue
  command -v npm >/dev/null 2>&1 || { apt-get update -qq -o DPkg::Lock::Timeout=600 >/dev/null; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 --no-install-recommends nodejs npm >/dev/null; }
  (cd "$folder" && npm ci --silent --no-audit --no-fund >/dev/null) || { echo "npm ci in $folder failed"; echo "0 passed, 1 failed"; exit 1; }
done

results=$(mktemp -d)
# The tests start their own PostgreSQL cluster, smtp-sink, slapd… on loopback.
dotnet test Envoi.slnx --logger "trx;LogFileName=results.trx" --results-directory "$results" 2>&1 | tee "$results/output.log"
status=${PIPESTATUS[0]}

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi  # build error or crashed test host
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
