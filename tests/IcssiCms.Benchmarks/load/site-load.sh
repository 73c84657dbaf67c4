#!/usr/bin/env bash
# The Umbraco site's figures in one run:
#   1. the repository's uSync folder: a fresh install to the first healthy answer (the hub imported), the import's own
#      time, resident memory after boot, and a warm restart;
#   2. a generated hub of N news items (default 10,000): the same, for schema plus N items;
#   3. wrk on loopback against the site on that hub: the campaign list query, an item by path and a search, with the
#      output cache on and off.
# Importing 10,000 news items takes Umbraco 15 minutes or more: give a content root that already holds the imported hub
# (its uSync folder at ROOT/uSync/v17, as load/usync-plan.sh leaves one) as the third argument to skip step 2 and load
# that site instead; it is reused, never deleted.
# Usage: tests/IcssiCms.Benchmarks/load/site-load.sh [news items] [seconds per wrk run] [content root to reuse]
set -euo pipefail
cd "$(dirname "$0")/../../.."
items=${1:-10000}
seconds=${2:-15}
reuse=${3:-}
port=5098
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }

source tests/IcssiCms.Benchmarks/load/site.sh
build_release src/IcssiCms.Web tests/IcssiCms.Benchmarks
usync=$(dotnet tests/IcssiCms.Benchmarks/bin/Release/net10.0/IcssiCms.Benchmarks.dll generate-hub "$items")
work=$(dirname "$usync")
site=""
trap 'kill $site 2>/dev/null || true; rm -rf "$work"' EXIT

echo "== the repository's uSync folder ($(find uSync/v17 -name '*.config' | wc -l) files)"
start_site "$port" "$work/seed" "$work/seed.log" uSync__Settings__RootFolder="$PWD/uSync/v17/"
echo "fresh install to healthy: ${site_seconds} s; import $(import_ms "$work/seed.log"); resident memory $(rss "$site")"
stop_site
start_site "$port" "$work/seed" "$work/seed-warm.log" uSync__Settings__RootFolder="$PWD/uSync/v17/"
echo "warm restart to healthy: ${site_seconds} s; resident memory $(rss "$site")"
stop_site

if [ -n "$reuse" ]; then
    big=$reuse
    usync="$reuse/uSync/v17"
else
    big="$work/big"
    echo "== a generated hub: the schema and $items news items"
    start_site "$port" "$big" "$work/big.log" uSync__Settings__RootFolder="$usync/"
    echo "fresh install to healthy: ${site_seconds} s; import $(import_ms "$work/big.log"); resident memory $(rss "$site")"
    stop_site
fi

for cache in true false; do
    echo "== $items news items, output cache $cache"
    start_site "$port" "$big" "$work/big-$cache.log" uSync__Settings__RootFolder="$usync/" \
        Umbraco__CMS__DeliveryApi__OutputCache__Enabled="$cache" DOTNET_gcServer=0
    delivery_load "$port" "output cache $cache" "$seconds"
    echo "resident memory $(rss "$site")"
    stop_site
done
