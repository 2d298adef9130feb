#!/usr/bin/env bash
# Workbench UI tests: starts the real workbench under Xvfb (or on $DISPLAY) with -Dpeerlab.uitest,
# which drives it through creating, validating and running a scenario, live charts, the Runs view
# (open, compare, export) and installing/uninstalling the example plugin, saving screenshots.
# Usage: ui-test.sh OUT_DIR [PLUGIN_REPOSITORY]   (run by product-test.sh; PEERLAB_PRODUCT must be set)
# Exit 0 when every test group passed; results in OUT_DIR/ui-test-results.txt, screenshots OUT_DIR/*.png.
set -uo pipefail
out=$1
plugin=${2-}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)
rm -rf "$out"; mkdir -p "$out"
# A private configuration and data folder: the test creates scenarios, runs and plugins of its own.
export PEERLAB_CONFIG=$out/config PEERLAB_DATA=$out/data
opts="${PEERLAB_JAVA_OPTS-}"
[ -n "$plugin" ] && opts="$opts -Dpeerlab.uitest.plugin=$plugin"
export PEERLAB_JAVA_OPTS=$opts
run=(timeout 600 "$root/peerlab" --ui-test "$out")
if [ -n "${DISPLAY-}" ]; then "${run[@]}" >"$out/workbench.log" 2>&1
elif command -v xvfb-run >/dev/null; then xvfb-run -a -s "-screen 0 1280x900x24" "${run[@]}" >"$out/workbench.log" 2>&1
else echo "ui-test: needs a display: install xvfb (apt-get install xvfb xauth libgtk-3-0) or set DISPLAY" >&2; exit 1; fi
code=$?
if [ ! -s "$out/ui-test-results.txt" ]; then
  echo "ui-test: the workbench wrote no results (exit $code); last lines of its log:" >&2
  tail -n 30 "$out/workbench.log" >&2
  exit 1
fi
cat "$out/ui-test-results.txt"
! grep -q '^FAIL' "$out/ui-test-results.txt"
