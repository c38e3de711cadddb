#!/usr/bin/env bash
# Console live-video benchmark (issue 5): latency from a packet's arrival at the media hub to the browser appending
# its fMP4 fragment (p50/p95, headless Chromium, the demo camera), glass to glass (the demo camera's picture carries its
# render time as a time code the browser reads back), and the Karaf CPU per additional viewer of the same
# camera. Needs the built distribution unpacked by the integration-test module (mvn -B install) and Debian's chromium
# and chromium-driver (.ci/run installs them).
# Usage: distribution/scripts/benchmark-console.sh [SECONDS]   (default 60)
set -euo pipefail
cd "$(dirname "$0")/../nl.uitkijk.itests"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
home=$(ls -d target/karaf/nl.uitkijk.distribution-*/ | head -1)
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/benchmark.classpath > /dev/null
"$JAVA_HOME/bin/java" -cp "target/test-classes:$(cat target/benchmark.classpath)" \
  nl.uitkijk.itests.ConsoleLatencyBenchmark "$(realpath "$home")" "${1:-60}" 2>&1 | grep -v -E '^SLF4J|WARNING'
