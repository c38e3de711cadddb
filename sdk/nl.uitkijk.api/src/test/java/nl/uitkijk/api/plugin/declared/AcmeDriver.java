package nl.uitkijk.api.plugin.declared;

/** A plugin class with its metadata, as a vendor writes it. */
@nl.uitkijk.api.plugin.Plugin(kind = "driver", vendor = "Acme", licence = "Apache-2.0", personalData = {"IMAGES"},
        protocols = {"RTSP", "HTTP"}, models = {}, securityContact = "security@acme.example",
        summary = "Acme cameras, with \"quotes\"; and, commas")
public class AcmeDriver {
}
