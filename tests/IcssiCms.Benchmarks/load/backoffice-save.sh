#!/usr/bin/env bash
# How long the back office takes to save a draft and to publish on a generated hub of N news items (default 10,000):
# the embedded host (Release) with its first administrator, driven with curl (sign-in, antiforgery, the edit form).
# A save rebuilds only the draft snapshot; a publish rebuilds the published snapshot and the index too.
# Usage: tests/IcssiCms.Benchmarks/load/backoffice-save.sh [news items] [repeats]
set -euo pipefail
cd "$(dirname "$0")/../../.."
items=${1:-10000}
repeats=${2:-5}
port=5095
base="http://127.0.0.1:$port"
item=64740a9d-7c7f-56e3-a87f-e94307f60cb7 # Freedom of Expression

source tests/IcssiCms.Benchmarks/load/hub.sh
build_release src/IcssiCms.EmbeddedHost tests/IcssiCms.Benchmarks
usync=$(dotnet tests/IcssiCms.Benchmarks/bin/Release/net10.0/IcssiCms.Benchmarks.dll generate-hub "$items")
work=$(dirname "$usync")
trap 'kill "$hub" 2>/dev/null || true; rm -rf "$work"' EXIT

start_hub "$port" "$work/host.log" \
    ConnectionStrings__umbracoDbDSN="Data Source=$work/store.sqlite.db;Foreign Keys=True" \
    uSync__Settings__RootFolder="$usync" \
    Umbraco__CMS__Logging__Directory="$work/Logs" \
    Umbraco__CMS__Unattended__UnattendedUserName="Benchmark" \
    Umbraco__CMS__Unattended__UnattendedUserEmail="benchmark@icssi.invalid" \
    Umbraco__CMS__Unattended__UnattendedUserPassword="benchmark password"

jar="$work/cookies"
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
signin=$(curl -s -c "$jar" -b "$jar" "$base/umbraco" | token)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$signin" \
    --data-urlencode "Email=benchmark@icssi.invalid" --data-urlencode "Password=benchmark password" "$base/umbraco"

# Posts the edit page's own form back (every field as it is, the summary changed) with a handler; prints seconds.
post() { # $1: handler (Save or Publish), $2: run number
    curl -s -c "$jar" -b "$jar" "$base/umbraco/content/$item" >"$work/edit.html"
    python3 - "$work/edit.html" "$2" >"$work/form.txt" <<'PY'
import sys, urllib.parse
from html.parser import HTMLParser

class EditForm(HTMLParser):
    """The fields of the edit page's first form, as a browser would post them."""
    def __init__(self):
        super().__init__()
        self.fields, self.forms, self.textarea, self.select = [], 0, None, None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms += 1
        if self.forms != 1:
            return
        if tag == "input" and a.get("name") and a.get("type") != "submit" and (a.get("type") != "checkbox" or "checked" in a):
            self.fields.append([a["name"], a.get("value") or ""])
        elif tag == "textarea":
            self.textarea = [a["name"], ""]
            self.fields.append(self.textarea)
        elif tag == "select":
            self.select = a["name"]
        elif tag == "option" and self.select and "selected" in a:
            self.fields.append([self.select, a.get("value") or ""])
    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None
    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

parser = EditForm()
parser.feed(open(sys.argv[1], encoding="utf-8").read())
fields = [(n, v + f" (run {sys.argv[2]})" if n.startswith("value:summary:") else v) for n, v in parser.fields]
print(urllib.parse.urlencode(fields))
PY
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -c "$jar" -b "$jar" -H 'Content-Type: application/x-www-form-urlencoded' \
        --data-binary @"$work/form.txt" "$base/umbraco/content/$item?handler=$1"
}

for handler in Save Publish; do
    echo "== $handler, $items news items: status and seconds per request"
    for run in $(seq "$repeats"); do post "$handler" "$run"; done
done
grep -hE "content refreshed" "$work"/Logs/*.json 2>/dev/null | tail -4 | cut -c1-300 || true
