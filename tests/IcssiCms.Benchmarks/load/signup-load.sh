#!/usr/bin/env bash
# Load test of durable sign-ups: conference registrations posted by a server client (Api-Key) to the Forms delivery
# API of the Umbraco site, on the repository's uSync folder and a SQLite file of its own, with wrk on loopback.
# Afterwards it counts the registrations stored and compares them with the 202s wrk saw. The site runs with the
# garbage collector a web project gets by default (server GC).
# Usage: tests/IcssiCms.Benchmarks/load/signup-load.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/../../.."
seconds=${1:-20}
connections=${2:-32}
port=5098
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is not installed: apt-get install -y sqlite3" >&2; exit 1; }

source tests/IcssiCms.Benchmarks/load/site.sh
build_release src/IcssiCms.Web
work=$(mktemp -d)
site=""
trap 'kill $site 2>/dev/null; wait $site 2>/dev/null; rm -rf "$work"' EXIT
url="http://127.0.0.1:$port/umbraco/forms/delivery/api/v1/entries/0c3e8f0a-6a35-4f0e-9d3b-2a1e5c7b9d41"

echo "== sign-ups, $connections connections, ${seconds}s"
start_site "$port" "$work/site" "$work/site.log" uSync__Settings__RootFolder="$PWD/uSync/v17/" \
    Umbraco__Forms__Security__FormsApiKey=load-test \
    IcssiCms__Registrations__Abuse__PerIpPermitLimit=100000000 \
    IcssiCms__Registrations__Abuse__PerFormPermitLimit=100000000
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s tests/IcssiCms.Benchmarks/load/signup.lua "$url" \
    | grep -E "Requests/sec|Latency  |50%|90%|99%|Non-2xx|accepted"
echo "== resident memory $(rss "$site")"
stop_site
echo "== registrations in the database: $(sqlite3 "$work/site/umbraco/Data/Umbraco.sqlite.db" 'SELECT COUNT(*) FROM icssiRegistration')"
echo "== the event's held places: $(sqlite3 "$work/site/umbraco/Data/Umbraco.sqlite.db" "SELECT COUNT(*) FROM icssiRegistration WHERE status IN (0, 1)")"

