#!/usr/bin/env bash
# Make sure headless Chromium and its WebDriver (Debian's chromium and chromium-driver
# packages) are there for the report rendering test and the interactive map's browser test.
set -uo pipefail
have_all() { command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; }
have_all && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "ensure-chromium: installing Debian's chromium and chromium-driver packages"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver) \
        >/tmp/netzwerk-apt.log 2>&1 || { tail -5 /tmp/netzwerk-apt.log >&2; exit 1; }
    have_all && exit 0
fi
echo "ensure-chromium: chromium or chromedriver is not installed (apt-get install chromium chromium-driver); their tests are skipped" >&2
exit 1
