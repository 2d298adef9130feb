#!/usr/bin/env bash
# Secure transfer between real peerlab processes on loopback: by code through a rendezvous
# server process, with the embedded rendezvous, by QR link, between paired devices without a
# code; wrong code, decline, resume after kill -9 of the receiver (with a byte of its partial
# file changed before the resume); one sender serving two receivers at once.
# Usage: transfer-test.sh OUT_DIR   (PEERLAB_PRODUCT must name the product; run by product-test.sh)
set -uo pipefail
out=$1
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)
peerlab=$root/peerlab
rm -rf "$out" && mkdir -p "$out"
failures=0
fail() { echo "transfer-test: FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "transfer-test: ok: $*"; }
pids=()
cleanup() { for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# waits until FILE contains PATTERN (or 30 s pass)
wait_for() { for _ in $(seq 300); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done; return 1; }

# two devices, each with its own identity and pairings
export A=$out/alice-config B=$out/bob-config
mkdir -p "$out/src/folder/nested/deeper" "$out/src/many"
head -c 5000000 /dev/urandom >"$out/src/big.bin"
: >"$out/src/folder/empty.txt"
head -c 262144 /dev/urandom >"$out/src/folder/nested/exactly-one-piece.bin"
echo "déjà vu" >"$out/src/folder/nested/deeper/ünïcode.txt"
for i in $(seq 50); do head -c $((i * 37)) /dev/urandom >"$out/src/many/f$i"; done
same() { diff -r "$1" "$2" >/dev/null; }

port=$(free_port)
"$peerlab" rendezvous --port "$port" --bind 127.0.0.1 >"$out/rv.out" 2>"$out/rv.err" & pids+=($!)
wait_for "$out/rv.out" "listening" || fail "rendezvous server did not start: $(cat "$out/rv.err")"
rv=127.0.0.1:$port

# 1. by code through the rendezvous process: files and folders, both sides exit 0, identical trees
PEERLAB_CONFIG=$A "$peerlab" send "$out/src/big.bin" "$out/src/folder" "$out/src/many" --code 7-copper-lantern --rendezvous "$rv" \
  >"$out/send1.out" 2>"$out/send1.err" & spid=$!
wait_for "$out/send1.out" "Code:" || fail "sender printed no code: $(cat "$out/send1.err")"
PEERLAB_CONFIG=$B "$peerlab" receive 7-copper-lantern --rendezvous "$rv" --out "$out/recv1" --yes >"$out/recv1.out" 2>"$out/recv1.err"; rcode=$?
wait $spid; scode=$?
if [ $rcode -eq 0 ] && [ $scode -eq 0 ] && same "$out/src/folder" "$out/recv1/folder" && same "$out/src/many" "$out/recv1/many" \
   && cmp -s "$out/src/big.bin" "$out/recv1/big.bin" && [ ! -e "$out/recv1/.peerlab-partial" ]; then
  pass "transfer by code via 'peerlab rendezvous': 53 files in nested folders arrive identical; both exit 0"
else fail "transfer by code: send $scode, receive $rcode: $(tail -3 "$out/send1.err") / $(tail -3 "$out/recv1.err")"; fi
grep -q "█\|▀\|▄" "$out/send1.out" && grep -q "^peerlab:receive?" "$out/send1.out" && pass "sender prints a terminal QR code and its link" \
  || fail "no QR code in the sender's output"

# 2. the two devices are now paired: send --to / receive PEER-ID without a code
alice_id=$(PEERLAB_CONFIG=$A "$peerlab" peers | sed -n 's/^This device: \([A-Z]*-[0-9]*\).*/\1/p')
bob_id=$(PEERLAB_CONFIG=$B "$peerlab" peers | sed -n 's/^This device: \([A-Z]*-[0-9]*\).*/\1/p')
if PEERLAB_CONFIG=$B "$peerlab" peers | grep -q "^$alice_id " && PEERLAB_CONFIG=$A "$peerlab" peers | grep -q "^$bob_id "; then
  pass "each device lists the other after the transfer ($alice_id, $bob_id)"
else fail "pairing not remembered: $(PEERLAB_CONFIG=$B "$peerlab" peers)"; fi
perms=$(stat -c %a "$A/identity" "$A/paired" "$A" | tr '\n' ' ')
[ "$perms" = "600 600 700 " ] && pass "identity and pairings are owner-only ($perms)" || fail "config permissions: $perms"
PEERLAB_CONFIG=$A "$peerlab" send "$out/src/many/f7" --to "$bob_id" --rendezvous "$rv" >"$out/send2.out" 2>"$out/send2.err" & spid=$!
wait_for "$out/send2.out" "run:" || fail "paired sender did not start: $(cat "$out/send2.err")"
PEERLAB_CONFIG=$B "$peerlab" receive "$alice_id" --rendezvous "$rv" --out "$out/recv2" --yes >"$out/recv2.out" 2>"$out/recv2.err"; rcode=$?
wait $spid; scode=$?
if [ $rcode -eq 0 ] && [ $scode -eq 0 ] && cmp -s "$out/src/many/f7" "$out/recv2/f7"; then pass "paired devices transfer without a code"
else fail "paired transfer: send $scode, receive $rcode: $(tail -2 "$out/send2.err") / $(tail -2 "$out/recv2.err")"; fi
# a third device claiming to be paired fails: it does not hold Alice's key
PEERLAB_CONFIG=$out/mallory "$peerlab" peers >/dev/null
cp "$B/paired" "$out/mallory/paired"
PEERLAB_CONFIG=$A "$peerlab" send "$out/src/many/f8" --to "$bob_id" --rendezvous "$rv" --timeout 20 >"$out/send3.out" 2>"$out/send3.err" & spid=$!
wait_for "$out/send3.out" "run:"
PEERLAB_CONFIG=$out/mallory "$peerlab" receive "$alice_id" --rendezvous "$rv" --out "$out/recv3" --yes >"$out/recv3.out" 2>"$out/recv3.err"; rcode=$?
kill $spid 2>/dev/null; wait $spid 2>/dev/null
[ $rcode -eq 3 ] && [ ! -e "$out/recv3/f8" ] && pass "an unpaired device is refused (exit 3): $(tail -1 "$out/recv3.err")" \
  || fail "unpaired device: exit $rcode: $(cat "$out/recv3.err")"
if PEERLAB_CONFIG=$B "$peerlab" forget "$alice_id" >/dev/null && ! PEERLAB_CONFIG=$B "$peerlab" peers | grep -q "^$alice_id "; then
  pass "forget removes a paired device"
else fail "forget"; fi
PEERLAB_CONFIG=$B "$peerlab" receive "$alice_id" --rendezvous "$rv" >/dev/null 2>&1; code=$?
[ $code -eq 2 ] && pass "a forgotten device needs a code again (exit 2)" || fail "receive from a forgotten device exited $code"

# 3. by QR link (what a camera reads): pins the sender's identity; embedded rendezvous, no --rendezvous anywhere
PEERLAB_CONFIG=$A "$peerlab" send "$out/src/folder" >"$out/send4.out" 2>"$out/send4.err" & spid=$!
wait_for "$out/send4.out" "^peerlab:receive?" || fail "no QR link: $(cat "$out/send4.err")"
link=$(grep "^peerlab:receive?" "$out/send4.out" | head -1)
# the link names the LAN address; on a test machine point it at loopback, as a phone on the LAN would reach the LAN one
link=$(sed "s/rv=[^&]*/rv=127.0.0.1%3A47470/" <<<"$link")
PEERLAB_CONFIG=$out/carol "$peerlab" receive "$link" --out "$out/recv4" --yes >"$out/recv4.out" 2>"$out/recv4.err"; rcode=$?
wait $spid; scode=$?
if [ $rcode -eq 0 ] && [ $scode -eq 0 ] && same "$out/src/folder" "$out/recv4/folder"; then
  pass "transfer by QR link with the embedded rendezvous (zero configuration)"
else fail "QR transfer: send $scode, receive $rcode: $(tail -2 "$out/send4.err") / $(tail -2 "$out/recv4.err")"; fi

# 4. wrong code: both sides fail, nothing written; the sender gives up after 3 attempts (exit 3)
PEERLAB_CONFIG=$A "$peerlab" send "$out/src/big.bin" --code 9-amber-anchor --rendezvous "$rv" >"$out/send5.out" 2>"$out/send5.err" & spid=$!
wait_for "$out/send5.out" "Code:"
codes=""
for guess in 9-amber-apple 9-apple-anchor 9-acorn-acorn; do
  PEERLAB_CONFIG=$B "$peerlab" receive "$guess" --rendezvous "$rv" --out "$out/recv5" --yes >"$out/recv5.out" 2>"$out/recv5.err"
  codes="$codes$? "
done
wait $spid; scode=$?
if [ "$codes" = "3 3 3 " ] && [ $scode -eq 3 ] && [ ! -e "$out/recv5/big.bin" ] && ! grep -q "big.bin" "$out/recv5.out"; then
  pass "wrong codes fail on both sides (receiver exits 3 each time, sender gives up after 3 with exit 3), no file name leaked"
else fail "wrong code: receivers '$codes', sender $scode: $(tail -2 "$out/send5.err")"; fi

# 5. decline (not on a terminal and no --yes): both sides exit 4
PEERLAB_CONFIG=$A "$peerlab" send "$out/src/many/f1" --code 11-amber-anchor --rendezvous "$rv" >"$out/send6.out" 2>"$out/send6.err" & spid=$!
wait_for "$out/send6.out" "Code:"
PEERLAB_CONFIG=$B "$peerlab" receive 11-amber-anchor --rendezvous "$rv" --out "$out/recv6" </dev/null >"$out/recv6.out" 2>"$out/recv6.err"; rcode=$?
wait $spid; scode=$?
[ $rcode -eq 4 ] && [ $scode -eq 4 ] && pass "a declined offer ends both sides with exit 4" || fail "decline: send $scode, receive $rcode"

# 6. resume: kill -9 the receiver mid-transfer, run it again; the file completes and fewer bytes are sent
head -c 100000000 /dev/urandom >"$out/src/resume.bin"
PEERLAB_CONFIG=$A "$peerlab" send "$out/src/resume.bin" --code 12-amber-anchor --rendezvous "$rv" --limit-rate 25M \
  >"$out/send7.out" 2>"$out/send7.err" & spid=$!
wait_for "$out/send7.out" "Code:"
PEERLAB_CONFIG=$B "$peerlab" receive 12-amber-anchor --rendezvous "$rv" --out "$out/recv7" --yes >"$out/recv7a.out" 2>"$out/recv7a.err" & rpid=$!
for _ in $(seq 600); do
  partial=$(du -sb "$out/recv7/.peerlab-partial" 2>/dev/null | cut -f1)
  [ "${partial:-0}" -gt 30000000 ] && break
  sleep 0.05
done
kill -9 $rpid; wait $rpid 2>/dev/null
[ ! -e "$out/recv7/resume.bin" ] && pass "killed receiver left only a partial file (${partial:-0} bytes in .peerlab-partial)" \
  || fail "a file got its final name although the receiver was killed"
# one byte of the first kept piece changes on disk before the resume: that piece must come again
part=$(ls "$out"/recv7/.peerlab-partial/*.part 2>/dev/null | head -n 1)
[ -n "$part" ] && python3 -c 'import sys; f=open(sys.argv[1],"r+b"); f.seek(1000); b=f.read(1); f.seek(1000); f.write(bytes([b[0]^0x20]))' "$part"
PEERLAB_CONFIG=$B "$peerlab" receive 12-amber-anchor --rendezvous "$rv" --out "$out/recv7" --yes >"$out/recv7b.out" 2>"$out/recv7b.err"; rcode=$?
wait $spid; scode=$?
sent=$(sed -n 's/^Done: the receiver verified every file (\(.*\) on the wire.*/\1/p' "$out/send7.out")
if [ $rcode -eq 0 ] && [ $scode -eq 0 ] && cmp -s "$out/src/resume.bin" "$out/recv7/resume.bin" && grep -q "already verified" "$out/recv7b.err" \
  && grep -q "^1 piece(s) kept from an earlier transfer no longer match" "$out/recv7b.err" \
  && grep -q "^checking kept pieces 100%" "$out/recv7b.err"; then
  pass "resume after kill -9 and a byte changed in the partial file: file verified, the changed piece received again;" \
    "second session sent $sent for a 95.4 MiB file ($(grep -o 'resuming: [^,]*' "$out/recv7b.err"); $(grep -o '^checking kept pieces 100%: [^,]*' "$out/recv7b.err"))"
else fail "resume: send $scode, receive $rcode: $(tail -3 "$out/send7.err") / $(tail -3 "$out/recv7b.err")"; fi

# 6b. one sender, two receivers with the same code at the same time (each its own session)
PEERLAB_CONFIG=$A "$peerlab" send "$out/src/big.bin" --code 14-amber-anchor --rendezvous "$rv" --receivers 2 --limit-rate 4M \
  >"$out/send9.out" 2>"$out/send9.err" & spid=$!
wait_for "$out/send9.out" "Code:"
PEERLAB_CONFIG=$B "$peerlab" receive 14-amber-anchor --rendezvous "$rv" --out "$out/recv9a" --yes >/dev/null 2>"$out/recv9a.err" & r1=$!
PEERLAB_CONFIG=$out/carol-config "$peerlab" receive 14-amber-anchor --rendezvous "$rv" --out "$out/recv9b" --yes >/dev/null 2>"$out/recv9b.err"; c2=$?
wait $r1; c1=$?
wait $spid; scode=$?
if [ $c1 -eq 0 ] && [ $c2 -eq 0 ] && [ $scode -eq 0 ] && cmp -s "$out/src/big.bin" "$out/recv9a/big.bin" && cmp -s "$out/src/big.bin" "$out/recv9b/big.bin" \
  && grep -q "^Done: all 2 receivers verified every file" "$out/send9.out" && [ "$(grep -c 'connected and authenticated' "$out/send9.err")" = 2 ]; then
  pass "one sender, two receivers with one code: both files identical, sender done after both ($(grep -c '^sending to ' "$out/send9.err") progress lines naming them)"
else fail "two receivers: send $scode, receive $c1 and $c2: $(tail -3 "$out/send9.err") / $(tail -2 "$out/recv9b.err")"; fi

# 7. the rendezvous server survived everything and still answers
PEERLAB_CONFIG=$A "$peerlab" send "$out/src/many/f2" --code 13-amber-anchor --rendezvous "$rv" >"$out/send8.out" 2>"$out/send8.err" & spid=$!
wait_for "$out/send8.out" "Code:"
PEERLAB_CONFIG=$B "$peerlab" receive 13-amber-anchor --rendezvous "$rv" --out "$out/recv8" --yes >/dev/null 2>&1; rcode=$?
wait $spid
[ $rcode -eq 0 ] && pass "rendezvous server still serving after all of the above" || fail "rendezvous server no longer serves"

[ "$failures" -eq 0 ] || { echo "transfer-test: $failures failure(s)" >&2; exit 1; }
echo "transfer-test: all checks passed"
