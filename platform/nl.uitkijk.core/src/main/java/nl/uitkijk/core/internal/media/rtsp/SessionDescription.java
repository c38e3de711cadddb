package nl.uitkijk.core.internal.media.rtsp;

import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The video track of an SDP session description (RFC 8866), as far as a recorder needs it. */
record SessionDescription(String codec, int payloadType, int clockRate, String control, double frameRate,
        Map<String, String> formatParameters) {

    /** @return the first video track, or empty when the description has none */
    static Optional<SessionDescription> firstVideoTrack(String sdp) {
        String codec = null;
        int payloadType = -1;
        int clockRate = 90_000;
        String control = null;
        double frameRate = 0;
        Map<String, String> parameters = new HashMap<>();
        boolean inVideo = false;
        boolean found = false;
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.trim();
            if (line.startsWith("m=")) {
                if (found) {
                    break; // the first video track is complete
                }
                String[] media = line.substring(2).split(" ");
                inVideo = media[0].equals("video") && media.length >= 4;
                if (inVideo) {
                    found = true;
                    payloadType = parseInt(media[3], -1);
                }
            } else if (inVideo && line.startsWith("a=rtpmap:")) {
                String[] map = line.substring(9).split("[ /]");
                if (map.length >= 3 && parseInt(map[0], -2) == payloadType) {
                    codec = map[1].toUpperCase(Locale.ROOT);
                    clockRate = parseInt(map[2], 90_000);
                }
            } else if (inVideo && line.startsWith("a=fmtp:")) {
                int space = line.indexOf(' ');
                if (space > 0 && parseInt(line.substring(7, space), -2) == payloadType) {
                    for (String parameter : line.substring(space + 1).split(";")) {
                        int equals = parameter.indexOf('=');
                        if (equals > 0) {
                            parameters.put(parameter.substring(0, equals).trim().toLowerCase(Locale.ROOT),
                                    parameter.substring(equals + 1).trim());
                        }
                    }
                }
            } else if (inVideo && line.startsWith("a=control:")) {
                control = line.substring(10).trim();
            } else if (inVideo && line.startsWith("a=framerate:")) {
                try {
                    frameRate = Double.parseDouble(line.substring(12).trim());
                } catch (NumberFormatException e) {
                    frameRate = 0;
                }
            }
        }
        if (!found) {
            return Optional.empty();
        }
        if (codec == null && payloadType == 26) {
            codec = "JPEG"; // a static payload type needs no rtpmap
        }
        return Optional.of(new SessionDescription(codec == null ? "unknown" : codec, payloadType, clockRate,
                control == null ? "*" : control, frameRate, Map.copyOf(parameters)));
    }

    /** The SPS and PPS from {@code sprop-parameter-sets}; empty arrays when absent or malformed. */
    byte[][] spropParameterSets() {
        String sets = formatParameters.get("sprop-parameter-sets");
        byte[] sps = new byte[0];
        byte[] pps = new byte[0];
        if (sets != null) {
            for (String set : sets.split(",")) {
                try {
                    byte[] nal = Base64.getDecoder().decode(set.trim());
                    if (nal.length > 0 && (nal[0] & 0x1f) == H264Depacketizer.NAL_SPS) {
                        sps = nal;
                    } else if (nal.length > 0 && (nal[0] & 0x1f) == H264Depacketizer.NAL_PPS) {
                        pps = nal;
                    }
                } catch (IllegalArgumentException e) {
                    // A malformed set is ignored; the parameter sets in the stream serve instead.
                }
            }
        }
        return new byte[][] { sps, pps };
    }

    private static int parseInt(String text, int fallback) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
