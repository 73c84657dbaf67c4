#!/usr/bin/env bash
# usync plan and apply against the Umbraco site (Release builds), on the repository's schema plus N generated news
# items already imported into the site: a plan of the unchanged folder (3 runs, once the site has read its content
# in the background after the start), then a plan and an apply of one changed document type (a property added to campaignNews), each
# timed from the command's start to its exit (hashing the folder, sending the manifest and the files the site asks for,
# the site's work, the answer), once Umbraco's indexes are not rebuilding. The site signs the command line in as its
# configured deploy user.
# Importing 10,000 news items takes Umbraco 15 minutes or more (docs/benchmarks.md): give a content root that already
# holds the imported hub as the second argument (it is reused, never deleted) to skip it; its uSync folder is at
# ROOT/uSync/v17.
# Usage: tests/IcssiCms.Benchmarks/load/usync-plan.sh [news items] [content root to reuse]
set -euo pipefail
cd "$(dirname "$0")/../../.."
items=${1:-10000}
reuse=${2:-}
port=5096

source tests/IcssiCms.Benchmarks/load/site.sh
build_release src/IcssiCms.Web src/IcssiCms.Usync.Cli tests/IcssiCms.Benchmarks
work=$(mktemp -d)
site=""
trap 'kill $site 2>/dev/null; wait $site 2>/dev/null; rm -rf "$work"' EXIT

if [ -n "$reuse" ]; then
    root=$reuse
else
    root="$work/site"
    generated=$(dotnet tests/IcssiCms.Benchmarks/bin/Release/net10.0/IcssiCms.Benchmarks.dll generate-hub "$items")
    mkdir -p "$root/uSync"
    cp -rL "$generated" "$root/uSync/v17"
fi

export USYNC_CLIENT_ID=umbraco-back-office-usync-benchmark USYNC_CLIENT_SECRET="usync-benchmark-$port" USYNC_SITE="http://127.0.0.1:$port"
echo "== starting the site on $root ($(find -L "$root/uSync/v17" -name '*.config' | wc -l) files)"
start_site "$port" "$root" "$work/site.log" uSync__Settings__RootFolder="$root/uSync/v17/" \
    IcssiCms__Deploy__ClientId="$USYNC_CLIENT_ID" IcssiCms__Deploy__ClientSecret="$USYNC_CLIENT_SECRET"
echo "to healthy: ${site_seconds} s; import $(import_ms "$work/site.log")"
until curl -sf -o /dev/null -d "grant_type=client_credentials&client_id=$USYNC_CLIENT_ID&client_secret=$USYNC_CLIENT_SECRET" \
    "$USYNC_SITE/umbraco/management/api/v1/security/back-office/token"; do sleep 0.2; done

# Umbraco rebuilds its indexes in the background after a start that imported anything: measured runs wait for it to end.
token=$(curl -sf -d "grant_type=client_credentials&client_id=$USYNC_CLIENT_ID&client_secret=$USYNC_CLIENT_SECRET" \
    "$USYNC_SITE/umbraco/management/api/v1/security/back-office/token" | grep -o '"access_token": *"[^"]*"' | cut -d'"' -f4)
until curl -sf -H "Authorization: Bearer $token" "$USYNC_SITE/umbraco/management/api/v1/indexer?take=100" | grep -q '"status":"Healthy"' &&
    ! curl -sf -H "Authorization: Bearer $token" "$USYNC_SITE/umbraco/management/api/v1/indexer?take=100" | grep -q '"status":"Rebuilding"'; do
    sleep 1
done
echo "indexes rebuilt; resident memory $(rss "$site")"
# Then the site reads its content for plans (SiteFolderImageWarmUp), after the rebuild on Umbraco's background queue.
until grep -q "uSync: read the site for plans" "$work/site.log"; do
    kill -0 "$site" 2>/dev/null || { tail -50 "$work/site.log"; exit 1; }
    sleep 0.2
done
echo "the site read itself for plans, $(echo "$(date +%s.%N) - $site_started" | bc) s after the start; resident memory $(rss "$site")"

usync() { dotnet src/IcssiCms.Usync.Cli/bin/Release/net10.0/usync.dll "$@"; }
# timed LABEL COMMAND...: runs the command (any exit code), printing its wall-clock seconds and its exit code.
timed() {
    local label=$1 started code=0
    shift
    started=$(date +%s.%N)
    "$@" >"$work/last.out" 2>&1 || code=$?
    echo "$label: $(echo "$(date +%s.%N) - $started" | bc) s, exit $code; $(grep -E 'Plan:|No changes|Applied|refused' "$work/last.out" | head -1)"
}

folder="$work/folder"
cp -rL "$root/uSync/v17" "$folder"
for run in 1 2 3; do
    timed "plan, unchanged folder ($run)" usync plan "$folder" --json "$work/plan.json"
done

# One optional text property more on the news document type.
sed -i "0,/<GenericProperties>/s//<GenericProperties>\n    <GenericProperty>\n      <Key>5b1f0e9c-8c1d-4f57-9a8e-2f6d3c0b7a11<\/Key>\n      <Name>Benchmark note<\/Name>\n      <Alias>benchmarkNote<\/Alias>\n      <Definition>0cc0eba1-9960-42c9-bf9b-60e150b429ae<\/Definition>\n      <Type>Umbraco.TextBox<\/Type>\n      <Mandatory>false<\/Mandatory>\n      <Validation><\/Validation>\n      <Description><![CDATA[]]><\/Description>\n      <SortOrder>90<\/SortOrder>\n      <Tab Alias=\"content\">Content<\/Tab>\n      <Variations>Nothing<\/Variations>\n      <MandatoryMessage><\/MandatoryMessage>\n      <ValidationRegExpMessage><\/ValidationRegExpMessage>\n      <LabelOnTop>false<\/LabelOnTop>\n    <\/GenericProperty>/" \
    "$folder/ContentTypes/campaignnews.config"
timed "plan, one document type changed" usync plan "$folder" --json "$work/plan.json"
timed "apply, one document type changed" usync apply --plan "$work/plan.json"
grep -E "Applied .* in [0-9]+ ms" "$work/last.out" || true
timed "plan, after the apply" usync plan "$folder" --json "$work/plan.json"
echo "resident memory $(rss "$site")"
