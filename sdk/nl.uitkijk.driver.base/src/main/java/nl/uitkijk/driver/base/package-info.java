/**
 * What camera drivers share: {@link nl.uitkijk.driver.base.CameraCheckLoop} (the background check with back-off),
 * {@link nl.uitkijk.driver.base.CameraHttp} (camera web APIs with HTTP digest, bounded replies, timeouts and
 * reasons an operator understands) and {@link nl.uitkijk.driver.base.XmlElement} (camera XML without DTDs or
 * entities). A driver bundle imports this package; the feature {@code uitkijk-driver-base} installs it.
 */
@Version("1.1.0")
package nl.uitkijk.driver.base;

import org.osgi.annotation.versioning.Version;
