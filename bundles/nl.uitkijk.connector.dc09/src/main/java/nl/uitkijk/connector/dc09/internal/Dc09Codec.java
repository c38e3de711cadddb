package nl.uitkijk.connector.dc09.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * SIA DC-09 framing, as the transmitter (the premises equipment) writes it and reads the receiver's answers:
 * {@code <LF><crc><0LLL>"<id>"<seq>R<rcvr>L<pref>#<acct>[<data>][<x>…]_<HH:MM:SS,MM-DD-YYYY><CR>}. The CRC is
 * CRC-16/ARC (poly 0x8005 reflected, initial 0) over the characters from the first quote to the end of the
 * timestamp, written as four upper-case hex digits; {@code 0LLL} is the length of the same characters in hex. With a
 * key, the part after {@code [} is AES-CBC encrypted (zero IV) after random padding that ends in {@code |}, written in
 * upper-case hex, and the id gets a {@code *}.
 */
final class Dc09Codec {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("HH:mm:ss,MM-dd-yyyy", Locale.ROOT);
    private static final Pattern REPLY = Pattern.compile(
            "([0-9A-Fa-f]{4})([0-9A-Fa-f]{4})(\"(\\*?)(ACK|NAK|DUH|RSP)\"(\\d{4})(R[0-9A-Fa-f]{1,6})?"
                    + "(L[0-9A-Fa-f]{1,6})(?:#?([0-9A-Fa-f]{1,16}|A0))?\\[(.*))", Pattern.DOTALL);
    private static final Pattern TIME = Pattern.compile("_(\\d{2}:\\d{2}:\\d{2},\\d{2}-\\d{2}-\\d{4})");
    private static final String PAD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** What the receiver answered. */
    record Reply(String type, boolean encrypted, int sequence, String account, Instant timestamp) {
    }

    private final SecureRandom random = new SecureRandom();
    private final byte[] key;

    /** @param key AES key (16, 24 or 32 bytes), or {@code null} for plain text */
    Dc09Codec(byte[] key) {
        this.key = key;
    }

    boolean encrypted() {
        return key != null;
    }

    /**
     * One message. {@code data} is what goes between the first brackets without the account ({@code |Nri1/PA000}
     * or {@code |1120 01 000}); {@code extended} the extended data blocks ({@code [Vhttps://…]}).
     */
    String frame(String id, int sequence, String receiver, String prefix, String account, String data,
            String extended, Instant time) {
        String timestamp = "_" + TIMESTAMP.format(LocalDateTime.ofInstant(time, ZoneOffset.UTC));
        StringBuilder body = new StringBuilder();
        body.append('"').append(key == null ? "" : "*").append(id).append('"');
        body.append(String.format(Locale.ROOT, "%04d", sequence));
        if (receiver != null && !receiver.isEmpty()) {
            body.append('R').append(receiver);
        }
        body.append('L').append(prefix).append('#').append(account).append('[');
        if (key == null) {
            body.append('#').append(account).append(data).append(']').append(extended).append(timestamp);
        } else {
            body.append(encrypt(data + "]" + extended + timestamp));
        }
        return "\n" + crc(body.toString()) + length(body.toString()) + body + "\r";
    }

    /** Random padding, never '|', '[' or ']', so that the plain text is whole blocks; then '|'… is the data. */
    String encrypt(String plain) {
        int padding = 16 - plain.length() % 16;
        StringBuilder padded = new StringBuilder();
        for (int i = 0; i < padding; i++) {
            padded.append(PAD.charAt(random.nextInt(PAD.length())));
        }
        padded.append(plain);
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
            return HexFormat.of().withUpperCase().formatHex(cipher.doFinal(padded.toString().getBytes(
                    StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC is part of every JDK", e);
        }
    }

    String decrypt(String hex) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
        return new String(cipher.doFinal(HexFormat.of().parseHex(hex)), StandardCharsets.US_ASCII);
    }

    /**
     * Reads an answer, checking its CRC and length.
     *
     * @return empty for anything that is not a well-formed answer
     */
    Optional<Reply> reply(String text) {
        String framed = text.startsWith("\n") ? text.substring(1) : text;
        Matcher match = REPLY.matcher(framed.endsWith("\r") ? framed.substring(0, framed.length() - 1) : framed);
        if (!match.matches()) {
            return Optional.empty();
        }
        String body = match.group(3);
        if (!crc(body).equalsIgnoreCase(match.group(1)) || Integer.parseInt(match.group(2), 16) != body.length()) {
            return Optional.empty();
        }
        boolean encrypted = !match.group(4).isEmpty();
        String rest = match.group(10);
        if (encrypted) {
            if (key == null || rest.isEmpty() || rest.length() % 32 != 0) {
                return Optional.empty();
            }
            try {
                rest = decrypt(rest);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        Matcher time = TIME.matcher(rest);
        Instant timestamp = null;
        if (time.find()) {
            try {
                timestamp = LocalDateTime.parse(time.group(1), TIMESTAMP).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new Reply(match.group(5), encrypted, Integer.parseInt(match.group(6)), match.group(9),
                timestamp));
    }

    /** CRC-16/ARC over the characters' (ASCII) bytes, as four upper-case hex digits. */
    static String crc(String text) {
        int crc = 0;
        for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
            crc ^= b & 0xff;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return String.format(Locale.ROOT, "%04X", crc);
    }

    /** {@code 0LLL}: the length in hex, four digits. */
    static String length(String text) {
        if (text.length() > 0xFFF) {
            throw new IllegalArgumentException("a DC-09 message is at most 4095 characters");
        }
        return String.format(Locale.ROOT, "%04X", text.length());
    }

    /** Text for extended data: ASCII without the characters that end a block or a field. */
    static String text(String value, int max) {
        String ascii = Normalizer.normalize(value == null ? "" : value, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^\\x20-\\x7E]", "?").replaceAll("[\\[\\]|^]", " ").strip();
        return ascii.length() > max ? ascii.substring(0, max) : ascii;
    }
}
