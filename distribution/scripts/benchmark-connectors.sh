#!/usr/bin/env bash
# Alarm delivery benchmark (issue 14): alarm raised → arrived at a webhook endpoint, an MQTT subscriber (through a
# real Mosquitto) and a DC-09 receiver, p50/p99 at 10 and 100 alarms per second; then 1,000 alarms with kill -9 of
# Karaf after the 500th: delivered, lost, duplicated (by id). Needs the built distribution unpacked by the
# integration-test module (mvn -B install) and Debian's mosquitto (.ci/run installs it).
# Usage: distribution/scripts/benchmark-connectors.sh
set -euo pipefail
cd "$(dirname "$0")/../nl.uitkijk.itests"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
home=$(ls -d target/karaf/nl.uitkijk.distribution-*/ | head -1)
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/benchmark.classpath > /dev/null
"$JAVA_HOME/bin/java" -cp "target/test-classes:$(cat target/benchmark.classpath)" \
  nl.uitkijk.itests.ConnectorBenchmark "$(realpath "$home")" 2>&1 | grep -v -E '^SLF4J|WARNING|^\[main\] INFO'
