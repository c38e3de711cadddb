/**
 * Licence-plate recognition: a recogniser that a module bundle provides ({@link nl.uitkijk.api.lpr.PlateRecognizer})
 * and the platform's plate register ({@link nl.uitkijk.api.lpr.LicencePlates}): the administrators' hotlist, the
 * hits it raised and the short-lived no-hits. Plates are directly identifying personal data: reads run only where a
 * camera's designation permits {@code LICENCE_PLATES}, no-hits are not kept, and every search is audited.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package nl.uitkijk.api.lpr;
