package nl.uitkijk.api.governance;

import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Which cameras are shared with which outside party (the police): such a party sees, watches and exports only the
 * cameras shared with it. Sharing and unsharing are the administrator's, and audited.
 *
 * @since 1.4
 */
@ProviderType
public interface CameraShares {

    /** The party of the police control room (role {@code police}). */
    String POLICE = "police";

    boolean sharedWith(String cameraId, String party);

    Set<String> camerasSharedWith(String party);

    /** @return whether it was not shared before */
    boolean share(String cameraId, String party, String user);

    /** @return whether it was shared */
    boolean unshare(String cameraId, String party, String user);
}
