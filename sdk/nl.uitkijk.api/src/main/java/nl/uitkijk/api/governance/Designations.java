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
    Designation add(Designation designation, String user) throws InvalidCameraException;

    /** Replaces a designation's content; its id stays. */
    Designation update(String id, Designation designation, String user) throws InvalidCameraException;

    /** Withdraws a designation. @return whether it existed */
    boolean withdraw(String id, String user);
}
