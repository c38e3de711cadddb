package nl.uitkijk.driver.onvif.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import nl.uitkijk.api.camera.PtzControl;
import nl.uitkijk.driver.base.XmlElement;

/** PTZ of one ONVIF profile (PTZ service 2.0): continuous move, stop, presets, home. */
final class OnvifPtz implements PtzControl {

    private final SoapClient soap;
    private final URI service;
    private final String profileToken;

    OnvifPtz(SoapClient soap, URI service, String profileToken) {
        this.soap = soap;
        this.service = service;
        this.profileToken = SoapClient.escape(profileToken);
    }

    @Override
    public void continuousMove(double pan, double tilt, double zoom) throws PtzException {
        call("ContinuousMove", "<tptz:ContinuousMove xmlns:tptz=\"" + OnvifDevice.PTZ_NS + "\" xmlns:tt=\""
                + OnvifDevice.SCHEMA_NS + "\"><tptz:ProfileToken>" + profileToken + "</tptz:ProfileToken>"
                + "<tptz:Velocity><tt:PanTilt x=\"" + speed(pan) + "\" y=\"" + speed(tilt) + "\"/><tt:Zoom x=\""
                + speed(zoom) + "\"/></tptz:Velocity></tptz:ContinuousMove>");
    }

    @Override
    public void stop() throws PtzException {
        call("Stop", "<tptz:Stop xmlns:tptz=\"" + OnvifDevice.PTZ_NS + "\"><tptz:ProfileToken>" + profileToken
                + "</tptz:ProfileToken><tptz:PanTilt>true</tptz:PanTilt><tptz:Zoom>true</tptz:Zoom></tptz:Stop>");
    }

    @Override
    public List<Preset> presets() throws PtzException {
        XmlElement reply = call("GetPresets", "<tptz:GetPresets xmlns:tptz=\"" + OnvifDevice.PTZ_NS
                + "\"><tptz:ProfileToken>" + profileToken + "</tptz:ProfileToken></tptz:GetPresets>");
        return reply.all("Preset").stream().filter(p -> !p.attribute("token").isBlank())
                .map(p -> new Preset(p.attribute("token"), p.textAt("Name"))).toList();
    }

    @Override
    public void gotoPreset(String token) throws PtzException {
        call("GotoPreset", "<tptz:GotoPreset xmlns:tptz=\"" + OnvifDevice.PTZ_NS + "\"><tptz:ProfileToken>"
                + profileToken + "</tptz:ProfileToken><tptz:PresetToken>" + SoapClient.escape(token)
                + "</tptz:PresetToken></tptz:GotoPreset>");
    }

    @Override
    public void gotoHome() throws PtzException {
        call("GotoHomePosition", "<tptz:GotoHomePosition xmlns:tptz=\"" + OnvifDevice.PTZ_NS
                + "\"><tptz:ProfileToken>" + profileToken + "</tptz:ProfileToken></tptz:GotoHomePosition>");
    }

    private XmlElement call(String operation, String body) throws PtzException {
        try {
            return soap.call(service, operation, body, true);
        } catch (OnvifException e) {
            throw new PtzException(e.getMessage(), e);
        }
    }

    /** ONVIF's generic velocity space: −1 … 1. */
    private static String speed(double value) {
        double bounded = Double.isNaN(value) ? 0 : Math.max(-1, Math.min(1, value));
        return String.format(Locale.ROOT, "%.3f", bounded);
    }
}
