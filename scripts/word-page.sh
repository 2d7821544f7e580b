#!/usr/bin/env bash
# Makes the README's picture of the Word export (images/screenshots/word-export.png) from the code
# as it is: the built command line exports the example letter to .docx, LibreOffice converts it to
# PDF, and pdftoppm renders page 1 at 60 dpi. test/e2e/docx.test.ts compares the committed picture
# with a page made the same way and fails, naming this script, when the export has changed.
#   npm run build && bash scripts/word-page.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node dist/cli.js docx examples/open-letter-2013.letter.md -o "$work/open-letter-2013.docx"
if ! soffice "-env:UserInstallation=file://$work/profile" --headless --norestore --convert-to pdf \
  --outdir "$work" "$work/open-letter-2013.docx" >"$work/soffice.log" 2>&1; then
  cat "$work/soffice.log" >&2
  exit 1
fi
pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$work/open-letter-2013.pdf" images/screenshots/word-export
echo "wrote images/screenshots/word-export.png"
