package nl.uitkijk.api.analytics;

import java.util.List;
import nl.uitkijk.api.media.VideoFrame;
import org.osgi.annotation.versioning.ConsumerType;

/** A module's state for one camera. Called from one thread at a time. */
@ConsumerType
public interface FrameAnalyzer extends AutoCloseable {

    List<Detection> analyze(VideoFrame frame);

    @Override
    void close();
}
