package nl.uitkijk.api.governance;

import java.util.List;
import java.util.Optional;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.InvalidCameraException;
import org.osgi.annotation.versioning.ProviderType;

/** The register of designations (aanwijzingsbesluiten). */
@ProviderType
public interface Designations {

    List<Designation> all();

    Optional<Designation> designation(String id);

    /**
     * Registers a designation and assigns its id.
     *
     * @throws InvalidCameraException naming each field at fault ({@link ConfigProblem}): a missing name, purpose
     *                                or decision reference, an open or self-intersecting area, an end before the
     *                                start
     */
    Designation add(Designation designation, String user, String origin) throws InvalidCameraException;

    /**
     * Replaces a designation's content; its id stays.
     *
     * @param origin where the change came from, for the audit log (e.g. "REST 10.0.0.5", "console")
     */
    Designation update(String id, Designation designation, String user, String origin) throws InvalidCameraException;

    /** Withdraws a designation: the cameras bound to it stop. @return whether it existed */
    boolean withdraw(String id, String user, String origin);

    /** As {@link #add(Designation, String, String)} without an origin. */
    default Designation add(Designation designation, String user) throws InvalidCameraException {
        return add(designation, user, "");
    }
}
