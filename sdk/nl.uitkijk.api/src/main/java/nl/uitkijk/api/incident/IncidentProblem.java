package nl.uitkijk.api.incident;

/** A request the incident register refuses, naming the field it concerns ({@code title}, {@code steps}, …). */
public class IncidentProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String field;

    public IncidentProblem(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
