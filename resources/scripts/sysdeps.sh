#!/bin/sh
# Make sure the system libraries Qt needs are present (Debian/Ubuntu only).
# As root: install the missing ones. Otherwise: print the exact command and stop.
# Elsewhere (other Linux, macOS, Windows): nothing to do, PySide6's wheels carry Qt.
set -eu
[ -f /etc/debian_version ] || exit 0
command -v dpkg-query >/dev/null 2>&1 || exit 0

missing=""
for pkg in "$@"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    case "$status" in
        *"install ok installed"*) ;;
        *) missing="$missing $pkg" ;;
    esac
done
[ -n "$missing" ] || exit 0

if [ "$(id -u)" = "0" ]; then
    echo "Installing the system libraries Qt needs:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing
else
    echo "Steady needs a few system libraries for Qt. Please run:"
    echo
    echo "    sudo apt-get install -y$missing"
    echo
    echo "then run make again."
    exit 1
fi
