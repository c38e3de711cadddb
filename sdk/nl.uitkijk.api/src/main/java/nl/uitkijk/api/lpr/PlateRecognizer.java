package nl.uitkijk.api.lpr;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Reads licence plates in a still: registered by the LPR module's bundle ({@code uitkijk-analytics-lpr}), used by
 * {@code POST /api/v1/lpr/read} so that an operator or a procurement team can check a picture.
 */
@ConsumerType
public interface PlateRecognizer {

    /**
     * The plates in an encoded picture (JPEG or PNG), the surest first.
     *
     * @throws IllegalArgumentException when the bytes are not a picture or the picture is too small to hold a plate
     */
    List<PlateRead> read(byte[] image);
}
