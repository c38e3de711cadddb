#!/usr/bin/env bash
# Analytics benchmark (issue 15): N RTSP cameras (the real clip from the GStreamer server), recorded and
# with motion on (N = 1, 8, 16, 32), then the people module (N = 1, 4, 8): analytics CPU per camera against the
# ffmpeg decode floor measured in the same run, dropped frames, lost segments, latency p50/p95.
# Needs the built distribution unpacked by the integration-test module (mvn -B install), ffmpeg and GStreamer.
# Usage: distribution/scripts/benchmark-analytics.sh [motion counts, e.g. 1,8,16,32] [people counts, e.g. 1,4,8]
set -euo pipefail
cd "$(dirname "$0")/../nl.uitkijk.itests"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
home=$(ls -d target/karaf/nl.uitkijk.distribution-*/ | head -1)
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/benchmark.classpath > /dev/null
shared=$(realpath "${UITKIJK_SHARED:-../../../shared}")
"$JAVA_HOME/bin/java" -Duitkijk.testdata="$shared/testdata" -Duitkijk.tools="$shared/tools" -cp "target/test-classes:$(cat target/benchmark.classpath)" \
  nl.uitkijk.itests.AnalyticsBenchmark "$(realpath "$home")" "${1:-1,8,16,32}" "${2:-1,4,8}" 2>&1 | grep -v -E '^SLF4J|WARNING|^\[main\] INFO'
