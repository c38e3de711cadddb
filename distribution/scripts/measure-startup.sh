#!/usr/bin/env bash
# Measures the built distribution: cold start (fresh unpack, first start) to the first 200 from /api/v1/health,
# the time until all demo cameras are ONLINE, and the idle memory of the JVM after a minute with four demo
# cameras. Usage: distribution/scripts/measure-startup.sh [runs=3]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
tarball=$(ls distribution/nl.uitkijk.distribution/target/nl.uitkijk.distribution-*.tar.gz)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
work=$(mktemp -d)
trap 'pkill -f "karaf.base=$work" || true; rm -rf "$work"' EXIT
echo "distribution: $(du -h "$tarball" | cut -f1) packed"
for run in $(seq 1 "$runs"); do
  rm -rf "$work"/*; tar xzf "$tarball" -C "$work"
  home=$(ls -d "$work"/nl.uitkijk.distribution-*)
  start=$(date +%s.%N)
  UITKIJK_ADMIN_PASSWORD=measure-startup-2026 "$home/bin/karaf" server > "$work/stdout.log" 2>&1 &
  until [ "$(curl -s -o /dev/null -w '%{http_code}' localhost:8181/api/v1/health)" = 200 ]; do sleep 0.1; done
  health=$(echo "$(date +%s.%N) - $start" | bc)
  until curl -s -u admin:measure-startup-2026 localhost:8181/api/v1/health | grep -q '"ONLINE":4'; do sleep 0.1; done
  online=$(echo "$(date +%s.%N) - $start" | bc)
  echo "run $run: health 200 after ${health} s, 4 demo cameras ONLINE after ${online} s"
  if [ "$run" = "$runs" ]; then
    sleep 60
    pid=$(pgrep -f "karaf.base=$home" | head -1)
    echo "unpacked: $(du -sh --exclude=data "$home" | cut -f1), data after start: $(du -sh "$home/data" | cut -f1)"
    echo "idle after 60 s: RSS $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )) MB"
    "$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info | grep -E "garbage-first heap|Metaspace" | sed 's/^ */  /'
    echo "CPU over the idle minute: $(ps -o time= -p "$pid") total since start"
  fi
  pkill -f "karaf.base=$home"; while pgrep -f "karaf.base=$home" > /dev/null; do sleep 0.2; done
done
