#!/usr/bin/env bash
# Make sure headless Chromium (Debian's package) is there for the report rendering test.
set -uo pipefail
command -v chromium >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "ensure-chromium: installing Debian's chromium package"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
        >/tmp/netzwerk-apt.log 2>&1 || { tail -5 /tmp/netzwerk-apt.log >&2; exit 1; }
    command -v chromium >/dev/null 2>&1 && exit 0
fi
echo "ensure-chromium: chromium is not installed (apt-get install chromium); its test is skipped" >&2
exit 1
