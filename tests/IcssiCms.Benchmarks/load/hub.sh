# Sourced by the load scripts (from the repository root): Release builds, and the embedded host started and awaited.

# build_release PROJECT...: builds each project in Release, stopping on an error or a warning.
build_release() {
    local project
    for project in "$@"; do
        dotnet build -c Release "$project" -v quiet -nologo | grep -E " error |warn" && exit 1 || true
    done
}

# start_hub PORT LOG [NAME=value...]: the embedded host (Release build) on 127.0.0.1:PORT with those settings, logging
# warnings to LOG; returns once /healthz answers 200 (its startup import is done). Sets $hub to its process id.
start_hub() {
    local port=$1 log=$2
    shift 2
    env "$@" Kestrel__Endpoints__Http__Url="http://127.0.0.1:$port" Serilog__MinimumLevel__Default=Warning \
        dotnet src/IcssiCms.EmbeddedHost/bin/Release/net10.0/IcssiCms.EmbeddedHost.dll --contentRoot "$PWD" >"$log" 2>&1 &
    hub=$!
    until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do
        kill -0 "$hub" 2>/dev/null || { cat "$log"; exit 1; }
        sleep 1
    done
}

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
