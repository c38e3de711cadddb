package ${package};

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import nl.uitkijk.api.connector.Alarm;
import nl.uitkijk.api.connector.ControlRoomConnector;
import nl.uitkijk.api.connector.DeliveryResult;
import nl.uitkijk.api.connector.DeliveryResult.Outcome;
import nl.uitkijk.connector.base.AlarmDocument;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One ${nameClass} control room. Replace the placeholder protocol (a line {@code ALARM <json>} over TCP, answered
 * {@code ACK <id>} or {@code NAK <reason>}) with the control room's own; keep the contract: try once, return within
 * the timeout, never throw for the peer's failure, say DELIVERED only when the receiver confirmed it.
 */
@nl.uitkijk.api.plugin.Plugin(kind = "connector", vendor = "${nameClass}", licence = "Apache-2.0", // your SPDX licence
        personalData = {}, protocols = {"TCP"}, models = {},
        securityContact = "security@${name}.example", // where a vulnerability is reported: your real address
        summary = "Alarms to the ${nameClass} control room")
@Component(service = ControlRoomConnector.class, configurationPid = ${nameClass}Kind.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ${nameClass}Connector.Configuration.class, factory = true)
public class ${nameClass}Connector implements ControlRoomConnector {

    @ObjectClassDefinition(name = "${nameClass} connector")
    public @interface Configuration {
        @AttributeDefinition(name = "Instance id")
        String uitkijk_connector_id();

        @AttributeDefinition(name = "Label", required = false)
        String uitkijk_connector_label() default "";

        @AttributeDefinition(name = "Host")
        String host();

        @AttributeDefinition(name = "Port")
        int port();

        @AttributeDefinition(name = "Timeout (s)", required = false)
        int timeoutSeconds() default 5;
    }

    private final String id;
    private final String label;
    private final String host;
    private final int port;
    private final int timeoutMillis;
    private volatile boolean reached;

    @Activate
    public ${nameClass}Connector(Configuration configuration) {
        this(configuration.uitkijk_connector_id(), configuration.uitkijk_connector_label(), configuration.host(),
                configuration.port(), Duration.ofSeconds(Math.max(1, configuration.timeoutSeconds())));
    }

    ${nameClass}Connector(String id, String label, String host, int port, Duration timeout) {
        this.id = id;
        this.label = label == null || label.isBlank() ? id : label;
        this.host = host;
        this.port = port;
        this.timeoutMillis = (int) timeout.toMillis();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public DeliveryResult deliver(Alarm alarm) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write("ALARM ".getBytes(StandardCharsets.UTF_8));
            out.write(AlarmDocument.bytes(alarm));
            out.write('\n');
            out.flush();
            String answer = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8)).readLine();
            reached = answer != null;
            if (answer == null) {
                return new DeliveryResult(Outcome.RETRY, "closed without an answer");
            }
            if (answer.equals("ACK " + alarm.id())) {
                return new DeliveryResult(Outcome.DELIVERED, answer);
            }
            if (answer.startsWith("NAK ")) {
                return new DeliveryResult(Outcome.REJECTED, answer);
            }
            return new DeliveryResult(Outcome.RETRY, "not an answer: "
                    + answer.substring(0, Math.min(80, answer.length())));
        } catch (SocketTimeoutException e) {
            reached = false;
            return new DeliveryResult(Outcome.RETRY, "no answer within " + timeoutMillis + " ms");
        } catch (IOException e) {
            reached = false;
            return new DeliveryResult(Outcome.RETRY, host + ":" + port + " " + e);
        }
    }

    @Override
    public boolean connected() {
        if (reached) {
            return true;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), Math.min(timeoutMillis, 1_000));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
