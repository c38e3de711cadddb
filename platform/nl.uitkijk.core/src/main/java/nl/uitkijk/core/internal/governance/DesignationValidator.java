package nl.uitkijk.core.internal.governance;

import java.util.ArrayList;
import java.util.List;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.governance.Designation;
import nl.uitkijk.api.governance.Designation.Position;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Checks a designation before it is stored and names each field at fault. The area's validity (a closed ring, no
 * self-intersection, holes inside) is JTS's, the reference implementation of the OGC simple-features rules.
 */
final class DesignationValidator {

    static final int MAX_TEXT = 200;
    static final int MAX_PURPOSE = 2000;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private DesignationValidator() {
    }

    static List<ConfigProblem> problems(Designation d) {
        List<ConfigProblem> problems = new ArrayList<>();
        text(problems, "name", d.name(), MAX_TEXT);
        text(problems, "decisionReference", d.decisionReference(), 100);
        text(problems, "purpose", d.purpose(), MAX_PURPOSE);
        if (d.validFrom() == null) {
            problems.add(new ConfigProblem("validFrom", "is required (ISO-8601, e.g. 2026-12-01T00:00:00Z)"));
        }
        if (d.validUntil() == null) {
            problems.add(new ConfigProblem("validUntil", "is required (ISO-8601, e.g. 2027-12-01T00:00:00Z)"));
        }
        if (d.validFrom() != null && d.validUntil() != null && !d.validUntil().isAfter(d.validFrom())) {
            problems.add(new ConfigProblem("validUntil", "must be after validFrom"));
        }
        areaProblem(d.area()).ifPresent(message -> problems.add(new ConfigProblem("area", message)));
        if (d.liveViewWindows() != null) {
            for (Designation.LiveViewWindow window : d.liveViewWindows()) {
                if (window == null || window.days() == null || window.days().isEmpty() || window.from() == null
                        || window.until() == null || window.from().equals(window.until())) {
                    problems.add(new ConfigProblem("liveViewWindows",
                            "each window needs days and a 'from' and 'until' time that differ"));
                    break;
                }
            }
        }
        if (d.signage() != null) {
            for (Designation.Signage sign : d.signage()) {
                if (sign == null || !inRange(sign.lon(), sign.lat())) {
                    problems.add(new ConfigProblem("signage", "each sign needs a WGS84 lat and lon"));
                    break;
                }
            }
        }
        return problems;
    }

    private static java.util.Optional<String> areaProblem(List<List<Position>> rings) {
        if (rings == null || rings.isEmpty()) {
            return java.util.Optional.of("is required: a GeoJSON Polygon in WGS84");
        }
        LinearRing[] linear = new LinearRing[rings.size()];
        for (int r = 0; r < rings.size(); r++) {
            List<Position> ring = rings.get(r);
            String which = r == 0 ? "the outer ring" : "hole " + r;
            if (ring == null || ring.size() < 4) {
                return java.util.Optional.of(which + " needs at least four positions (a triangle, closed)");
            }
            for (Position p : ring) {
                if (p == null || !inRange(p.lon(), p.lat())) {
                    return java.util.Optional.of(which + " has a position outside WGS84 ([lon, lat], lon -180..180, "
                            + "lat -90..90)");
                }
            }
            if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
                return java.util.Optional.of(which + " is not closed: its last position must equal its first");
            }
            linear[r] = GEOMETRY.createLinearRing(ring.stream().map(p -> new Coordinate(p.lon(), p.lat()))
                    .toArray(Coordinate[]::new));
        }
        Polygon polygon = GEOMETRY.createPolygon(linear[0], java.util.Arrays.copyOfRange(linear, 1, linear.length));
        TopologyValidationError error = new IsValidOp(polygon).getValidationError();
        if (error != null) {
            Coordinate at = error.getCoordinate();
            return java.util.Optional.of("is not a valid polygon: "
                    + error.getMessage().toLowerCase(java.util.Locale.ROOT)
                    + (at == null ? "" : " at [" + at.x + ", " + at.y + "]"));
        }
        return java.util.Optional.empty();
    }

    private static boolean inRange(double lon, double lat) {
        return lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90 && !Double.isNaN(lon) && !Double.isNaN(lat);
    }

    private static void text(List<ConfigProblem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new ConfigProblem(field, "is required"));
        } else if (value.length() > max) {
            problems.add(new ConfigProblem(field, "is " + value.length() + " characters; at most " + max));
        }
    }
}
