/**
 * Recording backends: they keep packets as segments, answer timeline queries, read ranges back,
 * and delete by retention while honouring legal holds.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
package nl.uitkijk.api.recording;
