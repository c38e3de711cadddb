package nl.uitkijk.core.internal.media.rtsp;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing (Jazzer) of what a camera sends the RTSP client: reply heads, SDP, RTP payloads and the
 * H.264 parameter sets in them. A camera may send anything; the only acceptable failure is the parser's own refusal
 * (an {@link RtspException}, or the SPS parser's {@link IllegalArgumentException}); any other exception, a hang or
 * an out-of-memory is a finding. Without {@code JAZZER_FUZZ=1} these run the seeds in the resources (regression);
 * {@code distribution/scripts/fuzz.sh} fuzzes them for real.
 */
class RtspInputFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void replyHeads(FuzzedDataProvider data) {
        String head = data.consumeRemainingAsString();
        try {
            RtspResponse reply = RtspConnection.parseReply(head);
            int length = RtspConnection.contentLength(reply);
            if (length < 0) {
                throw new AssertionError("a negative body length was accepted: " + length);
            }
            reply.header("session");
            reply.header("www-authenticate");
        } catch (RtspException refused) {
            // a reply we cannot use, said with a reason
        }
    }

    @FuzzTest(maxDuration = "15s")
    void sessionDescriptions(byte[] sdp) {
        SessionDescription.firstVideoTrack(new String(sdp, StandardCharsets.UTF_8)).ifPresent(track -> {
            track.codec();
            track.control();
            track.formatParameters();
        });
    }

    @FuzzTest(maxDuration = "15s")
    void rtpPayloads(FuzzedDataProvider data) {
        H264Depacketizer depacketizer = new H264Depacketizer(unit -> {
            if (unit.data() == null) {
                throw new AssertionError("an access unit without data");
            }
        });
        int sequence = data.consumeInt(0, 65535);
        long timestamp = data.consumeLong();
        while (data.remainingBytes() > 0) {
            byte[] payload = data.consumeBytes(data.consumeInt(0, 1500));
            int offset = payload.length == 0 ? 0 : data.consumeInt(0, payload.length - 1);
            depacketizer.packet(sequence, timestamp, data.consumeBoolean(), payload, offset, payload.length - offset);
            sequence = (sequence + (data.consumeBoolean() ? 1 : data.consumeInt(0, 65535))) & 0xffff;
            timestamp += data.consumeInt(0, 9000);
        }
    }

    @FuzzTest(maxDuration = "15s")
    void sequenceParameterSets(byte[] nal) {
        try {
            H264Sps sps = H264Sps.parse(nal);
            if (sps.width() < 0 || sps.height() < 0) {
                throw new AssertionError("a negative picture size: " + sps);
            }
        } catch (IllegalArgumentException malformed) {
            // refused as malformed
        }
    }
}
