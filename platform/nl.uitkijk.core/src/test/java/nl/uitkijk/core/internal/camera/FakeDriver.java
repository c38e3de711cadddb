package nl.uitkijk.core.internal.camera;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import nl.uitkijk.api.camera.CameraContext;
import nl.uitkijk.api.camera.CameraDriver;
import nl.uitkijk.api.camera.CameraSession;
import nl.uitkijk.api.camera.ConfigParameter;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.DriverDescription;
import nl.uitkijk.api.camera.StatusInfo;

/** A driver for unit tests: sessions go ONLINE at once unless told to fail. */
class FakeDriver implements CameraDriver {

    final String id;
    volatile List<ConfigProblem> problems = List.of();
    volatile boolean failValidate;
    volatile boolean failCreate;
    volatile boolean failStart;
    volatile boolean reconfigureInPlace;
    final AtomicInteger started = new AtomicInteger();
    final AtomicInteger stopped = new AtomicInteger();
    final List<CameraContext> contexts = new CopyOnWriteArrayList<>();

    FakeDriver(String id) {
        this.id = id;
    }

    @Override
    public DriverDescription description() {
        return new DriverDescription(id, "Fake", "for tests", List.of(
                new ConfigParameter("url", ConfigParameter.Type.URL, false, "URL", "", null),
                new ConfigParameter("password", ConfigParameter.Type.PASSWORD, false, "Password", "", null)));
    }

    @Override
    public List<ConfigProblem> validate(Map<String, Object> config) {
        if (failValidate) {
            throw new IllegalStateException("validator bug");
        }
        return problems;
    }

    @Override
    public CameraSession createSession(CameraContext context) {
        if (failCreate) {
            throw new IllegalStateException("cannot create");
        }
        contexts.add(context);
        return new CameraSession() {
            @Override
            public void start() {
                if (failStart) {
                    throw new UnsatisfiedLinkError("no native library");
                }
                started.incrementAndGet();
                context.reportStatus(StatusInfo.online("fake stream"));
            }

            @Override
            public void stop() {
                stopped.incrementAndGet();
            }

            @Override
            public boolean reconfigure(Map<String, Object> newConfig) {
                return reconfigureInPlace;
            }
        };
    }
}
