package nl.uitkijk.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The plugin catalogue in Karaf, as a tender team and an administrator use it: every shipped plugin with complete
 * metadata and artifacts that match what the build recorded, the SBOM of the distribution, the role procurement
 * that reads and changes nothing, and a tampered plugin jar refused at installation with a clear message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogueIT {

    private static final String PASSWORD = "It-Catalogue-Admin-2026";
    private static final String USER_PASSWORD = "It-Catalogue-User-2026";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> USERS = Map.of("procurement", "ca-inkoop", "operator", "ca-op",
            "supervisor", "ca-sup", "auditor", "ca-aud", "police", "ca-pol");
    private static final List<String> SHIPPED = List.of("uitkijk-driver-demo", "uitkijk-driver-rtsp",
            "uitkijk-driver-onvif", "uitkijk-driver-axis", "uitkijk-driver-hikvision", "uitkijk-recorder-segment",
            "uitkijk-connector-webhook", "uitkijk-connector-mqtt", "uitkijk-connector-dc09",
            "uitkijk-analytics-motion", "uitkijk-analytics-people", "uitkijk-analytics-lpr");

    private KarafInstance karaf;
    private Path home;

    @BeforeAll
    void start() throws Exception {
        home = Path.of(System.getProperty("uitkijk.karaf.home"));
        karaf = new KarafInstance(home);
        karaf.reset();
        karaf.start(PASSWORD);
        karaf.createUsers(USERS, USER_PASSWORD); // procurement as any other role: POST /api/v1/users
    }

    @AfterAll
    void stop() throws Exception {
        if (karaf != null) {
            karaf.stop();
        }
    }

    private HttpResponse<byte[]> as(String role, String method, String path, String body) throws Exception {
        return karaf.api(USERS.get(role), USER_PASSWORD, method, path, body);
    }

    private static String text(HttpResponse<byte[]> response) {
        return KarafInstance.text(response);
    }

    private Map<String, Integer> perRole(String method, String path) throws Exception {
        Map<String, Integer> statuses = new TreeMap<>();
        for (String role : List.of("admin", "procurement", "operator", "supervisor", "auditor", "police")) {
            statuses.put(role, as(role, method, path, method.equals("GET") ? null : "{}").statusCode());
        }
        return statuses;
    }

    private JsonNode catalogue() throws Exception {
        HttpResponse<byte[]> answer = as("procurement", "GET", "plugins/catalogue", null);
        assertEquals(200, answer.statusCode(), text(answer));
        return JSON.readTree(answer.body());
    }

    private static JsonNode entry(JsonNode catalogue, String name) {
        for (JsonNode entry : catalogue) {
            if (entry.get("name").asText().equals(name)) {
                return entry;
            }
        }
        throw new AssertionError("no catalogue entry " + name + " in " + catalogue);
    }

    @Test
    @Order(1)
    void theCatalogueAndTheSbomAreForProcurementAndAdministratorsOnly() throws Exception {
        assertEquals(Map.of("admin", 200, "procurement", 200, "operator", 403, "supervisor", 403, "auditor", 403,
                "police", 403), perRole("GET", "plugins/catalogue"));
        assertEquals(Map.of("admin", 200, "procurement", 200, "operator", 403, "supervisor", 403, "auditor", 403,
                "police", 403), perRole("GET", "plugins/sbom"));
        assertEquals(Map.of("admin", 200, "procurement", 200, "operator", 403, "supervisor", 403, "auditor", 403,
                "police", 403), perRole("GET", "plugins/catalogue/uitkijk-analytics-lpr"));
        JsonNode lpr = JSON.readTree(as("procurement", "GET", "plugins/catalogue/uitkijk-analytics-lpr", null)
                .body());
        assertEquals("uitkijk-analytics-lpr", lpr.get("name").asText(), "one plugin's tender report");
        assertTrue(lpr.at("/conformance/measured/cpuMillisPerFrame").isNumber(), lpr.get("conformance").toString());
        assertEquals(404, as("procurement", "GET", "plugins/catalogue/uitkijk-driver-nothing", null).statusCode());
    }

    @Test
    @Order(2)
    void everyShippedPluginHasCompleteMetadataAndArtifactsAsTheBuildRecordedThem() throws Exception {
        JsonNode catalogue = catalogue();
        for (String name : SHIPPED) {
            JsonNode entry = entry(catalogue, name);
            for (String field : List.of("name", "kind", "vendor", "licence", "version", "summary", "securityContact")) {
                assertFalse(entry.path(field).asText().isBlank(), name + " has no " + field + ": " + entry);
            }
            assertTrue(entry.get("personalData").isArray(), name);
            JsonNode report = entry.get("conformance");
            assertTrue(report.get("passed").asBoolean() && report.get("checks").size() > 3
                    && report.get("kit").asText().startsWith("uitkijk-"), name + ": the build's conformance run "
                    + report);
            assertFalse(report.get("measured").isEmpty(), name + " measured what it costs: " + report);
            assertTrue(entry.get("metadataDeclared").asBoolean(), name);
            assertTrue(entry.get("intact").asBoolean(), name + " matches its recorded checksums: " + entry
                    .get("artifacts"));
            assertTrue(entry.get("components").size() > 0, name + " lists what it is built with (its SBOM)");
            assertTrue(entry.get("apiPackages").toString().contains("nl.uitkijk.api"), name + ": " + entry
                    .get("apiPackages"));
            assertTrue(entry.get("apiCompatible").asBoolean() && entry.get("apiUnmet").isEmpty(), name + " fits the "
                    + "installed API: " + entry.get("apiUnmet"));
        }
        assertEquals("driver", entry(catalogue, "uitkijk-driver-onvif").get("kind").asText());
        assertEquals("uitkijk-recorder-conformance 1", entry(catalogue, "uitkijk-recorder-segment")
                .at("/conformance/kit").asText(), "the recording backends' kit ran in the build");
        assertEquals("[\"IMAGES\",\"LICENCE_PLATES\"]", entry(catalogue, "uitkijk-analytics-lpr").get("personalData")
                .toString());
        assertEquals("[]", entry(catalogue, "uitkijk-driver-demo").get("personalData").toString(),
                "the demo's synthetic scenes show nobody");
        assertEquals("EPL-2.0", entry(catalogue, "uitkijk-connector-mqtt").get("licence").asText());
        assertTrue(entry(catalogue, "uitkijk-connector-mqtt").get("components").toString()
                .contains("org.eclipse.paho"), "the MQTT connector brings Paho");
        assertTrue(entry(catalogue, "uitkijk-driver-rtsp").get("installed").asBoolean(), "booted with the product");
        assertFalse(entry(catalogue, "uitkijk-driver-axis").get("installed").asBoolean());
        String listed = karaf.shell("vms:plugin-list").output();
        assertTrue(listed.contains("uitkijk-analytics-lpr") && listed.contains("IMAGES,LICENCE_PLATES")
                && listed.contains("verified"), listed);
    }

    @Test
    @Order(3)
    void theDistributionCarriesItsSbomInCycloneDx() throws Exception {
        Path file = home.resolve("etc/uitkijk-sbom.cdx.json");
        assertTrue(Files.isRegularFile(file), "the SBOM is inside the distribution");
        HttpResponse<byte[]> served = as("procurement", "GET", "plugins/sbom", null);
        JsonNode sbom = JSON.readTree(served.body());
        assertEquals("CycloneDX", sbom.get("bomFormat").asText());
        assertEquals(JSON.readTree(Files.readAllBytes(file)), sbom, "served as shipped");
        String components = sbom.get("components").toString();
        for (String part : List.of("nl.uitkijk.core", "nl.uitkijk.driver.onvif", "nl.uitkijk.analytics.lpr",
                "jackson-databind", "org.eclipse.paho")) {
            assertTrue(components.contains(part), "the SBOM names " + part);
        }
    }

    @Test
    @Order(4)
    void procurementReadsAndChangesNothing() throws Exception {
        assertEquals(403, as("procurement", "PUT", "plugins/uitkijk-driver-axis", "").statusCode());
        assertEquals(403, as("procurement", "DELETE", "plugins/uitkijk-driver-rtsp", null).statusCode());
        assertEquals(403, as("procurement", "GET", "plugins", null).statusCode(), "the install list is the admin's");
        assertEquals(403, as("procurement", "POST", "users", "{\"name\": \"x\", \"password\": \"" + USER_PASSWORD
                + "\", \"role\": \"admin\"}").statusCode());
        assertEquals(403, as("procurement", "GET", "cameras", null).statusCode(), "no cameras");
        assertEquals(403, as("procurement", "GET", "audit", null).statusCode());
        assertFalse(karaf.get("/api/v1/drivers", true).body()
                .contains("\"axis\""), "nothing was installed");
    }

    @Test
    @Order(5)
    void aTamperedPluginJarIsRefusedWithAClearMessageAndInstallsOnceRestored() throws Exception {
        Path jar;
        try (Stream<Path> files = Files.walk(home.resolve("system/nl/uitkijk/nl.uitkijk.driver.axis"))) {
            jar = files.filter(f -> f.toString().endsWith(".jar")).findFirst().orElseThrow();
        }
        assertTrue(Files.isRegularFile(jar.resolveSibling(jar.getFileName() + ".sha256")), "the build recorded it");
        byte[] original = Files.readAllBytes(jar);
        try {
            byte[] tampered = original.clone();
            tampered[tampered.length / 2] ^= 0x5a; // one byte inside the archive changed
            Files.write(jar, tampered);
            JsonNode axis = entry(catalogue(), "uitkijk-driver-axis");
            assertFalse(axis.get("intact").asBoolean(), axis.toString());
            assertFalse(axis.at("/artifacts/0/verified").asBoolean());
            HttpResponse<byte[]> refused = as("admin", "PUT", "plugins/uitkijk-driver-axis", "");
            assertEquals(409, refused.statusCode(), text(refused));
            JsonNode error = JSON.readTree(refused.body());
            assertEquals("integrity", error.get("error").asText());
            assertTrue(error.get("message").asText().contains("does not match the checksum the build recorded"),
                    error.toString());
            assertFalse(karaf.get("/api/v1/drivers", true).body()
                    .contains("\"axis\""), "nothing of it was installed");
            assertTrue(karaf.shell("vms:plugin-list").output().contains("ALTERED"));
            String audit = text(karaf.send(null, null, "GET", "/api/v1/audit?limit=50", null, "application/json"));
            assertTrue(audit.contains("does not match its recorded SHA-256"), "the refusal is audited");
        } finally {
            Files.write(jar, original);
        }
        assertTrue(entry(catalogue(), "uitkijk-driver-axis").get("intact").asBoolean());
        HttpResponse<byte[]> installed = as("admin", "PUT", "plugins/uitkijk-driver-axis", "");
        assertEquals(200, installed.statusCode(), text(installed));
        KarafInstance.await(java.time.Duration.ofSeconds(60), () -> karaf.get("/api/v1/drivers", true).body()
                .contains("\"axis\""), "the restored driver came");
        assertEquals(200, as("admin", "DELETE", "plugins/uitkijk-driver-axis", null).statusCode());
    }

    @Test
    @Order(6)
    void certificationComesWithItsFeatureInstalledFromTheKarafShell() throws Exception {
        HttpResponse<byte[]> absent = as("admin", "GET", "plugins/certification-key", null);
        assertEquals(503, absent.statusCode(), text(absent));
        assertTrue(text(absent).contains("uitkijk-certification"), "says what to install: " + text(absent));
        // the ONVIF simulator serves the captured replies of real cameras: where they are, as an administrator sets
        Files.writeString(home.resolve("etc/nl.uitkijk.certification.cfg"), "testData = "
                + nl.uitkijk.testkit.TestData.require("onvif").getParent().toAbsolutePath() + "\n");
        KarafInstance.ShellResult installed = karaf.shell("feature:install uitkijk-certification");
        assertEquals(0, installed.exitCode(), installed.output());
        KarafInstance.await(java.time.Duration.ofSeconds(60), () -> {
            try {
                return as("admin", "GET", "plugins/certification-key", null).statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        }, "the certification service came");
        assertEquals(Map.of("admin", 200, "procurement", 200, "operator", 403, "supervisor", 403, "auditor", 403,
                "police", 403), perRole("GET", "plugins/certification-key"));
        assertTrue(text(as("procurement", "GET", "plugins/certification-key", null)).startsWith(
                "-----BEGIN PUBLIC KEY-----"));
    }

    @Test
    @Order(7)
    void anInstalledDriverIsCertifiedInTheInstallationWithAReportSignedByItsKey() throws Exception {
        for (String role : List.of("procurement", "operator", "supervisor", "auditor", "police")) {
            assertEquals(403, as(role, "POST", "plugins/catalogue/uitkijk-driver-onvif/certification", "")
                    .statusCode(), role + " may not certify");
        }
        HttpResponse<byte[]> certified = as("admin", "POST", "plugins/catalogue/uitkijk-driver-onvif/certification",
                "");
        assertEquals(200, certified.statusCode(), text(certified));
        JsonNode certificate = JSON.readTree(certified.body());
        assertTrue(certificate.get("passed").asBoolean() && certificate.get("intact").asBoolean(), text(certified));
        assertEquals("uitkijk-driver-conformance 1", certificate.at("/conformance/kit").asText());
        assertTrue(certificate.at("/conformance/checks").size() >= 7, certificate.toString());
        JsonNode report = JSON.readTree(certificate.get("report").asText());
        assertEquals("uitkijk-driver-onvif", report.get("feature").asText());
        assertTrue(report.at("/conformance/measured/cpuPercentOfOneCore").isNumber(), "resource use measured: "
                + report.get("conformance"));
        assertTrue(report.get("bundles").toString().contains("nl.uitkijk.driver.onvif"), "names what it certified");
        // the signature checks out with nothing but the published key and the JDK
        String pem = text(as("procurement", "GET", "plugins/certification-key", null));
        java.security.Signature check = java.security.Signature.getInstance("SHA256withECDSA");
        check.initVerify(java.security.KeyFactory.getInstance("EC").generatePublic(
                new java.security.spec.X509EncodedKeySpec(java.util.Base64.getMimeDecoder().decode(pem
                        .replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "").strip()))));
        check.update(certificate.get("report").asText().getBytes(StandardCharsets.UTF_8));
        assertTrue(check.verify(java.util.Base64.getDecoder().decode(certificate.get("signature").asText())));

        assertEquals(Map.of("admin", 200, "procurement", 200, "operator", 403, "supervisor", 403, "auditor", 403,
                "police", 403), perRole("GET", "plugins/catalogue/uitkijk-driver-onvif/certification"));
        String verified = karaf.shell("vms:plugin-verify uitkijk-driver-onvif").output();
        assertTrue(verified.contains("Signature: intact") && verified.contains("every check passed")
                && verified.contains("aWorkingCameraStartsAtOnceAndComesOnline()"), verified);
        String audit = text(karaf.send(null, null, "GET", "/api/v1/audit?limit=20", null, "application/json"));
        assertTrue(audit.contains("plugin.certify"), "certifying is audited");
    }

    @Test
    @Order(8)
    void whatCannotBeCertifiedHereIsRefusedWithTheReason() throws Exception {
        HttpResponse<byte[]> rtsp = as("admin", "POST", "plugins/catalogue/uitkijk-driver-rtsp/certification", "");
        assertEquals(409, rtsp.statusCode(), text(rtsp));
        assertTrue(text(rtsp).contains("simulates ONVIF and Hikvision ISAPI"), text(rtsp));
        HttpResponse<byte[]> recorder = as("admin", "POST", "plugins/catalogue/uitkijk-recorder-segment/certification",
                "");
        assertEquals(409, recorder.statusCode(), text(recorder));
        assertTrue(text(recorder).contains("certifies camera drivers"), text(recorder));
        assertEquals(404, as("admin", "POST", "plugins/catalogue/uitkijk-driver-axis/certification", "")
                .statusCode(), "not installed");
        assertEquals(404, as("admin", "POST", "plugins/catalogue/..%2F..%2Fetc/certification", "").statusCode());
        assertEquals(404, as("procurement", "GET", "plugins/catalogue/uitkijk-driver-hikvision/certification",
                null).statusCode(), "never certified");
        KarafInstance.ShellResult shell = karaf.shell("vms:plugin-certify uitkijk-driver-rtsp");
        assertTrue(shell.output().contains("simulates ONVIF and Hikvision ISAPI"), shell.output());
    }

    @Test
    @Order(9)
    void aCertifiedReportChangedAfterSigningIsShownAsBroken() throws Exception {
        Path stored = home.resolve("data/certification/reports/uitkijk-driver-onvif.json");
        String original = Files.readString(stored);
        try {
            Files.writeString(stored, original.replace("\"passed\" : false", "\"passed\" : true")
                    .replace("ONVIF simulators", "ONVIF  simulators"));
            JsonNode certificate = JSON.readTree(as("procurement", "GET",
                    "plugins/catalogue/uitkijk-driver-onvif/certification", null).body());
            assertFalse(certificate.get("intact").asBoolean(), certificate.toString());
            assertFalse(certificate.get("passed").asBoolean(), "a broken signature certifies nothing");
            String verified = karaf.shell("vms:plugin-verify uitkijk-driver-onvif").output();
            assertTrue(verified.contains("BROKEN") && verified.contains("NOT PASSED"), verified);
        } finally {
            Files.writeString(stored, original);
        }
        assertTrue(JSON.readTree(as("admin", "GET", "plugins/catalogue/uitkijk-driver-onvif/certification", null)
                .body()).get("intact").asBoolean(), "restored, it holds again");
    }

    @Test
    @Order(10)
    void anInstalledConnectorIsCertifiedThroughPlatformInstancesThatTakeNoRealAlarm() throws Exception {
        assertEquals(200, as("admin", "PUT", "plugins/uitkijk-connector-webhook", "").statusCode());
        KarafInstance.await(java.time.Duration.ofSeconds(60), () -> {
            try {
                return text(as("admin", "GET", "connectors/kinds", null)).contains("webhook");
            } catch (Exception e) {
                return false;
            }
        }, "the webhook connector kind came");
        HttpResponse<byte[]> certified = as("admin", "POST",
                "plugins/catalogue/uitkijk-connector-webhook/certification", "");
        assertEquals(200, certified.statusCode(), text(certified));
        JsonNode certificate = JSON.readTree(certified.body());
        assertTrue(certificate.get("passed").asBoolean() && certificate.get("intact").asBoolean(), text(certified));
        assertEquals("uitkijk-connector-conformance 1", certificate.at("/conformance/kit").asText());
        assertTrue(certificate.at("/conformance/measured/cpuMillisPerAlarm").isNumber(), certificate.toString());
        assertTrue(JSON.readTree(certificate.get("report").asText()).get("bench").asText()
                .contains("routed no real alarm"));
        assertFalse(text(as("admin", "GET", "connectors", null)).contains("certification-"),
                "the certification's connector instances are gone");
        JsonNode entry = entry(catalogue(), "uitkijk-connector-webhook");
        assertEquals("installation", entry.get("conformanceSource").asText(), entry.toString());
        assertTrue(entry.at("/certification/intact").asBoolean());
    }

    @Test
    @Order(11)
    void anInstalledAnalyticsModuleIsCertifiedOnTheRealClip() throws Exception {
        assertEquals(200, as("admin", "PUT", "plugins/uitkijk-analytics-motion", "").statusCode());
        KarafInstance.await(java.time.Duration.ofSeconds(60), () -> karaf.get(
                "/api/v1/cameras/demo-promenade/analytics", true).body().contains("\"motion\""),
                "the motion module came");
        KarafInstance.ShellResult shell = karaf.shell("vms:plugin-certify uitkijk-analytics-motion");
        assertTrue(shell.output().contains("Signature: intact") && shell.output().contains("every check passed"),
                shell.output());
        assertTrue(shell.output().contains("analysesRealFootageAndFindsOnlyValidDetections()"), shell.output());
        JsonNode certificate = JSON.readTree(as("procurement", "GET",
                "plugins/catalogue/uitkijk-analytics-motion/certification", null).body());
        assertEquals("uitkijk-analytics-conformance 1", certificate.at("/conformance/kit").asText());
        assertTrue(certificate.at("/conformance/measured/cpuMillisPerFrame").asDouble() > 0, certificate.toString());
        assertTrue(certificate.get("conformance").toString().contains("known to its own test"),
                "what an installation cannot know is said, not passed: " + certificate.get("conformance"));
    }
}
