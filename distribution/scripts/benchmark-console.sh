#!/usr/bin/env bash
# Console live-video benchmark (issues 5 and 19), headless Chromium against the started distribution:
#   demo  the demo camera on one tile: hub arrival -> browser append, glass to glass (the picture carries its render
#         time as a time code the browser reads back), Karaf CPU per additional viewer of the same camera;
#   wall  16 live RTSP cameras at 25 fps (ffmpeg draws the wall clock into the picture, GStreamer serves it) on walls
#         of 1, 4, 9 and 16 tiles: glass to glass over all tiles, frames shown, browser and Karaf CPU;
#   ptz   PTZ press to the first picture that shows the move (Hikvision simulator + the live camera);
#   hevc  an H.265 camera: what this browser decodes, what the tile shows;
#   all   everything above, in one Karaf.
# Needs the built distribution unpacked by the integration-test module (mvn -B install), Debian's chromium,
# chromium-driver, ffmpeg and the GStreamer RTSP server (.ci/run installs them).
# The page decodes as the console does (auto: WebCodecs onto a canvas where the browser has it, else Media Source
# Extensions), or as forced with mse or webcodecs.
# Usage: distribution/scripts/benchmark-console.sh [SECONDS] [demo|wall|ptz|hevc|all] [auto|mse|webcodecs]
#        (default 60 demo auto)
set -euo pipefail
cd "$(dirname "$0")/../nl.uitkijk.itests"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
home=$(ls -d target/karaf/nl.uitkijk.distribution-*/ | head -1)
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/benchmark.classpath > /dev/null
"$JAVA_HOME/bin/java" -cp "target/test-classes:$(cat target/benchmark.classpath)" \
  nl.uitkijk.itests.ConsoleLatencyBenchmark "$(realpath "$home")" "${1:-60}" "${2:-demo}" "${3:-auto}" 2>&1 | grep --line-buffered -v -E '^SLF4J|WARNING'
