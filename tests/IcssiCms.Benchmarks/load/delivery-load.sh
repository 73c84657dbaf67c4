#!/usr/bin/env bash
# Load test of the embedded host's Delivery API on a generated hub of N news items (default 10,000), with wrk on
# loopback: the campaign list query, an item by path, and a search; with the output cache on and off.
# Usage: tests/IcssiCms.Benchmarks/load/delivery-load.sh [news items] [seconds per run]
set -euo pipefail
cd "$(dirname "$0")/../../.."
items=${1:-10000}
seconds=${2:-15}
port=5099
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }

source tests/IcssiCms.Benchmarks/load/hub.sh
build_release src/IcssiCms.EmbeddedHost tests/IcssiCms.Benchmarks
usync=$(dotnet tests/IcssiCms.Benchmarks/bin/Release/net10.0/IcssiCms.Benchmarks.dll generate-hub "$items")
work=$(dirname "$usync")
trap 'kill "$hub" 2>/dev/null || true; rm -rf "$work"' EXIT

run() { # $1: output cache on (true) or off (false)
    rm -f "$work"/store.sqlite.db*
    start_hub "$port" "$work/host.log" \
        ConnectionStrings__umbracoDbDSN="Data Source=$work/store.sqlite.db;Cache=Shared;Foreign Keys=True;Pooling=True" \
        uSync__Settings__RootFolder="$usync" \
        Umbraco__CMS__DeliveryApi__OutputCache__Enabled="$1" \
        Umbraco__CMS__Logging__Directory="$work/Logs" \
        DOTNET_gcServer=0

    delivery_load "$port" "output cache $1" "$seconds"
    echo "== output cache $1: resident memory $(grep VmRSS /proc/$hub/status | awk '{print $2/1024 " MB"}')"
    kill "$hub"
    wait "$hub" 2>/dev/null || true
}

run true
run false
