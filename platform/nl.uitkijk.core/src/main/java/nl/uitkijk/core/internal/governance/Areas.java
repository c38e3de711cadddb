package nl.uitkijk.core.internal.governance;

import java.util.Arrays;
import java.util.List;
import nl.uitkijk.api.camera.Location;
import nl.uitkijk.api.governance.Designation;
import nl.uitkijk.api.governance.Designation.Position;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/** Whether a place lies in a designated area (JTS; the area was validated when it was stored). */
final class Areas {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private Areas() {
    }

    /** Inside or on the border of the area; holes excluded. */
    static boolean contains(Designation designation, Location location) {
        if (location == null || designation.area() == null || designation.area().isEmpty()) {
            return false;
        }
        return polygon(designation.area()).covers(GEOMETRY.createPoint(new Coordinate(location.lon(),
                location.lat())));
    }

    static Polygon polygon(List<List<Position>> rings) {
        LinearRing[] linear = rings.stream().map(ring -> GEOMETRY.createLinearRing(ring.stream()
                .map(p -> new Coordinate(p.lon(), p.lat())).toArray(Coordinate[]::new))).toArray(LinearRing[]::new);
        return GEOMETRY.createPolygon(linear[0], Arrays.copyOfRange(linear, 1, linear.length));
    }
}
