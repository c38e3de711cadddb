package nl.uitkijk.driver.base;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import nl.uitkijk.api.camera.CameraDriver;
import nl.uitkijk.api.camera.ConfigParameter;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.DriverDescription;

/**
 * The common part of a driver for cameras with a web API: the {@link HttpCameraSettings} parameters plus the driver's
 * own number settings with their ranges, validation of both, the driver's worker threads and one HTTP client for all
 * its cameras. A subclass is the DS component: it passes its description to this constructor, creates its sessions
 * and calls {@link #close()} from its {@code @Deactivate}.
 */
public abstract class HttpCameraDriver implements CameraDriver {

    /** A whole-number setting of the driver with its allowed range, e.g. the RTSP port. */
    public record NumberSetting(String key, String label, String description, int defaultValue, int min, int max) {

        public int of(Map<String, Object> config) {
            return HttpCameraSettings.number(config, key, defaultValue);
        }
    }

    private final DriverDescription description;
    private final List<NumberSetting> numbers;
    private final ExecutorService workers;
    private final HttpClient http = HttpCameraSettings.newClient();

    protected HttpCameraDriver(String id, String label, String summary, String portDescription,
            List<NumberSetting> numbers, int workerThreads) {
        List<ConfigParameter> parameters = new ArrayList<>(HttpCameraSettings.parameters(portDescription));
        for (NumberSetting number : numbers) {
            parameters.add(new ConfigParameter(number.key(), ConfigParameter.Type.INTEGER, false, number.label(),
                    number.description(), number.defaultValue()));
        }
        this.description = new DriverDescription(id, label, summary, List.copyOf(parameters));
        this.numbers = List.copyOf(numbers);
        this.workers = DriverThreads.pool(id, workerThreads);
    }

    @Override
    public final DriverDescription description() {
        return description;
    }

    @Override
    public List<ConfigProblem> validate(Map<String, Object> config) {
        List<ConfigProblem> problems = new ArrayList<>(HttpCameraSettings.validate(config));
        for (NumberSetting number : numbers) {
            int value = number.of(config);
            if (value < number.min() || value > number.max()) {
                problems.add(new ConfigProblem("config." + number.key(), "must be " + number.min() + " to "
                        + number.max()));
            }
        }
        return problems;
    }

    /** The threads for the sessions' checks (they block up to the camera's timeout). */
    protected final ExecutorService workers() {
        return workers;
    }

    /** One client for all cameras of the driver (it pools connections). */
    protected final HttpClient http() {
        return http;
    }

    /** Stops the workers; call it from the subclass's {@code @Deactivate}. */
    public void close() {
        workers.shutdownNow();
    }
}
