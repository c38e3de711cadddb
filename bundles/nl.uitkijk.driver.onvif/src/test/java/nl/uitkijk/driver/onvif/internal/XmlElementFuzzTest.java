package nl.uitkijk.driver.onvif.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import nl.uitkijk.driver.base.XmlElement.XmlException;
import nl.uitkijk.driver.base.XmlElement;
import nl.uitkijk.testkit.TestData;
import org.junit.jupiter.api.Test;

/** The reply parser on every captured reply, and on tens of thousands of mutations of them. */
class XmlElementFuzzTest {

    private static List<byte[]> captures() throws Exception {
        try (Stream<Path> files = Files.list(TestData.require("onvif/responses"))) {
            return files.sorted().map(file -> {
                try {
                    return Files.readAllBytes(file);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    @Test
    void everyWellFormedCaptureParsesIntoAnEnvelopeWithABody() throws Exception {
        int parsed = 0;
        for (byte[] capture : captures()) {
            try {
                XmlElement envelope = XmlElement.parse(capture);
                assertEquals("Envelope", envelope.name());
                assertTrue(envelope.child("Body").isPresent());
                parsed++;
            } catch (XmlException e) {
                // the capture of a fault is itself malformed; that one is refused with a reason
                assertTrue(e.getMessage().startsWith("it is not well-formed XML"), e.getMessage());
            }
        }
        assertTrue(parsed >= 70, "parsed " + parsed);
    }

    @Test
    void mutatedRepliesNeverEscapeAsAnythingButARefusal() throws Exception {
        Random random = new Random(20261129);
        List<byte[]> captures = captures();
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] mutated = mutate(captures.get(random.nextInt(captures.size())), random);
            try {
                XmlElement.parse(mutated);
            } catch (XmlException e) {
                refused++;
            }
        }
        assertTrue(refused > 1000, "mutations were refused: " + refused);
    }

    @Test
    void limitsHold() {
        String deep = "<a>".repeat(XmlElement.MAX_DEPTH + 1) + "</a>".repeat(XmlElement.MAX_DEPTH + 1);
        assertTrue(assertThrows(XmlException.class, () -> XmlElement.parse(bytes(deep))).getMessage()
                .contains("nested deeper"));
        String wide = "<a>" + "<b/>".repeat(XmlElement.MAX_ELEMENTS + 1) + "</a>";
        assertTrue(assertThrows(XmlException.class, () -> XmlElement.parse(bytes(wide))).getMessage()
                .contains("more than"));
        assertTrue(assertThrows(XmlException.class, () -> XmlElement.parse(bytes(
                "<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>"))).getMessage().contains("DTD"));
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = Arrays.copyOf(original, original.length);
        switch (random.nextInt(5)) {
            case 0 -> {
                for (int k = 0; k < 1 + random.nextInt(8); k++) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case 2 -> {
                int from = random.nextInt(bytes.length);
                int length = Math.min(bytes.length - from, random.nextInt(200));
                byte[] longer = new byte[bytes.length + length];
                System.arraycopy(bytes, 0, longer, 0, from + length);
                System.arraycopy(bytes, from, longer, from + length, bytes.length - from);
                bytes = longer;
            }
            case 3 -> {
                String text = new String(bytes, StandardCharsets.UTF_8);
                bytes = text.replaceFirst("<", "<!DOCTYPE x [<!ENTITY y SYSTEM \"file:///etc/passwd\">]><")
                        .replace("Manufacturer>", "Manufacturer>&y;").getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                int at = random.nextInt(bytes.length);
                bytes[at] = (byte) "<>&\"'/=".charAt(random.nextInt(7));
            }
        }
        return bytes;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
