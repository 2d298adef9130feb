#!/usr/bin/env bash
# Moves a file between two peerlab processes over loopback TCP (by code, through a rendezvous
# process) and prints MB/s and peak RSS of each side, next to `scp -c aes256-gcm@openssh.com`
# of the same file to a private sshd on loopback, run in this same script.
#
# Usage: bench/transfer-bench.sh [SIZE_MIB] [--runs N] [--heap SIZE] [--sparse]
#   SIZE_MIB  file size (default 1024); --runs  repetitions of each tool (default 3, best and median shown)
#   --heap    -Xmx for both peerlab sides (e.g. 256m); --sparse  a sparse file instead of random bytes
#             (for the 10 GiB bounded-memory check: bench/transfer-bench.sh 10240 --runs 1 --heap 256m --sparse)
# Needs: openssh-server and openssh-client (installed with apt-get when missing and running as root).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
size_mib=1024 runs=3 heap="" sparse=0
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --heap) heap=$2; shift 2 ;;
    --sparse) sparse=1; shift ;;
    [0-9]*) size_mib=$1; shift ;;
    *) echo "transfer-bench: unknown argument $1" >&2; exit 2 ;;
  esac
done
if ! command -v /usr/sbin/sshd >/dev/null || ! command -v scp >/dev/null || [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q openssh-server openssh-client time >/dev/null
  else echo "transfer-bench: needs /usr/sbin/sshd, scp and /usr/bin/time (apt-get install openssh-server openssh-client time)" >&2; exit 1; fi
fi
work=$(mktemp -d "${TMPDIR:-/var/tmp}/peerlab-bench.XXXXXX")
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
bytes=$((size_mib * 1048576))
if [ $sparse = 1 ]; then truncate -s "$bytes" "$work/file.bin"
else head -c "$bytes" /dev/urandom >"$work/file.bin"; fi
echo "file: $size_mib MiB ($([ $sparse = 1 ] && echo sparse || echo random)); $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"

# the product is built once, before any timing
"$root/peerlab" strategies >/dev/null
export PEERLAB_PRODUCT=${PEERLAB_PRODUCT:-$root/releng/org.peerlab.product/target/products/org.peerlab.product/linux/gtk/x86_64}
[ -n "$heap" ] && export PEERLAB_JAVA_OPTS="-Xmx$heap"
rvport=$(free_port)
"$root/peerlab" rendezvous --port "$rvport" --bind 127.0.0.1 >"$work/rv.out" 2>&1 & pids+=($!)
for _ in $(seq 100); do grep -q listening "$work/rv.out" && break; sleep 0.1; done

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
peerlab_rates=() ; session_rates=() ; phase_rates=() ; send_rss=() ; recv_rss=()
for i in $(seq "$runs"); do
  rm -rf "$work/out"
  code="$((100 + i))-bench-run"
  PEERLAB_CONFIG=$work/a /usr/bin/time -f "%M" -o "$work/send.rss" "$root/peerlab" send "$work/file.bin" --code "$code" \
    --rendezvous "127.0.0.1:$rvport" >"$work/send.out" 2>"$work/send.err" & spid=$!
  for _ in $(seq 6000); do grep -q "^Code:" "$work/send.out" 2>/dev/null && break; sleep 0.01; done
  sleep 2 # a person needs longer than this to type the code; the sender's JVM finishes warming up meanwhile
  start=$(date +%s%N)
  PEERLAB_CONFIG=$work/b /usr/bin/time -f "%M" -o "$work/recv.rss" "$root/peerlab" receive "$code" --rendezvous "127.0.0.1:$rvport" \
    --out "$work/out" --yes >"$work/recv.out" 2>"$work/recv.err"
  end=$(date +%s%N)
  wait $spid
  [ "$(stat -c %s "$work/out/file.bin")" = "$bytes" ] || { echo "transfer-bench: received file has the wrong size" >&2; exit 1; }
  [ $sparse = 1 ] || cmp -s "$work/file.bin" "$work/out/file.bin" || { echo "transfer-bench: received file differs" >&2; exit 1; }
  rate=$(python3 -c "print(f'{$bytes / (($end - $start) / 1e9) / 1e6:.0f}')")
  phase=$(grep -o 'receiving 100%: [^,]*, [0-9.]* MiB/s' "$work/recv.err" | grep -o '[0-9.]* MiB/s' | tail -1)
  phase_rates+=("$(python3 -c "print(f'{${phase% MiB/s} * 1.048576:.0f}')")")
  # the receiver's summary: seconds from its TCP connection to the sender until every file verified
  session=$(grep -o 'in [0-9.]* s from connection' "$work/recv.out" | grep -o '[0-9.]*' | head -1)
  session_rates+=("$(python3 -c "print(f'{$bytes / $session / 1e6:.0f}')")")
  peerlab_rates+=("$rate"); send_rss+=("$(tail -1 "$work/send.rss")"); recv_rss+=("$(tail -1 "$work/recv.rss")")
  echo "peerlab run $i: $rate MB/s whole receive command (process start to exit); ${session_rates[-1]} MB/s from connection to verified file" \
    "(handshake included, JVM start not); ${phase_rates[-1]} MB/s from first to last byte; peak RSS sender" \
    "$(( $(tail -1 "$work/send.rss") / 1024 )) MiB, receiver $(( $(tail -1 "$work/recv.rss") / 1024 )) MiB"
done
rm -rf "$work/out"

# a private sshd on loopback, key login only
mkdir -p "$work/ssh"
ssh-keygen -q -t ed25519 -N "" -f "$work/ssh/host" && ssh-keygen -q -t ed25519 -N "" -f "$work/ssh/user"
cp "$work/ssh/user.pub" "$work/ssh/authorized_keys"
sshport=$(free_port)
cat >"$work/ssh/sshd_config" <<CONF
Port $sshport
ListenAddress 127.0.0.1
HostKey $work/ssh/host
AuthorizedKeysFile $work/ssh/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PidFile $work/ssh/sshd.pid
Subsystem sftp /usr/lib/openssh/sftp-server
CONF
mkdir -p /run/sshd 2>/dev/null || true
/usr/sbin/sshd -f "$work/ssh/sshd_config" -D -e 2>"$work/ssh/sshd.log" & pids+=($!)
sleep 1
scp_rates=()
mkdir -p "$work/scp-out"
for i in $(seq "$runs"); do
  rm -f "$work/scp-out/file.bin"
  start=$(date +%s%N)
  scp -q -c aes256-gcm@openssh.com -i "$work/ssh/user" -P "$sshport" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
    -o BatchMode=yes "$work/file.bin" "127.0.0.1:$work/scp-out/file.bin"
  end=$(date +%s%N)
  [ "$(stat -c %s "$work/scp-out/file.bin")" = "$bytes" ] || { echo "transfer-bench: scp copy has the wrong size" >&2; exit 1; }
  rate=$(python3 -c "print(f'{$bytes / (($end - $start) / 1e9) / 1e6:.0f}')")
  scp_rates+=("$rate")
  echo "scp run $i: $rate MB/s"
done

p=$(printf '%s\n' "${peerlab_rates[@]}" | median); s=$(printf '%s\n' "${scp_rates[@]}" | median)
echo
ph=$(printf '%s\n' "${phase_rates[@]}" | median); se=$(printf '%s\n' "${session_rates[@]}" | median)
echo "median of $runs: peerlab $p MB/s whole command, $se MB/s connection to verified file, $ph MB/s data phase;" \
  "scp -c aes256-gcm@openssh.com $s MB/s whole command"
echo "ratio peerlab/scp: $(python3 -c "print(f'{$p / $s:.2f}')")x whole command, $(python3 -c "print(f'{$se / $s:.2f}')")x connection to verified file," \
  "$(python3 -c "print(f'{$ph / $s:.2f}')")x data phase (each against scp's whole command)"
echo "peak RSS (median): sender $(( $(printf '%s\n' "${send_rss[@]}" | median) / 1024 )) MiB, receiver $(( $(printf '%s\n' "${recv_rss[@]}" | median) / 1024 )) MiB${heap:+ (heap limit $heap)}"
