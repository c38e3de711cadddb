package nl.uitkijk.api.incident;

import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Saved video walls: an operator's own, and the room's shared ones (owner {@code null}). */
@ProviderType
public interface WallViews {

    /**
     * @param layout the console's wall as JSON ({"size":4,"cameras":[…]})
     */
    record WallView(String name, String owner, String layout, Instant saved, String savedBy) {
        public boolean shared() {
            return owner == null;
        }
    }

    /** The user's own views and the shared ones, by name. */
    List<WallView> views(String user);

    /** Saves (replaces) a view; {@code shared}: the room's, else the user's own. */
    WallView save(String name, String layout, boolean shared, String user);

    /** @return whether there was such a view */
    boolean delete(String name, boolean shared, String user);
}
