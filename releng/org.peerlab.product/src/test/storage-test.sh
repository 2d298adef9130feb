#!/usr/bin/env bash
# The storage network as real processes on loopback: one coordinator and 22 storage nodes.
# Put/get with a password and with a random key; a wrong password writes nothing; malformed,
# oversized and wrong-key requests are refused while the servers keep serving; corrupted shards
# on one node fail audits, its reputation falls and the shards are repaired onto other nodes;
# kill -9 of the coordinator in the middle of a put leaves acknowledged files retrievable and the
# interrupted put reported as failed, not half-present; with 12 of a file's 20 nodes killed, get
# still returns the identical file.
# Usage: storage-test.sh OUT_DIR   (PEERLAB_PRODUCT must name the product; run by product-test.sh)
set -uo pipefail
out=$1
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)
peerlab=$root/peerlab
rm -rf "$out" && mkdir -p "$out"
failures=0
fail() { echo "storage-test: FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "storage-test: ok: $*"; }
pids=()
cleanup() { for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# waits until FILE contains PATTERN (or SECONDS, default 60, pass)
wait_for() { for _ in $(seq $((${3:-60} * 10))); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done; return 1; }
# small JVMs: 23 of them share two cores
export PEERLAB_JAVA_OPTS="-Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k"
export PEERLAB_CONFIG=$out/client-config

nodes=22
cport=$(free_port)
coord=127.0.0.1:$cport
cat >"$out/storage.json" <<EOF
{
  "coordinator": "$coord",
  "max-upload-size": "64 MiB",
  "segment-size": "1 MiB",
  "audit-blocks": "64",
  "audit-interval": "300ms",
  "audit-timeout": "3s",
  "audit-retries": "1",
  "heartbeat-interval": "1s",
  "offline-after": "4s",
  "repair-offline-after": "600s",
  "repair-threshold": "20"
}
EOF
cfg=(--config "$out/storage.json")
start_coordinator() {
  "$peerlab" storage coordinator --port "$cport" --bind 127.0.0.1 --data "$out/coordinator" "${cfg[@]}" >>"$out/coordinator.out" 2>>"$out/coordinator.err" &
  cpid=$!; pids+=($cpid)
}
start_coordinator
wait_for "$out/coordinator.out" "listening on" || fail "coordinator did not start: $(tail -5 "$out/coordinator.err")"
declare -A node_pid node_port node_dir node_of_id
for i in $(seq 1 $nodes); do
  node_port[$i]=$(free_port); node_dir[$i]=$out/node$i
  "$peerlab" storage node --coordinator "$coord" --port "${node_port[$i]}" --data "${node_dir[$i]}" --quota 256MiB "${cfg[@]}" \
    >"$out/node$i.out" 2>"$out/node$i.err" &
  node_pid[$i]=$!; pids+=(${node_pid[$i]})
done
for i in $(seq 1 $nodes); do
  if wait_for "$out/node$i.out" "serving on" 120; then
    id=$(sed -n 's/^node \([0-9a-f]*\) serving on.*/\1/p' "$out/node$i.out" | head -1); node_of_id[$id]=$i
  else fail "node $i did not register: $(tail -3 "$out/node$i.err")"; fi
done
online() { "$peerlab" storage peers --json "${cfg[@]}" 2>/dev/null | python3 -c 'import json,sys; print(sum(1 for p in json.load(sys.stdin) if p["online"]))' 2>/dev/null; }
n_online=$(online)
[ "$n_online" = "$nodes" ] && pass "$nodes storage nodes registered and online" || fail "online nodes: $n_online of $nodes"

# files: 3 MiB + a ragged tail, and an empty one
head -c 3145735 /dev/urandom >"$out/file1.bin"
: >"$out/empty.bin"
printf 'correct horse battery staple\n' >"$out/password"
printf 'wrong horse\n' >"$out/wrong-password"

# 1. put/get with a password and with a random key
"$peerlab" storage put "$out/file1.bin" --password-file "$out/password" "${cfg[@]}" >"$out/put1.out" 2>"$out/put1.err"; code=$?
id1=$(tail -1 "$out/put1.out")
if [ $code -eq 0 ] && [[ "$id1" =~ ^[0-9a-f]{32}$ ]]; then pass "put with a password prints the file id ($id1)"
else fail "put: exit $code, '$id1': $(tail -3 "$out/put1.err")"; fi
"$peerlab" storage get "$id1" --out "$out/got1.bin" --password-file "$out/password" "${cfg[@]}" >"$out/get1.out" 2>"$out/get1.err"; code=$?
[ $code -eq 0 ] && cmp -s "$out/file1.bin" "$out/got1.bin" && pass "get returns the identical file" \
  || fail "get: exit $code: $(tail -3 "$out/get1.err")"
"$peerlab" storage put "$out/empty.bin" "${cfg[@]}" >"$out/put2.out" 2>"$out/put2.err"; code=$?
id2=$(tail -1 "$out/put2.out")
"$peerlab" storage get "$id2" --out "$out/got2.bin" "${cfg[@]}" >"$out/get2.out" 2>"$out/get2.err"; gcode=$?
[ $code -eq 0 ] && [ $gcode -eq 0 ] && [ -f "$out/got2.bin" ] && [ ! -s "$out/got2.bin" ] \
  && pass "an empty file round-trips with a random key kept in the client's key folder" \
  || fail "random-key put/get: $code/$gcode: $(tail -2 "$out/put2.err") $(tail -2 "$out/get2.err")"

# 2. wrong password: clean failure, nothing written
"$peerlab" storage get "$id1" --out "$out/wrong.bin" --password-file "$out/wrong-password" "${cfg[@]}" >"$out/wrong.out" 2>"$out/wrong.err"; code=$?
leftovers=$(ls -A "$out" | grep -c "wrong.bin" || true)
if [ $code -eq 1 ] && grep -qi "password" "$out/wrong.err" && [ "$leftovers" = 0 ]; then pass "a wrong password fails cleanly and writes nothing: $(tail -1 "$out/wrong.err")"
else fail "wrong password: exit $code, leftovers $leftovers: $(tail -2 "$out/wrong.err")"; fi

# 3. oversized upload, malformed and oversized frames, a forged order: clear errors, servers keep serving
head -c $((65 * 1024 * 1024)) /dev/zero >"$out/big.bin"
"$peerlab" storage put "$out/big.bin" "${cfg[@]}" >"$out/big.out" 2>"$out/big.err"; code=$?
[ $code -eq 1 ] && grep -q "max-upload-size" "$out/big.err" && pass "an upload above max-upload-size is refused: $(tail -1 "$out/big.err")" \
  || fail "oversized upload: exit $code: $(tail -2 "$out/big.err")"
rm -f "$out/big.bin"
first_node_port=${node_port[1]}
python3 - "$cport" "$first_node_port" >"$out/raw.out" 2>&1 <<'EOF'
import socket, struct, sys
cport, nport = int(sys.argv[1]), int(sys.argv[2])
def frames(sock, limit=4):
    got, buf = [], b""
    sock.settimeout(5)
    try:
        while len(got) < limit:
            data = sock.recv(65536)
            if not data: break
            buf += data
            while len(buf) >= 4:
                n = struct.unpack(">I", buf[:4])[0]
                if len(buf) < 4 + n: break
                got.append(buf[4:4 + n]); buf = buf[4 + n:]
    except socket.timeout:
        pass
    return got
def error_text(frames):
    for f in frames:
        if f and f[0] == 30:
            n = struct.unpack(">H", f[3:5])[0]
            return f[5:5 + n].decode()
    return None
def text(s):
    b = s.encode(); return struct.pack(">H", len(b)) + b
# malformed frame to the coordinator (unknown type 99)
s = socket.create_connection(("127.0.0.1", cport)); frames(s, 1)
s.sendall(struct.pack(">I", 3) + b"\x63\x00\x01")
print("coordinator-malformed:", error_text(frames(s)))
# a frame announcing 1 GiB to the coordinator: the connection is closed
s = socket.create_connection(("127.0.0.1", cport)); frames(s, 1)
s.sendall(struct.pack(">I", 1 << 30) + b"x" * 100)
print("coordinator-oversized:", [f[:1] for f in frames(s)], "then closed")
# a READ with a forged order to a node
order = bytes([1]) + text("00112233445566778899aabbccddeeff.0") + text("0" * 32) + struct.pack(">QQ", 4096, (1 << 62)) + struct.pack(">H", 64) + b"\x01" * 64
read = bytes([24]) + order + struct.pack(">QI", 0, 4096)
s = socket.create_connection(("127.0.0.1", nport))
s.sendall(struct.pack(">I", len(read)) + read)
print("node-forged-order:", error_text(frames(s)))
EOF
grep -q "coordinator-malformed: .*unknown storage message type 99" "$out/raw.out" && pass "a malformed frame gets a specific error: $(grep coordinator-malformed "$out/raw.out")" \
  || fail "malformed frame: $(cat "$out/raw.out")"
grep -qi "node-forged-order: .*\(signature\|order\|key\)" "$out/raw.out" && pass "a read with a forged order is refused: $(grep node-forged "$out/raw.out")" \
  || fail "forged order: $(cat "$out/raw.out")"
n_online=$(online)
"$peerlab" storage get "$id1" --out "$out/got1b.bin" --password-file "$out/password" "${cfg[@]}" >/dev/null 2>"$out/get1b.err"; code=$?
[ $code -eq 0 ] && cmp -s "$out/file1.bin" "$out/got1b.bin" && [ "$n_online" = "$nodes" ] \
  && pass "after the bad requests the coordinator and nodes still serve ($n_online nodes online, get identical)" \
  || fail "servers after bad requests: online $n_online, get $code: $(tail -2 "$out/get1b.err")"

# 4. corrupt every shard on the node holding shard 0 of file1: audits fail, its reputation falls, repair moves the shard
info_json() { "$peerlab" storage info "$1" --json "${cfg[@]}" 2>/dev/null; }
bad_id=$(info_json "$id1" | python3 -c 'import json,sys; print([s for s in json.load(sys.stdin)["shards"] if s["index"]==0][0]["node"])')
bad=${node_of_id[$bad_id]:-}
if [ -n "$bad" ]; then
  python3 - "${node_dir[$bad]}" <<'EOF'
import os, sys
for dirpath, _, files in os.walk(os.path.join(sys.argv[1], "shards")):
    for f in files:
        if f.endswith(".sha256"): continue
        p = os.path.join(dirpath, f); size = os.path.getsize(p)
        with open(p, "r+b") as fh:
            fh.seek(size // 4); fh.write(os.urandom(max(1, size // 2)))
EOF
  rep=""
  for _ in $(seq 240); do
    rep=$("$peerlab" storage peers --json "${cfg[@]}" 2>/dev/null | python3 -c "
import json,sys
for p in json.load(sys.stdin):
    if p['id']=='$bad_id': print('%.4f %d' % (p['reputation'], p['audits']))")
    case "$rep" in 0.*) grep -q "audit FAILED" "$out/coordinator.out" && break;; esac; sleep 0.5
  done
  case "$rep" in 0.*) pass "the node with corrupted shards fails its audits and its reputation falls (reputation, audits: $rep): $(grep "audit FAILED" "$out/coordinator.out" | head -1 | cut -c1-160)";;
    *) fail "corrupted node's reputation did not fall: '$rep'; $(grep -i "audit" "$out/coordinator.out" | tail -3)";; esac
  healthy=""
  for _ in $(seq 240); do
    healthy=$(info_json "$id1" | python3 -c "
import json,sys
s=json.load(sys.stdin)['shards']; print(sum(1 for x in s if x['healthy'] and x['node']!='$bad_id'), len(s))")
    [ "$healthy" = "20 20" ] && break; sleep 0.5
  done
  [ "$healthy" = "20 20" ] && pass "repair restored full redundancy on other nodes (20 of 20 healthy, none on the corrupted node)" \
    || fail "after repair: healthy/total $healthy; $(grep -i repair "$out/coordinator.out" | tail -3)"
  "$peerlab" storage get "$id1" --out "$out/got1c.bin" --password-file "$out/password" "${cfg[@]}" >/dev/null 2>"$out/get1c.err"; code=$?
  [ $code -eq 0 ] && cmp -s "$out/file1.bin" "$out/got1c.bin" && pass "the repaired file is identical" || fail "get after repair: $code $(tail -2 "$out/get1c.err")"
else fail "could not find the node of shard 0 of $id1 ('$bad_id')"; fi

# 5. kill -9 the coordinator in the middle of a put, restart it
head -c $((48 * 1024 * 1024)) /dev/urandom >"$out/file3.bin"
"$peerlab" storage put "$out/file3.bin" "${cfg[@]}" >"$out/put3.out" 2>"$out/put3.err" & ppid=$!
for _ in $(seq 300); do [ -s "$out/put3.err" ] && break; sleep 0.1; done
sleep 1
kill -9 "$cpid"; wait "$cpid" 2>/dev/null
wait "$ppid"; code=$?
if [ $code -ne 0 ] && grep -qi "not stored\|failed" "$out/put3.err"; then pass "the interrupted put reports failure: $(tail -1 "$out/put3.err")"
else fail "interrupted put: exit $code: $(tail -2 "$out/put3.err")"; fi
start_coordinator
wait_for "$out/coordinator.out" "listening on" || fail "coordinator did not restart"
for _ in $(seq 120); do [ "$(online)" = "$nodes" ] && break; sleep 0.5; done
pass "coordinator restarted; $(online) nodes online again"
"$peerlab" storage get "$id1" --out "$out/got1d.bin" --password-file "$out/password" "${cfg[@]}" >/dev/null 2>"$out/get1d.err"; code=$?
[ $code -eq 0 ] && cmp -s "$out/file1.bin" "$out/got1d.bin" && pass "an acknowledged file is retrievable after kill -9 and restart of the coordinator" \
  || fail "get after coordinator restart: $code $(tail -2 "$out/get1d.err")"
id3=$(grep -o "[0-9a-f]\{32\}" "$out/put3.err" "$out/put3.out" | head -1 | sed 's/.*://')
if [ -n "$id3" ]; then
  "$peerlab" storage info "$id3" "${cfg[@]}" >"$out/info3.out" 2>"$out/info3.err"; code=$?
  [ $code -eq 1 ] && pass "the interrupted put's file ($id3) does not exist: $(tail -1 "$out/info3.err")" \
    || fail "interrupted put's file is present: exit $code $(head -3 "$out/info3.out")"
else pass "the interrupted put never got a file id (the coordinator died before planning it)"; fi

# 6. kill 12 of the 20 nodes holding file1's shards: get still returns the identical file
mapfile -t holders < <(info_json "$id1" | python3 -c 'import json,sys; [print(s["node"]) for s in json.load(sys.stdin)["shards"]]')
killed=0
for h in "${holders[@]}"; do
  i=${node_of_id[$h]:-}; [ -n "$i" ] || continue
  [ $killed -lt 12 ] || break
  { kill -9 "${node_pid[$i]}" && wait "${node_pid[$i]}"; } 2>/dev/null; killed=$((killed + 1))
done
"$peerlab" storage get "$id1" --out "$out/got1e.bin" --password-file "$out/password" "${cfg[@]}" >/dev/null 2>"$out/get1e.err"; code=$?
[ $killed -eq 12 ] && [ $code -eq 0 ] && cmp -s "$out/file1.bin" "$out/got1e.bin" \
  && pass "with 12 of the file's 20 nodes killed, get returns the identical file" \
  || fail "get with 12 nodes down (killed $killed): exit $code $(tail -2 "$out/get1e.err")"

[ $failures -eq 0 ] && echo "storage-test: all checks passed" || echo "storage-test: $failures check(s) failed"
exit $((failures > 0))
