package nl.uitkijk.recorder.segment.internal;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Optional;
import nl.uitkijk.api.media.MediaHub;
import nl.uitkijk.api.recording.RecordingBackend;
import nl.uitkijk.api.recording.RecordingPolicies;
import nl.uitkijk.testkit.InMemoryCameraRegistry;
import nl.uitkijk.testkit.RecordingBackendConformance;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * The segment recorder through the recording-backend conformance kit, as Declarative Services would start it: its
 * own storage and Derby index, no cameras in the registry (the kit writes through {@link RecordingBackend#open}).
 */
class SegmentRecorderConformanceTest extends RecordingBackendConformance {

    @Override
    protected String name() {
        return "segment";
    }

    @Override
    protected RecordingBackend startBackend(Path folder) throws Exception {
        EmbeddedDataSource database = new EmbeddedDataSource();
        database.setDatabaseName(folder.resolve("db").toString());
        database.setCreateDatabase("create");
        MediaHub hub = (MediaHub) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MediaHub.class},
                (proxy, method, args) -> method.getName().equals("stats") ? Optional.empty() : null);
        RecordingPolicies policies = (RecordingPolicies) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RecordingPolicies.class}, (proxy, method, args) -> null);
        SegmentRecorder.Configuration configuration = (SegmentRecorder.Configuration) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {SegmentRecorder.Configuration.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "storageRoot" -> folder.resolve("recordings").toString();
                    case "reserveMegabytes" -> 0;
                    case "scrubMegabytesPerSecond" -> 0;
                    default -> method.getDefaultValue();
                });
        return new SegmentRecorder(hub, new InMemoryCameraRegistry(), policies, database, configuration);
    }

    @Override
    protected void stopBackend(RecordingBackend backend) {
        ((SegmentRecorder) backend).deactivate();
    }
}
