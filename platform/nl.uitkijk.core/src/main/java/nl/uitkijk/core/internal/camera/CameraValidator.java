package nl.uitkijk.core.internal.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.uitkijk.api.camera.CameraDefinition;
import nl.uitkijk.api.camera.CameraDriver;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.Location;

/**
 * Checks a camera definition field by field; every problem names the field as the REST JSON does. The driver's
 * own checks are added for {@code config.*} when the driver is installed.
 */
public final class CameraValidator {

    public static final int MAX_ID = 64;
    public static final int MAX_NAME = 100;
    public static final int MAX_ADDRESS = 200;
    public static final int MAX_SITE = 100;
    public static final int MAX_CONFIG_VALUE = 2000;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0," + (MAX_ID - 1) + "}");
    private static final Pattern DRIVER_ID = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");

    private CameraValidator() {
    }

    /**
     * @param driver the installed driver named by the definition, or {@code null} when it is absent
     * @param requireDriver whether an absent driver is a problem (it is for administrators; not for a
     *                      provisioning file that may be read before the driver bundle starts)
     */
    public static List<ConfigProblem> validate(CameraDefinition camera, CameraDriver driver, boolean requireDriver,
            List<String> installedDrivers) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (camera.id() == null || !ID.matcher(camera.id()).matches()) {
            problems.add(new ConfigProblem("id", "must be 1 to " + MAX_ID
                    + " characters: lower-case letters, digits and '-', starting with a letter or digit"));
        }
        text(problems, "name", camera.name(), true, MAX_NAME);
        if (camera.driver() == null || camera.driver().isBlank()) {
            problems.add(new ConfigProblem("driver", "is required"));
        } else if (!DRIVER_ID.matcher(camera.driver()).matches()) {
            problems.add(new ConfigProblem("driver", "is not a valid driver id"));
        } else if (driver == null && requireDriver) {
            problems.add(new ConfigProblem("driver", "unknown driver '" + camera.driver() + "'; installed: "
                    + (installedDrivers.isEmpty() ? "none" : String.join(", ", installedDrivers))));
        }
        location(problems, camera.location());
        text(problems, "site", camera.site(), false, MAX_SITE);
        text(problems, "designationId", camera.designationId(), false, MAX_ID);
        for (Map.Entry<String, Object> entry : camera.config().entrySet()) {
            Object value = entry.getValue();
            if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                problems.add(new ConfigProblem("config." + entry.getKey(), "must be a string, number or boolean"));
            } else if (value != null && value.toString().length() > MAX_CONFIG_VALUE) {
                problems.add(new ConfigProblem("config." + entry.getKey(), "is longer than " + MAX_CONFIG_VALUE));
            }
        }
        if (driver != null && problems.stream().noneMatch(p -> p.field().startsWith("config."))) {
            problems.addAll(driverChecks(driver, camera.config()));
        }
        return problems;
    }

    private static List<ConfigProblem> driverChecks(CameraDriver driver, Map<String, Object> config) {
        try {
            return driver.validate(config);
        } catch (RuntimeException e) {
            // A driver's bug must not let an unchecked configuration through, nor take the caller down.
            return List.of(new ConfigProblem("config", "the driver could not check it: " + e));
        }
    }

    private static void location(List<ConfigProblem> problems, Location location) {
        if (location == null) {
            problems.add(new ConfigProblem("location", "is required: {\"lat\": …, \"lon\": …} in WGS84"));
            return;
        }
        if (!Double.isFinite(location.lat()) || location.lat() < -90 || location.lat() > 90) {
            problems.add(new ConfigProblem("location.lat", "must be a latitude from -90 to 90"));
        }
        if (!Double.isFinite(location.lon()) || location.lon() < -180 || location.lon() > 180) {
            problems.add(new ConfigProblem("location.lon", "must be a longitude from -180 to 180"));
        }
        Double direction = location.direction();
        if (direction != null && (!Double.isFinite(direction) || direction < 0 || direction >= 360)) {
            problems.add(new ConfigProblem("location.direction", "must be degrees from 0 (north) to below 360"));
        }
        text(problems, "location.address", location.address(), false, MAX_ADDRESS);
    }

    private static void text(List<ConfigProblem> problems, String field, String value, boolean required, int max) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new ConfigProblem(field, "is required"));
            }
        } else if (value.length() > max) {
            problems.add(new ConfigProblem(field, "is " + value.length() + " characters; at most " + max));
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            problems.add(new ConfigProblem(field, "must not contain control characters"));
        }
    }
}
