package nl.uitkijk.api.recording;

import nl.uitkijk.api.media.MediaSink;
import org.osgi.annotation.versioning.ConsumerType;

/** Where one camera's packets are written. Closing it finishes the current segment. */
@ConsumerType
public interface RecordingSink extends MediaSink, AutoCloseable {

    @Override
    void close();
}
