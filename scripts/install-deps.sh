#!/bin/sh
# install-deps.sh - installs the Debian packages chorus needs, when they are missing.
#
# Usage: scripts/install-deps.sh [--ci | --bench]
#   --ci     also installs what the continuous-integration run uses (valgrind, and clang
#            with its libFuzzer runtime for the fuzzing step of make check)
#   --bench  also installs the peer tools the benchmarks compare with
# Uses sudo when not run as root. Prints what it installs; silent when
# everything is already there.
set -eu

packages="make gcc libc6-dev pkg-config libutf8proc-dev libpcre2-dev libxxhash-dev \
libjansson-dev libstemmer-dev libexttextcat-dev libxml2-dev zlib1g-dev iso-codes wordnet-base wamerican"
case "${1:-}" in
--ci) packages="$packages valgrind clang libclang-rt-14-dev" ;;
--bench)
    packages="$packages python3 python3-langdetect python3-readability python3-sklearn"
    # Node.js may come from elsewhere than Debian; only a missing one is installed.
    command -v node >/dev/null 2>&1 || packages="$packages nodejs"
    command -v npm >/dev/null 2>&1 || packages="$packages npm"
    ;;
esac

missing=""
for p in $packages; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
else
    echo "install-deps: missing Debian packages:$missing" >&2
    echo "install-deps: run this script as root, or install sudo" >&2
    exit 1
fi
echo "install-deps: installing$missing"
# A fresh machine may have no package lists yet.
$sudo apt-get update -qq || echo "install-deps: apt-get update failed; trying the install anyway" >&2
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
