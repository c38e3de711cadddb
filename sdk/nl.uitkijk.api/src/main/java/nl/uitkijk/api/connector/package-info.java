/**
 * Control-room (meldkamer) connectors: they deliver alarms and report what happened to each, so that the
 * platform's outbox can retry and no alarm is lost silently. A connector bundle registers one {@link
 * nl.uitkijk.api.connector.ConnectorKind} and a factory-configured {@link
 * nl.uitkijk.api.connector.ControlRoomConnector} component.
 */
@org.osgi.annotation.versioning.Version("2.0.0")
package nl.uitkijk.api.connector;
