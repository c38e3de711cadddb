package nl.uitkijk.transparency.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import nl.uitkijk.api.governance.Designation;
import nl.uitkijk.api.governance.Designation.LiveViewWindow;
import nl.uitkijk.api.governance.Designation.Position;
import nl.uitkijk.transparency.internal.PublicRegister.PublicCamera;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Open data of the public register: GeoJSON (RFC 7946) for maps and re-use, CSV with the columns the police's
 * Camera-in-Beeld registry asks for (location, direction, owner, retention, image quality).
 */
final class OpenData {

    static final String[] CSV_COLUMNS = { "name", "address", "latitude", "longitude", "direction_degrees", "type",
        "owner", "contact", "retention_days", "image_quality", "recording", "designation", "decision_reference",
        "purpose", "valid_until", "analytics" };

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenData() {
    }

    static String camerasGeoJson(PublicRegister register, SiteInfo site) throws IOException {
        ObjectNode collection = featureCollection();
        ArrayNode features = collection.putArray("features");
        for (PublicCamera c : register.cameras) {
            ObjectNode feature = features.addObject().put("type", "Feature");
            feature.putObject("geometry").put("type", "Point").putArray("coordinates").add(c.lon()).add(c.lat());
            ObjectNode p = feature.putObject("properties");
            p.put("name", c.name());
            p.put("address", c.address());
            if (c.direction() == null) {
                p.putNull("direction");
            } else {
                p.put("direction", c.direction());
            }
            p.put("type", c.mobile() ? "mobile" : "fixed");
            if (c.mobile()) {
                p.put("deployment", c.deployment());
                p.put("deployedUntil", c.deployedUntil().toString());
            }
            p.put("owner", site.owner());
            p.put("retentionDays", c.retentionDays());
            p.put("imageQuality", c.imageQuality());
            c.analytics().keySet().forEach(p.putArray("analytics")::add);
            if (c.analytics().isEmpty()) {
                p.putArray("analytics");
            }
            p.put("designation", c.designation().name());
            p.put("decisionReference", c.designation().designation().decisionReference());
            p.put("purpose", c.designation().designation().purpose());
            p.put("validUntil", c.designation().designation().validUntil().toString());
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(collection);
    }

    static String designationsGeoJson(PublicRegister register) throws IOException {
        ObjectNode collection = featureCollection();
        ArrayNode features = collection.putArray("features");
        for (var published : register.designations) {
            Designation d = published.designation();
            ObjectNode feature = features.addObject().put("type", "Feature");
            ArrayNode rings = feature.putObject("geometry").put("type", "Polygon").putArray("coordinates");
            for (List<Position> ring : d.area()) {
                ArrayNode positions = rings.addArray();
                ring.forEach(position -> positions.addArray().add(position.lon()).add(position.lat()));
            }
            ObjectNode p = feature.putObject("properties");
            p.put("name", d.name());
            p.put("decisionReference", d.decisionReference());
            p.put("decisionDate", d.decisionDate() == null ? null : d.decisionDate().toString());
            p.put("purpose", d.purpose());
            p.put("validFrom", d.validFrom().toString());
            p.put("validUntil", d.validUntil().toString());
            p.put("liveView", liveView(d.liveViewWindows(), Locale.ENGLISH));
            p.put("evaluationDate", d.evaluationDate() == null ? null : d.evaluationDate().toString());
            d.personalData().stream().map(Enum::name).sorted().forEach(p.putArray("personalData")::add);
            p.put("cameras", register.cameras.stream().filter(c -> c.designation() == published).count());
            ArrayNode signs = p.putArray("signage");
            d.signage().forEach(s -> signs.addObject().put("lat", s.lat()).put("lon", s.lon())
                    .put("description", s.description()));
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(collection);
    }

    static String camerasCsv(PublicRegister register, SiteInfo site) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(CSV_COLUMNS).get())) {
            for (PublicCamera c : register.cameras) {
                Designation d = c.designation().designation();
                csv.printRecord(text(c.name()), text(c.address()), c.lat(), c.lon(), c.direction(),
                        c.mobile() ? "mobile" : "fixed", text(site.owner()), text(site.contact()), c.retentionDays(),
                        c.imageQuality(), "yes", text(d.name()), text(d.decisionReference()), text(d.purpose()),
                        d.validUntil(), String.join(" ", c.analytics().keySet()));
            }
        }
        return out.toString();
    }

    /**
     * A text cell that a spreadsheet will not run as a formula (CSV injection): a leading =, +, -, @, tab or
     * carriage return gets an apostrophe before it, as OWASP advises.
     */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** "always", or e.g. "Fri, Sat 22:00–05:00". */
    static String liveView(List<LiveViewWindow> windows, Locale locale) {
        if (windows == null || windows.isEmpty()) {
            return null;
        }
        return windows.stream().map(w -> w.days().stream().map(day -> shortName(day, locale))
                .collect(Collectors.joining(", ")) + " " + w.from() + "–" + w.until())
                .collect(Collectors.joining("; "));
    }

    private static String shortName(DayOfWeek day, Locale locale) {
        return day.getDisplayName(TextStyle.SHORT, locale);
    }

    private static ObjectNode featureCollection() {
        return JSON.createObjectNode().put("type", "FeatureCollection");
    }
}
