#!/usr/bin/env bash
# Build the vendored renderer of the interactive map from the pinned npm packages.
#
#   tools/karte-js/build.sh          npm ci (package-lock.json), bundle entry.js with esbuild
#                                    into netzwerk/report/karte/assets/sigma-graphology.min.js
#                                    and copy the bundled packages' licence files next to it
#   tools/karte-js/build.sh --check  the same into a temporary folder; fails (exit 1) when the
#                                    result differs byte for byte from the vendored files,
#                                    i.e. when the committed bundle is not the pinned one
#
# Needs node and npm (nothing else: esbuild comes from the lockfile). node_modules stays in
# this folder and out of git.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
assets="$here/../../netzwerk/report/karte/assets"
bundle_name="sigma-graphology.min.js"
# Every npm package that ends up in the bundle, whose licence therefore ships with it.
bundled_packages=(sigma graphology graphology-utils events)

check=false
case "${1:-}" in
    --check) check=true ;;
    "") ;;
    *) echo "build.sh: unknown option \"$1\" (use no option or --check)" >&2; exit 2 ;;
esac

cd "$here"
npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null

out="$assets"
if $check; then
    out="$(mktemp -d)"
    trap 'rm -rf "$out"' EXIT
fi
mkdir -p "$out/licenses"

./node_modules/.bin/esbuild entry.js --bundle --minify --format=iife --target=es2019 \
    --legal-comments=none --log-level=warning --outfile="$out/$bundle_name"

for package in "${bundled_packages[@]}"; do
    licence="$(ls node_modules/"$package" | grep -i -E '^licen[cs]e' | head -1)"
    cp "node_modules/$package/$licence" "$out/licenses/$package-$licence"
done

if $check; then
    status=0
    cmp -s "$out/$bundle_name" "$assets/$bundle_name" \
        || { echo "build.sh --check: $bundle_name differs from the pinned build (run tools/karte-js/build.sh)" >&2; status=1; }
    diff -r -q "$out/licenses" "$assets/licenses" >&2 \
        || { echo "build.sh --check: the vendored licence files differ" >&2; status=1; }
    [ "$status" = 0 ] && echo "build.sh --check: $bundle_name and its licences are the pinned build"
    exit "$status"
fi
echo "build.sh: wrote $assets/$bundle_name ($(wc -c <"$assets/$bundle_name") bytes)"
