package nl.uitkijk.core.internal.media.rtsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtspParsingTest {

    /** SPS and PPS of the CCTV test clip (Main profile, 768x576, 10 fps), as GStreamer announces them. */
    private static final String SPROP = "Z01AH9oDAEmhAAADAAEAAAMAFA8YMqA=,aO8NyA==";

    @Test
    void readsTheVideoTrackOfASessionDescription() {
        String sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=Session\r\nt=0 0\r\na=control:*\r\n"
                + "m=audio 0 RTP/AVP 0\r\na=control:stream=1\r\n"
                + "m=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n"
                + "a=fmtp:96 packetization-mode=1;profile-level-id=64001e;sprop-parameter-sets=" + SPROP + "\r\n"
                + "a=control:stream=0\r\na=framerate:10\r\n";
        SessionDescription track = SessionDescription.firstVideoTrack(sdp).orElseThrow();
        assertEquals("H264", track.codec());
        assertEquals(96, track.payloadType());
        assertEquals(90_000, track.clockRate());
        assertEquals("stream=0", track.control());
        assertEquals(10.0, track.frameRate());
        assertEquals(0x67, track.spropParameterSets()[0][0]);
        assertEquals(0x68, track.spropParameterSets()[1][0]);
        assertTrue(SessionDescription.firstVideoTrack("v=0\r\nm=audio 0 RTP/AVP 0\r\n").isEmpty());
        assertEquals("JPEG", SessionDescription.firstVideoTrack("m=video 0 RTP/AVP 26\r\n").orElseThrow().codec());
    }

    @Test
    void readsSizeAndFrameRateFromTheSps() {
        byte[] sps = Base64.getDecoder().decode(SPROP.split(",")[0]);
        H264Sps parsed = H264Sps.parse(sps);
        assertEquals(768, parsed.width());
        assertEquals(576, parsed.height());
        assertEquals(10.0, parsed.fps(), 0.01);
    }

    @Test
    void removesEmulationPrevention() {
        assertArrayEquals(new byte[] { 0, 0, 1, 0, 0, 2 },
                H264Sps.unescape(new byte[] { 0x67, 0, 0, 3, 1, 0, 0, 3, 2 }, 1));
    }

    @Test
    void resolvesControlUrls() {
        assertEquals("rtsp://h/cam1/stream=0", RtspPacketReader.resolve("rtsp://h/cam1/", "stream=0"));
        assertEquals("rtsp://h/cam1/trackID=1", RtspPacketReader.resolve("rtsp://h/cam1", "trackID=1"));
        assertEquals("rtsp://other/x", RtspPacketReader.resolve("rtsp://h/cam1", "rtsp://other/x"));
        assertEquals("rtsp://h/cam1", RtspPacketReader.resolve("rtsp://h/cam1", "*"));
    }

    @Test
    void answersDigestChallengesAsRfc2617Shows() {
        DigestCredentials credentials = new DigestCredentials("Mufasa", "Circle Of Life", false);
        assertTrue(credentials.challenge("Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", "
                + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\""));
        String header = credentials.authorization("GET", "/dir/index.html", "0a4f113b");
        assertTrue(header.contains("response=\"6629fae49393a05397450978507c4ef1\""), header);
        assertTrue(header.contains("opaque=\"5ccc069c403ebaf9f0171e9517f40e41\""), header);
        DigestCredentials basic = new DigestCredentials("op", "geheim", true);
        assertTrue(basic.challenge("Basic realm=\"cam\""));
        assertEquals("Basic b3A6Z2VoZWlt", basic.authorization("DESCRIBE", "rtsp://h/"));
        assertFalse(new DigestCredentials("a", "b", true).challenge("Negotiate abc"));
    }

    @Test
    void basicAuthenticationIsRefusedUnlessTheCameraIsAllowedIt() {
        DigestCredentials refused = new DigestCredentials("op", "geheim", false);
        assertFalse(refused.challenge("Basic realm=\"cam\""), "the password is not sent in clear text");
        assertTrue(refused.basicRefused());
        assertFalse(refused.ready());
        DigestCredentials digest = new DigestCredentials("op", "geheim", false);
        assertTrue(digest.challenge("Digest realm=\"cam\", nonce=\"abc\""), "Digest is answered as ever");
        assertFalse(digest.basicRefused());
    }

    @Test
    void rebuildsAccessUnitsFromSingleStapAndFragmentedPackets() {
        List<H264Depacketizer.AccessUnit> units = new ArrayList<>();
        H264Depacketizer depacketizer = new H264Depacketizer(units::add);
        // STAP-A with SPS and PPS, then an IDR in three FU-A fragments, all at one time stamp.
        byte[] stap = { 24, 0, 3, 0x67, 1, 2, 0, 2, 0x68, 3 };
        depacketizer.packet(1, 9000, false, stap, 0, stap.length);
        depacketizer.packet(2, 9000, false, new byte[] { 0x7c, (byte) 0x85, 10, 11 }, 0, 4);
        depacketizer.packet(3, 9000, false, new byte[] { 0x7c, 0x05, 12 }, 0, 3);
        depacketizer.packet(4, 9000, true, new byte[] { 0x7c, 0x45, 13 }, 0, 3);
        // A P picture as a single NAL unit.
        depacketizer.packet(5, 18000, true, new byte[] { 0x41, 20, 21 }, 0, 3);
        assertEquals(2, units.size());
        assertTrue(units.get(0).keyframe());
        assertArrayEquals(new byte[] { 0, 0, 0, 1, 0x67, 1, 2, 0, 0, 0, 1, 0x68, 3, 0, 0, 0, 1, 0x65, 10, 11, 12, 13 },
                units.get(0).data());
        assertArrayEquals(new byte[] { 0x67, 1, 2 }, depacketizer.sps());
        assertFalse(units.get(1).keyframe());
        assertEquals(18000, units.get(1).rtpTimestamp());
    }

    @Test
    void dropsEverythingUpToTheNextKeyframeAfterALoss() {
        List<H264Depacketizer.AccessUnit> units = new ArrayList<>();
        H264Depacketizer depacketizer = new H264Depacketizer(units::add);
        depacketizer.packet(1, 0, true, new byte[] { 0x65, 1 }, 0, 2);
        depacketizer.packet(2, 100, false, new byte[] { 0x5c, (byte) 0x81, 1 }, 0, 3); // FU-A start of a P picture
        depacketizer.packet(4, 100, true, new byte[] { 0x5c, 0x41, 3 }, 0, 3); // packet 3 is lost
        depacketizer.packet(5, 200, true, new byte[] { 0x41, 4 }, 0, 2); // refers to the broken picture
        depacketizer.packet(6, 300, true, new byte[] { 0x65, 5 }, 0, 2);
        depacketizer.packet(7, 400, false, new byte[] { 0x41, 6 }, 0, 2); // no marker: ends at the next time stamp
        depacketizer.packet(8, 500, true, new byte[] { 0x41, 7 }, 0, 2);
        assertEquals(List.of(0L, 300L, 400L, 500L),
                units.stream().map(H264Depacketizer.AccessUnit::rtpTimestamp).toList());
        assertEquals(1, depacketizer.lostPackets());
    }
}
