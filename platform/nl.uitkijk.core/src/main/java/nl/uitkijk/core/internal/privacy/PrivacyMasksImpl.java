package nl.uitkijk.core.internal.privacy;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.uitkijk.api.camera.CameraException;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.camera.UnknownCameraException;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.api.media.MediaHub;
import nl.uitkijk.api.media.MediaSink;
import nl.uitkijk.api.media.Still;
import nl.uitkijk.api.media.StillSink;
import nl.uitkijk.api.media.Stills;
import nl.uitkijk.api.media.VideoFrame;
import nl.uitkijk.api.privacy.PrivacyMasks;
import nl.uitkijk.core.internal.persistence.Database;
import nl.uitkijk.core.internal.persistence.Micros;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Privacy masks (Flyway V16), kept in memory too (every picture asks), and the camera's pictures through them:
 * one {@link MaskedStream} per camera stream while masked viewers watch, stills and JPEGs painted before they are
 * encoded again, and exports re-encoded by {@link Mp4Masking}.
 */
@Component(service = { PrivacyMasks.class, MaskPainter.class })
public class PrivacyMasksImpl implements PrivacyMasks, MaskPainter {

    private static final Logger LOG = LoggerFactory.getLogger(PrivacyMasksImpl.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<List<double[]>>> POLYGONS = new TypeReference<>() {
    };
    private static final MaskShapes NONE = new MaskShapes(List.of());

    private final Database database;
    private final CameraRegistry cameras;
    private final MediaHub hub;
    private final Stills stills;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, MaskShapes> shapes = new ConcurrentHashMap<>();
    private final Map<String, MaskedStream> streams = new ConcurrentHashMap<>();

    @Activate
    public PrivacyMasksImpl(@Reference Database database, @Reference CameraRegistry cameras,
            @Reference MediaHub hub, @Reference Stills stills, @Reference AuditLog audit) throws SQLException {
        this.database = database;
        this.cameras = cameras;
        this.hub = hub;
        this.stills = stills;
        this.audit = audit;
        load();
    }

    @Deactivate
    void deactivate() {
        streams.values().forEach(MaskedStream::close);
        streams.clear();
    }

    private void load() throws SQLException {
        try (Connection connection = database.connection(); PreparedStatement select = connection.prepareStatement(
                "SELECT camera_id, masks FROM privacy_mask"); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                shapes.put(rows.getString(1), new MaskShapes(parse(rows.getString(2))));
            }
        }
    }

    private static List<Mask> parse(String json) {
        try {
            List<Mask> masks = new ArrayList<>();
            for (List<double[]> polygon : JSON.readValue(json, POLYGONS)) {
                masks.add(new Mask(polygon));
            }
            return masks;
        } catch (IOException e) {
            throw new IllegalStateException("stored privacy masks do not read: " + e.getMessage(), e);
        }
    }

    private void existing(String cameraId) throws UnknownCameraException {
        if (cameras.camera(cameraId).isEmpty()) {
            throw new UnknownCameraException(cameraId);
        }
    }

    private MaskShapes shapes(String cameraId) {
        return shapes.getOrDefault(cameraId, NONE);
    }

    @Override
    public List<Mask> masks(String cameraId) throws UnknownCameraException {
        existing(cameraId);
        return shapes(cameraId).masks();
    }

    @Override
    public List<Mask> setMasks(String cameraId, List<Mask> masks, String user) throws CameraException {
        existing(cameraId);
        List<Mask> valid = MaskShapes.validated(masks);
        String json;
        try {
            json = JSON.writeValueAsString(valid.stream().map(Mask::polygon).toList());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM privacy_mask WHERE camera_id = ?");
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO privacy_mask (camera_id, "
                            + "masks, changed_by, changed_us) VALUES (?, ?, ?, ?)")) {
                delete.setString(1, cameraId);
                delete.executeUpdate();
                if (!valid.isEmpty()) {
                    insert.setString(1, cameraId);
                    insert.setString(2, json);
                    insert.setString(3, user);
                    insert.setLong(4, Micros.of(clock.instant()));
                    insert.executeUpdate();
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The privacy masks were not stored: " + e.getMessage(), e);
        }
        if (valid.isEmpty()) {
            shapes.remove(cameraId);
        } else {
            shapes.put(cameraId, new MaskShapes(valid));
        }
        audit.record(user, AuditActions.PRIVACY_MASKS, "camera:" + cameraId, "", "", valid.size() + " mask(s) "
                + json);
        return valid;
    }

    @Override
    public AutoCloseable subscribe(String cameraId, String profile, MediaSink sink) throws UnknownCameraException {
        existing(cameraId);
        if (shapes(cameraId).isEmpty()) {
            return hub.subscribe(cameraId, profile, MediaHub.Delivery.LIVE, sink);
        }
        String key = cameraId + "/" + profile;
        synchronized (streams) {
            MaskedStream stream = streams.get(key);
            if (stream != null && stream.dead()) {
                streams.remove(key);
                stream.close();
                stream = null;
            }
            if (stream == null) {
                MaskedStream created = new MaskedStream(key, () -> shapes(cameraId), () -> idle(key));
                stream = created;
                streams.put(key, created);
                AutoCloseable added = created.add(sink);
                try {
                    created.upstream(hub.subscribe(cameraId, profile, MediaHub.Delivery.LIVE, created));
                } catch (UnknownCameraException | RuntimeException e) {
                    streams.remove(key);
                    created.close();
                    throw e;
                }
                return added;
            }
            return stream.add(sink);
        }
    }

    /** The last masked viewer left: stop re-encoding. */
    private void idle(String key) {
        synchronized (streams) {
            MaskedStream stream = streams.get(key);
            if (stream != null && stream.idle()) {
                streams.remove(key);
                stream.close();
                LOG.debug("Masked stream {} stopped: {} pictures, {} ms CPU", key, stream.pictures(),
                        stream.cpuNanos() / 1_000_000);
            }
        }
    }

    /** The masked stream of a camera stream ({@code camera/profile}) while it runs, else null. */
    MaskedStream runningStream(String key) {
        return streams.get(key);
    }

    /** Pictures re-encoded and CPU used by the masked streams running now, per camera stream. */
    Map<String, long[]> statistics() {
        Map<String, long[]> figures = new java.util.TreeMap<>();
        streams.forEach((key, stream) -> figures.put(key, new long[] { stream.pictures(), stream.cpuNanos(),
            stream.dropped() }));
        return figures;
    }

    @Override
    public AutoCloseable subscribeStills(String cameraId, String profile, int maxWidth, StillSink sink)
            throws UnknownCameraException {
        existing(cameraId);
        if (shapes(cameraId).isEmpty()) {
            return stills.subscribe(cameraId, profile, maxWidth, sink);
        }
        return stills.subscribe(cameraId, profile, maxWidth, new StillSink() {
            @Override
            public void still(Still still) {
                sink.still(new Still(mask(cameraId, still.jpeg()), still.width(), still.height(),
                        still.capturedMicros()));
            }

            @Override
            public void ended(String reason) {
                sink.ended(reason);
            }
        });
    }

    @Override
    public byte[] mask(String cameraId, byte[] jpeg) {
        MaskShapes current = shapes(cameraId);
        if (current.isEmpty()) {
            return jpeg;
        }
        try (BytePointer bytes = new BytePointer(jpeg); Mat encoded = new Mat(1, jpeg.length,
                org.bytedeco.opencv.global.opencv_core.CV_8U, bytes); Mat picture = imdecode(encoded, IMREAD_COLOR)) {
            if (picture == null || picture.empty()) {
                // never hand out what could not be masked
                throw new IllegalArgumentException("a picture of " + cameraId + " does not decode; not shown");
            }
            picture.setTo(new Mat(new Scalar(0, 0, 0, 0)), current.at(picture.cols(), picture.rows()));
            try (BytePointer out = new BytePointer(); org.bytedeco.javacpp.IntPointer quality =
                    new org.bytedeco.javacpp.IntPointer(IMWRITE_JPEG_QUALITY, 85)) {
                imencode(".jpg", picture, out, quality);
                byte[] masked = new byte[(int) out.limit()];
                out.get(masked);
                return masked;
            }
        }
    }

    @Override
    public void paint(String cameraId, VideoFrame picture) {
        MaskShapes current = shapes(cameraId);
        if (current.isEmpty()) {
            return;
        }
        int type = picture.pixelFormat() == VideoFrame.PixelFormat.GRAY8
                ? org.bytedeco.opencv.global.opencv_core.CV_8UC1 : org.bytedeco.opencv.global.opencv_core.CV_8UC3;
        try (BytePointer pixels = new BytePointer(picture.pixels()); Mat image = new Mat(picture.height(),
                picture.width(), type, pixels, picture.stride())) {
            image.setTo(new Mat(new Scalar(0, 0, 0, 0)), current.at(picture.width(), picture.height()));
        }
    }

    @Override
    public boolean mask(String cameraId, Path mp4, Path target) throws IOException {
        MaskShapes current = shapes(cameraId);
        if (current.isEmpty()) {
            Files.copy(mp4, target, StandardCopyOption.REPLACE_EXISTING);
            return false;
        }
        Mp4Masking.mask(mp4, target, current);
        return true;
    }
}
