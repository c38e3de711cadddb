package nl.uitkijk.core.internal.incident;

import static nl.uitkijk.core.internal.incident.Jdbc.update;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import nl.uitkijk.api.incident.IncidentProblem;
import nl.uitkijk.api.incident.WallViews;
import nl.uitkijk.core.internal.persistence.Database;
import nl.uitkijk.core.internal.persistence.Micros;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Saved video walls in the platform database; the room's shared views have the owner {@code ''}. */
@Component(service = WallViews.class)
public class WallViewsImpl implements WallViews {

    private static final String SHARED = "";
    private final Jdbc jdbc;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public WallViewsImpl(@Reference Database database) {
        this.jdbc = new Jdbc(database);
    }

    @Override
    public List<WallView> views(String user) {
        return jdbc.query("SELECT owner, name, layout, saved_us, saved_by FROM wall_view WHERE owner = ? OR owner = ? "
                + "ORDER BY name, owner", row -> new WallView(row.getString(2), row.getString(1).isEmpty() ? null
                        : row.getString(1), row.getString(3), Micros.instant(row.getLong(4)), row.getString(5)),
                user, SHARED);
    }

    @Override
    public WallView save(String name, String layout, boolean shared, String user) {
        String checked = name == null ? "" : name.strip();
        if (checked.isEmpty() || checked.length() > 100) {
            throw new IncidentProblem("name", "name: required, at most 100 characters");
        }
        if (layout == null || layout.length() > 8000) {
            throw new IncidentProblem("layout", "layout: required, at most 8000 characters of JSON");
        }
        String owner = shared ? SHARED : user;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.transaction(connection -> {
            if (update(connection, "UPDATE wall_view SET layout = ?, saved_us = ?, saved_by = ? WHERE owner = ? AND "
                    + "name = ?", layout, Micros.of(now), user, owner, checked) == 0) {
                update(connection, "INSERT INTO wall_view (owner, name, layout, saved_us, saved_by) VALUES (?, ?, ?, ?, "
                        + "?)", owner, checked, layout, Micros.of(now), user);
            }
            return null;
        });
        return new WallView(checked, shared ? null : user, layout, now, user);
    }

    @Override
    public boolean delete(String name, boolean shared, String user) {
        return jdbc.transaction(connection -> update(connection, "DELETE FROM wall_view WHERE owner = ? AND name = ?",
                shared ? SHARED : user, name)) > 0;
    }
}
