package nl.uitkijk.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestClausesTest {

    /** As bnd writes the RTSP driver's manifest (line continuations removed). */
    private static final String PROVIDED = "osgi.service;objectClass:List<String>=\"nl.uitkijk.api.camera."
            + "CameraDriver\";uses:=\"nl.uitkijk.api.camera\",uitkijk.plugin;uitkijk.plugin=driver;kind=driver;"
            + "vendor=Uitkijk;licence=\"EPL-2.0\";personalData:List<String>=IMAGES;protocols:List<String>=\"RTSP,RTP\";"
            + "models:List<String>=\"\";securityContact=\"SECURITY.md\";summary=\"Any camera, with \\\"quotes\\\"; and, "
            + "commas\"";

    @Test
    void capabilitiesAreReadWithTheirTypedAttributes() {
        List<ManifestClauses.Clause> clauses = ManifestClauses.parse(PROVIDED);
        assertEquals(List.of("osgi.service", "uitkijk.plugin"), clauses.stream().map(ManifestClauses.Clause::path)
                .toList());
        ManifestClauses.Clause plugin = clauses.get(1);
        assertEquals("driver", plugin.text("kind"));
        assertEquals("EPL-2.0", plugin.text("licence"));
        assertEquals(List.of("IMAGES"), plugin.list("personalData"));
        assertEquals(List.of("RTSP", "RTP"), plugin.list("protocols"));
        assertEquals(List.of(), plugin.list("models"), "an empty list");
        assertEquals("Any camera, with \"quotes\"; and, commas", plugin.text("summary"));
        assertEquals(List.of("nl.uitkijk.api.camera.CameraDriver"), clauses.get(0).list("objectClass"));
        assertEquals("", clauses.get(0).text("uses"), "a directive is not an attribute");
    }

    @Test
    void importedPackagesKeepTheirVersionRanges() {
        List<ManifestClauses.Clause> imports = ManifestClauses.parse("nl.uitkijk.api.camera;version=\"[1.2,2)\","
                + "org.slf4j;version=\"[1.7,3)\",nl.uitkijk.driver.base");
        assertEquals("[1.2,2)", imports.get(0).text("version"));
        assertEquals("nl.uitkijk.driver.base", imports.get(2).path());
        assertEquals(List.of(), ManifestClauses.parse(" "));
    }
}
