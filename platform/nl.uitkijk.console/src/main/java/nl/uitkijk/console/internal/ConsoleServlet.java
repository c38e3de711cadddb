package nl.uitkijk.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Serves the console's files at {@code /console/}: a fixed list (nothing else in the bundle can be asked for), with a
 * strict Content-Security-Policy (own scripts only, media from the page's own MediaSource blobs, sockets to this
 * server), no framing, no sniffing, no referrer, and ETags so a browser revalidates instead of downloading again.
 * The files hold no data: everything comes from the REST API, which checks every right.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/console/*")
@HttpWhiteboardServletName("uitkijk-console")
public class ConsoleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String SCRIPT = "text/javascript;charset=utf-8";
    static final Map<String, String> ASSETS = Map.ofEntries(
            Map.entry("index.html", "text/html;charset=utf-8"), Map.entry("share.html", "text/html;charset=utf-8"),
            Map.entry("share.js", SCRIPT),
            Map.entry("console.css", "text/css;charset=utf-8"),
            Map.entry("console.js", SCRIPT), Map.entry("api.js", SCRIPT), Map.entry("i18n.js", SCRIPT),
            Map.entry("wall.js", SCRIPT), Map.entry("player.js", SCRIPT), Map.entry("alarms.js", SCRIPT),
            Map.entry("manage.js", SCRIPT), Map.entry("export.js", SCRIPT), Map.entry("playback.js", SCRIPT),
            Map.entry("privacy.js", SCRIPT),
            Map.entry("users.js", SCRIPT), Map.entry("plugins.js", SCRIPT),
            Map.entry("incidents.js", SCRIPT), Map.entry("shift.js", SCRIPT), Map.entry("figures.js", SCRIPT),
            Map.entry("setup.js", SCRIPT), Map.entry("reasons.js", SCRIPT), Map.entry("catalogue.js", SCRIPT),
            // uPlot, from its WebJar at build time (see the pom)
            Map.entry("vendor/uPlot.esm.js", SCRIPT), Map.entry("vendor/uPlot.min.css", "text/css;charset=utf-8"),
            Map.entry("vendor/LICENSE", "text/plain;charset=utf-8"));
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "media-src 'self' blob:; connect-src 'self'; form-action 'self'; base-uri 'none'; "
            + "frame-ancestors 'none'";

    private final transient Map<String, byte[]> cache = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect(request.getContextPath() + "/console/");
            return;
        }
        String name = path.equals("/") ? "index.html" : path.substring(1);
        String type = ASSETS.get(name);
        if (type == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] content = cache.computeIfAbsent(name, ConsoleServlet::load);
        String etag = "\"" + sha256(content).substring(0, 32) + "\"";
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("ETag", etag);
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(type);
        response.setContentLength(content.length);
        response.getOutputStream().write(content);
    }

    private static byte[] load(String name) {
        try (InputStream in = ConsoleServlet.class.getResourceAsStream("/console-assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the console bundle lacks " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
