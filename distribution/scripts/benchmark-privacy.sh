#!/usr/bin/env bash
# Privacy-mask benchmark (issue 16): the cost of a masked camera stream (decode, fill the masks, encode again with
# libopenh264) against plain decoding of the same packets, CPU per picture on one thread, at 768x576 (the real
# CCTV clip) and 1920x1080 (the clip scaled up by Debian's ffmpeg). Usage: distribution/scripts/benchmark-privacy.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
mvn -B -q -o surefire:test -pl platform/nl.uitkijk.core -Dtest=PrivacyBenchmark -Duitkijk.benchmark=privacy \
  -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep -E 'decode only' | sed -E 's/^.*((768|1920)×)/\1/' || {
  echo "benchmark failed; run without the filter to see why" >&2; exit 1; }
