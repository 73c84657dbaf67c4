# Sourced by the load scripts (from the repository root): Release builds, the Umbraco site in a content root of its own,
# and wrk on its Delivery API.

# build_release PROJECT...: builds each project in Release, stopping on an error or a warning.
build_release() {
    local project
    for project in "$@"; do
        dotnet build -c Release "$project" -v quiet -nologo | grep -E " error |warn" && exit 1 || true
    done
}

# start_site PORT ROOT LOG [NAME=value...]: the Umbraco site on 127.0.0.1:PORT in content root ROOT (given the
# repository's appsettings.json if it has none), with those settings; returns once /healthz answers 200 (its startup
# import is done); the settings given override the defaults here. Sets $site to its process id and $site_seconds to the seconds from launch to that answer.
start_site() {
    local port=$1 root=$2 log=$3
    shift 3
    mkdir -p "$root"
    [ -f "$root/appsettings.json" ] || cp appsettings.json "$root/"
    site_started=$(date +%s.%N)
    env Kestrel__Endpoints__Http__Url="http://127.0.0.1:$port" \
        Umbraco__CMS__Unattended__UnattendedUserPassword="load-test-password-$port" \
        Serilog__MinimumLevel__Default=Warning Serilog__MinimumLevel__Override__IcssiCms.Core.Usync=Information \
        "$@" dotnet src/IcssiCms.Web/bin/Release/net10.0/IcssiCms.Web.dll --contentRoot "$root" >"$log" 2>&1 &
    site=$!
    until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do
        kill -0 "$site" 2>/dev/null || { tail -50 "$log"; exit 1; }
        sleep 0.1
    done
    site_seconds=$(echo "$(date +%s.%N) - $site_started" | bc)
}

# stop_site: stops the site started last and waits for it.
stop_site() {
    kill "$site" 2>/dev/null || true
    wait "$site" 2>/dev/null || true
}

# rss PID: the process's resident memory in MB.
rss() { awk '/VmRSS/ { printf "%.0f MB", $2 / 1024 }' "/proc/$1/status"; }

# import_ms LOG: the milliseconds the uSync import logged it took.
import_ms() { grep -o "uSync import: .* [0-9]* ms" "$1" | grep -o "[0-9]* ms$" | tail -1; }

# delivery_load PORT LABEL SECONDS: wrk (2 threads, 32 connections) on the Delivery API at 127.0.0.1:PORT, for SECONDS
# each: the campaign list query, an item by path and a search, each headed "-- LABEL: what".
delivery_load() {
    local base="http://127.0.0.1:$1/umbraco/delivery/api/v2/content" target name url
    for target in \
        "list query|$base?filter=campaign:save-the-tigris&sort=publishDate:desc&take=10" \
        "item by path|$base/item/campaigns/save-the-tigris/" \
        "search|$base?filter=search:tigris&take=10"; do
        name=${target%%|*}
        url=${target#*|}
        curl -sf "$url" >/dev/null
        echo "-- $2: $name"
        wrk -t2 -c32 -d"$3s" --latency "$url" | grep -E "Requests/sec|Latency  |50%|99%|Non-2xx"
    done
}
