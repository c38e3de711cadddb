package nl.uitkijk.driver.hikvision.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.uitkijk.api.camera.DeviceInfo;
import nl.uitkijk.driver.base.CameraCallException;
import nl.uitkijk.driver.base.CameraHttp;
import nl.uitkijk.driver.base.XmlElement;

/** The ISAPI calls this driver makes, with their replies read into what the platform needs. */
final class Isapi {

    /** One streaming channel of the configured video input: 101 is its main stream, 102 the sub stream. */
    record Channel(int id, String codec, int width, int height, double fps) {
    }

    private final CameraHttp http;

    Isapi(CameraHttp http) {
        this.http = http;
    }

    DeviceInfo deviceInfo() throws CameraCallException {
        XmlElement info = http.get("/ISAPI/System/deviceInfo").require("deviceInfo").xml("deviceInfo");
        if (!info.name().equals("DeviceInfo")) {
            throw new CameraCallException("the camera's deviceInfo is unusable: <" + info.name() + "> instead of "
                    + "<DeviceInfo> (is this a Hikvision camera?)");
        }
        return new DeviceInfo(blankToNull(info.textAt("manufacturer"), "Hikvision"),
                blankToNull(info.textAt("model"), null), blankToNull(info.textAt("firmwareVersion"), null),
                blankToNull(info.textAt("serialNumber"), null));
    }

    /** The enabled channels of a video input, main stream first. */
    List<Channel> channels(int input) throws CameraCallException {
        XmlElement list = http.get("/ISAPI/Streaming/channels").require("streaming channels")
                .xml("streaming channel list");
        List<Channel> channels = new ArrayList<>();
        for (XmlElement channel : list.all("StreamingChannel")) {
            int id = number(channel.textAt("id"), -1);
            if (id / 100 != input || "false".equalsIgnoreCase(channel.textAt("enabled"))
                    || "false".equalsIgnoreCase(channel.textAt("Video", "enabled"))) {
                continue;
            }
            XmlElement video = channel.child("Video").orElse(null);
            if (video == null) {
                continue;
            }
            int width = number(video.textAt("videoResolutionWidth"), 0);
            int height = number(video.textAt("videoResolutionHeight"), 0);
            if (width <= 0 || height <= 0 || width > 16_384 || height > 16_384) {
                throw new CameraCallException("the camera reports channel " + id + " with an impossible size "
                        + width + "x" + height);
            }
            // maxFrameRate is in hundredths: 2500 = 25 fps
            double fps = number(video.textAt("maxFrameRate"), 0) / 100.0;
            channels.add(new Channel(id, codec(video.textAt("videoCodecType")), width, height, fps));
        }
        channels.sort((a, b) -> Integer.compare(a.id(), b.id()));
        if (channels.isEmpty()) {
            throw new CameraCallException("the camera has no enabled video stream on channel " + input);
        }
        return channels;
    }

    boolean hasPtz(int input) throws CameraCallException {
        return http.get("/ISAPI/PTZCtrl/channels/" + input + "/capabilities").ok();
    }

    /** "H.264" → "h264", "H.265" → "h265", "MJPEG" → "mjpeg". */
    static String codec(String isapi) {
        return isapi.toLowerCase(Locale.ROOT).replace(".", "").replace("+", "").strip();
    }

    static int number(String text, int fallback) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String blankToNull(String text, String fallback) {
        return text.isBlank() ? fallback : text;
    }
}
