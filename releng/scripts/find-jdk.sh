# Sourced (POSIX sh) by ./mvnw and ./peerlab: selects a JDK 21 or newer and exports JAVA_HOME.
# Order: $JAVA_HOME if it is 21+, else the newest 21+ JDK under /usr/lib/jvm (PEERLAB_JVM_DIR overrides).
# Prints one line naming the JDK chosen (to stderr, so that --json output stays clean);
# PEERLAB_QUIET_JDK=1 silences it. Stops with exit code 1 and an install hint when none exists.

peerlab_jdk_major() {
  # $1: a JDK home. Prints its feature version (17, 21, 25, ...) or nothing.
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -r "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
  else
    "$1/bin/java" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p'
  fi
}

peerlab_find_jdk() {
  jvm_dir=${PEERLAB_JVM_DIR:-/usr/lib/jvm}
  if [ -n "${JAVA_HOME-}" ]; then
    v=$(peerlab_jdk_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then
      PEERLAB_JDK_SOURCE="JAVA_HOME"; PEERLAB_JDK_MAJOR=$v; return 0
    fi
    echo "PeerLab: JAVA_HOME=$JAVA_HOME is not a JDK 21+ (found: ${v:-no JDK}); looking in $jvm_dir" >&2
  fi
  best=""; bestv=0
  # ls rather than a glob: ./mvnw runs with 'set -f'.
  for n in $(ls "$jvm_dir" 2>/dev/null); do
    d=$jvm_dir/$n
    [ -d "$d" ] && [ ! -L "$d" ] || continue
    v=$(peerlab_jdk_major "$d")
    if [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$bestv" ]; then best=$d; bestv=$v; fi
  done
  if [ -z "$best" ]; then
    echo "PeerLab needs a JDK 21 or newer and found none (JAVA_HOME unset or too old, none 21+ in $jvm_dir)." >&2
    echo "Install one (for example Eclipse Temurin 21 or 25 into /usr/lib/jvm, or 'apt-get install openjdk-21-jdk' where your distribution has it) or set JAVA_HOME." >&2
    exit 1
  fi
  JAVA_HOME=$best; PEERLAB_JDK_SOURCE=$jvm_dir; PEERLAB_JDK_MAJOR=$bestv
}

peerlab_find_jdk
export JAVA_HOME
[ "${PEERLAB_QUIET_JDK-}" = 1 ] || echo "PeerLab: using JDK $PEERLAB_JDK_MAJOR at $JAVA_HOME (from $PEERLAB_JDK_SOURCE)" >&2
