package nl.uitkijk.rest.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import nl.uitkijk.api.incident.ControlRoomFigures;
import nl.uitkijk.api.incident.ControlRoomFigures.Figures;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The team lead's figures over a period (default the last 7 days, at most a year): times to acknowledge and to close
 * per priority and shift or week, alarms per camera and type, and shares by outcome; as JSON or as CSV tables
 * ({@code table=times|alarms|outcomes}) for a spreadsheet. No personal data beyond what supervisors see anyway.
 */
@Component(service = FiguresResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("figures")
public class FiguresResource {

    private static final Duration LONGEST = Duration.ofDays(366);
    private final ControlRoomFigures figures;

    @Activate
    public FiguresResource(@Reference ControlRoomFigures figures) {
        this.figures = figures;
    }

    @Allow({Role.SUPERVISOR, Role.AUDITOR})
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response json(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("by") @DefaultValue("shift") String by) {
        return compute(from, to, by, result -> Response.ok(result).header("Cache-Control", "no-store").build());
    }

    @Allow({Role.SUPERVISOR, Role.AUDITOR})
    @GET
    @Path("csv")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("by") @DefaultValue("shift") String by,
            @QueryParam("table") @DefaultValue("times") String table) {
        if (!table.equals("times") && !table.equals("alarms") && !table.equals("outcomes")) {
            return IncidentResource.invalid("table", "table: times, alarms or outcomes");
        }
        return compute(from, to, by, result -> Response.ok(csv(result, table), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"uitkijk-" + table + ".csv\"")
                .header("Cache-Control", "no-store").build());
    }

    private Response compute(String from, String to, String by, java.util.function.Function<Figures, Response> then) {
        Instant until;
        Instant start;
        try {
            until = to == null || to.isBlank() ? Instant.now() : Instant.parse(to.strip());
            start = from == null || from.isBlank() ? until.minus(Duration.ofDays(7)) : Instant.parse(from.strip());
        } catch (DateTimeParseException e) {
            return IncidentResource.invalid("from", "from, to: ISO-8601 instants (2026-12-01T00:00:00Z)");
        }
        if (!until.isAfter(start) || Duration.between(start, until).compareTo(LONGEST) > 0) {
            return IncidentResource.invalid("to", "to: after from, at most a year later");
        }
        ControlRoomFigures.Grouping grouping;
        try {
            grouping = ControlRoomFigures.Grouping.valueOf(by.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return IncidentResource.invalid("by", "by: shift or week");
        }
        return IncidentResource.handled(() -> then.apply(figures.figures(start, until, grouping)));
    }

    static String csv(Figures figures, String table) {
        StringBuilder out = new StringBuilder();
        switch (table) {
            case "times" -> {
                out.append("period,priority,acknowledged,ack_p50_s,ack_p90_s,closed,close_p50_s,close_p90_s\r\n");
                figures.times().forEach(t -> row(out, t.period(), t.priority(), t.acknowledged(), t.ackP50(),
                        t.ackP90(), t.closed(), t.closeP50(), t.closeP90()));
            }
            case "alarms" -> {
                out.append("camera,type,alarms\r\n");
                figures.counts().forEach(c -> row(out, c.cameraId(), c.type(), c.alarms()));
            }
            default -> {
                out.append("outcome,label,false_alarm,alarms,share\r\n");
                figures.outcomes().forEach(o -> row(out, o.outcome(), o.label(), o.falseAlarm(), o.alarms(),
                        String.format(Locale.ROOT, "%.4f", o.share())));
            }
        }
        return out.toString();
    }

    /** One CSV row (RFC 4180); a cell a spreadsheet would run as a formula is quoted with a leading apostrophe. */
    private static void row(StringBuilder out, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i] == null ? "" : cells[i] instanceof Double d ? String.format(Locale.ROOT, "%.0f", d)
                    : String.valueOf(cells[i]);
            if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
                cell = "'" + cell;
            }
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                cell = "\"" + cell.replace("\"", "\"\"") + "\"";
            }
            out.append(i == 0 ? "" : ",").append(cell);
        }
        out.append("\r\n");
    }
}
