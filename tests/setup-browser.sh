#!/bin/sh
# Installs Debian's chromium for tests/test_report.py, unless a chromium is already on PATH.
set -u

if command -v chromium >/dev/null 2>&1; then
    echo "setup-browser: $(command -v chromium) is already installed"
    exit 0
fi

fail() {
    echo "setup-browser: $1" >&2
    echo "setup-browser: tests/test_report.py needs chromium on PATH; install it with your package manager" \
         "(Debian: apt-get install chromium) and run this script again" >&2
    exit 1
}

command -v apt-get >/dev/null 2>&1 || fail "apt-get not found, cannot install chromium here"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || fail "not root and no sudo, cannot run apt-get"
    SUDO="sudo"
fi

echo "setup-browser: installing chromium with apt-get"
$SUDO apt-get update || fail "apt-get update failed"
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium \
    || fail "apt-get install chromium failed"
command -v chromium >/dev/null 2>&1 || fail "chromium was installed but is not on PATH"
echo "setup-browser: installed $(chromium --version 2>/dev/null || command -v chromium)"
