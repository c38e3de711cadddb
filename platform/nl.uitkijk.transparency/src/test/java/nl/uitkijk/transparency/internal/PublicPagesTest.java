package nl.uitkijk.transparency.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraDefinition;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.DeviceInfo;
import nl.uitkijk.api.camera.Location;
import nl.uitkijk.api.camera.StatusInfo;
import nl.uitkijk.api.governance.Deployment;
import nl.uitkijk.api.governance.Deployments;
import nl.uitkijk.api.governance.Designation;
import nl.uitkijk.api.governance.Designation.Position;
import nl.uitkijk.api.governance.Designations;
import nl.uitkijk.api.governance.LegalBasis;
import nl.uitkijk.api.governance.LegalStatus;
import nl.uitkijk.api.governance.RetentionReport;
import nl.uitkijk.api.governance.RetentionService;
import nl.uitkijk.api.media.StreamProfile;
import nl.uitkijk.testkit.InMemoryCameraRegistry;
import org.junit.jupiter.api.Test;

/**
 * The public register holds nothing internal: a camera with credentials in its stream address and configuration
 * and a hostile name is published by name and place only, escaped; a camera without legal basis is not published.
 */
class PublicPagesTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final Designation CENTRUM = new Designation("centrum", "Centrum <Heerlen>", "2026/151c-01",
            LocalDate.of(2026, 1, 10), "Openbare orde", List.of(List.of(new Position(5.977, 50.887),
                    new Position(5.983, 50.887), new Position(5.983, 50.890), new Position(5.977, 50.887))),
            NOW.minus(10, ChronoUnit.DAYS), NOW.plus(300, ChronoUnit.DAYS), List.of(), null, List.of());
    private static final SiteInfo SITE = new SiteInfo("Gemeente Heerlen", "14 045", "https://heerlen.example/inzage",
            "", "");

    private static Camera camera(String id, String name, String designation) {
        return new Camera(new CameraDefinition(id, name, "rtsp", Map.of("url",
                "rtsp://operator:geheim@10.1.2.3:554/stream1", "password", "geheim", "token", "abc123secret"),
                new Location(50.888, 5.980, 90.0, "Markt"), "centrum", designation), StatusInfo.online(
                        "via rtsp://10.1.2.3"),
                List.of(new StreamProfile("main", URI.create("rtsp://operator:geheim@10.1.2.3:554/stream1"), "h264",
                        1920, 1080, 25)), DeviceInfo.NONE);
    }

    private final List<Camera> cameras = List.of(camera("hrl-c01-internal", "Markt <script>alert(1)</script>",
            "centrum"), camera("hrl-c02-internal", "Zonder grondslag", null));

    private PublicRegister register() {
        return PublicRegister.of(NOW, registry(), designations(), deployments(), legal(), retention(),
                java.util.Map.of("hrl-c01-internal", java.util.Map.of("motion", "Motion (OpenCV MOG2)",
                        "acme-counter", "ACME visitor counter"), "hrl-c02-internal", java.util.Map.of("people",
                                "People")));
    }

    @Test
    void residentsReadWhichAnalysisRunsOnEachCamera() throws Exception {
        String dutch = new TransparencyPage(Locale.forLanguageTag("nl")).render(register(), SITE);
        assertTrue(dutch.contains("<th scope=\"col\">Beeldanalyse</th>"), dutch);
        assertTrue(dutch.contains("ACME visitor counter; bewegingsdetectie (geen persoonsgegevens)"),
                "in the reader's words, a module without a text by its label");
        assertFalse(dutch.contains("personen tellen"), "the camera without a legal basis is not listed at all");
        assertTrue(OpenData.camerasGeoJson(register(), SITE).contains("\"analytics\" : [ \"acme-counter\", \"motion\" ]"));
        assertTrue(OpenData.camerasCsv(register(), SITE).contains(",acme-counter motion\r\n"));
    }

    /** Where plates are read, residents learn that the plates of everyone not looked for are not kept. */
    @Test
    void plateReadingSaysWhatHappensToThePlatesOfEveryoneElse() {
        PublicRegister plates = PublicRegister.of(NOW, registry(), designations(), deployments(), legal(),
                retention(), java.util.Map.of("hrl-c01-internal", java.util.Map.of("lpr", "Licence plates")));
        String dutch = new TransparencyPage(Locale.forLanguageTag("nl")).render(plates, SITE);
        assertTrue(dutch.contains("alleen een kenteken op de lijst van gezochte kentekens")
                && dutch.contains("andere kentekens worden direct gewist en nooit opgeslagen"), dutch);
        String english = new TransparencyPage(Locale.ENGLISH).render(plates.withPlateNoHitSeconds(30), SITE);
        assertTrue(english.contains("other plates are deleted after 30 seconds"), english);
    }

    @Test
    void everyPublicAnswerLeavesOutStreamAddressesCredentialsIdsAndCamerasWithoutBasis() throws Exception {
        PublicRegister register = register();
        for (String body : List.of(new TransparencyPage(Locale.forLanguageTag("nl")).render(register, SITE),
                new TransparencyPage(Locale.ENGLISH).render(register, SITE), OpenData.camerasGeoJson(register, SITE),
                OpenData.designationsGeoJson(register), OpenData.camerasCsv(register, SITE))) {
            for (String secret : List.of("rtsp://", "geheim", "abc123secret", "password", "token", "10.1.2.3",
                    "hrl-c01-internal", "hrl-c02-internal", "Zonder grondslag")) {
                assertFalse(body.contains(secret), secret + " leaked into " + body);
            }
        }
        assertFalse(new TransparencyPage(Locale.ENGLISH).render(register, SITE).contains("<script>"),
                "HTML escapes the name; JSON and CSV carry it as data");
        assertEquals(1, register.cameras.size());
        assertEquals("1920x1080 (2.1 MP)", register.cameras.get(0).imageQuality());
        assertEquals(14, register.cameras.get(0).retentionDays());
    }

    @Test
    void thePageIsDutchByDefaultAndEnglishOnRequestAndEscapesWhatItShows() {
        String dutch = new TransparencyPage(Locale.forLanguageTag("nl")).render(register(), SITE);
        assertTrue(dutch.startsWith("<!DOCTYPE html>\n<html lang=\"nl\">"));
        assertTrue(dutch.contains("Cameratoezicht in de openbare ruimte"));
        assertTrue(dutch.contains("Markt &lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(dutch.contains("Centrum &lt;Heerlen&gt;"));
        assertTrue(dutch.contains("camera&#39;s"), "quotes survive MessageFormat");
        assertTrue(dutch.contains("<svg") && dutch.contains("role=\"img\""), "a map without tiles or script");
        assertFalse(dutch.contains("<script"), "no script without a tile service");
        assertTrue(dutch.contains("href=\"https://heerlen.example/inzage\""));
        String english = new TransparencyPage(Locale.ENGLISH).render(register(), SITE);
        assertTrue(english.contains("<html lang=\"en\">") && english.contains("Camera surveillance in public space"));
        assertTrue(english.contains("14 days"));
    }

    @Test
    void withATileServiceTheMapLoadsLeafletFromOurOwnBundle() {
        SiteInfo tiles = new SiteInfo("Gemeente Heerlen", "", "", "https://tiles.example/{z}/{x}/{y}.png", "© x");
        String page = new TransparencyPage(Locale.ENGLISH).render(register(), tiles);
        assertTrue(page.contains("<script src=\"leaflet/leaflet.js\"></script>"));
        assertTrue(page.contains("data-tiles=\"https://tiles.example/{z}/{x}/{y}.png\""));
        assertEquals("https://tiles.example", PublicServlet.origin(tiles.tileUrl()));
        assertNotNull(PublicServlet.class.getResource("/" + PublicServlet.LEAFLET + "leaflet.js"),
                "the Leaflet version in the servlet matches the WebJar");
    }

    @Test
    void theCsvHasTheRegistryColumnsAndQuotesFields() throws Exception {
        String csv = OpenData.camerasCsv(register(), SITE);
        assertTrue(csv.startsWith(String.join(",", OpenData.CSV_COLUMNS) + "\r\n"), csv);
        assertTrue(csv.contains("Markt <script>alert(1)</script>,Markt,50.888,5.98,90.0,fixed,Gemeente Heerlen,"
                + "14 045,14,1920x1080 (2.1 MP),yes,Centrum <Heerlen>,2026/151c-01,Openbare orde,"), csv);
        assertEquals("'=HYPERLINK(\"http://x\")", OpenData.text("=HYPERLINK(\"http://x\")"),
                "no formula runs in a spreadsheet");
        assertEquals("'@SUM(A1)", OpenData.text("@SUM(A1)"));
        assertEquals("Markt, Heerlen", OpenData.text("Markt, Heerlen"));
    }

    private CameraRegistry registry() {
        InMemoryCameraRegistry registry = new InMemoryCameraRegistry();
        cameras.forEach(registry::put);
        return registry;
    }

    // The fakes below refuse every write: the public pages only read, and a write would be a defect to see at once.
    private static Designations designations() {
        return new Designations() {
            @Override
            public List<Designation> all() {
                return List.of(CENTRUM);
            }

            @Override
            public Optional<Designation> designation(String id) {
                return Optional.of(CENTRUM).filter(d -> d.id().equals(id));
            }

            @Override
            public Designation add(Designation designation, String user, String origin) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Designation update(String id, Designation designation, String user, String origin) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean withdraw(String id, String user, String origin) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static Deployments deployments() {
        return new Deployments() {
            @Override
            public List<Deployment> all() {
                return List.of();
            }

            @Override
            public Optional<Deployment> deployment(String id) {
                return Optional.empty();
            }

            @Override
            public List<Deployment> ofCamera(String cameraId) {
                return List.of();
            }

            @Override
            public Optional<Deployment> active(String cameraId, Instant at) {
                return Optional.empty();
            }

            @Override
            public Deployment add(Deployment deployment, String user, String origin) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean cancel(String id, String user, String origin) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static LegalBasis legal() {
        return new LegalBasis() {
            @Override
            public LegalStatus status(CameraDefinition camera, Instant at) {
                return camera.designationId() == null ? new LegalStatus(null, false, "no designation")
                        : new LegalStatus(camera.designationId(), true, "in force");
            }

            @Override
            public LegalStatus liveView(CameraDefinition camera, Instant at) {
                return status(camera, at);
            }

            @Override
            public List<ConfigProblem> check(CameraDefinition camera) {
                return List.of();
            }
        };
    }

    private static RetentionService retention() {
        return new RetentionService() {
            @Override
            public RetentionReport run() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Duration maximumAge(String cameraId) {
                return Duration.ofDays(14);
            }

            @Override
            public void setMaximumAge(String cameraId, Duration maximumAge) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
