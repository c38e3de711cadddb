package nl.uitkijk.api.incident;

import java.util.Map;

/**
 * A change the incident's state does not allow now: closed, a step ticked before, required steps not ticked. The
 * message is English; {@code code} and {@code params} say the same in no language (a console shows its own words).
 */
public class IncidentConflict extends IllegalStateException {

    private static final long serialVersionUID = 1L;
    private final String code;
    private final transient Map<String, String> params;

    public IncidentConflict(String code, Map<String, String> params, String message) {
        super(message);
        this.code = code;
        this.params = Map.copyOf(params);
    }

    /** {@code incident.closed}, {@code incident.ticked}, {@code incident.steps-open}, {@code incident.procedure-kept}. */
    public String code() {
        return code;
    }

    public Map<String, String> params() {
        return params;
    }
}
