#!/usr/bin/env bash
# End-to-end checks of the materialized product: headless commands and the workbench under Xvfb.
# Usage: product-test.sh PRODUCT_DIR OUT_DIR   (run by the product module's integration-test phase)
set -uo pipefail
product=$1
out=$2
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)
export PEERLAB_PRODUCT=$product
mkdir -p "$out"
failures=0
fail() { echo "product-test: FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "product-test: ok: $*"; }

# 1. peerlab strategies --json: at least 4 strategies in at least 3 families, valid JSON.
start=$(date +%s%N)
if "$root/peerlab" strategies --json >"$out/strategies.json" 2>"$out/strategies.err"; then
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  counts=$(python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); print(len(a), len({s["family"] for s in a}))' "$out/strategies.json" 2>&1)
  read -r n f <<<"$counts"
  if [ "${n:-0}" -ge 4 ] 2>/dev/null && [ "${f:-0}" -ge 3 ]; then pass "strategies --json lists $n strategies in $f families (${ms} ms)"
  else fail "strategies --json: expected >=4 strategies in >=3 families, got: $counts"; fi
else
  fail "strategies --json exited $?: $(cat "$out/strategies.err")"
fi

missing=$(python3 -c '
import json,sys
names={s["family"]+"/"+s["name"] for s in json.load(open(sys.argv[1]))}
want="""aead/aes-256-gcm aead/chacha20-poly1305 aead/aes-256-gcm-siv aead/aes-256-gcm-bc key-exchange/ffdhe2048
key-exchange/ecdh-p256 key-exchange/x25519 key-exchange/x25519-mlkem768 pake/jpake kdf/hkdf-sha256 kdf/pbkdf2-sha256
kdf/argon2id signature/ed25519 signature/ecdsa-p256 redundancy/replication redundancy/reed-solomon transport/memory""".split()
print(" ".join(w for w in want if w not in names))' "$out/strategies.json")
if [ -z "$missing" ]; then pass "every strategy of the families issue is installed"; else fail "strategies missing from the product: $missing"; fi

# 2. usage errors: one line, exit code 2.
expect_usage() {
  "$root/peerlab" "$@" >"$out/usage.out" 2>"$out/usage.err"; code=$?
  lines=$(wc -l <"$out/usage.err")
  if [ "$code" -eq 2 ] && [ "$lines" -eq 1 ]; then pass "peerlab $* -> exit 2: $(cat "$out/usage.err")"
  else fail "peerlab $*: expected exit 2 and one line, got exit $code and: $(cat "$out/usage.err")"; fi
}
expect_usage no-such-command
expect_usage strategies --no-such-option
expect_usage --no-such-option
expect_usage bench --family no-such-family
expect_usage bench --iterations 1

# 2b. a short benchmark writes a complete report (figures from so short a run mean nothing).
rm -rf "$out/bench"
if "$root/peerlab" bench --family aead,redundancy --warmup 0 --iterations 2 --iteration-ms 20 --out "$out/bench" >"$out/bench.out" 2>"$out/bench.err"; then
  problems=$(python3 -c '
import json,os,sys
d=sys.argv[1]; bad=[]
for f in ["report.html","report.json","aead.csv","redundancy.csv","charts/aead.png","charts/aead.svg","charts/redundancy.png","charts/redundancy.svg"]:
    if not os.path.getsize(os.path.join(d,f)): bad.append(f+" empty")
r=json.load(open(os.path.join(d,"report.json")))
rows=[x for s in r["sections"] for x in s["rows"]]
if len({x["strategy"] for x in rows if x["family"]=="aead"})<5: bad.append("aead rows lack strategies or the baseline")
if not any("raw JDK AES-GCM" in n for n in r["notes"]): bad.append("no API-versus-raw note")
for k in ["CPU","JDK","PeerLab","Measured iterations"]:
    if k not in r["metadata"]: bad.append("metadata lacks "+k)
print("; ".join(bad))' "$out/bench" 2>&1)
  if [ -z "$problems" ]; then pass "bench writes report.html, report.json, CSV and PNG/SVG charts with machine metadata"
  else fail "bench report: $problems"; fi
else
  fail "bench exited $?: $(tail -n 5 "$out/bench.err")"
fi

# 3. help texts.
if "$root/peerlab" --help | grep -q "strategies"; then pass "--help lists the strategies command"; else fail "--help does not list strategies"; fi
if "$root/peerlab" strategies --help | grep -q "^Usage: peerlab strategies"; then pass "strategies --help"; else fail "strategies --help"; fi
if "$root/peerlab" strategies --family aead | grep -q "aes-256-gcm"; then pass "strategies --family aead"; else fail "strategies --family aead"; fi

# 4. no JDK 21+: a clear message naming what to install, exit 1.
mkdir -p "$out/no-jvm"
JAVA_HOME=/nonexistent PEERLAB_JVM_DIR="$out/no-jvm" "$root/peerlab" --help >/dev/null 2>"$out/nojdk.err"; code=$?
if [ "$code" -eq 1 ] && grep -q "needs a JDK 21 or newer" "$out/nojdk.err" && grep -q "Install one" "$out/nojdk.err"; then
  pass "without a JDK 21+: $(head -n 1 "$out/nojdk.err" | cut -c1-90)..."
else fail "without a JDK 21+: expected exit 1 and an install hint, got exit $code: $(cat "$out/nojdk.err")"; fi

# 5. the workbench: Strategies view filled, screenshot saved.
ui=$out/ui
rm -rf "$ui"
selfcheck=(timeout 120 "$root/peerlab" --self-check "$ui")
if [ -n "${DISPLAY-}" ]; then "${selfcheck[@]}" >"$out/workbench.log" 2>&1
elif command -v xvfb-run >/dev/null; then
  xvfb-run -a -s "-screen 0 1280x900x24" "${selfcheck[@]}" >"$out/workbench.log" 2>&1
else
  fail "the workbench smoke test needs a display: install xvfb (apt-get install xvfb xauth libgtk-3-0) or set DISPLAY"
fi
if [ -s "$ui/strategies-view.txt" ]; then
  missing=$(python3 -c '
import json,sys
listed={s["family"]+"/"+s["name"] for s in json.load(open(sys.argv[1]))}
shown=set(open(sys.argv[2]).read().split())
print(" ".join(sorted(listed-shown)))' "$out/strategies.json" "$ui/strategies-view.txt")
  if [ -z "$missing" ]; then pass "Strategies view shows all $(wc -l <"$ui/strategies-view.txt") strategies of 'peerlab strategies'"
  else fail "Strategies view lacks: $missing"; fi
else
  fail "the workbench self-check wrote no strategies-view.txt; log: $(tail -n 20 "$out/workbench.log" 2>/dev/null)"
fi
if [ -s "$ui/workbench.png" ]; then pass "screenshot $ui/workbench.png"; else fail "no screenshot"; fi
if grep -q "^org.peerlab.core " "$ui/about.txt" 2>/dev/null && grep -q "^org.eclipse.osgi " "$ui/about.txt"; then
  pass "About dialog lists bundle versions ($(wc -l <"$ui/about.txt") rows; screenshot $ui/about.png)"
else fail "About dialog did not list PeerLab's and the framework's bundles: $(cat "$ui/about.txt" 2>/dev/null)"; fi

# 4. secure transfer between processes (its own script, its own report lines)
if bash "$root/releng/org.peerlab.product/src/test/transfer-test.sh" "$out/transfer"; then pass "secure transfer between processes"
else fail "secure transfer checks failed (see the transfer-test lines above)"; fi

# 4b. the storage network as real processes: coordinator and 22 nodes, failures and repair
if bash "$root/releng/org.peerlab.product/src/test/storage-test.sh" "$out/storage"; then pass "storage network between processes"
else fail "storage network checks failed (see the storage-test lines above)"; fi

# 5. experiments: the quickstart twice with one seed gives identical result files and a report;
#    a broken scenario is refused with file, line and key; the NAT traversal strategies are installed
exp=$out/experiment
rm -rf "$exp"; mkdir -p "$exp"
if "$root/peerlab" experiment run "$root/simulation/quickstart.json" --out "$exp/a" >"$exp/a.out" 2>"$exp/a.err" \
   && "$root/peerlab" experiment run "$root/simulation/quickstart.json" --out "$exp/b" >"$exp/b.out" 2>"$exp/b.err"; then
  same=1
  for f in scenario.json results.json points.csv runs.csv timeseries.csv; do cmp -s "$exp/a/$f" "$exp/b/$f" || { same=0; fail "quickstart: $f differs between two runs with one seed"; }; done
  [ $same = 1 ] && pass "quickstart ran twice with identical result files ($(grep -o '[0-9]* of [0-9]* runs completed[^,]*, 0 failed, in [0-9.]* s' "$exp/a.out"))"
  if [ -s "$exp/a/report/report.html" ] && ls "$exp/a/report/charts/"*.svg >/dev/null 2>&1 && ls "$exp/a/report/charts/"*.png >/dev/null 2>&1; then
    pass "quickstart report: $exp/a/report/report.html with PNG and SVG charts"
  else fail "quickstart wrote no report with PNG and SVG charts"; fi
else
  fail "experiment run quickstart failed: $(tail -n 5 "$exp/a.err" "$exp/b.err" 2>/dev/null)"
fi
printf '{\n  "name": "broken",\n  "workload": {"name": "transfer", "piece-kib": 100},\n  "seed": 1\n}\n' >"$exp/broken.json"
"$root/peerlab" experiment validate "$exp/broken.json" >"$exp/broken.out" 2>&1; code=$?
if [ $code = 2 ] && grep -q "broken.json:3:.*workload.piece-kib" "$exp/broken.out"; then pass "a broken scenario is refused (exit 2): $(head -n 1 "$exp/broken.out")"
else fail "broken scenario: expected exit 2 naming broken.json:3 and workload.piece-kib, got $code: $(cat "$exp/broken.out")"; fi
if "$root/peerlab" experiment validate "$root/simulation/nat-traversal.json" >/dev/null 2>&1; then pass "nat-traversal scenario validates against the installed strategies"
else fail "nat-traversal scenario does not validate: $("$root/peerlab" experiment validate "$root/simulation/nat-traversal.json" 2>&1 | head -n 3)"; fi

# 6. strategy plugins, in a fresh configuration folder: the example plugin's p2 repository is
#    installed into the product, its AEAD is listed and runs an experiment, a new process still
#    has it, uninstalling removes it and a scenario naming it then says which plugin to install;
#    the zip and the bare bundle jar install too, and the product's own bundles cannot be removed.
plug=$out/plugins
rm -rf "$plug"; mkdir -p "$plug"
pl() { PEERLAB_CONFIG="$plug/config" "$root/peerlab" "$@"; }
examples=$root/examples
repo=$examples/org.peerlab.example.repository/target/repository
etm=aes-256-ctr-hmac-sha256
feature=org.peerlab.example.etm.feature
if [ ! -d "$repo/plugins" ]; then
  fail "no example plugin repository at $repo: build it first (./mvnw install builds examples/ too)"
else
  if pl plugins install "$repo" >"$plug/install.out" 2>"$plug/install.err"; then pass "plugins install REPOSITORY: $(head -n 1 "$plug/install.out")"
  else fail "plugins install $repo: $(cat "$plug/install.err")"; fi
  if pl strategies --family aead 2>&1 | grep -q "^  $etm "; then pass "a new process lists the plugin's aead/$etm"
  else fail "strategies does not list $etm after the install: $(pl strategies --family aead 2>&1 | head -n 5)"; fi
  cat >"$plug/etm.json" <<'JSON'
{
  "name": "plugin-etm",
  "description": "The example plugin's encrypt-then-MAC AEAD against AES-256-GCM: one 2 MiB secure transfer over a simulated 50 Mbit/s link, two replications.",
  "workload": {"name": "transfer", "file-size-mib": 2, "flows": 1},
  "network": {"bandwidth-mbps": 50, "latency-ms": 10, "loss": 0},
  "strategies": {"aead": "aes-256-ctr-hmac-sha256", "key-exchange": "x25519"},
  "sweep": {"strategies.aead": ["aes-256-ctr-hmac-sha256", "aes-256-gcm"]},
  "replications": 2,
  "seed": 1
}
JSON
  if pl experiment run "$plug/etm.json" --out "$plug/run" >"$plug/run.out" 2>"$plug/run.err" \
     && grep -q "^0,$etm,throughput-mbps," "$plug/run/points.csv" && grep -q "sealed with $etm" "$plug/run.out"; then
    pass "an experiment ran with the plugin's AEAD ($(grep -o '[0-9]* of [0-9]* runs completed, 0 failed' "$plug/run.out"); results name $etm)"
  else fail "experiment with $etm: $(tail -n 5 "$plug/run.err" "$plug/run.out" 2>/dev/null)"; fi
  pl plugins list >"$plug/list.out" 2>&1
  if grep -q "^$feature " "$plug/list.out" && grep -q "strategies: aead/$etm" "$plug/list.out" && grep -q "source: *$repo" "$plug/list.out"; then
    pass "plugins list in a new process shows $feature, its source and aead/$etm"
  else fail "plugins list after a restart: $(cat "$plug/list.out")"; fi
  if PEERLAB_CONFIG="$plug/other" "$root/peerlab" strategies --family aead 2>&1 | grep -q "$etm"; then
    fail "a process with another configuration folder still has $etm"
  else pass "another configuration folder does not see the plugin"; fi
  if pl plugins uninstall "$feature" >"$plug/uninstall.out" 2>&1; then pass "plugins uninstall: $(cat "$plug/uninstall.out")"
  else fail "plugins uninstall $feature: $(cat "$plug/uninstall.out")"; fi
  if pl strategies --family aead 2>&1 | grep -q "$etm"; then fail "strategies still lists $etm after the uninstall"
  else pass "strategies no longer lists $etm"; fi
  pl experiment validate "$plug/etm.json" >"$plug/validate.out" 2>&1; code=$?
  if [ $code = 2 ] && grep -q "unknown value '$etm'.*provided by plugin $feature: install it with ./peerlab plugins install" "$plug/validate.out"; then
    pass "validating the scenario now names the plugin to install (exit 2)"
  else fail "validate after the uninstall: expected exit 2 naming $feature, got $code: $(cat "$plug/validate.out")"; fi
  zip=$(ls "$examples"/org.peerlab.example.repository/target/org.peerlab.example.repository-*.zip 2>/dev/null | head -n 1)
  jar=$(ls "$examples"/org.peerlab.example.etm/target/org.peerlab.example.etm-*.jar 2>/dev/null | grep -v sources | head -n 1)
  if [ -n "$zip" ] && pl plugins install "$zip" >"$plug/zip.out" 2>&1 && pl strategies --family aead 2>&1 | grep -q "$etm" \
     && pl plugins uninstall "$feature" >>"$plug/zip.out" 2>&1; then pass "the repository zip installs and uninstalls"
  else fail "install from the zip '$zip': $(cat "$plug/zip.out" 2>/dev/null)"; fi
  if [ -n "$jar" ] && pl plugins install "$jar" >"$plug/jar.out" 2>&1 && pl plugins list 2>&1 | grep -q "^org.peerlab.example.etm " \
     && pl plugins uninstall org.peerlab.example.etm >>"$plug/jar.out" 2>&1; then pass "the bare bundle jar installs (named org.peerlab.example.etm) and uninstalls"
  else fail "install from the jar '$jar': $(cat "$plug/jar.out" 2>/dev/null)"; fi
  pl plugins uninstall org.peerlab.crypto.jdk >"$plug/refuse.out" 2>&1; code=$?
  if [ $code = 1 ] && grep -q "part of the PeerLab product" "$plug/refuse.out"; then pass "uninstalling a product bundle is refused: $(cat "$plug/refuse.out")"
  else fail "uninstall org.peerlab.crypto.jdk: expected exit 1 and a refusal, got $code: $(cat "$plug/refuse.out")"; fi
fi

# 7. workbench UI tests: the real workbench driven through scenario editing (marker, Run disabled),
#    a run with a live chart, queued and cancelled runs, the Runs view (open, compare, export),
#    preferences, errors, micro-benchmarks and installing/uninstalling the example plugin.
uit=$out/ui-tests
if bash "$root/releng/org.peerlab.product/src/test/ui-test.sh" "$uit" "$root/examples/org.peerlab.example.repository/target/repository" >"$out/ui-tests.out" 2>&1; then
  groups=$(grep -c '^PASS' "$uit/ui-test-results.txt")
  shots=""
  for s in scenario-invalid-marker run-live-chart runs-compare strategies-plugin-installed; do
    [ -s "$uit/$s.png" ] || shots="$shots $s.png"
  done
  if [ "$groups" -ge 4 ] && [ -z "$shots" ] && [ -s "$uit/exported-report/report/report.html" ] \
     && [ -s "$uit/exported-report/results.json" ] && [ -s "$uit/exported-report/points.csv" ]; then
    pass "workbench UI tests: $(tr '\n' ' ' <"$uit/ui-test-results.txt")(screenshots in $uit)"
  else fail "workbench UI tests: $groups groups passed, missing screenshots:${shots:- none}; $(cat "$uit/ui-test-results.txt")"; fi
else
  fail "workbench UI tests failed: $(tail -n 15 "$out/ui-tests.out")"
fi

[ "$failures" -eq 0 ] || { echo "product-test: $failures failure(s)" >&2; exit 1; }
echo "product-test: all checks passed"
