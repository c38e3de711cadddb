package nl.uitkijk.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PluginResourceTest {

    @Test
    void onlyDriversRecordersAnalyticsAndConnectorsArePluginsNeverThePlatformOrItsLibraries() {
        assertEquals(Optional.of("driver"), PluginResource.kindOf("uitkijk-driver-axis"));
        assertEquals(Optional.of("driver"), PluginResource.kindOf("uitkijk-driver-acme"));
        assertEquals(Optional.of("recorder"), PluginResource.kindOf("uitkijk-recorder-segment"));
        assertEquals(Optional.of("analytics"), PluginResource.kindOf("uitkijk-analytics-motion"));
        assertEquals(Optional.of("connector"), PluginResource.kindOf("uitkijk-connector-police"));
        assertEquals(Optional.empty(), PluginResource.kindOf("uitkijk-driver-base"), "a library");
        assertEquals(Optional.empty(), PluginResource.kindOf("uitkijk-driver-"));
        assertEquals(Optional.empty(), PluginResource.kindOf("uitkijk-rest"));
        assertEquals(Optional.empty(), PluginResource.kindOf("uitkijk-console"));
        assertEquals(Optional.empty(), PluginResource.kindOf("scr"));
    }
}
