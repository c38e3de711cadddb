package nl.uitkijk.transparency.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.servlet.Servlet;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.governance.Deployments;
import nl.uitkijk.api.governance.Designations;
import nl.uitkijk.api.governance.LegalBasis;
import nl.uitkijk.api.governance.RetentionService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public transparency pages at {@code /public/}, without sign-in: read-only, GET only, a strict content security
 * policy, nothing but the public register ({@link PublicRegister}) in any answer. The register is rebuilt at most
 * every few seconds, so a rush of visitors (a news item) costs the platform nothing.
 */
@Component(service = Servlet.class, configurationPid = "nl.uitkijk.transparency")
@HttpWhiteboardServletPattern("/public/*")
@HttpWhiteboardServletName("uitkijk-public")
@Designate(ocd = PublicServlet.Configuration.class)
public class PublicServlet extends HttpServlet {

    @ObjectClassDefinition(name = "Uitkijk public transparency pages")
    public @interface Configuration {
        @AttributeDefinition(name = "Owner", description = "Who is responsible for the cameras, e.g. Gemeente Heerlen")
        String owner() default "";

        @AttributeDefinition(name = "Contact", description = "Where residents ask questions (e-mail, telephone)")
        String contact() default "";

        @AttributeDefinition(name = "Access request URL", description = "Where to file an access request")
        String accessRequestUrl() default "";

        @AttributeDefinition(name = "Map tiles", description = "Tile URL template of the map background, e.g. "
                + "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png; "
                + "empty: the map shows areas and cameras without a background")
        String tileUrl() default "";

        @AttributeDefinition(name = "Map attribution", description = "Credit for the map tiles")
        String tileAttribution() default "";
    }

    static final String LANGUAGE_COOKIE = "uitkijk_lang";
    static final String LEAFLET = "META-INF/resources/webjars/leaflet/1.9.4/dist/";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PublicServlet.class);
    private static final Duration FRESH = Duration.ofSeconds(10);
    private static final Pattern LEAFLET_FILE = Pattern.compile("/leaflet/(leaflet\\.(js|css)|images/[a-z0-9-]+\\.png)");
    private static final Set<String> READ = Set.of("GET", "HEAD");

    private final transient CameraRegistry registry;
    private final transient Designations designations;
    private final transient Deployments deployments;
    private final transient LegalBasis legal;
    private final transient RetentionService retention;
    private final transient Clock clock;
    private transient volatile SiteInfo site;
    private transient volatile PublicRegister cached;
    @org.osgi.service.component.annotations.Reference(cardinality =
            org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL, policy =
            org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC, policyOption =
            org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    private transient volatile nl.uitkijk.api.analytics.AnalyticsPolicies analytics;
    @org.osgi.service.component.annotations.Reference(cardinality =
            org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL, policy =
            org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC, policyOption =
            org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    private transient volatile nl.uitkijk.api.lpr.LicencePlates plates;

    @Activate
    public PublicServlet(@Reference CameraRegistry registry, @Reference Designations designations,
            @Reference Deployments deployments, @Reference LegalBasis legal, @Reference RetentionService retention,
            Configuration configuration) {
        this(registry, designations, deployments, legal, retention, Clock.systemUTC(), site(configuration));
    }

    PublicServlet(CameraRegistry registry, Designations designations, Deployments deployments, LegalBasis legal,
            RetentionService retention, Clock clock, SiteInfo site) {
        this.registry = registry;
        this.designations = designations;
        this.deployments = deployments;
        this.legal = legal;
        this.retention = retention;
        this.clock = clock;
        this.site = site;
    }

    @Modified
    void modified(Configuration configuration) {
        site = site(configuration);
        cached = null;
    }

    private static SiteInfo site(Configuration c) {
        return new SiteInfo(c.owner(), c.contact(), c.accessRequestUrl(), c.tileUrl(), c.tileAttribution());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        secureHeaders(response);
        if (!READ.contains(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD");
            plain(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Only GET and HEAD are answered here.");
            return;
        }
        String path = request.getPathInfo();
        try {
            if (path == null) {
                response.sendRedirect(request.getContextPath() + request.getServletPath() + "/");
            } else if (path.equals("/") || path.equals("/index.html")) {
                page(request, response);
            } else if (path.equals("/cameras.geojson")) {
                send(response, "application/geo+json", OpenData.camerasGeoJson(register(), site), FRESH);
            } else if (path.equals("/designations.geojson")) {
                send(response, "application/geo+json", OpenData.designationsGeoJson(register()), FRESH);
            } else if (path.equals("/cameras.csv")) {
                response.setHeader("Content-Disposition", "inline; filename=\"cameras.csv\"");
                send(response, "text/csv; header=present", OpenData.camerasCsv(register(), site), FRESH);
            } else if (path.equals("/style.css")) {
                resource(response, "style.css", "text/css");
            } else if (path.equals("/map.js")) {
                resource(response, "map.js", "text/javascript");
            } else if (LEAFLET_FILE.matcher(path).matches()) {
                String file = path.substring("/leaflet/".length());
                resource(response, "/" + LEAFLET + file, file.endsWith(".png") ? "image/png"
                        : file.endsWith(".css") ? "text/css" : "text/javascript");
            } else {
                plain(response, HttpServletResponse.SC_NOT_FOUND, "Not found.");
            }
        } catch (RuntimeException e) {
            LOG.warn("The public page {} failed", path, e);
            if (!response.isCommitted()) {
                response.reset();
                secureHeaders(response);
                plain(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Temporarily unavailable.");
            }
        }
    }

    private void page(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = language(request, response);
        response.setHeader("Vary", "Accept-Language, Cookie");
        response.setHeader("Content-Language", locale.getLanguage());
        send(response, "text/html", new TransparencyPage(locale).render(register(), site), FRESH);
    }

    /** {@code ?lang=en|nl} chooses and is remembered in a cookie; otherwise the cookie, then the browser's wish. */
    static Locale language(HttpServletRequest request, HttpServletResponse response) {
        String asked = request.getParameter("lang");
        if ("en".equals(asked) || "nl".equals(asked)) {
            Cookie cookie = new Cookie(LANGUAGE_COOKIE, asked);
            cookie.setPath("/public");
            cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
            cookie.setHttpOnly(true);
            response.addCookie(cookie);
            return Locale.forLanguageTag(asked);
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (LANGUAGE_COOKIE.equals(cookie.getName())
                        && ("en".equals(cookie.getValue()) || "nl".equals(cookie.getValue()))) {
                    return Locale.forLanguageTag(cookie.getValue());
                }
            }
        }
        String accepted = request.getHeader("Accept-Language");
        return accepted != null && accepted.strip().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH
                : Locale.forLanguageTag("nl");
    }

    private PublicRegister register() {
        PublicRegister current = cached;
        Instant now = clock.instant();
        if (current == null || current.at.plus(FRESH).isBefore(now)) {
            var running = analytics;
            var register = plates;
            current = PublicRegister.of(now, registry, designations, deployments, legal, retention,
                    running == null ? Map.of() : running.enabledModules())
                    .withPlateNoHitSeconds(register == null ? 0 : register.noHitSeconds());
            cached = current;
        }
        return current;
    }

    private void secureHeaders(HttpServletResponse response) {
        String tiles = site.tileUrl().isEmpty() ? "" : " " + origin(site.tileUrl());
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'; script-src 'self'; "
                + "img-src 'self' data:" + tiles + "; connect-src 'self'; base-uri 'none'; form-action 'none'; "
                + "frame-ancestors 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
    }

    /** The scheme and host of the tile URL template, for the content security policy. */
    static String origin(String template) {
        int start = template.indexOf("://");
        if (start < 0) {
            return "";
        }
        int end = template.indexOf('/', start + 3);
        String origin = end < 0 ? template : template.substring(0, end);
        return origin.replaceAll("[\\s;{}']", "");
    }

    private static void send(HttpServletResponse response, String type, String body, Duration maxAge)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(type + "; charset=utf-8");
        response.setHeader("Cache-Control", "public, max-age=" + maxAge.toSeconds());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private void resource(HttpServletResponse response, String name, String type) throws IOException {
        try (InputStream in = PublicServlet.class.getResourceAsStream(name)) {
            if (in == null) {
                plain(response, HttpServletResponse.SC_NOT_FOUND, "Not found.");
                return;
            }
            byte[] bytes = in.readAllBytes();
            response.setContentType(type.startsWith("image/") ? type : type + "; charset=utf-8");
            response.setHeader("Cache-Control", "public, max-age=86400");
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }

    private static void plain(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }
}
