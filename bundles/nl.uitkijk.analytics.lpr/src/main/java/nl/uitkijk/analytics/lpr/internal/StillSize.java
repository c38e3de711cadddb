package nl.uitkijk.analytics.lpr.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Checks a still's kind and size from its header, before anything decodes its pixels. */
final class StillSize {

    private StillSize() {
    }

    /** @throws IllegalArgumentException saying what is wrong: not a JPEG or PNG, too small, too large */
    static void check(byte[] image, int minSide, long maxPixels) {
        boolean jpeg = image.length > 3 && (image[0] & 0xff) == 0xff && (image[1] & 0xff) == 0xd8;
        boolean png = image.length > 8 && (image[0] & 0xff) == 0x89 && image[1] == 'P' && image[2] == 'N'
                && image[3] == 'G';
        if (!jpeg && !png) {
            throw new IllegalArgumentException("not a JPEG or PNG picture (it starts with neither's signature)");
        }
        int width;
        int height;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IllegalArgumentException("not a JPEG or PNG picture that can be read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the picture's header does not read: " + e.getMessage());
        }
        if (width < minSide || height < minSide) {
            throw new IllegalArgumentException("the picture is " + width + "×" + height + " pixels: too small to "
                    + "hold a plate (at least " + minSide + "×" + minSide + ")");
        }
        if ((long) width * height > maxPixels) {
            throw new IllegalArgumentException("the picture is " + width + "×" + height + " pixels: more than "
                    + maxPixels + " pixels");
        }
    }
}
