#!/usr/bin/env bash
# Builds the docs sites the embedding tests load, each from its sources here with @APP@ replaced by
# the app's address: Sphinx with Furo, and the same sources again with sphinx-rtd-theme and with
# pydata-sphinx-theme; Sphinx with dist/ self-hosted under its /lab/; MkDocs + Material; mdBook;
# Docusaurus; VitePress. Every recipe loads embed.js once per page in <head> as a plain classic
# script (no defer, no async, not a module): an element then holds its frame's room from the first
# paint, so nothing shifts (deferred, it shifted the page by 0.1–0.66). Needs dist/ (make build)
# and what scripts/setup.sh test installs (the two npm sites' node_modules among it).
# The npm sites build in their copies under <out>/src through a symlink to their node_modules (no
# copy of it); Docusaurus keeps webpack's cache there, so a build after the first takes seconds.
# The Python and mdBook sites build beside the two npm ones, which take the longest.
# Usage: tests/sites/build.sh http://127.0.0.1:4173/ target/sites
set -euo pipefail
app=${1:?the address of the app, ending in /}
mkdir -p "${2:?the output folder}"
out=$(cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work="$out/src"
sites="sphinx mkdocs mdbook docusaurus vitepress"
for site in docusaurus vitepress; do
  [ -d "$here/$site/node_modules" ] || { echo "tests/sites/$site/node_modules is missing: run scripts/setup.sh test" >&2; exit 1; }
done
rm -rf "$work" "$out/sphinx" "$out/sphinx-rtd" "$out/sphinx-pydata" "$out/sphinx-lab" "$out/mkdocs" "$out/mdbook" "$out/docusaurus" "$out/vitepress"
mkdir -p "$work"
for site in $sites; do
  mkdir "$work/$site"
  find "$here/$site" -mindepth 1 -maxdepth 1 ! -name node_modules -exec cp -r -t "$work/$site" {} +
  find "$work/$site" -type f -exec sed -i "s|@APP@|$app|g" {} +
  if [ -d "$here/$site/node_modules" ]; then ln -s "$here/$site/node_modules" "$work/$site/node_modules"; fi
done

python_sites() {
  local sphinx=("$root/.venv/bin/sphinx-build" -q -b html)
  "${sphinx[@]}" "$work/sphinx" "$out/sphinx"
  # The same sources under the two other common Sphinx themes (each output keeps its own doctrees).
  "${sphinx[@]}" -D html_theme=sphinx_rtd_theme "$work/sphinx" "$out/sphinx-rtd"
  # pydata-sphinx-theme logs an error on a first visit ("Got invalid theme mode") without a default_mode.
  "${sphinx[@]}" -D html_theme=pydata_sphinx_theme -D html_context.default_mode=auto "$work/sphinx" "$out/sphinx-pydata"
  # The same Sphinx site with the app self-hosted under its /lab/ (README: html_extra_path), so the
  # element's frames are of the page's own origin: served at /sites/sphinx-lab/.
  cp -r "$here/sphinx" "$work/sphinx-lab"
  find "$work/sphinx-lab" -type f -exec sed -i "s|@APP@|/sites/sphinx-lab/lab/|g" {} +
  mkdir -p "$work/sphinx-lab/_extra"
  cp -r "$root/dist" "$work/sphinx-lab/_extra/lab"
  echo 'html_extra_path = ["_extra"]' >> "$work/sphinx-lab/conf.py"
  "${sphinx[@]}" "$work/sphinx-lab" "$out/sphinx-lab"
  (cd "$work/mkdocs" && NO_MKDOCS_2_WARNING=1 "$root/.venv/bin/mkdocs" build -q -d "$out/mkdocs")
  RUST_LOG=warn mdbook build -d "$out/mdbook" "$work/mdbook"
}

# Docusaurus's progress goes to /dev/null, its warnings and errors to stderr; VitePress draws a
# spinner on stderr, so its output shows only when it fails (a dead link fails it).
# NO_UPDATE_NOTIFIER: the Docusaurus CLI would otherwise ask the npm registry for a newer version.
# A failed build stops the script, and the builds still running with it.
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
python_sites &
python=$!
(cd "$work/vitepress" && node_modules/.bin/vitepress build --outDir "$out/vitepress" >../vitepress.log 2>&1 || { cat ../vitepress.log >&2; exit 1; }) &
vitepress=$!
(cd "$work/docusaurus" && NO_UPDATE_NOTIFIER=1 node_modules/.bin/docusaurus build --out-dir "$out/docusaurus" >/dev/null) &
docusaurus=$!
wait "$python"
wait "$vitepress"
wait "$docusaurus"
echo "sites: $(for site in sphinx sphinx-rtd sphinx-pydata sphinx-lab mkdocs mdbook docusaurus vitepress; do printf '%s ' "$out/$site"; done)"
