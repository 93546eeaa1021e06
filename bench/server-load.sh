#!/usr/bin/env bash
# Load benchmark for `storyfold serve` (not a test): fills a store with 100,000 articles replicated from the
# clustering corpora in ../shared/data (fresh ids, distinct text, spread dates), starts the server on loopback,
# and runs wrk from a second process against /api/stories and /api/search, printing requests/s and p99 latency.
#
#   bench/server-load.sh [ARTICLES] [SECONDS]      (defaults: 100000 articles, 15 s a run)
#
# Target: >= 2,000 requests/s with p99 < 50 ms on each endpoint. The store is kept in bench/out/ between runs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
articles="${1:-100000}"
seconds="${2:-15}"
out="$root/bench/out"
db="$out/load-$articles.db"
data="$root/../shared/data/clustering"
mkdir -p "$out"

command -v wrk >/dev/null || { source "$root/scripts/install-test-deps.sh"; storyfold_apt_install wrk; }
[[ -d "$data" ]] || { echo "server-load: $data is missing (the clustering corpora of ../shared/data)" >&2; exit 1; }

if [[ ! -f "$db" ]]; then
  echo "Building a store of $articles articles from $data ..."
  # Each replica gets a fresh id, a marker line (so content hashes differ and nothing is deduplicated away),
  # a date shifted by its replica number, and one of a few dozen source names.
  jq -c --argjson n "$articles" -s '
    . as $docs | ($docs | length) as $len
    | range(0; $n) as $i
    | $docs[$i % $len] as $d
    | (($i / $len) | floor) as $r
    | {id: "\($d.id)-r\($r)",
       title: ($d.title // null),
       text: "\($d.text)\n\nEdition \($r) of record \($i).",
       source: "Outlet \($i % 37)",
       published: ((1577836800 + (($i % 1400) * 86400) + ($r * 3600)) | todate)}
  ' "$data"/*.jsonl > "$out/load-$articles.jsonl"
  start=$(date +%s)
  "$root/storyfold" ingest "$out/load-$articles.jsonl" --db "$db" >/dev/null
  echo "Ingested $articles articles in $(( $(date +%s) - start )) s."
fi

port=$(( 20000 + RANDOM % 20000 ))
STORYFOLD_LOG=Warning "$root/storyfold" serve --db "$db" --port "$port" --rate-limit 0 >"$out/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/api/stories?limit=1" >/dev/null && break
  sleep 1
done

base="http://127.0.0.1:$port"
# A request per distinct query string misses the response cache, so this run measures the FTS5 search itself.
cat >"$out/uncached-search.lua" <<'LUA'
local words = {"Teixeira", "earthquake", "police", "election", "fire", "Apple", "shooting", "minister", "hurricane", "arrested",
               "\"Red Sox\"", "champion*", "court", "Oscar", "killed", "president", "storm", "trial", "launch", "deal"}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/api/search?q=" .. words[(n % #words) + 1]:gsub(" ", "%%20"):gsub('"', "%%22") .. "&cursor=&n=" .. n)
end
LUA

run() {
  local name="$1"; shift
  local result
  result=$(wrk -t2 -c32 -d"${seconds}s" --latency "$@")
  local rps p99
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$result")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$result")
  printf '%-44s %10s req/s   p99 %8s\n' "$name" "$rps" "$p99"
  grep -E "Non-2xx|Socket errors" <<<"$result" || true
}

echo "storyfold serve over $articles articles; wrk -t2 -c32 -d${seconds}s on $(nproc) cores (load $(cut -d' ' -f1 /proc/loadavg))"
run "GET /api/stories" "$base/api/stories"
run "GET /api/stories?limit=20&cursor=(page 50)" "$base/api/stories?limit=20&cursor=$(printf o1000 | base64 | tr '+/' '-_' | tr -d '=')"
run "GET /api/search?q=police (repeated query)" "$base/api/search?q=police"
run "GET /api/search (20 queries, never cached)" -s "$out/uncached-search.lua" "$base"
