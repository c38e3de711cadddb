package nl.uitkijk.core.internal.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.uitkijk.api.governance.Designation;
import nl.uitkijk.api.governance.Designation.LiveViewWindow;
import nl.uitkijk.api.governance.Designation.Position;
import nl.uitkijk.api.governance.Designation.Signage;

/**
 * Designations an installation starts with ({@code etc/uitkijk-designations.json}), in the REST API's JSON (the area
 * a GeoJSON Polygon). Read once, when the database is created, before the provisioned cameras that are bound to them.
 */
final class DesignationFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DesignationFile() {
    }

    static List<Designation> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<Designation> designations = new ArrayList<>();
        for (JsonNode d : JSON.readTree(file.toFile())) {
            try {
                designations.add(designation(d));
            } catch (RuntimeException e) {
                throw new IOException("designation '" + d.path("name").asText() + "': " + e.getMessage(), e);
            }
        }
        return designations;
    }

    private static Designation designation(JsonNode d) {
        List<List<Position>> rings = new ArrayList<>();
        for (JsonNode ring : d.path("area").path("coordinates")) {
            List<Position> positions = new ArrayList<>();
            ring.forEach(p -> positions.add(new Position(p.get(0).asDouble(), p.get(1).asDouble())));
            rings.add(positions);
        }
        List<LiveViewWindow> windows = new ArrayList<>();
        for (JsonNode w : d.path("liveViewWindows")) {
            List<DayOfWeek> days = new ArrayList<>();
            w.path("days").forEach(day -> days.add(DayOfWeek.valueOf(day.asText().toUpperCase(Locale.ROOT))));
            windows.add(new LiveViewWindow(days, LocalTime.parse(w.path("from").asText()),
                    LocalTime.parse(w.path("until").asText())));
        }
        List<Signage> signs = new ArrayList<>();
        for (JsonNode s : d.path("signage")) {
            signs.add(new Signage(s.path("lat").asDouble(), s.path("lon").asDouble(), s.path("description").asText()));
        }
        java.util.Set<nl.uitkijk.api.analytics.PersonalData> categories = java.util.EnumSet.noneOf(
                nl.uitkijk.api.analytics.PersonalData.class);
        d.path("personalData").forEach(category -> categories.add(nl.uitkijk.api.analytics.PersonalData.valueOf(
                category.asText().toUpperCase(Locale.ROOT))));
        return new Designation(null, text(d, "name"), text(d, "decisionReference"), date(d, "decisionDate"),
                text(d, "purpose"), rings, Instant.parse(d.path("validFrom").asText()),
                Instant.parse(d.path("validUntil").asText()), windows, date(d, "evaluationDate"), signs, categories);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static LocalDate date(JsonNode node, String field) {
        return node.hasNonNull(field) ? LocalDate.parse(node.get(field).asText()) : null;
    }
}
