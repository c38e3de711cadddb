package nl.uitkijk.driver.hikvision.internal;

import java.util.List;
import nl.uitkijk.api.camera.PtzControl;
import nl.uitkijk.driver.base.CameraCallException;
import nl.uitkijk.driver.base.CameraHttp;
import nl.uitkijk.driver.base.PtzSpeed;
import nl.uitkijk.driver.base.XmlElement;

/** PTZ over ISAPI: continuous moves with speeds -100..100, presets by number, the home position. */
final class IsapiPtz implements PtzControl {

    private static final String XML = "application/xml; charset=UTF-8";
    private final CameraHttp http;
    private final String base;

    IsapiPtz(CameraHttp http, int input) {
        this.http = http;
        this.base = "/ISAPI/PTZCtrl/channels/" + input;
    }

    @Override
    public void continuousMove(double pan, double tilt, double zoom) throws PtzException {
        put(base + "/continuous", "<PTZData><pan>" + PtzSpeed.percent(pan) + "</pan><tilt>" + PtzSpeed.percent(tilt) + "</tilt><zoom>"
                + PtzSpeed.percent(zoom) + "</zoom></PTZData>", "move");
    }

    @Override
    public void stop() throws PtzException {
        continuousMove(0, 0, 0);
    }

    @Override
    public List<Preset> presets() throws PtzException {
        try {
            XmlElement list = http.get(base + "/presets").require("the preset list").xml("preset list");
            return list.all("PTZPreset").stream()
                    .filter(preset -> !preset.textAt("id").isBlank())
                    .map(preset -> new Preset(preset.textAt("id"), preset.textAt("presetName").isBlank()
                            ? "Preset " + preset.textAt("id") : preset.textAt("presetName")))
                    .toList();
        } catch (CameraCallException e) {
            throw new PtzException("presets: " + e.getMessage(), e);
        }
    }

    @Override
    public void gotoPreset(String token) throws PtzException {
        PtzSpeed.requireNumericPreset(token);
        put(base + "/presets/" + token + "/goto", "", "preset " + token);
    }

    @Override
    public void gotoHome() throws PtzException {
        put(base + "/homeposition/goto", "", "home");
    }

    private void put(String path, String body, String what) throws PtzException {
        try {
            http.send("PUT", path, XML, body).require(what);
        } catch (CameraCallException e) {
            throw new PtzException(what + ": " + e.getMessage(), e);
        }
    }
}
