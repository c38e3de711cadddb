package nl.uitkijk.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PluginResourceTest {

    @Test
    void onlyDriversRecordersAnalyticsAndConnectorsArePluginsNeverThePlatformOrItsLibraries() {
        assertEquals(Optional.of("driver"), PluginCatalogueImpl.kindOf("uitkijk-driver-axis"));
        assertEquals(Optional.of("driver"), PluginCatalogueImpl.kindOf("uitkijk-driver-acme"));
        assertEquals(Optional.of("recorder"), PluginCatalogueImpl.kindOf("uitkijk-recorder-segment"));
        assertEquals(Optional.of("analytics"), PluginCatalogueImpl.kindOf("uitkijk-analytics-motion"));
        assertEquals(Optional.of("connector"), PluginCatalogueImpl.kindOf("uitkijk-connector-police"));
        assertEquals(Optional.empty(), PluginCatalogueImpl.kindOf("uitkijk-driver-base"), "a library");
        assertEquals(Optional.empty(), PluginCatalogueImpl.kindOf("uitkijk-driver-"));
        assertEquals(Optional.empty(), PluginCatalogueImpl.kindOf("uitkijk-rest"));
        assertEquals(Optional.empty(), PluginCatalogueImpl.kindOf("uitkijk-console"));
        assertEquals(Optional.empty(), PluginCatalogueImpl.kindOf("scr"));
    }
}
