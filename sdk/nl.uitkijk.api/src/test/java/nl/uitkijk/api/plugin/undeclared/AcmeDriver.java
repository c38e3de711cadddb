package nl.uitkijk.api.plugin.undeclared;

/** A plugin class that forgot its metadata. */
public class AcmeDriver {
}
