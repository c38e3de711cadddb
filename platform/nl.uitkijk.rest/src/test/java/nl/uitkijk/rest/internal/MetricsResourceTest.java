package nl.uitkijk.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;

class MetricsResourceTest {

    @Test
    void labelValuesAndNumbersAreWrittenAsPrometheusReadsThem() {
        assertEquals("a\\\\b\\\"c\\nd", MetricsResource.label("a\\b\"c\nd"));
        assertEquals("42", MetricsResource.number(42));
        assertEquals("0.125", MetricsResource.number(0.125));
    }

    private static ScrapeToken token(String value) {
        return new ScrapeToken(new ScrapeToken.Configuration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ScrapeToken.Configuration.class;
            }

            @Override
            public String scrapeToken() {
                return value;
            }
        });
    }

    @Test
    void theScrapeTokenIsLongOrAbsent() {
        String long32 = "0123456789abcdef0123456789abcdef";
        assertTrue(token(long32).matches("Bearer " + long32));
        assertFalse(token(long32).matches("Bearer " + long32 + "x"));
        assertFalse(token(long32).matches("Basic " + long32));
        assertFalse(token("short").matches("Bearer short"), "a short token is no token");
        assertFalse(token("").matches("Bearer "));
    }
}
