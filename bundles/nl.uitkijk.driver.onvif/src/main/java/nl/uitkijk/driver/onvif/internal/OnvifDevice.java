package nl.uitkijk.driver.onvif.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.uitkijk.api.camera.DeviceInfo;
import nl.uitkijk.driver.base.HttpCameraSettings;
import nl.uitkijk.driver.base.XmlElement;

/**
 * The ONVIF operations Uitkijk uses, on one camera. Service addresses the camera reports are used for their path
 * only, on the configured host and port: cameras behind NAT report addresses nobody can reach, and the platform
 * must never be steered to another host by a reply.
 */
final class OnvifDevice {

    static final String DEVICE_NS = "http://www.onvif.org/ver10/device/wsdl";
    static final String MEDIA_NS = "http://www.onvif.org/ver10/media/wsdl";
    static final String PTZ_NS = "http://www.onvif.org/ver20/ptz/wsdl";
    static final String SCHEMA_NS = "http://www.onvif.org/ver10/schema";

    /** A media profile: an encoder configuration, possibly with PTZ. */
    record Profile(String token, String name, String encoding, int width, int height, double fps, boolean ptz) {
    }

    /** Where the services are. */
    record Services(URI device, URI media, Optional<URI> ptz, Optional<URI> events) {
    }

    private final HttpCameraSettings settings;
    private final SoapClient soap;
    private final URI deviceService;

    OnvifDevice(HttpCameraSettings settings, SoapClient soap) {
        this.settings = settings;
        this.soap = soap;
        this.deviceService = URI.create("http://" + settings.host() + ":" + settings.port() + "/onvif/device_service");
    }

    /** Reads the camera's clock and remembers how far it is from ours. @return the offset (camera − here) */
    Duration synchronizeClock() throws OnvifException {
        XmlElement reply = soap.call(deviceService, "GetSystemDateAndTime",
                "<tds:GetSystemDateAndTime xmlns:tds=\"" + DEVICE_NS + "\"/>", false);
        XmlElement utc = reply.find("UTCDateTime").findFirst().orElseThrow(() -> new OnvifException(
                "the camera did not tell its UTC time (GetSystemDateAndTime)"));
        try {
            LocalDateTime time = LocalDateTime.of(Integer.parseInt(utc.textAt("Date", "Year")),
                    Integer.parseInt(utc.textAt("Date", "Month")), Integer.parseInt(utc.textAt("Date", "Day")),
                    Integer.parseInt(utc.textAt("Time", "Hour")), Integer.parseInt(utc.textAt("Time", "Minute")),
                    Integer.parseInt(utc.textAt("Time", "Second")));
            Duration offset = Duration.between(soap.now(), time.toInstant(ZoneOffset.UTC));
            soap.cameraClockOffset(offset);
            return offset;
        } catch (RuntimeException e) {
            throw new OnvifException("the camera's time is malformed (GetSystemDateAndTime)");
        }
    }

    DeviceInfo deviceInformation() throws OnvifException {
        XmlElement reply = soap.call(deviceService, "GetDeviceInformation",
                "<tds:GetDeviceInformation xmlns:tds=\"" + DEVICE_NS + "\"/>", true);
        return new DeviceInfo(blankToNull(reply.textAt("Manufacturer")), blankToNull(reply.textAt("Model")),
                blankToNull(reply.textAt("FirmwareVersion")), blankToNull(reply.textAt("SerialNumber")));
    }

    Services services() throws OnvifException {
        XmlElement reply = soap.call(deviceService, "GetCapabilities", "<tds:GetCapabilities xmlns:tds=\""
                + DEVICE_NS + "\"><tds:Category>All</tds:Category></tds:GetCapabilities>", true);
        XmlElement capabilities = reply.child("Capabilities").orElseThrow(() -> new OnvifException(
                "the camera listed no capabilities (GetCapabilities)"));
        URI media = address(capabilities, "Media").orElseThrow(() -> new OnvifException(
                "the camera offers no media service (no stream addresses)"));
        return new Services(address(capabilities, "Device").orElse(deviceService), media,
                address(capabilities, "PTZ"), address(capabilities, "Events"));
    }

    List<Profile> profiles(Services services) throws OnvifException {
        XmlElement reply = soap.call(services.media(), "GetProfiles", "<trt:GetProfiles xmlns:trt=\"" + MEDIA_NS
                + "\"/>", true);
        List<Profile> profiles = new ArrayList<>();
        for (XmlElement profile : reply.all("Profiles")) {
            String token = profile.attribute("token");
            if (token.isBlank() || token.length() > 64) {
                continue;
            }
            XmlElement encoder = profile.child("VideoEncoderConfiguration").orElse(null);
            if (encoder == null) {
                continue;
            }
            profiles.add(new Profile(token, profile.textAt("Name"), encoder.textAt("Encoding"),
                    integer(encoder.textAt("Resolution", "Width")), integer(encoder.textAt("Resolution", "Height")),
                    integer(encoder.textAt("RateControl", "FrameRateLimit")),
                    profile.child("PTZConfiguration").isPresent()));
        }
        if (profiles.isEmpty()) {
            throw new OnvifException("the camera has no video profile (GetProfiles)");
        }
        return profiles;
    }

    URI streamUri(Services services, String profileToken) throws OnvifException {
        XmlElement reply = soap.call(services.media(), "GetStreamUri", "<trt:GetStreamUri xmlns:trt=\"" + MEDIA_NS
                + "\" xmlns:tt=\"" + SCHEMA_NS + "\"><trt:StreamSetup><tt:Stream>RTP-Unicast</tt:Stream>"
                + "<tt:Transport><tt:Protocol>RTSP</tt:Protocol></tt:Transport></trt:StreamSetup><trt:ProfileToken>"
                + SoapClient.escape(profileToken) + "</trt:ProfileToken></trt:GetStreamUri>", true);
        return onConfiguredHost(reply.textAt("MediaUri", "Uri"), "rtsp", "GetStreamUri");
    }

    Optional<URI> snapshotUri(Services services, String profileToken) {
        try {
            XmlElement reply = soap.call(services.media(), "GetSnapshotUri", "<trt:GetSnapshotUri xmlns:trt=\""
                    + MEDIA_NS + "\"><trt:ProfileToken>" + SoapClient.escape(profileToken)
                    + "</trt:ProfileToken></trt:GetSnapshotUri>", true);
            return Optional.of(onConfiguredHost(reply.textAt("MediaUri", "Uri"), "http", "GetSnapshotUri"));
        } catch (OnvifException e) {
            return Optional.empty(); // snapshots are optional in ONVIF Profile S
        }
    }

    SoapClient soap() {
        return soap;
    }

    /** The camera's address for a service, on the configured host and port. */
    private Optional<URI> address(XmlElement capabilities, String service) {
        String reported = capabilities.textAt(service, "XAddr");
        if (reported.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(reported);
            return Optional.of(new URI("http", null, settings.host().replaceAll("^\\[|\\]$", ""), settings.port(),
                    uri.getPath() == null || uri.getPath().isEmpty() ? "/onvif/services" : uri.getPath(), null,
                    null));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** A stream or snapshot address with the host replaced by the configured one (port and path kept). */
    private URI onConfiguredHost(String reported, String scheme, String operation) throws OnvifException {
        try {
            URI uri = new URI(reported.strip());
            if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase(scheme) || uri.getHost() == null) {
                throw new OnvifException("the camera gave no " + scheme + " address (" + operation + ")");
            }
            return new URI(uri.getScheme().toLowerCase(), null, settings.host().replaceAll("^\\[|\\]$", ""),
                    uri.getPort(), uri.getPath(), uri.getQuery(), null);
        } catch (URISyntaxException e) {
            throw new OnvifException("the camera gave a malformed address (" + operation + ")");
        }
    }

    private static int integer(String text) {
        try {
            return (int) Math.round(Double.parseDouble(text.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
