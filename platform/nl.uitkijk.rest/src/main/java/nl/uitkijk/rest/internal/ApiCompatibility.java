package nl.uitkijk.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Whether a plugin's needs of the SDK API are met by the API this installation runs: each {@code nl.uitkijk.api}
 * package it imports, with its version range (semantic versioning: a range {@code [1.5,2)} takes 1.5 up to, not
 * including, 2.0), against the version the installed API bundle exports. Answered before installing, so a tender
 * team sees that a plugin built against a newer or older major API would not start here.
 */
final class ApiCompatibility {

    private ApiCompatibility() {
    }

    /** The {@code nl.uitkijk.api} packages and their versions as the running framework exports them. */
    static Map<String, Version> exported(BundleContext context) {
        Map<String, Version> packages = new TreeMap<>();
        for (Bundle bundle : context.getBundles()) {
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            if (revision == null || bundle.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            for (BundleCapability capability : revision.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                Object name = capability.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
                Object version = capability.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE);
                if (name instanceof String pkg && pkg.startsWith("nl.uitkijk.api") && version instanceof Version v) {
                    packages.merge(pkg, v, (a, b) -> a.compareTo(b) >= 0 ? a : b);
                }
            }
        }
        return packages;
    }

    /**
     * What the installed API does not give the plugin, one line per package, empty when every need is met.
     *
     * @param needs the plugin's imports as the catalogue lists them: {@code package [range]} or {@code package}
     */
    static List<String> unmet(List<String> needs, Map<String, Version> exported) {
        List<String> unmet = new ArrayList<>();
        for (String need : needs) {
            String[] parts = need.strip().split("\\s+", 2);
            VersionRange range = new VersionRange(parts.length > 1 ? parts[1] : "0.0.0");
            Version installed = exported.get(parts[0]);
            if (installed == null) {
                unmet.add(parts[0] + " " + range + ": not in the installed API");
            } else if (!range.includes(installed)) {
                unmet.add(parts[0] + " " + range + ": the installed API has " + installed);
            }
        }
        return unmet;
    }
}
