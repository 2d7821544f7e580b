#!/usr/bin/env bash
# The Debian packages the tests and `npm start` need, in one place: .ci/run, `npm start` and
# `npm test` run this first. As root with apt-get, it installs what is missing; otherwise it prints
# the one command to run and fails before anything else does.
#   chromium                 drives the VS Code workbench (integration tests, npm start) and prints PDFs
#   build-essential … libsecret-1-dev, python3, pkg-config
#                            build code-server's native modules when the harness installs it
#   ripgrep                  code-server's search
#   poppler-utils            pdftotext, to check exported PDFs
#   libreoffice-writer-nogui soffice, a real word processor that converts the Word export to PDF in the tests
#   fonts-dejavu-extra       real italic and condensed faces, so LibreOffice draws the README's Word page
#                            the same on every machine (without them it slants the upright face)
set -euo pipefail

packages=(chromium build-essential pkg-config python3 libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev ripgrep poppler-utils libreoffice-writer-nogui fonts-dejavu-extra)

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-packages: not a Debian-like system; make sure these are installed: ${packages[*]}" >&2
  exit 0
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "system-packages: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  exit 0
fi

echo "system-packages: missing Debian packages. Install them, then run the command again:" >&2
echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
exit 1
