package nl.uitkijk.driver.base;

import com.code_intelligence.jazzer.junit.FuzzTest;
import nl.uitkijk.driver.base.XmlElement.XmlException;

/**
 * Coverage-guided fuzzing (Jazzer) of the layer every HTTP camera driver reads replies through: the strict XML
 * reader of ONVIF and ISAPI replies, and the Digest challenge of a camera's {@code WWW-Authenticate}. The only
 * acceptable failure is the reader's own refusal; any other exception, a hang or an out-of-memory is a finding.
 * Without {@code JAZZER_FUZZ=1} these run the seeds in the resources; {@code distribution/scripts/fuzz.sh} fuzzes.
 */
class CameraReplyFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void xmlReplies(byte[] reply) {
        try {
            XmlElement root = XmlElement.parse(reply);
            root.find("Body").count();
            root.textAt("Body", "Fault", "Reason");
            root.attribute("xmlns");
        } catch (XmlException refused) {
            // not well-formed, too deep, too large, or a DTD: refused with a reason
        }
    }

    @FuzzTest(maxDuration = "15s")
    void digestChallenges(byte[] header) {
        DigestChallenge.parse(new String(header, java.nio.charset.StandardCharsets.ISO_8859_1));
    }
}
