#!/usr/bin/env bash
# Puts a file into a local storage network and gets it back: one coordinator and NODES storage
# nodes as real peerlab processes on loopback (temporary folders, a configuration file that raises
# max-upload-size), then `peerlab storage put` and `peerlab storage get` of a random file, compared
# with cmp. Prints MB/s of each command (wall time of the whole command, JVM start included; the
# file is made beforehand and not timed) and the client's peak RSS. Every process it started is
# stopped and the folder removed on exit, also on failure or Ctrl-C.
#
# Usage: bench/storage-bench.sh [SIZE_MIB] [--nodes N] [--runs N] [--heap SIZE] [--password]
#   SIZE_MIB    file size (default 1024)
#   --nodes N   storage nodes (default 20, the default n: every node gets one shard)
#   --runs N    put/get rounds, each with a fresh file id (default 1; with more, the median is shown)
#   --heap SIZE -Xmx for the client (e.g. 256m); default: the JVM's default heap
#   --password  put and get with a password file (PBKDF2) instead of a random key
# Servers run with -Xmx256m -XX:+UseSerialGC each (NODES + 1 JVMs share the machine).
# Needs: /usr/bin/time (apt-get install time), python3, cmp; openssl makes the file faster if present.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
size_mib=1024 nodes=20 runs=1 heap="" password=0
while [ $# -gt 0 ]; do
  case $1 in
    --nodes) nodes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --heap) heap=$2; shift 2 ;;
    --password) password=1; shift ;;
    [0-9]*) size_mib=$1; shift ;;
    *) echo "storage-bench: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q time >/dev/null
  else echo "storage-bench: needs /usr/bin/time (apt-get install time)" >&2; exit 1; fi
fi
work=$(mktemp -d "${TMPDIR:-/var/tmp}/peerlab-storage-bench.XXXXXX")
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
trap 'echo "storage-bench: failed at line $LINENO" >&2' ERR
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { for _ in $(seq $((${3:-60} * 10))); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done; return 1; }
bytes=$((size_mib * 1048576))

# the product is built once, before anything runs
"$root/peerlab" strategies >/dev/null
export PEERLAB_PRODUCT=${PEERLAB_PRODUCT:-$root/releng/org.peerlab.product/target/products/org.peerlab.product/linux/gtk/x86_64}
export PEERLAB_CONFIG=$work/client-config

# the file: random bytes from a fast generator (AES-CTR keystream), not timed
if command -v openssl >/dev/null; then
  { openssl enc -aes-128-ctr -nosalt -pass pass:"$RANDOM$RANDOM" -pbkdf2 </dev/zero 2>/dev/null || true; } | head -c "$bytes" >"$work/file.bin"
else
  head -c "$bytes" /dev/urandom >"$work/file.bin"
fi
[ "$(stat -c %s "$work/file.bin")" = "$bytes" ] || { echo "storage-bench: could not make the $size_mib MiB file" >&2; exit 1; }
echo "file: $size_mib MiB (random); $nodes nodes; $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"

cport=$(free_port)
quota_mib=$(( size_mib * runs * 2 / 8 + 1024 ))
cat >"$work/storage.json" <<EOF
{
  "coordinator": "127.0.0.1:$cport",
  "max-upload-size": "$((size_mib + 1)) MiB"
}
EOF
cfg=(--config "$work/storage.json")
servers="-Xmx256m -XX:+UseSerialGC"
PEERLAB_JAVA_OPTS=$servers "$root/peerlab" storage coordinator --port "$cport" --bind 127.0.0.1 --data "$work/coordinator" "${cfg[@]}" \
  >"$work/coordinator.out" 2>"$work/coordinator.err" & pids+=($!)
wait_for "$work/coordinator.out" "listening on" || { echo "storage-bench: the coordinator did not start: $(tail -3 "$work/coordinator.err")" >&2; exit 1; }
for i in $(seq "$nodes"); do
  PEERLAB_JAVA_OPTS=$servers "$root/peerlab" storage node --coordinator "127.0.0.1:$cport" --port "$(free_port)" --data "$work/node$i" \
    --quota "${quota_mib}MiB" "${cfg[@]}" >"$work/node$i.out" 2>"$work/node$i.err" & pids+=($!)
done
for i in $(seq "$nodes"); do
  wait_for "$work/node$i.out" "serving on" 180 || { echo "storage-bench: node $i did not register: $(tail -3 "$work/node$i.err")" >&2; exit 1; }
done
echo "coordinator and $nodes nodes are up"
pw=()
if [ $password = 1 ]; then printf 'storage bench password\n' >"$work/password"; pw=(--password-file "$work/password"); fi
client_opts=${heap:+-Xmx$heap}

mbps() { python3 -c "print(f'{$bytes / ($1 / 1e9) / 1e6:.1f}')"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
put_rates=() get_rates=() put_rss=() get_rss=()
for r in $(seq "$runs"); do
  start=$(date +%s%N)
  PEERLAB_JAVA_OPTS=$client_opts /usr/bin/time -f "%M" -o "$work/put.rss" "$root/peerlab" storage put "$work/file.bin" "${pw[@]}" "${cfg[@]}" \
    >"$work/put.out" 2>"$work/put.err" || { echo "storage-bench: put failed: $(tail -3 "$work/put.err")" >&2; exit 1; }
  end=$(date +%s%N)
  id=$(tail -1 "$work/put.out")
  put_rates+=("$(mbps $((end - start)))"); put_rss+=("$(tail -1 "$work/put.rss")")
  rm -f "$work/got.bin"
  start=$(date +%s%N)
  PEERLAB_JAVA_OPTS=$client_opts /usr/bin/time -f "%M" -o "$work/get.rss" "$root/peerlab" storage get "$id" --out "$work/got.bin" "${pw[@]}" "${cfg[@]}" \
    >"$work/get.out" 2>"$work/get.err" || { echo "storage-bench: get failed: $(tail -3 "$work/get.err")" >&2; exit 1; }
  end=$(date +%s%N)
  cmp -s "$work/file.bin" "$work/got.bin" || { echo "storage-bench: the file read back differs" >&2; exit 1; }
  get_rates+=("$(mbps $((end - start)))"); get_rss+=("$(tail -1 "$work/get.rss")")
  echo "run $r: put ${put_rates[-1]} MB/s, get ${get_rates[-1]} MB/s (whole commands); identical after get"
  echo "       $(grep '^put stored' "$work/put.err" | sed 's/ as [0-9a-f]*//')"
  echo "       $(grep '^get wrote' "$work/get.err" | sed "s|$work/||")"
  echo "       peak RSS of the client: put $(( ${put_rss[-1]} / 1024 )) MiB, get $(( ${get_rss[-1]} / 1024 )) MiB${heap:+ (heap limit $heap)}"
  rm -f "$work/got.bin"
done
if [ "$runs" -gt 1 ]; then
  echo
  echo "median of $runs: put $(printf '%s\n' "${put_rates[@]}" | median) MB/s, get $(printf '%s\n' "${get_rates[@]}" | median) MB/s;" \
    "peak RSS put $(( $(printf '%s\n' "${put_rss[@]}" | median) / 1024 )) MiB, get $(( $(printf '%s\n' "${get_rss[@]}" | median) / 1024 )) MiB"
fi
