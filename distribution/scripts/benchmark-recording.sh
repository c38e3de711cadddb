#!/usr/bin/env bash
# Recording benchmark (issue 3): N simulated RTSP cameras recorded for DURATION seconds by Uitkijk, then the same N
# streams recorded by N plain `ffmpeg -c copy -f segment` processes, in the same run, from the same RTSP server.
# Reports CPU seconds of each side, their ratio, lost footage, and Uitkijk's heap and RSS.
# Needs: the built distribution, Debian's ffmpeg and GStreamer RTSP server (.ci/run installs them), ../shared.
# Usage: distribution/scripts/benchmark-recording.sh [N...]   (default: 1 8 32 64; DURATION=60)
set -euo pipefail
cd "$(dirname "$0")/../.."
project=$PWD
counts=("${@:-1 8 32 64}"); [ $# -eq 0 ] && counts=(1 8 32 64)
duration=${DURATION:-60}
shared=${UITKIJK_SHARED:-$project/../shared}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
tarball=$(ls distribution/nl.uitkijk.distribution/target/nl.uitkijk.distribution-*.tar.gz)
work=$(mktemp -d); port=18554; pw=bench-recording-2026
cleanup() { pkill -f "karaf.base=$work" || true; pkill -f "rtsp_server.py $work" || true; pkill -f "ffmpeg -nostdin -rtsp_transport" || true; }
trap 'cleanup; rm -rf "$work"' EXIT
ticks=$(getconf CLK_TCK)
cpu_seconds() { # total user+system CPU of the given pids, in seconds
  local sum=0; for p in "$@"; do [ -r /proc/$p/stat ] && sum=$((sum + $(awk '{print $14 + $15}' /proc/$p/stat))); done
  echo "scale=2; $sum / $ticks" | bc
}
api() { curl -sf -u admin:$pw "$@"; }

ffmpeg -v error -y -i "$shared/testdata/video/opencv_vtest_h264.mp4" -c:v copy -bsf:v h264_mp4toannexb -f h264 "$work/clip.h264"
printf "%-4s | %-12s | %-12s | %-6s | %-22s | %-9s | %-8s\n" N "Uitkijk CPU" "ffmpeg CPU" ratio "lost (Uitkijk/ffmpeg)" "heap MB" "RSS MB"
for n in "${counts[@]}"; do
  /usr/bin/python3 "$shared/tools/rtsp_server.py" "$work/clip.h264" "$n" "$port" 10 > "$work/rtsp.log" 2>&1 &
  sleep 2
  # --- Uitkijk
  rm -rf "$work/karaf"; mkdir "$work/karaf"; tar xzf "$tarball" -C "$work/karaf"; home=$(ls -d "$work"/karaf/*)
  UITKIJK_ADMIN_PASSWORD=$pw "$home/bin/karaf" server > "$work/karaf.out" 2>&1 &
  until api -o /dev/null http://localhost:8181/api/v1/health; do sleep 0.5; done
  echo "feature:uninstall uitkijk-driver-demo; feature:install uitkijk-driver-rtsp" | "$home/bin/client" -u admin -p $pw -b > /dev/null
  for id in $(api http://localhost:8181/api/v1/cameras | python3 -c 'import json,sys; print(" ".join(c["id"] for c in json.load(sys.stdin)))'); do
    api -X DELETE http://localhost:8181/api/v1/cameras/$id; done
  sleep 2
  for i in $(seq 1 "$n"); do
    api -o /dev/null -H 'Content-Type: application/json' http://localhost:8181/api/v1/cameras \
      -d "{\"id\":\"bench-$i\",\"name\":\"Bench $i\",\"driver\":\"rtsp\",\"config\":{\"url\":\"rtsp://127.0.0.1:$port/cam$i\"},\"location\":{\"lat\":50.888,\"lon\":5.98},\"designationId\":\"centrum-heerlen-demo\"}"
  done
  for _ in $(seq 1 180); do   # at most three minutes for every camera to come ONLINE
    [ "$(api http://localhost:8181/api/v1/cameras | grep -o '"status":"ONLINE"' | wc -l)" -ge "$n" ] && break; sleep 1
  done
  sleep 10 # recording has started on every camera
  pid=$(pgrep -f "karaf.base=$home" | head -1)
  from=$(date -u +%Y-%m-%dT%H:%M:%SZ); c0=$(cpu_seconds "$pid")
  sleep "$duration"
  c1=$(cpu_seconds "$pid"); to=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  sleep 6 # last segments close
  lost=0
  for i in $(seq 1 "$n"); do
    secs=$(api "http://localhost:8181/api/v1/cameras/bench-$i/timeline?from=$from&to=$to" | python3 -c '
import json,sys,datetime as d
t=json.load(sys.stdin); p=lambda s: d.datetime.fromisoformat(s.replace("Z","+00:00"))
print(sum((p(r["end"])-p(r["start"])).total_seconds() for r in t["ranges"]))')
    lost=$(echo "$lost + ($duration - $secs > 4)" | bc)   # a camera missing more than one segment counts as lost
  done
  heap=$("$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info | awk '/garbage-first heap/ {gsub("K,","",$6); print int($6/1024)}')
  rss=$(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 ))
  uitkijk=$(echo "$c1 - $c0" | bc)
  pkill -f "karaf.base=$home"; while pgrep -f "karaf.base=$home" > /dev/null; do sleep 0.5; done
  # --- the plain baseline: one ffmpeg per camera
  rm -rf "$work/ff"; mkdir "$work/ff"; pids=()
  for i in $(seq 1 "$n"); do
    mkdir "$work/ff/$i"
    ffmpeg -nostdin -rtsp_transport tcp -i "rtsp://127.0.0.1:$port/cam$i" -c copy -f segment -segment_time 4 \
      -reset_timestamps 1 "$work/ff/$i/%05d.mp4" > "$work/ff/$i.log" 2>&1 &
    pids+=($!)
  done
  sleep 10
  f0=$(cpu_seconds "${pids[@]}"); sleep "$duration"; f1=$(cpu_seconds "${pids[@]}")
  kill -INT "${pids[@]}" 2>/dev/null || true; wait "${pids[@]}" 2>/dev/null || true
  fflost=0
  for i in $(seq 1 "$n"); do
    segs=$(ls "$work/ff/$i" | wc -l); [ "$segs" -lt $(( (duration + 10) / 4 - 1 )) ] && fflost=$((fflost + 1))
  done
  ff=$(echo "$f1 - $f0" | bc)
  ratio=$(echo "scale=2; $uitkijk / $ff" | bc 2>/dev/null || echo "-")
  printf "%-4s | %-12s | %-12s | %-6s | %-22s | %-9s | %-8s\n" "$n" "$uitkijk s" "$ff s" "$ratio" "$lost / $fflost cameras" "$heap" "$rss"
  pkill -f "rtsp_server.py $work" || true; sleep 2
done
