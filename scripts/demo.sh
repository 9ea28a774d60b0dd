#!/bin/sh
# demo.sh - the first command of the README: installs missing Debian packages
# (with sudo when not root), builds chorus, and writes the briefing of the
# demo corpus in examples/ to standard output.
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
make -s all
exec build/chorus brief examples/
