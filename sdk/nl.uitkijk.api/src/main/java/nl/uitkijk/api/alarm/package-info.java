/**
 * The control room's alarm queue: what happened at cameras and in the legal register that someone must see and
 * acknowledge (a camera offline, tamper, motion, a designation about to end). Alarms are stored before anyone is told,
 * so none is lost when no console is open.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package nl.uitkijk.api.alarm;
