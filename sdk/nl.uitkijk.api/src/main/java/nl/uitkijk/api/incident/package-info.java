/**
 * The municipal control room's own work: incidents with their journal, attached alarms, cameras and bookmarked
 * footage (held while the incident needs it), procedures (draaiboeken) an operator ticks through, the outcomes a
 * closed incident can have, the shift log handed to the next shift, saved video walls, and the team lead's figures.
 * All of it is kept in the platform database and every change is audited by the caller.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package nl.uitkijk.api.incident;
