#!/usr/bin/env bash
# Where the CPU of a loopback transfer goes: runs one `peerlab send` / `peerlab receive` of a
# random file (by code, through a rendezvous process, as bench/transfer-bench.sh does) with
# async-profiler sampling the CPU of every thread of both JVMs (JIT compiler and GC threads and
# kernel time in system calls included), and /proc/stat sampling the whole machine. Prints
#   - CPU seconds per thread of each side over the whole command,
#   - a timeline in 0.25 s steps from the receiver's start: busy share of all cores for the whole
#     machine, each side's share, and each side's busiest threads,
#   - the receiver's own summary line (connection to verified file, handshake).
# A sample is one millisecond of CPU; on N cores a step holds at most N x 250 samples.
# With --wall, a second transfer is sampled by wall clock instead, and for each PeerLab thread
# the script prints how long it ran and how long it waited, and for what: the receiver's room for
# pieces awaiting their hash check (a semaphore), the session driver's lock, the network (epoll),
# or new work (an idle pool thread).
#
# Usage: bench/transfer-profile.sh [SIZE_MIB] [--wall]    (default 1024)
# Needs: Linux x86_64 or aarch64, curl (async-profiler 4.2 is fetched once from Maven Central and
# checked against Maven Central's SHA-1), python3. Profiling costs a few percent of speed: use
# bench/transfer-bench.sh for the figures, this for the breakdown.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
size_mib=1024 wall=0
for a in "$@"; do
  case $a in --wall) wall=1 ;; *) size_mib=$a ;; esac
done
case $size_mib in *[!0-9]*|'') echo "transfer-profile: SIZE_MIB must be a whole number" >&2; exit 2 ;; esac
case $(uname -m) in x86_64) arch=linux-x64 ;; aarch64) arch=linux-arm64 ;; *) echo "transfer-profile: needs Linux on x86_64 or aarch64" >&2; exit 1 ;; esac
PEERLAB_QUIET_JDK=1 . "$root/releng/scripts/find-jdk.sh"

version=4.2
cache=${XDG_CACHE_HOME:-$HOME/.cache}/peerlab/async-profiler-$version
agent=$cache/$arch/libasyncProfiler.so
if [ ! -f "$agent" ]; then
  mkdir -p "$cache"
  url=https://repo1.maven.org/maven2/tools/profiler/async-profiler/$version/async-profiler-$version.jar
  echo "transfer-profile: fetching async-profiler $version from Maven Central" >&2
  curl -fsSL -o "$cache/ap.jar" "$url"
  [ "$(sha1sum "$cache/ap.jar" | cut -d' ' -f1)" = "$(curl -fsSL "$url.sha1" | cut -c1-40)" ] \
    || { rm -f "$cache/ap.jar"; echo "transfer-profile: the downloaded jar does not match Maven Central's SHA-1" >&2; exit 1; }
  (cd "$cache" && "$JAVA_HOME/bin/jar" xf ap.jar "$arch/libasyncProfiler.so" && rm ap.jar)
fi

work=$(mktemp -d "${TMPDIR:-/var/tmp}/peerlab-profile.XXXXXX")
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
head -c $((size_mib * 1048576)) /dev/urandom >"$work/file.bin"
"$root/peerlab" strategies >/dev/null # builds the product first if needed
export PEERLAB_PRODUCT=${PEERLAB_PRODUCT:-$root/releng/org.peerlab.product/target/products/org.peerlab.product/linux/gtk/x86_64}
rvport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$root/peerlab" rendezvous --port "$rvport" --bind 127.0.0.1 >"$work/rv.out" 2>&1 & pids+=($!)
for _ in $(seq 100); do grep -q listening "$work/rv.out" && break; sleep 0.1; done

profile() { echo "-agentpath:$agent=start,event=cpu,interval=1ms,jfr,file=$work/$1.jfr"; }
PEERLAB_CONFIG=$work/a PEERLAB_JAVA_OPTS="$(profile send)" "$root/peerlab" send "$work/file.bin" --code 7-profile-run \
  --rendezvous "127.0.0.1:$rvport" >"$work/send.out" 2>"$work/send.err" & spid=$!
for _ in $(seq 6000); do grep -q "^Code:" "$work/send.out" 2>/dev/null && break; sleep 0.01; done
sleep 2 # as in transfer-bench.sh: the sender finishes warming up while a person would type the code
python3 - "$work/stat.txt" <<'PY' & statpid=$!
import sys, time
with open(sys.argv[1], "w") as out:
    while True:
        with open("/proc/stat") as f:
            out.write(f"{time.time()} {f.readline()}")
        out.flush()
        time.sleep(0.05)
PY
pids+=($statpid)
start=$(python3 -c 'import time; print(time.time())')
PEERLAB_CONFIG=$work/b PEERLAB_JAVA_OPTS="$(profile recv)" "$root/peerlab" receive 7-profile-run --rendezvous "127.0.0.1:$rvport" \
  --out "$work/out" --yes >"$work/recv.out" 2>"$work/recv.err"
wait $spid
kill $statpid
cmp -s "$work/file.bin" "$work/out/file.bin" || { echo "transfer-profile: received file differs" >&2; exit 1; }
for side in send recv; do
  "$JAVA_HOME/bin/jfr" print --json --events jdk.ExecutionSample --stack-depth 1 "$work/$side.jfr" >"$work/$side.json"
done
echo "file: $size_mib MiB (random); $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
python3 - "$work" "$start" "$(nproc)" <<'PY'
import collections, datetime, json, sys
work, start, cores = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
STEP = 0.25

def stamp(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()

samples = {}
for side in ("send", "recv"):
    rows = []
    for e in json.load(open(f"{work}/{side}.json"))["recording"]["events"]:
        v = e["values"]
        thread = (v.get("sampledThread") or {}).get("osName") or "?"
        rows.append((stamp(v["startTime"]), thread.split(" tid=")[0]))
    samples[side] = rows

for side, name in (("send", "sender"), ("recv", "receiver")):
    per = collections.Counter(t for _, t in samples[side])
    print(f"\n{name}: {sum(per.values()) / 1000:.2f} CPU-s in all; by thread:")
    for thread, n in per.most_common(10):
        print(f"  {n / 1000:6.2f} s  {thread}")

busy = []
prev = None
for line in open(f"{work}/stat.txt"):
    parts = line.split()
    t, ticks = float(parts[0]), [int(x) for x in parts[2:]]
    idle = ticks[3] + ticks[4]
    if prev:
        total = sum(ticks) - sum(prev[1])
        busy.append((t, 1 - (idle - prev[2]) / total if total else 0))
    prev = (t, ticks, idle)

steps = collections.defaultdict(collections.Counter)
for side in samples:
    for t, thread in samples[side]:
        if t >= start:
            steps[int((t - start) / STEP)][(side, thread)] += 1
print(f"\ntimeline from the receiver's start, {STEP} s steps; shares of all {cores} cores (machine / sender / receiver), busiest threads in ms:")
for k in sorted(steps):
    lo, hi = start + k * STEP, start + (k + 1) * STEP
    machine = [b for t, b in busy if lo <= t < hi]
    side = {s: sum(n for (x, _), n in steps[k].items() if x == s) / (cores * STEP * 1000) for s in ("send", "recv")}
    top = ", ".join(f"{'S' if s == 'send' else 'R'}:{th[:16]} {n}" for (s, th), n in steps[k].most_common(4))
    m = f"{sum(machine) / len(machine):4.0%}" if machine else "  - "
    print(f"{k * STEP:5.2f} s  {m} / {side['send']:4.0%} / {side['recv']:4.0%}  {top}")
PY
echo
grep -h "^Received" "$work/recv.out"

[ $wall = 1 ] || exit 0
# the same transfer again, sampled by wall clock
rm -rf "$work/out"
wallprofile() { echo "-agentpath:$agent=start,event=wall,interval=1ms,threads,collapsed,file=$work/$1.wall"; }
PEERLAB_CONFIG=$work/a PEERLAB_JAVA_OPTS="$(wallprofile send)" "$root/peerlab" send "$work/file.bin" --code 8-profile-run \
  --rendezvous "127.0.0.1:$rvport" >"$work/send.out" 2>"$work/send.err" & spid=$!
for _ in $(seq 6000); do grep -q "^Code:" "$work/send.out" 2>/dev/null && break; sleep 0.01; done
sleep 2
PEERLAB_CONFIG=$work/b PEERLAB_JAVA_OPTS="$(wallprofile recv)" "$root/peerlab" receive 8-profile-run --rendezvous "127.0.0.1:$rvport" \
  --out "$work/out" --yes >"$work/recv.out" 2>"$work/recv.err"
wait $spid
cmp -s "$work/file.bin" "$work/out/file.bin" || { echo "transfer-profile: received file differs" >&2; exit 1; }
echo
echo "wall clock of PeerLab's threads in a second transfer, in ms (running includes runnable and in system calls):"
python3 - "$work" <<'PY'
import collections, sys
work = sys.argv[1]
WAITS = (("waiting for room for pieces to check", ("Semaphore.acquire",)),
         ("waiting for the driver's lock", ("ObjectMonitor", "ObjectSynchronizer", "monitorenter", "JVM_MonitorWait")),
         ("waiting for the network", ("epoll_wait",)),
         ("idle, waiting for work", ("ThreadPoolExecutor.getTask", "LinkedBlockingQueue.take")))
for side, name in (("send", "sender"), ("recv", "receiver")):
    per = collections.defaultdict(collections.Counter)
    for line in open(f"{work}/{side}.wall"):
        stack, n = line.rsplit(" ", 1)
        frames = stack.split(";")
        thread = frames[0].strip("[]").split(" tid=")[0]
        if not thread.startswith("peerlab-") or thread in ("peerlab-jit-warmup",):
            continue
        what = "running"
        for label, keys in WAITS:
            if any(k in f for f in frames[1:] for k in keys):
                what = label
                break
        per[thread][what] += int(n)
    for thread in sorted(per):
        parts = ", ".join(f"{w} {n}" for w, n in per[thread].most_common())
        print(f"  {name} {thread}: {parts}")
PY
grep -h "^Received" "$work/recv.out"
