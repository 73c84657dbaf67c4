#!/usr/bin/env bash
# Time to first byte of a campaign page of the visitors' site (src/IcssiCms.VisitorSite), talking over HTTP to the
# Umbraco site (the repository's uSync folder), both Release builds on loopback. "Warm" is after one request has
# filled the site's content cache (IcssiCms:VisitorSite:ContentCacheDuration); "cold" asks the hub every time.
# Usage: tests/IcssiCms.Benchmarks/load/site-ttfb.sh [requests] [seconds]
set -euo pipefail
cd "$(dirname "$0")/../../.."
requests=${1:-500}
seconds=${2:-15}
hub_port=5096
site_port=5097
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }

source tests/IcssiCms.Benchmarks/load/site.sh
build_release src/IcssiCms.Web src/IcssiCms.VisitorSite
work=$(mktemp -d)
site=""
visitors=""
trap 'kill $visitors $site 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

start_site "$hub_port" "$work/hub" "$work/hub.log" uSync__Settings__RootFolder="$PWD/uSync/v17/"

start_visitors() {
    IcssiCms__VisitorSite__HubBaseAddress="http://127.0.0.1:$hub_port/" \
    IcssiCms__VisitorSite__ContentCacheDuration="$1" \
    Kestrel__Endpoints__Http__Url="http://127.0.0.1:$site_port" \
    Serilog__MinimumLevel__Default=Warning \
        dotnet src/IcssiCms.VisitorSite/bin/Release/net10.0/IcssiCms.VisitorSite.dll --contentRoot "$PWD/src/IcssiCms.VisitorSite" >"$work/visitors.log" 2>&1 &
    visitors=$!
    until curl -sf -o /dev/null "http://127.0.0.1:$site_port/en/"; do
        kill -0 "$visitors" 2>/dev/null || { cat "$work/visitors.log"; exit 1; }
        sleep 1
    done
}

# One visitor at a time: curl's time to first byte, in ms, over $requests requests.
ttfb() {
    local url=$1
    for _ in $(seq "$requests"); do
        curl -s -o /dev/null -w '%{time_starttransfer}\n' "$url"
    done | sort -n | awk '{ t[NR] = $1 * 1000 } END {
        printf "   median %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (%d requests)\n", t[int(NR*0.5)], t[int(NR*0.9)], t[int(NR*0.99)], t[NR], NR }'
}

page="http://127.0.0.1:$site_port/en/campaigns/save-the-tigris/"
arabic="http://127.0.0.1:$site_port/ar/%D8%A7%D9%84%D8%AD%D9%85%D9%84%D8%A7%D8%AA/%D8%A3%D9%86%D9%82%D8%B0%D9%88%D8%A7-%D9%86%D9%87%D8%B1-%D8%AF%D8%AC%D9%84%D8%A9/"
for cache in 00:00:30 00:00:00; do
    start_visitors "$cache"
    # Warm up: the JIT, the connection pool, and (with a cache) the cache.
    for _ in $(seq 50); do curl -s -o /dev/null "$page"; curl -s -o /dev/null "$arabic"; done
    echo "== content cache $cache: English campaign page"
    ttfb "$page"
    echo "== content cache $cache: Arabic campaign page"
    ttfb "$arabic"
    echo "== content cache $cache: wrk, 16 connections, ${seconds}s"
    wrk -t2 -c16 -d"${seconds}s" --latency "$page" | grep -E "Requests/sec|Latency  |50%|90%|99%|Non-2xx"
    kill "$visitors"; wait "$visitors" 2>/dev/null || true
done
