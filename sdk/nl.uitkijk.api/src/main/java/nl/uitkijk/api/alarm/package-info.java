/**
 * The control room's alarm queue: what happened at cameras, in analytics and in the legal register that someone
 * must see and acknowledge, and what became of its delivery to each control room. Alarms are stored with their
 * deliveries before anyone is told, so none is lost when no console is open or a control room is unreachable.
 */
@org.osgi.annotation.versioning.Version("2.0.0")
package nl.uitkijk.api.alarm;
