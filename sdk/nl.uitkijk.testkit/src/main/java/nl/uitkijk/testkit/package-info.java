/**
 * Test support for plugin authors: {@link nl.uitkijk.testkit.TestData} finds the shared recordings and captures,
 * {@link nl.uitkijk.testkit.RtspCameraSimulator} serves them as live RTSP cameras on loopback, and the conformance
 * kits (drivers, recorders, analytics, connectors) check a plugin against what every Uitkijk plugin must do. A kit
 * runs under JUnit in the plugin's build, or with {@link nl.uitkijk.testkit.KitRun} in a running installation
 * ({@code vms:plugin-certify}, drivers on a {@link nl.uitkijk.testkit.CameraBench}).
 */
@Version("1.1.0")
package nl.uitkijk.testkit;

import org.osgi.annotation.versioning.Version;
