package nl.uitkijk.connector.base;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Alarms name people's whereabouts: a connector sends them in plain text (HTTP, MQTT over TCP, DC-09 without AES)
 * only to this machine, unless an administrator allows it for an instance (a link inside a protected network).
 */
public final class PlainTextLinks {

    private PlainTextLinks() {
    }

    /** Whether the host is this machine (a name is resolved; an unknown name is not loopback). */
    public static boolean loopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host)
                    .isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
