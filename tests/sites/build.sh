#!/usr/bin/env bash
# Builds the docs sites the embedding tests load (Sphinx + Furo, MkDocs + Material, mdBook), each
# from its sources here with @APP@ replaced by the app's address, and the Sphinx one again with
# dist/ self-hosted under its /lab/. Needs dist/ (make build).
# Usage: tests/sites/build.sh http://127.0.0.1:4173/ target/sites
set -euo pipefail
app=${1:?the address of the app, ending in /}
mkdir -p "${2:?the output folder}"
out=$(cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work="$out/src"
rm -rf "$out/src" "$out/sphinx" "$out/sphinx-lab" "$out/mkdocs" "$out/mdbook"
mkdir -p "$work"
for site in sphinx mkdocs mdbook; do
  cp -r "$here/$site" "$work/$site"
  find "$work/$site" -type f -exec sed -i "s|@APP@|$app|g" {} +
done
"$root/.venv/bin/sphinx-build" -q -b html "$work/sphinx" "$out/sphinx"
# The same Sphinx site with the app self-hosted under its /lab/ (README: html_extra_path), so the
# element's frames are of the page's own origin: served at /sites/sphinx-lab/.
cp -r "$here/sphinx" "$work/sphinx-lab"
find "$work/sphinx-lab" -type f -exec sed -i "s|@APP@|/sites/sphinx-lab/lab/|g" {} +
mkdir -p "$work/sphinx-lab/_extra"
cp -r "$root/dist" "$work/sphinx-lab/_extra/lab"
echo 'html_extra_path = ["_extra"]' >> "$work/sphinx-lab/conf.py"
"$root/.venv/bin/sphinx-build" -q -b html "$work/sphinx-lab" "$out/sphinx-lab"
(cd "$work/mkdocs" && NO_MKDOCS_2_WARNING=1 "$root/.venv/bin/mkdocs" build -q -d "$out/mkdocs")
RUST_LOG=warn mdbook build -d "$out/mdbook" "$work/mdbook"
echo "sites: $out/sphinx $out/sphinx-lab $out/mkdocs $out/mdbook"
