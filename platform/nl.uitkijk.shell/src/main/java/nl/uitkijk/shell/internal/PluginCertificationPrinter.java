package nl.uitkijk.shell.internal;

import java.io.PrintStream;
import nl.uitkijk.api.plugin.PluginCertification;
import nl.uitkijk.api.plugin.PluginCertification.Certificate;
import nl.uitkijk.api.plugin.PluginEntry;

/** A certificate as the console shows it: signature, verdict and each check with its result. */
final class PluginCertificationPrinter {

    private PluginCertificationPrinter() {
    }

    /** Says so when the optional feature is absent (the commands' service reference is optional). */
    static boolean notInstalled(PluginCertification certification, PrintStream out) {
        if (certification == null) {
            out.println("Plugin certification is not installed here: feature:install uitkijk-certification");
        }
        return certification == null;
    }

    static void print(Certificate certificate, PrintStream out) {
        out.println(certificate.feature() + " certified " + certificate.at());
        out.println("Signature: " + (certificate.intact() ? "intact (installation key " + certificate.keyFingerprint()
                .substring(0, 16) + "…)" : "BROKEN: the report was changed after signing, or signed by another key"));
        out.println("Result:    " + (certificate.passed() ? "every check passed" : "NOT PASSED"));
        for (PluginEntry.Conformance.Check check : certificate.conformance().checks()) {
            out.println("  " + String.format("%-15s", check.result()) + " " + check.check()
                    + (check.detail().isEmpty() ? "" : " — " + check.detail()));
        }
    }
}
