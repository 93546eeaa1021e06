#!/usr/bin/env bash
# Load benchmark for `storyfold serve` (not a test): fills a store with 100,000 articles replicated from the
# clustering corpora in ../shared/data (fresh ids, distinct text, spread dates), starts the server on loopback,
# and runs wrk from a second process against /api/stories and /api/search, printing requests/s and p99 latency.
#
#   bench/server-load.sh [ARTICLES] [SECONDS] [RUNS]   (defaults: 100000 articles, 15 s a run, all runs)
#
# RUNS picks runs by name (a grep -E pattern over the run names below), e.g. 'uncached' for the full-text search only.
# The server searches its in-memory index once built (the script waits for it); STORYFOLD_SEARCH_INDEX=fts5 keeps it on
# the store's FTS5 index instead, to compare the two.
#
# Target: >= 2,000 requests/s with p99 < 50 ms on each endpoint. The store is kept in bench/out/ between runs.
# Search runs twice over a rotating set of queries drawn from the corpora (bench/search-queries.py): once answered from
# the response cache (each query seen before, as popular searches are) and once with every request a distinct URL,
# so each one runs the full-text search.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
articles="${1:-100000}"
seconds="${2:-15}"
only="${3:-.}"
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
STORYFOLD_LOG=Warning nice -n 5 "$root/storyfold" serve --db "$db" --port "$port" --rate-limit 0 >"$out/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$port/api/stories?limit=1" >/dev/null && break
  sleep 1
done

base="http://127.0.0.1:$port"
# Realistic rotating queries: names, places, topical words, phrases, prefixes and Chinese words drawn from the corpora.
python3 "$root/bench/search-queries.py" "$data"/*.jsonl > "$out/search-queries.txt"
queries=$(wc -l < "$out/search-queries.txt")
# Each wrk thread walks the query list from its own starting point. With UNIQUE=1 every request also carries a fresh
# counter, so no URL repeats and every request runs the search itself (no response cache can answer it).
cat >"$out/search.lua" <<LUA
local queries = {}
for line in io.lines("$out/search-queries.txt") do
  queries[#queries + 1] = line:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end)
end
local unique = os.getenv("UNIQUE") == "1"
local n = 0
setup = function(thread) thread:set("offset", math.random(1, #queries)) end
init = function() n = tonumber(offset) or 0 end
request = function()
  n = n + 1
  local path = "/api/search?q=" .. queries[(n % #queries) + 1]
  if unique then path = path .. "&n=" .. n .. "-" .. tostring(offset) end
  return wrk.format("GET", path)
end
LUA

threads=2; connections=32
# The server's CPU time so far (user + system) in clock ticks, to report CPU per request beside the rates.
server_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
run() {
  local name="$1"; shift
  grep -qE -- "$only" <<<"$name" || return 0
  local load result rps p50 p99 ticks requests cpu
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  ticks=$(server_ticks)
  result=$(nice -n 5 wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "$@")
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$result")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$result")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$result")
  requests=$(awk '/requests in/ {print $1}' <<<"$result")
  cpu=$(awk -v t="$(( $(server_ticks) - ticks ))" -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.3f", (n > 0 ? t * 1000 / hz / n : 0)}')
  printf '%-52s %10s req/s   p50 %8s   p99 %8s   server CPU %s ms/req   (load %s)\n' "$name" "$rps" "$p50" "$p99" "$cpu" "$load"
  grep -E "Non-2xx|Socket errors" <<<"$result" || true
}

# The server builds its in-memory search index in the background and searches with FTS5 until then (the same answers);
# wait for it, unless STORYFOLD_SEARCH_INDEX=fts5 keeps the server on FTS5 (to compare the two).
index=$(curl -s -D - -o /dev/null "$base/api/search?q=warmup" | awk 'tolower($1) == "x-search-index:" {print $2}' | tr -d '\r')
if [[ "${STORYFOLD_SEARCH_INDEX:-}" != "fts5" ]]; then
  started=$(date +%s)
  for _ in $(seq 1 900); do
    [[ "$index" == "memory" ]] && break
    sleep 1
    index=$(curl -s -D - -o /dev/null "$base/api/search?q=warmup" | awk 'tolower($1) == "x-search-index:" {print $2}' | tr -d '\r')
  done
  echo "search index: $index (waited $(( $(date +%s) - started )) s)"
fi

# Warm-up: the first request of each kind builds the story list; the rotating query set is searched once so the
# cached run measures answers from the response cache, as a busy site with popular searches sees them.
curl -s -o /dev/null "$base/api/stories"
# (jq's @uri escapes exactly what the Lua script escapes, so the warm-up requests are the URLs wrk asks for.)
jq -rR '@uri' "$out/search-queries.txt" | while IFS= read -r q; do
  curl -s -o /dev/null "$base/api/search?q=$q"
done
echo "storyfold serve over $articles articles (search index: ${index:-?}); wrk -t$threads -c$connections -d${seconds}s on $(nproc) cores; $queries rotating queries"
echo "server resident memory after warm-up: $(awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' "/proc/$server/status")"
run "GET /api/stories" "$base/api/stories"
run "GET /api/stories?limit=20&cursor=(page 50)" "$base/api/stories?limit=20&cursor=$(printf o1000 | base64 | tr '+/' '-_' | tr -d '=')"
run "GET /api/search?q=police (one repeated query)" "$base/api/search?q=police"
run "GET /api/search ($queries rotating queries, cached)" -s "$out/search.lua" "$base"
UNIQUE=1 run "GET /api/search ($queries rotating queries, uncached)" -s "$out/search.lua" "$base"
