package nl.uitkijk.driver.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

class SceneRendererTest {

    /** What a viewer does: the luminance at each block's centre, white is 1. */
    static long readTimeCode(Mat picture, int width, int height) {
        int block = SceneRenderer.timeCodeBlock(width);
        int y = 4 + block / 2;
        long value = 0;
        try (UByteIndexer pixels = picture.createIndexer()) {
            for (int bit = 0; bit < SceneRenderer.TIME_CODE_BITS; bit++) {
                int x = width - block * (SceneRenderer.TIME_CODE_BITS + 1 - bit) + block / 2;
                value = value << 1 | (pixels.get(y, x, 1) > 128 ? 1 : 0);
            }
        }
        return value;
    }

    @Test
    void thePictureCarriesItsRenderTimeAsATimeCode() {
        try (SceneRenderer renderer = new SceneRenderer(1280, 720, "Test", 7)) {
            for (long millis : new long[] { 1_795_000_123_456L, 1_795_000_123_457L, 0xFFFF_FFFFL }) {
                Mat picture = renderer.render(Instant.ofEpochMilli(millis));
                assertEquals(millis & 0xFFFF_FFFFL, readTimeCode(picture, 1280, 720));
            }
        }
    }
}
