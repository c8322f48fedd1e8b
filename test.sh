#!/usr/bin/env bash
# The README's test command: installs what the tests need on a Debian machine when it is missing,
# then runs every test. CI (.ci/run) calls exactly this script. Arguments go to `dotnet test`
# (e.g. ./test.sh --filter "FullyQualifiedName~Dialer").
#
# Why a script and not bare `dotnet test`: the tests use real parts (PostgreSQL, Chromium,
# Prometheus's promtool, HAProxy, espeak-ng, Twilio's Node helper). Debian packages cannot be installed by a
# test without root, and a test that skips when they are missing hides a red build; so the one
# command a newcomer runs installs them first (with sudo when not root) and fails loudly if it can't.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# command-or-path -> Debian package that provides it
declare -A needs=(
  [node]=nodejs
  [npm]=npm
  [espeak-ng]=espeak-ng
  [/usr/bin/chromium]=chromium
  [/usr/share/zoneinfo/America/Toronto]=tzdata
  [/usr/lib/postgresql/15/bin/initdb]=postgresql
  [promtool]=prometheus
  [/usr/sbin/haproxy]=haproxy
  [curl]=curl
)

missing=()
for what in "${!needs[@]}"; do
  if [[ $what == /* ]]; then [ -e "$what" ] && continue; else command -v "$what" >/dev/null && continue; fi
  missing+=("${needs[$what]}")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]} (Debian packages the tests need)"
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "test.sh: need root or sudo to run: apt-get install -y ${missing[*]}" >&2; exit 1; }
    sudo=sudo
  fi
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi

# Twilio's official Node helper, pinned by package-lock.json: a second opinion on signatures and TwiML.
if [ ! -f tests/Twilio.Tests/node/node_modules/twilio/package.json ]; then
  npm ci --prefix tests/Twilio.Tests/node --no-audit --no-fund
fi

# Arguments: one `dotnet test` run with them (a filter, a project's tests).
[ $# -eq 0 ] || exec dotnet test PhoneBooking.sln "$@"

# No arguments: every test, in two passes. First all but the whole-machine tests, assemblies in parallel;
# then the whole-machine tests (a topology of processes each, held to production latency budgets:
# tests/Testing/WholeMachine.cs) alone on the machine, one assembly and one class at a time. On 2 cores,
# run next to the rest, their cold instances missed the 1 s budget and callers went to agents (issue 18).
# TEST_RESULTS=DIR keeps a .trx per assembly and pass there (durations: tools/slowest-tests.sh DIR).
results=()
[ -z "${TEST_RESULTS:-}" ] || results=(--logger trx --results-directory "$TEST_RESULTS")
status=0
dotnet test PhoneBooking.sln --filter "Machine!=Whole" "${results[@]}" || status=$?
dotnet test PhoneBooking.sln --no-build --filter "Machine=Whole" -m:1 "${results[@]}" -- xUnit.ParallelizeTestCollections=false || status=$?
exit $status
