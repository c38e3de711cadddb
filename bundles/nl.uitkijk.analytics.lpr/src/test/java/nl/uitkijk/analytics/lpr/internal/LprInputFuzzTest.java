package nl.uitkijk.analytics.lpr.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing (Jazzer) of what reaches the plate reader from outside before any model runs: the header
 * check of a still posted to {@code POST /lpr/read}, and the layout fit of whatever text the recogniser read. The
 * only acceptable failure is the check's own refusal; any other exception, a hang or an out-of-memory is a finding.
 * Without {@code JAZZER_FUZZ=1} this runs the seeds; {@code distribution/scripts/fuzz.sh} fuzzes.
 */
class LprInputFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void stillHeadersAndReadings(byte[] input) {
        try {
            StillSize.check(input, LprModule.MIN_SIDE, LprModule.MAX_PIXELS);
        } catch (IllegalArgumentException refused) {
            // not a picture, too small or too large: refused with a reason
        }
        PlateSyntax.fit(new String(input, StandardCharsets.UTF_8));
    }
}
