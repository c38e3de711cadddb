package nl.uitkijk.rest.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.http.whiteboard.Preprocessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTPS for everything that leaves the machine, in front of every web context (API, console, live sockets, public
 * pages): a plain-HTTP request that did not arrive on a loopback address is sent to HTTPS (a redirect for a GET or
 * HEAD, a 403 for anything that would carry data, which must not have crossed the network in clear); HTTPS answers
 * carry HSTS. It reads the web server's own configuration (PID {@value #PAX_WEB_PID}), so the HTTPS port is set in
 * one place.
 */
@Component(service = Preprocessor.class, configurationPid = TransportSecurity.PAX_WEB_PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class TransportSecurity implements Preprocessor {

    static final String PAX_WEB_PID = "org.ops4j.pax.web";
    static final String HSTS = "max-age=31536000";
    private static final Logger LOG = LoggerFactory.getLogger(TransportSecurity.class);

    private volatile int securePort;

    @Activate
    public TransportSecurity(Map<String, Object> configuration) {
        modified(configuration);
    }

    @Modified
    void modified(Map<String, Object> configuration) {
        boolean enabled = Boolean.parseBoolean(String.valueOf(configuration.getOrDefault(
                "org.osgi.service.http.secure.enabled", "false")));
        int port = 0;
        try {
            port = Integer.parseInt(String.valueOf(configuration.getOrDefault("org.osgi.service.http.port.secure",
                    "8443")).strip());
        } catch (NumberFormatException e) {
            LOG.warn("The HTTPS port in {} is not a number: plain HTTP is not redirected", PAX_WEB_PID);
        }
        securePort = enabled ? port : 0;
        if (securePort == 0) {
            LOG.warn("HTTPS is off: plain HTTP is served on every address. Configure a certificate in etc/{}.cfg",
                    PAX_WEB_PID);
        }
    }

    @Override
    public void init(FilterConfig config) {
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse answer = (HttpServletResponse) response;
        int port = securePort;
        switch (decide(http.isSecure(), http.getLocalAddr(), port)) {
            case SECURE -> {
                answer.setHeader("Strict-Transport-Security", HSTS);
                chain.doFilter(request, response);
            }
            case LOOPBACK -> chain.doFilter(request, response);
            case REDIRECT -> {
                if (http.getMethod().equals("GET") || http.getMethod().equals("HEAD")) {
                    String query = http.getQueryString();
                    answer.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
                    answer.setHeader("Location", "https://" + host(http) + ":" + port + http.getRequestURI()
                            + (query == null ? "" : "?" + query));
                } else {
                    answer.sendError(HttpServletResponse.SC_FORBIDDEN, "Use HTTPS (port " + port + ")");
                }
            }
        }
    }

    enum Decision { SECURE, LOOPBACK, REDIRECT }

    /**
     * @param localAddress the address the request arrived on
     * @param securePort the HTTPS port, or 0 when HTTPS is off (then plain HTTP is all there is)
     */
    static Decision decide(boolean secure, String localAddress, int securePort) {
        if (secure) {
            return Decision.SECURE;
        }
        return securePort == 0 || loopback(localAddress) ? Decision.LOOPBACK : Decision.REDIRECT;
    }

    static boolean loopback(String address) {
        if (address == null || address.isEmpty() || !address.matches("[0-9a-fA-F.:%\\[\\]]+")) {
            return false; // only literal addresses, never a name to resolve
        }
        try {
            return InetAddress.getByName(address.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The host the client asked for, without its port; the server's own address when the header is odd. */
    private static String host(HttpServletRequest http) {
        String name = http.getServerName();
        return name != null && name.matches("[A-Za-z0-9.\\-]+|\\[[0-9a-fA-F:.]+\\]") ? name : http.getLocalAddr();
    }

    @Override
    public void destroy() {
    }
}
