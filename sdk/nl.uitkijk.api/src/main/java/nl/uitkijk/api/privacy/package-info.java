/**
 * Privacy masking: fixed masks per camera ({@link nl.uitkijk.api.privacy.PrivacyMasks}) that cover what a camera
 * in public space must not show (homes, gardens). Recording keeps the original picture; whoever lacks the unmask
 * right sees live view, stills, playback and exports masked on the server.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package nl.uitkijk.api.privacy;
