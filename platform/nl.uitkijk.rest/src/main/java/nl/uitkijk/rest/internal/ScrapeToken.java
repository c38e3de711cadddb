package nl.uitkijk.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The token a monitoring system (Prometheus) presents as {@code Authorization: Bearer <token>} to read
 * {@code /api/v1/metrics} and nothing else ({@link Role#METRICS}). Unset, the metrics are for administrators only.
 */
@Component(service = ScrapeToken.class, configurationPid = "nl.uitkijk.rest.metrics")
@Designate(ocd = ScrapeToken.Configuration.class)
public class ScrapeToken {

    @ObjectClassDefinition(name = "Uitkijk metrics", description = "Access of monitoring to the metrics.")
    public @interface Configuration {
        @AttributeDefinition(name = "Scrape token", description = "At least 32 characters; empty: no token access.",
                type = AttributeType.PASSWORD, required = false)
        String scrapeToken() default "";
    }

    /** The principal a scrape is done as. */
    static final String SCRAPER = "metrics-scraper";
    static final int MIN_LENGTH = 32;

    private volatile byte[] token = new byte[0];

    @Activate
    public ScrapeToken(Configuration configuration) {
        modified(configuration);
    }

    @Modified
    void modified(Configuration configuration) {
        String configured = configuration.scrapeToken() == null ? "" : configuration.scrapeToken().strip();
        token = configured.length() >= MIN_LENGTH ? configured.getBytes(StandardCharsets.UTF_8) : new byte[0];
    }

    /** Whether the header is {@code Bearer} with the configured token (compared in constant time). */
    boolean matches(String authorization) {
        byte[] expected = token;
        if (expected.length == 0 || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(expected, authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }
}
