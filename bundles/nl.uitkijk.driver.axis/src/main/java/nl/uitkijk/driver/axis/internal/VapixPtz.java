package nl.uitkijk.driver.axis.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.uitkijk.api.camera.PtzControl;
import nl.uitkijk.driver.base.CameraCallException;
import nl.uitkijk.driver.base.CameraHttp;
import nl.uitkijk.driver.base.PtzSpeed;

/** PTZ over VAPIX {@code com/ptz.cgi}: continuous moves with speeds -100..100, server presets, home. */
final class VapixPtz implements PtzControl {

    private final CameraHttp http;
    private final int camera;

    VapixPtz(CameraHttp http, int camera) {
        this.http = http;
        this.camera = camera;
    }

    @Override
    public void continuousMove(double pan, double tilt, double zoom) throws PtzException {
        command("continuouspantiltmove=" + PtzSpeed.percent(pan) + "," + PtzSpeed.percent(tilt) + "&continuouszoommove=" + PtzSpeed.percent(zoom),
                "move");
    }

    @Override
    public void stop() throws PtzException {
        continuousMove(0, 0, 0);
    }

    @Override
    public List<Preset> presets() throws PtzException {
        try {
            String reply = http.get("/axis-cgi/com/ptz.cgi?query=presetposall&camera=" + camera)
                    .require("the preset list").text();
            List<Preset> presets = new ArrayList<>();
            for (String line : reply.split("\r?\n")) {
                // presetposno3=Stationsplein
                if (line.toLowerCase(Locale.ROOT).startsWith("presetposno") && line.indexOf('=') > 11) {
                    String number = line.substring(11, line.indexOf('='));
                    if (number.matches("[0-9]{1,4}")) {
                        presets.add(new Preset(number, line.substring(line.indexOf('=') + 1).strip()));
                    }
                }
            }
            return presets;
        } catch (CameraCallException e) {
            throw new PtzException("presets: " + e.getMessage(), e);
        }
    }

    @Override
    public void gotoPreset(String token) throws PtzException {
        PtzSpeed.requireNumericPreset(token);
        command("gotoserverpresetno=" + token, "preset " + token);
    }

    @Override
    public void gotoHome() throws PtzException {
        command("move=home", "home");
    }

    private void command(String query, String what) throws PtzException {
        try {
            http.get("/axis-cgi/com/ptz.cgi?" + query + "&camera=" + camera).require(what);
        } catch (CameraCallException e) {
            throw new PtzException(what + ": " + e.getMessage(), e);
        }
    }
}
