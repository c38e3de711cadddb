package nl.uitkijk.core.internal.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class FfmpegPacketReaderTest {

    private static final byte[] SPS_PPS = { 0, 0, 0, 1, 0x67, 0x42, 0, 0x1e, 0, 0, 0, 1, 0x68, (byte) 0xce, 0x3c };
    private static final byte[] IDR = { 0, 0, 0, 1, 0x65, (byte) 0x88, (byte) 0x84, 0x00 };
    private static final byte[] SEI_AND_SLICE = { 0, 0, 1, 0x06, 0x05, 0x01, 0, 0, 1, 0x41, (byte) 0x9a };

    @Test
    void recognisesPacketsWithoutAPicture() {
        assertTrue(FfmpegPacketReader.parameterSetsOnly(SPS_PPS, false));
        assertFalse(FfmpegPacketReader.parameterSetsOnly(IDR, false));
        assertFalse(FfmpegPacketReader.parameterSetsOnly(SEI_AND_SLICE, false));
        assertFalse(FfmpegPacketReader.parameterSetsOnly(new byte[] { 1, 2, 3 }, false), "not Annex-B: leave it");
        byte[] hevcVps = { 0, 0, 0, 1, 0x40, 0x01, 0x0c };
        byte[] hevcIdr = { 0, 0, 0, 1, 0x26, 0x01, (byte) 0xaf };
        assertTrue(FfmpegPacketReader.parameterSetsOnly(hevcVps, true));
        assertFalse(FfmpegPacketReader.parameterSetsOnly(hevcIdr, true));
    }

    @Test
    void credentialsNeverShow() {
        assertEquals("rtsp://127.0.0.1:554/a",
                FfmpegPacketReader.withoutCredentials(URI.create("rtsp://op:geheim@127.0.0.1:554/a")));
    }
}
