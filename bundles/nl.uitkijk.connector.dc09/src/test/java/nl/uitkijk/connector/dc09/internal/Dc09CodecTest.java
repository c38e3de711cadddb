package nl.uitkijk.connector.dc09.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Dc09CodecTest {

    @Test
    void theCrcIsCrc16ArcAsInPublishedFrames() {
        // CRC-16/ARC's check value (the CRC catalogue): "123456789" → BB3D
        assertEquals("BB3D", Dc09Codec.crc("123456789"));
        // frames from pysiaalarm's test cases (github.com/eavanvalkenburg/pysiaalarm, tests/test_sia_package_cases.py)
        assertEquals("E5D5", Dc09Codec.crc("\"SIA-DCS\"6002L0#AAA[|Nri1/CL501]_14:12:04,09-25-2019"));
        assertEquals("76D8", Dc09Codec.crc("\"*NULL\"0000R0L0#AAAB[B4BC8B40D0E6D959D6BEA78E88CC0B2155741A3C44FBB96D4"
                + "76A3E557CAD64D9"));
        assertEquals("0055", Dc09Codec.length("\"*NULL\"0000R0L0#AAAB[B4BC8B40D0E6D959D6BEA78E88CC0B2155741A3C44FBB96"
                + "D476A3E557CAD64D9"));
    }

    @Test
    void decryptsAPublishedEncryptedFrame() throws Exception {
        // the same encrypted NULL message, key "AAAAAAAAAAAAAAAA" (ASCII) there: padding, then ']' and the time
        Dc09Codec codec = new Dc09Codec(HexFormat.of().parseHex("41414141414141414141414141414141"));
        String plain = codec.decrypt("B4BC8B40D0E6D959D6BEA78E88CC0B2155741A3C44FBB96D476A3E557CAD64D9");
        assertTrue(plain.endsWith("]_18:24:52,07-05-2020"), plain);
    }

    @Test
    void framesHaveLengthCrcAndTimestamp() {
        Dc09Codec codec = new Dc09Codec(null);
        String frame = codec.frame("SIA-DCS", 42, "12", "3", "4711", "|Nri01/PA000", "[Ihallo]",
                Instant.parse("2026-12-01T20:15:03Z"));
        assertEquals("\n", frame.substring(0, 1));
        assertTrue(frame.endsWith("\r"));
        String body = frame.substring(9, frame.length() - 1);
        assertEquals("\"SIA-DCS\"0042R12L3#4711[#4711|Nri01/PA000][Ihallo]_20:15:03,12-01-2026", body);
        assertEquals(Dc09Codec.crc(body), frame.substring(1, 5));
        assertEquals(String.format("%04X", body.length()), frame.substring(5, 9));
    }

    @Test
    void encryptedFramesAreWholeBlocksWithPaddingBeforeTheData() throws Exception {
        Dc09Codec codec = new Dc09Codec(HexFormat.of().parseHex("000102030405060708090A0B0C0D0E0F1011121314151617"));
        String frame = codec.frame("ADM-CID", 1, "", "0", "ABC", "|1120 01 000", "",
                Instant.parse("2026-12-01T20:15:03Z"));
        String body = frame.substring(9, frame.length() - 1);
        assertTrue(body.startsWith("\"*ADM-CID\"0001L0#ABC["), body);
        String hex = body.substring(body.indexOf('[') + 1);
        assertEquals(0, hex.length() % 32, "whole AES blocks");
        String plain = codec.decrypt(hex);
        String data = plain.substring(plain.indexOf('|'));
        assertEquals("|1120 01 000]_20:15:03,12-01-2026", data);
        assertTrue(plain.indexOf('|') >= 1, "at least one pad character");
    }

    @Test
    void textForExtendedDataIsAsciiWithoutDelimiters() {
        assertEquals("Cafe  a   b c", Dc09Codec.text("Café [a] |b^c", 100));
        assertEquals("abc", Dc09Codec.text("abcdef", 3));
    }

    /**
     * The frames of pysiaalarm's tests in the shared test data, with the CRC and length the data's README computed
     * for each (most are negative cases whose stated CRC or length is wrong): ours must compute the same.
     */
    @Test
    void computesTheCrcAndLengthOfThePublishedFramesAsTheTestDataDoes() throws Exception {
        java.nio.file.Path file = nl.uitkijk.testkit.TestData.require("dc09/pysiaalarm_messages.txt");
        java.util.List<String> lines = java.nio.file.Files.readAllLines(file);
        java.util.List<String> frames = lines.stream().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("\t")[0].replace("<x0A>", "")).toList();
        java.util.regex.Pattern verified = java.util.regex.Pattern.compile(
                "# ([0-9A-F]{8}): calc_crc=([0-9A-F]{4}) calc_len=([0-9A-F]{4}).*");
        java.util.List<String[]> expected = lines.stream().map(verified::matcher)
                .filter(java.util.regex.Matcher::matches).map(m -> new String[] {m.group(1), m.group(2), m.group(3)})
                .toList();
        assertEquals(frames.size(), expected.size(), "a verification for each frame");
        int valid = 0;
        for (int i = 0; i < frames.size(); i++) {
            String frame = frames.get(i);
            String body = frame.substring(8);
            assertEquals(expected.get(i)[0], frame.substring(0, 8), "in order");
            assertEquals(expected.get(i)[1], Dc09Codec.crc(body), "CRC of " + frame);
            assertEquals(expected.get(i)[2], Dc09Codec.length(body), "length of " + frame);
            if (frame.startsWith(Dc09Codec.crc(body) + Dc09Codec.length(body))) {
                valid++;
            }
        }
        assertEquals(1, valid, "only the encrypted NULL frame is whole (the README says so)");
    }
}
