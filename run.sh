#!/usr/bin/env bash
# Sets Neurite up (packages, Release build, default data) and launches the designer.
# `./run.sh train ...` (any subcommand) runs the command line instead.
set -euo pipefail
source "$(dirname "$0")/scripts/setup.sh"
neurite_setup
exec "$NEURITE_BUILD/neurite" "$@"
