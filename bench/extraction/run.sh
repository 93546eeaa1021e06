#!/usr/bin/env bash
# Side-by-side extraction benchmark, in one run on the same pages: Mozilla Readability.js and Defuddle (each on
# jsdom, via peers.mjs) and Storyfold, scored by the same code (`storyfold eval extraction --compare`), with
# each tool's shingle F1, bag-of-words F1 and single-threaded pages/s, and Storyfold's speed ratio over each.
#   bench/extraction/run.sh [GROUND_TRUTH.jsonl] [LIMIT]
# Then, unless SKIP_MEMORY=1, `storyfold bench extract --pages 10000` shows memory staying flat over 10,000 pages.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
truth="${1:-$root/../shared/data/extraction/wcxb-dev/ground-truth.jsonl}"
limit="${2:-}"
out="$root/bench/out/extraction"
mkdir -p "$out"

if [[ ! -d "$here/node_modules/jsdom" ]]; then
  (cd "$here" && npm ci --no-audit --no-fund >&2)
fi

echo "peers: Readability.js and Defuddle on jsdom ($(node --version))" >&2
node --max-old-space-size=8192 "$here/peers.mjs" "$truth" "$out" ${limit:+"$limit"}

limit_args=()
[[ -n "$limit" ]] && limit_args=(--limit "$limit")
"$root/storyfold" eval extraction "$truth" "${limit_args[@]}" --per-page "$out/storyfold-pages.jsonl" \
  --compare "readability=$out/readability.jsonl" --compare "defuddle=$out/defuddle.jsonl" | tee "$out/report.txt"

if [[ "${SKIP_MEMORY:-0}" != 1 ]]; then
  "$root/storyfold" bench extract "$(dirname "$truth")" --pages 10000 | tee "$out/memory.txt"
fi
