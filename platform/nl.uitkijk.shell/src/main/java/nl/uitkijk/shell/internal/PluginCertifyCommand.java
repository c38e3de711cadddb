package nl.uitkijk.shell.internal;

import nl.uitkijk.api.plugin.PluginCertification;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** Runs the conformance kit on an installed plugin here and signs the report (feature uitkijk-certification). */
@Command(scope = "vms", name = "plugin-certify", description = "Runs the SDK's conformance kit on an installed plugin"
        + " against the test kit's simulators and stores the report signed with the installation's key")
@Service
public class PluginCertifyCommand implements Action {

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
        PluginCertificationPrinter.print(certification.certify(feature), System.out);
        return null;
    }
}
