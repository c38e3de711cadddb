#!/usr/bin/env bash
# Fuzzes the parsers of outside input with Jazzer (coverage-guided, libFuzzer), 15 s per target (the @FuzzTest
# maxDuration): RTSP reply heads, SDP, RTP payloads and H.264 SPS (core), camera XML replies and Digest challenges
# (driver base), the REST API's JSON bodies (rest), and posted stills and OCR readings (LPR). A finding fails the
# script; Jazzer writes the input that caused it next to the seeds (src/test/resources/.../<Test>Inputs/<method>/crash-…), where it stays as a
# regression test once the bug is fixed. Needs a prior `mvn install` (the modules' dependencies, offline).
# Usage: distribution/scripts/fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
targets=(
  "platform/nl.uitkijk.core RtspInputFuzzTest#replyHeads"
  "platform/nl.uitkijk.core RtspInputFuzzTest#sessionDescriptions"
  "platform/nl.uitkijk.core RtspInputFuzzTest#rtpPayloads"
  "platform/nl.uitkijk.core RtspInputFuzzTest#sequenceParameterSets"
  "sdk/nl.uitkijk.driver.base CameraReplyFuzzTest#xmlReplies"
  "sdk/nl.uitkijk.driver.base CameraReplyFuzzTest#digestChallenges"
  "platform/nl.uitkijk.rest JsonInputFuzzTest#requestBodies"
  "bundles/nl.uitkijk.analytics.lpr LprInputFuzzTest#stillHeadersAndReadings"
)
# Two streams side by side (CI has two cores; each target is single-threaded), each stream's targets in turn: the
# core's four, then the other modules' four. A module is fuzzed by one stream only, so no two runs share its target/.
fuzz_stream() {
  local out=$1; shift
  for target in "$@"; do
    local module=${target%% *} test=${target#* } log
    log=$(mktemp)
    # coverage of our code and of the JSON parser in front of it guides the fuzzer
    if JAZZER_FUZZ=1 JAZZER_INSTRUMENTATION_INCLUDES='nl.uitkijk.**:com.fasterxml.jackson.**' mvn -B -o -q surefire:test -pl "$module" -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
        >"$log" 2>&1; then
      runs=$(grep -oE '^Done [0-9]+ runs' "$log" | tail -1 || true)
      cov=$(grep -oE 'DONE +cov: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$' || true)
      echo "fuzzed $test: no finding (${runs:-?}, ${cov:-?} edges covered)" >>"$out"
    else
      { echo "fuzzed $test: FINDING"; grep -E 'FuzzTestFindingException|Exception:' "$log" | head -5; } >>"$out"
    fi
    rm -f "$log"
  done
}
core=$(mktemp); others=$(mktemp)
fuzz_stream "$core" "${targets[@]:0:4}" &
fuzz_stream "$others" "${targets[@]:4}" &
wait
cat "$core" "$others"
failed=0
if grep -q ': FINDING' "$core" "$others"; then failed=1; fi
rm -f "$core" "$others"
exit $failed
