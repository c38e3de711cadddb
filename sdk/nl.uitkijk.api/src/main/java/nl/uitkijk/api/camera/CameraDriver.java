package nl.uitkijk.api.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A camera driver: the factory of sessions for one kind of camera.
 *
 * <p>A driver bundle registers exactly one implementation as an OSGi service with the service property
 * {@value #DRIVER_ID} set to {@link DriverDescription#id()}. The platform collects drivers as they come and go:
 * cameras of a driver that disappears become {@link CameraStatus#DRIVER_MISSING} and come back by themselves
 * when it returns. Methods may be called from any thread and must not block for long.
 */
@ConsumerType
public interface CameraDriver {

    /** Service property that carries the driver id. */
    String DRIVER_ID = "uitkijk.driver.id";

    DriverDescription description();

    /**
     * Checks a configuration before it is stored. The default checks that required parameters are present;
     * drivers add their own checks (URL syntax, ranges). Must not contact the camera.
     *
     * @return the problems found, each naming the field as {@code config.<key>}; empty when valid
     */
    default List<ConfigProblem> validate(Map<String, Object> config) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (ConfigParameter parameter : description().parameters()) {
            Object value = config.get(parameter.name());
            if (parameter.required() && (value == null || value.toString().isBlank())) {
                problems.add(new ConfigProblem("config." + parameter.name(), "is required"));
            }
        }
        return problems;
    }

    /**
     * Creates the session for one camera. Must return at once; connecting happens in {@link CameraSession#start()}.
     */
    CameraSession createSession(CameraContext context);
}
