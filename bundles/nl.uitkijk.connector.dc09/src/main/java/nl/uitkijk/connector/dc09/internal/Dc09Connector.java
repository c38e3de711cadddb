package nl.uitkijk.connector.dc09.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.uitkijk.api.connector.Alarm;
import nl.uitkijk.api.connector.ControlRoomConnector;
import nl.uitkijk.api.connector.DeliveryResult;
import nl.uitkijk.api.connector.DeliveryResult.Outcome;
import nl.uitkijk.api.security.Secrets;
import nl.uitkijk.connector.base.ConnectorChecks;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One alarm receiving centre over SIA DC-09 (as premises equipment talks to it). Each alarm is one message with
 * sequence number {@code (number - 1) mod 9999 + 1}, so a retry, even after a restart, carries the same number; its
 * event code follows the alarm type ({@link EventCodes}), and the extended data carry the alarm's id and text
 * ({@code I}), the camera ({@code L}), the site ({@code S}), the time it happened ({@code H}) and, while a live
 * hand-over lasts, its link ({@code V}). ACK delivers it; NAK (the receiver's clock disagrees) corrects this
 * connector's clock by the NAK's timestamp and sends once more; DUH (not understood) is a refusal for good; no
 * answer in time is a retry. Over TCP each message has its own connection; over UDP one datagram and its answer.
 */
@nl.uitkijk.api.plugin.Plugin(kind = "connector", vendor = "Uitkijk", licence = "EPL-2.0", personalData = {},
        protocols = {"SIA DC-09", "SIA-DCS", "ADM-CID"}, models = {}, securityContact = "SECURITY.md",
        summary = "Alarms to an alarm receiving centre over SIA DC-09 (TCP/UDP, AES)")
@Component(service = ControlRoomConnector.class, configurationPid = Dc09Kind.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = Dc09Connector.Configuration.class, factory = true)
public class Dc09Connector implements ControlRoomConnector {

    @ObjectClassDefinition(name = "Uitkijk SIA DC-09 connector", description = "An alarm receiving centre that "
            + "receives alarms over SIA DC-09.")
    public @interface Configuration {
        @AttributeDefinition(name = "Instance id")
        String uitkijk_connector_id();

        @AttributeDefinition(name = "Label", required = false)
        String uitkijk_connector_label() default "";

        @AttributeDefinition(name = "Host")
        String host();

        @AttributeDefinition(name = "Port")
        int port();

        @AttributeDefinition(name = "Protocol", options = {
            @org.osgi.service.metatype.annotations.Option(value = "tcp"),
            @org.osgi.service.metatype.annotations.Option(value = "udp")}, required = false)
        String protocol() default "tcp";

        @AttributeDefinition(name = "Account", description = "3–16 hex digits.")
        String account();

        @AttributeDefinition(name = "Receiver", required = false, description = "R: up to 6 hex digits.")
        String receiver() default "";

        @AttributeDefinition(name = "Account prefix", required = false, description = "L: 1–6 hex digits.")
        String prefix() default "0";

        @AttributeDefinition(name = "AES key", required = false, type = AttributeType.PASSWORD,
                description = "32, 48 or 64 hex digits; empty sends plain text.")
        String key() default "";

        @AttributeDefinition(name = "Format", required = false, options = {
            @org.osgi.service.metatype.annotations.Option(value = "SIA-DCS"),
            @org.osgi.service.metatype.annotations.Option(value = "ADM-CID")})
        String format() default "SIA-DCS";

        @AttributeDefinition(name = "Timeout (s)", required = false)
        int timeoutSeconds() default 5;
    }

    private static final Logger LOG = LoggerFactory.getLogger(Dc09Connector.class);

    private final String id;
    private final String label;
    private final String host;
    private final int port;
    private final boolean udp;
    private final String account;
    private final String receiver;
    private final String prefix;
    private final String format;
    private final Dc09Codec codec;
    private final int timeoutMillis;
    private final Clock clock;
    /** The receiver's clock minus ours, learnt from its last NAK. */
    private volatile Duration clockOffset = Duration.ZERO;
    private volatile boolean lastReached;

    @Activate
    public Dc09Connector(Configuration configuration, @Reference Secrets secrets) {
        this(configuration.uitkijk_connector_id(), configuration.uitkijk_connector_label(), configuration.host(),
                configuration.port(), configuration.protocol(), configuration.account(), configuration.receiver(),
                configuration.prefix(), secrets.open(configuration.key()), configuration.format(),
                Duration.ofSeconds(Math.max(1, configuration.timeoutSeconds())), Clock.systemUTC());
    }

    Dc09Connector(String id, String label, String host, int port, String protocol, String account, String receiver,
            String prefix, String key, String format, Duration timeout, Clock clock) {
        this.id = id;
        this.label = label == null || label.isBlank() ? id : label;
        this.host = host;
        this.port = port;
        this.udp = "udp".equalsIgnoreCase(protocol);
        this.account = account.toUpperCase(Locale.ROOT);
        this.receiver = receiver == null ? "" : receiver.toUpperCase(Locale.ROOT);
        this.prefix = prefix == null || prefix.isBlank() ? "0" : prefix.toUpperCase(Locale.ROOT);
        this.format = format == null || format.isBlank() ? "SIA-DCS" : format;
        this.codec = new Dc09Codec(key == null || key.isBlank() ? null : HexFormat.of().parseHex(key));
        this.timeoutMillis = (int) timeout.toMillis();
        this.clock = clock;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String label() {
        return label;
    }

    static int sequence(long number) {
        return (int) ((Math.max(1, number) - 1) % 9999) + 1;
    }

    String message(Alarm alarm, Instant now) {
        String data = format.equals("ADM-CID") ? "|" + EventCodes.contactId(alarm) : "|Nri01/" + EventCodes.sia(alarm)
                + "000";
        return codec.frame(format, sequence(alarm.number()), receiver, prefix, account, data, extended(alarm), now);
    }

    private static String extended(Alarm alarm) {
        StringBuilder blocks = new StringBuilder();
        blocks.append("[I").append(Dc09Codec.text(alarm.id() + " " + alarm.type() + ": " + alarm.description(), 250))
                .append(']');
        Map<String, String> facts = alarm.attributes();
        String camera = facts.getOrDefault(Alarm.CAMERA_NAME, alarm.cameraId());
        if (camera != null) {
            blocks.append("[L").append(Dc09Codec.text(camera, 250)).append(']');
        }
        if (facts.get(Alarm.SITE) != null) {
            blocks.append("[S").append(Dc09Codec.text(facts.get(Alarm.SITE), 250)).append(']');
        }
        blocks.append("[H").append(Dc09Codec.TIMESTAMP.format(LocalDateTime.ofInstant(alarm.raisedAt(),
                ZoneOffset.UTC))).append(']');
        if (facts.get(Alarm.HANDOVER_URL) != null) {
            blocks.append("[V").append(Dc09Codec.text(facts.get(Alarm.HANDOVER_URL), 250)).append(']');
        }
        return blocks.toString();
    }

    @Override
    public DeliveryResult deliver(Alarm alarm) {
        int sequence = sequence(alarm.number());
        DeliveryResult first = attempt(alarm, sequence);
        if (first.outcome() == Outcome.RETRY && first.detail().startsWith("NAK")) {
            // the clock was corrected from the NAK: the same message (same sequence) once more, with our new time
            return attempt(alarm, sequence);
        }
        return first;
    }

    private DeliveryResult attempt(Alarm alarm, int sequence) {
        String frame = message(alarm, clock.instant().plus(clockOffset));
        String answer;
        try {
            answer = udp ? exchangeUdp(frame) : exchangeTcp(frame);
        } catch (SocketTimeoutException e) {
            lastReached = false;
            return new DeliveryResult(Outcome.RETRY, "no answer within " + timeoutMillis + " ms from " + host + ":"
                    + port);
        } catch (IOException e) {
            lastReached = false;
            return new DeliveryResult(Outcome.RETRY, host + ":" + port + " " + e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        }
        lastReached = true;
        Optional<Dc09Codec.Reply> reply = codec.reply(answer);
        if (reply.isEmpty()) {
            return new DeliveryResult(Outcome.RETRY, "not a DC-09 answer (bad CRC, length or format): "
                    + Dc09Codec.text(answer, 80));
        }
        Dc09Codec.Reply read = reply.get();
        switch (read.type()) {
            case "ACK", "RSP" -> {
                if (read.sequence() != sequence) {
                    return new DeliveryResult(Outcome.RETRY, "ACK for sequence " + read.sequence() + ", not "
                            + sequence);
                }
                if (codec.encrypted() && !read.encrypted()) {
                    return new DeliveryResult(Outcome.RETRY, "an unencrypted ACK to an encrypted message");
                }
                return new DeliveryResult(Outcome.DELIVERED, "ACK " + sequence);
            }
            case "NAK" -> {
                if (read.timestamp() != null) {
                    clockOffset = Duration.between(clock.instant(), read.timestamp());
                    LOG.info("DC-09 {}: NAK; the receiver's clock is {} s from ours, used from now on", id,
                            clockOffset.toSeconds());
                }
                return new DeliveryResult(Outcome.RETRY, "NAK (receiver time " + read.timestamp() + ")");
            }
            default -> {
                return new DeliveryResult(Outcome.REJECTED, "DUH: the receiver does not understand the message "
                        + "(account " + account + ", format " + format + ")");
            }
        }
    }

    private String exchangeTcp(String frame) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            socket.getOutputStream().write(frame.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return readAnswer(socket.getInputStream(), System.nanoTime() + timeoutMillis * 1_000_000L, socket);
        }
    }

    /** Reads up to the answer's CR (the whole answer must come within the timeout). */
    private static String readAnswer(InputStream in, long deadline, Socket socket) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        while (answer.size() < 4096) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new SocketTimeoutException("answer incomplete");
            }
            socket.setSoTimeout((int) left);
            int b = in.read();
            if (b < 0) {
                if (answer.size() == 0) {
                    throw new java.io.EOFException("the receiver closed the connection without an answer");
                }
                break;
            }
            answer.write(b);
            if (b == '\r' && answer.size() > 1) {
                break;
            }
        }
        return answer.toString(StandardCharsets.ISO_8859_1);
    }

    private String exchangeUdp(String frame) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(timeoutMillis);
            byte[] bytes = frame.getBytes(StandardCharsets.ISO_8859_1);
            socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(host, port)));
            byte[] buffer = new byte[4096];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            socket.receive(packet);
            return new String(buffer, 0, packet.getLength(), StandardCharsets.ISO_8859_1);
        }
    }

    /** Whether the last exchange reached the receiver; before any, whether it takes a TCP connection. */
    @Override
    public boolean connected() {
        if (lastReached || udp) {
            return lastReached;
        }
        return ConnectorChecks.takesConnections(host, port, timeoutMillis);
    }
}
