package nl.uitkijk.core.internal.privacy;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Recorded footage through the masks: every picture of an MP4 decoded, the masks filled black, encoded again with
 * {@code libopenh264} into a new MP4 with the same timestamps. Only for playback and exports of cameras that have
 * masks; the recording itself is never touched.
 */
final class Mp4Masking {

    private Mp4Masking() {
    }

    static void mask(Path source, Path target, MaskShapes shapes) throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source.toFile());
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            int width = grabber.getImageWidth();
            int height = grabber.getImageHeight();
            double fps = grabber.getFrameRate() > 0 ? grabber.getFrameRate() : 25;
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toFile(), width, height, 0)) {
                recorder.setFormat("mp4");
                recorder.setVideoCodecName("libopenh264");
                recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
                recorder.setFrameRate(fps);
                recorder.setGopSize((int) Math.round(fps * 2));
                recorder.setVideoBitrate((int) Math.max(400_000, Math.min(8_000_000, width * (long) height * fps
                        * 0.1)));
                recorder.setOption("movflags", "+faststart");
                recorder.start();
                Mat mask = shapes.at(width, height);
                Frame frame;
                while ((frame = grabber.grabImage()) != null) {
                    Mat picture = converter.convert(frame);
                    picture.setTo(new Mat(new Scalar(0, 0, 0, 0)), mask);
                    recorder.setTimestamp(frame.timestamp);
                    recorder.record(converter.convert(picture));
                }
                recorder.stop();
            } catch (FrameRecorder.Exception e) {
                throw new IOException("the masked footage could not be written: " + e.getMessage(), e);
            }
            grabber.stop();
        } catch (FrameGrabber.Exception e) {
            throw new IOException("the footage could not be read for masking: " + e.getMessage(), e);
        }
    }
}
