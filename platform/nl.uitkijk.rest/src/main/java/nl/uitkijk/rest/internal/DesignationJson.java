package nl.uitkijk.rest.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.governance.Designation;
import nl.uitkijk.api.analytics.PersonalData;
import nl.uitkijk.api.governance.Designation.LiveViewWindow;
import nl.uitkijk.api.governance.Designation.Position;
import nl.uitkijk.api.governance.Designation.Signage;

/** A designation in the API's JSON; the area is a GeoJSON Polygon (RFC 7946), positions as [lon, lat]. */
public record DesignationJson(String id, String name, String decisionReference, LocalDate decisionDate,
        String purpose, GeoJsonPolygon area, Instant validFrom, Instant validUntil,
        List<LiveViewWindow> liveViewWindows, LocalDate evaluationDate, List<Signage> signage,
        List<String> personalData) {

    /** {@code {"type": "Polygon", "coordinates": [[[lon, lat], ...], ...]}} */
    public record GeoJsonPolygon(String type, List<List<List<Double>>> coordinates) {
    }

    static DesignationJson of(Designation d) {
        List<List<List<Double>>> rings = d.area().stream()
                .map(ring -> ring.stream().map(p -> List.of(p.lon(), p.lat())).toList()).toList();
        return new DesignationJson(d.id(), d.name(), d.decisionReference(), d.decisionDate(), d.purpose(),
                new GeoJsonPolygon("Polygon", rings), d.validFrom(), d.validUntil(), d.liveViewWindows(),
                d.evaluationDate(), d.signage(), d.personalData().stream().map(Enum::name).sorted().toList());
    }

    /** @throws InvalidCameraException naming {@code area} when it is not a GeoJSON Polygon of [lon, lat] positions */
    Designation toDesignation() throws InvalidCameraException {
        List<List<Position>> rings = new ArrayList<>();
        if (area != null) {
            if (!"Polygon".equals(area.type()) || area.coordinates() == null) {
                throw new InvalidCameraException(List.of(new ConfigProblem("area",
                        "must be a GeoJSON Polygon: {\"type\": \"Polygon\", \"coordinates\": [[[lon, lat], ...]]}")));
            }
            for (List<List<Double>> ring : area.coordinates()) {
                List<Position> positions = new ArrayList<>();
                for (List<Double> position : ring == null ? List.<List<Double>>of() : ring) {
                    if (position == null || position.size() < 2 || position.get(0) == null
                            || position.get(1) == null) {
                        throw new InvalidCameraException(List.of(new ConfigProblem("area",
                                "each position must be [lon, lat] in WGS84")));
                    }
                    positions.add(new Position(position.get(0), position.get(1)));
                }
                rings.add(positions);
            }
        }
        java.util.Set<PersonalData> categories = java.util.EnumSet.noneOf(PersonalData.class);
        for (String category : personalData == null ? List.<String>of() : personalData) {
            try {
                categories.add(PersonalData.valueOf(String.valueOf(category)));
            } catch (IllegalArgumentException e) {
                throw new InvalidCameraException(List.of(new ConfigProblem("personalData", "'" + category
                        + "' is none of " + java.util.Arrays.toString(PersonalData.values()))));
            }
        }
        return new Designation(id, name, decisionReference, decisionDate, purpose, rings, validFrom, validUntil,
                liveViewWindows == null ? List.of() : liveViewWindows, evaluationDate,
                signage == null ? List.of() : signage, categories);
    }
}
