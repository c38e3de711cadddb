/**
 * Test support for plugin authors: {@link nl.uitkijk.testkit.TestData} finds the shared recordings and captures,
 * {@link nl.uitkijk.testkit.RtspCameraSimulator} serves them as live RTSP cameras on loopback.
 */
@Version("1.0.0")
package nl.uitkijk.testkit;

import org.osgi.annotation.versioning.Version;
