package nl.uitkijk.connector.dc09.internal;

import java.util.Locale;
import java.util.Map;
import nl.uitkijk.api.alarm.Alarm.Priority;
import nl.uitkijk.api.connector.Alarm;

/**
 * Which SIA event code and which Contact ID event an alarm type is sent as, so a receiving centre's automation can
 * act on it without reading the text: panic for what operators raise, burglary for detections, tamper, fire, and
 * device missing/restored for cameras going offline and coming back. Other types: an untyped alarm (urgent) or
 * trouble.
 */
final class EventCodes {

    /** type → {SIA code, Contact ID qualifier + event code} */
    private static final Map<String, String[]> CODES = Map.ofEntries(
            Map.entry("manual", new String[] {"PA", "1120"}),
            Map.entry("escalation", new String[] {"PA", "1120"}),
            Map.entry("panic", new String[] {"PA", "1120"}),
            Map.entry("fight", new String[] {"PA", "1120"}),
            Map.entry("fire", new String[] {"FA", "1110"}),
            Map.entry("motion", new String[] {"BA", "1130"}),
            Map.entry("intrusion", new String[] {"BA", "1130"}),
            Map.entry("line-crossing", new String[] {"BA", "1130"}),
            Map.entry("loitering", new String[] {"BA", "1130"}),
            Map.entry("crowd", new String[] {"QA", "1101"}),
            Map.entry("tamper", new String[] {"TA", "1137"}),
            Map.entry("camera-offline", new String[] {"EM", "1333"}),
            Map.entry("camera-online", new String[] {"EN", "3333"}));

    private EventCodes() {
    }

    static String sia(Alarm alarm) {
        String[] code = CODES.get(alarm.type().toLowerCase(Locale.ROOT));
        return code != null ? code[0] : alarm.priority() == Priority.HIGH ? "UA" : "UT";
    }

    /** {@code QEEE GG ZZZ}: qualifier and event, group 01, zone 000. */
    static String contactId(Alarm alarm) {
        String[] code = CODES.get(alarm.type().toLowerCase(Locale.ROOT));
        String event = code != null ? code[1] : alarm.priority() == Priority.HIGH ? "1140" : "1300";
        return event + " 01 000";
    }
}
