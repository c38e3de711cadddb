package nl.uitkijk.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An alarm receiving centre's SIA DC-09 receiver on loopback (TCP and UDP), written from the specification
 * independently of the connector: it checks the CRC-16/ARC and the length (a message that fails is ignored, as the
 * specification says, so the sender times out), the account (unknown: DUH), decrypts {@code *} messages with the
 * account's AES key (zero IV; the padding ends at the first {@code |}), checks the timestamp against its own clock
 * (20 s behind to 40 s ahead, else NAK with its time) and answers ACK, encrypted as the message was. It can also
 * refuse (DUH), fail (NAK), hang, answer garbage, or be down, and run a skewed clock.
 */
public final class Dc09Receiver implements ConnectorPeer {

    /** One message as received and understood. */
    public record Message(String protocol, String id, boolean encrypted, int sequence, String receiver,
            String prefix, String account, String data, Map<String, String> extended, Instant timestamp,
            String answer, Instant at) {

        /** The alarm id the Uitkijk connector puts first in the I (alarm text) block, if any. */
        public UUID alarmId() {
            String text = extended.getOrDefault("I", "");
            int space = text.indexOf(' ');
            try {
                return UUID.fromString(space > 0 ? text.substring(0, space) : text);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("HH:mm:ss,MM-dd-yyyy",
            Locale.ROOT);
    private static final Pattern FRAME = Pattern.compile("([0-9A-F]{4})([0-9A-F]{4})(\".*)", Pattern.DOTALL);
    private static final Pattern HEADER = Pattern.compile(
            "\"(\\*?)(SIA-DCS|ADM-CID|NULL)\"(\\d{4})(?:R([0-9A-F]{1,6}))?L([0-9A-F]{1,6})#([0-9A-F]{3,16})\\[(.*)",
            Pattern.DOTALL);
    private static final Pattern CONTENT = Pattern.compile(
            "(?:#[0-9A-F]{3,16})?(\\|[^\\]]*)?\\]((?:\\[[^\\]]*\\])*)(?:_(\\d{2}:\\d{2}:\\d{2},\\d{2}-\\d{2}-\\d{4}))?",
            Pattern.DOTALL);
    private static final Pattern BLOCK = Pattern.compile("\\[([A-Za-z])([^\\]]*)\\]");

    private final Map<String, byte[]> accounts = new ConcurrentHashMap<>();
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "dc09-receiver");
        thread.setDaemon(true);
        return thread;
    });
    private final int tcpPort;
    private final int udpPort;
    private volatile ServerSocket tcp;
    private volatile DatagramSocket udp;
    private volatile Behaviour behaviour = Behaviour.ACCEPT;
    private volatile Duration skew = Duration.ZERO;
    /** The accept and receive loops of the sockets now open: a closed socket is let go only when they ended. */
    private final List<java.util.concurrent.Future<?>> loops = new CopyOnWriteArrayList<>();

    public Dc09Receiver() throws IOException {
        tcp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        tcpPort = tcp.getLocalPort();
        udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        udpPort = udp.getLocalPort();
        listen();
    }

    /** Accepts messages of this account, encrypted with the key (hex) or plain ({@code null}). */
    public Dc09Receiver account(String account, String keyHex) {
        accounts.put(account.toUpperCase(Locale.ROOT), keyHex == null ? new byte[0] : HexFormat.of().parseHex(keyHex));
        return this;
    }

    /** Runs the receiver's clock this far from the real one (to provoke a NAK). */
    public void skew(Duration skew) {
        this.skew = skew;
    }

    public int udpPort() {
        return udpPort;
    }

    public List<Message> messages() {
        return new ArrayList<>(messages);
    }

    private void listen() {
        ServerSocket server = tcp;
        DatagramSocket datagrams = udp;
        loops.add(workers.submit(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    if (behaviour == Behaviour.DOWN) {
                        // a listener being closed may still take a connection: nobody is there to answer it
                        client.close();
                        continue;
                    }
                    open.add(client);
                    workers.execute(() -> serve(client));
                } catch (IOException e) {
                    return;
                }
            }
        }));
        loops.add(workers.submit(() -> {
            byte[] buffer = new byte[4096];
            while (!datagrams.isClosed()) {
                try {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    datagrams.receive(packet);
                    String answer = answer("udp", new String(packet.getData(), 0, packet.getLength(),
                            StandardCharsets.ISO_8859_1));
                    if (answer != null) {
                        byte[] bytes = answer.getBytes(StandardCharsets.ISO_8859_1);
                        datagrams.send(new DatagramPacket(bytes, bytes.length, packet.getSocketAddress()));
                    }
                } catch (IOException e) {
                    if (datagrams.isClosed()) {
                        return;
                    }
                }
            }
        }));
    }

    private void serve(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            for (int b; (b = in.read()) >= 0;) {
                if (b == '\r') {
                    String answer = answer("tcp", frame.toString(StandardCharsets.ISO_8859_1));
                    frame.reset();
                    if (answer != null) {
                        out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                    }
                } else if (frame.size() < 8192) {
                    frame.write(b);
                }
            }
        } catch (IOException e) {
            // the sender went away
        } finally {
            open.remove(client);
        }
    }

    /** @return the answer to send, or {@code null} for none */
    String answer(String protocol, String raw) {
        switch (behaviour) {
            case DOWN:
            case HANG:
                return null;
            case GARBAGE:
                return "\n\u0000garbage ACK? \"ACK\"\r";
            default:
                break;
        }
        String text = raw.startsWith("\n") ? raw.substring(1) : raw;
        text = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        Matcher frame = FRAME.matcher(text);
        if (!frame.matches()) {
            return null;
        }
        String body = frame.group(3);
        if (!crc(body).equals(frame.group(1)) || Integer.parseInt(frame.group(2), 16) != body.length()) {
            return null; // corrupted on the way: ignored, the sender tries again
        }
        Matcher header = HEADER.matcher(body);
        if (!header.matches()) {
            return frame("\"DUH\"0000R0L0A0[]");
        }
        boolean encrypted = !header.group(1).isEmpty();
        String id = header.group(2);
        int sequence = Integer.parseInt(header.group(3));
        String receiver = header.group(4);
        String prefix = header.group(5);
        String account = header.group(6);
        String head = String.format(Locale.ROOT, "%04d", sequence) + (receiver == null ? "" : "R" + receiver) + "L"
                + prefix + "#" + account;
        byte[] key = accounts.get(account);
        if (key == null || encrypted != (key.length > 0)) {
            return frame("\"DUH\"" + head + "[]");
        }
        String content = header.group(7);
        if (encrypted) {
            try {
                content = decrypt(key, content);
                content = content.substring(content.indexOf('|') >= 0 && !id.equals("NULL") ? content.indexOf('|')
                        : content.indexOf(']'));
            } catch (GeneralSecurityException | IllegalArgumentException | StringIndexOutOfBoundsException e) {
                return frame("\"DUH\"" + head + "[]");
            }
        }
        Matcher parts = CONTENT.matcher(content);
        if (!parts.matches()) {
            return frame("\"DUH\"" + head + "[]");
        }
        Map<String, String> extended = new LinkedHashMap<>();
        Matcher block = BLOCK.matcher(parts.group(2));
        while (block.find()) {
            extended.put(block.group(1), block.group(2));
        }
        Instant now = Instant.now().plus(skew);
        Instant timestamp = parts.group(3) == null ? null : LocalDateTime.parse(parts.group(3), TIMESTAMP)
                .toInstant(ZoneOffset.UTC);
        String answer;
        if (behaviour == Behaviour.REFUSE) {
            answer = "DUH";
        } else if (behaviour == Behaviour.FAIL || encrypted && timestamp == null || timestamp != null
                && (timestamp.isBefore(now.minusSeconds(20)) || timestamp.isAfter(now.plusSeconds(40)))) {
            answer = "NAK";
        } else {
            answer = "ACK";
        }
        messages.add(new Message(protocol, id, encrypted, sequence, receiver, prefix, account, parts.group(1),
                extended, timestamp, answer, Instant.now()));
        String stamp = "_" + TIMESTAMP.format(LocalDateTime.ofInstant(now, ZoneOffset.UTC));
        return switch (answer) {
            case "NAK" -> frame("\"NAK\"0000R0L0A0[]" + stamp);
            case "DUH" -> frame("\"DUH\"" + head + "[]");
            default -> encrypted ? frame("\"*ACK\"" + head + "[" + encrypt(key, "]" + stamp))
                    : frame("\"ACK\"" + head + "[]");
        };
    }

    private static String frame(String body) {
        return "\n" + crc(body) + String.format(Locale.ROOT, "%04X", body.length()) + body + "\r";
    }

    /** CRC-16/ARC: polynomial 0x8005 reflected (0xA001), initial value 0. */
    public static String crc(String text) {
        int crc = 0;
        for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
            crc ^= b & 0xff;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 1) == 1 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return String.format(Locale.ROOT, "%04X", crc);
    }

    private static String decrypt(byte[] key, String hex) throws GeneralSecurityException {
        Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
        return new String(aes.doFinal(HexFormat.of().parseHex(hex)), StandardCharsets.US_ASCII);
    }

    private static String encrypt(byte[] key, String text) {
        try {
            String padded = "0".repeat(16 - text.length() % 16) + text;
            Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
            return HexFormat.of().withUpperCase().formatHex(aes.doFinal(padded.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return tcpPort;
    }

    @Override
    public synchronized void behave(Behaviour next) throws IOException {
        if (next == behaviour) {
            return;
        }
        open.forEach(Dc09Receiver::close);
        open.clear();
        Behaviour before = behaviour;
        behaviour = next;
        if (next == Behaviour.DOWN) {
            tcp.close();
            udp.close();
            // the ports are free only once the loops blocked on them have ended
            for (java.util.concurrent.Future<?> loop : loops) {
                try {
                    loop.get(5, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IOException("the receiver's sockets did not close", e);
                }
            }
            loops.clear();
        } else if (before == Behaviour.DOWN) {
            ServerSocket again = new ServerSocket();
            again.setReuseAddress(true);
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), tcpPort));
            tcp = again;
            udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), udpPort));
            listen();
        }
    }

    @Override
    public boolean canRefuse() {
        return true;
    }

    /** Alarm ids of the messages that were acknowledged, in order. */
    @Override
    public List<UUID> received() {
        return messages.stream().filter(m -> m.answer().equals("ACK")).map(Message::alarmId).toList();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws SocketException, IOException {
        tcp.close();
        udp.close();
        open.forEach(Dc09Receiver::close);
        workers.shutdownNow();
    }
}
