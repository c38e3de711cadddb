package nl.uitkijk.driver.axis.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.uitkijk.api.camera.DeviceInfo;
import nl.uitkijk.driver.base.CameraCallException;
import nl.uitkijk.driver.base.CameraHttp;

/** The VAPIX parameter calls this driver makes ({@code param.cgi?action=list}), read into what the platform needs. */
final class Vapix {

    /** A video size the camera offers. */
    record Size(int width, int height) {
        int pixels() {
            return width * height;
        }

        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    private final CameraHttp http;

    Vapix(CameraHttp http) {
        this.http = http;
    }

    /** The parameters of some groups as {@code root.Brand.ProdNbr → Q6075-E}; groups the camera lacks are left out. */
    Map<String, String> parameters(String... groups) throws CameraCallException {
        String reply = http.get("/axis-cgi/param.cgi?action=list&group=" + String.join(",", groups))
                .require("the parameter list").text();
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String line : reply.split("\r?\n")) {
            int equals = line.indexOf('=');
            if (line.startsWith("root.") && equals > 0 && parameters.size() < 10_000) {
                parameters.put(line.substring(0, equals), line.substring(equals + 1).strip());
            }
        }
        if (parameters.isEmpty()) {
            String first = reply.lines().findFirst().orElse("").strip();
            throw new CameraCallException("the camera's parameter list is unusable"
                    + (first.startsWith("# Error") ? ": " + shorten(first.substring(1).strip())
                            : " (is this an Axis camera?)"));
        }
        return parameters;
    }

    static DeviceInfo device(Map<String, String> parameters) {
        return new DeviceInfo(parameters.getOrDefault("root.Brand.Brand", "AXIS"),
                parameters.get("root.Brand.ProdNbr"), parameters.get("root.Properties.Firmware.Version"),
                parameters.get("root.Properties.System.SerialNumber"));
    }

    /** The sizes the camera offers, largest first; malformed entries refuse the whole list. */
    static List<Size> sizes(Map<String, String> parameters) throws CameraCallException {
        String offered = parameters.getOrDefault("root.Properties.Image.Resolution", "");
        List<Size> sizes = new ArrayList<>();
        for (String entry : offered.split(",")) {
            String[] parts = entry.strip().toLowerCase(Locale.ROOT).split("x");
            try {
                int width = Integer.parseInt(parts[0]);
                int height = Integer.parseInt(parts[1]);
                if (parts.length != 2 || width < 16 || height < 16 || width > 16_384 || height > 16_384) {
                    throw new NumberFormatException();
                }
                sizes.add(new Size(width, height));
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new CameraCallException("the camera reports an impossible resolution '" + shorten(entry) + "'");
            }
        }
        sizes.sort((a, b) -> Integer.compare(b.pixels(), a.pixels()));
        return sizes;
    }

    static boolean offers(Map<String, String> parameters, String format) {
        return Arrays.asList(parameters.getOrDefault("root.Properties.Image.Format", "").toLowerCase(Locale.ROOT)
                .split(",")).contains(format);
    }

    private static String shorten(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
