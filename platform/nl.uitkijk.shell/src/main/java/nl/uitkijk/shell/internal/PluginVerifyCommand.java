package nl.uitkijk.shell.internal;

import nl.uitkijk.api.plugin.PluginCertification;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** Checks a plugin's stored certificate against the installation's key. */
@Command(scope = "vms", name = "plugin-verify", description = "Checks the signature of a plugin's certified "
        + "conformance report with the installation's key")
@Service
public class PluginVerifyCommand implements Action {

    // optional: Karaf registers none of a bundle's commands while one of them waits for a service
    @Reference(optional = true)
    private PluginCertification certification;

    @Argument(index = 0, name = "feature", description = "The plugin's feature, e.g. uitkijk-driver-onvif",
            required = true)
    private String feature;

    @Override
    public Object execute() {
        if (PluginCertificationPrinter.notInstalled(certification, System.out)) {
            return null;
        }
        var certificate = certification.certificate(feature);
        if (certificate.isEmpty()) {
            System.out.println(feature + " has not been certified in this installation (vms:plugin-certify "
                    + feature + ")");
            return null;
        }
        PluginCertificationPrinter.print(certificate.get(), System.out);
        return null;
    }
}
