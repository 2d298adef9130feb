#!/usr/bin/env bash
# The simulator's benchmark: events per second on one core (pinned with taskset) and the heap of
# 100,000 idle peers, with the heap capped at 4 GiB so that the bound is proven, not estimated.
# Usage: bench/sim-bench.sh [peerlab bench-sim options, e.g. --peers 100000 --rounds 5]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)
PEERLAB_JAVA_OPTS="-Xmx4g ${PEERLAB_JAVA_OPTS-}" "${pin[@]}" "$root/peerlab" bench-sim "$@"
