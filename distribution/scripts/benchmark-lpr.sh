#!/usr/bin/env bash
# LPR benchmark (issue 16): on the labelled EU plate photos of ../shared/testdata/plates, the recogniser alone
# (PP-OCRv4 against Tesseract 5 as the plain baseline, same crops), end-to-end accuracy (exact best read per photo,
# localisation IoU >= 0.5) and time per photo, and time per 1280x720 video frame with and without a plate.
# Usage: distribution/scripts/benchmark-lpr.sh     (after mvn -B install)
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
mvn -B -q -o surefire:test -pl bundles/nl.uitkijk.analytics.lpr -Dtest=LprBenchmark -Duitkijk.benchmark=lpr \
  -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep -E '(recogniser|end to end|a 1280)' | sed -E 's/^.*(recogniser|end to end|a 1280)/\1/' || {
  echo "benchmark failed; run without the filter to see why" >&2; exit 1; }
