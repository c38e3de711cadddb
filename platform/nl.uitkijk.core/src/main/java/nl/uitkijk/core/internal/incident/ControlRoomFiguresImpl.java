package nl.uitkijk.core.internal.incident;

import static nl.uitkijk.core.internal.incident.Jdbc.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import nl.uitkijk.api.alarm.Alarm.Priority;
import nl.uitkijk.api.incident.ControlRoomFigures;
import nl.uitkijk.api.incident.Outcome;
import nl.uitkijk.api.incident.ShiftLog;
import nl.uitkijk.core.internal.persistence.Database;
import nl.uitkijk.core.internal.persistence.Micros;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The team lead's figures, computed from the alarm and incident tables on request: a period of weeks is a few
 * thousand rows, read once. An alarm counts in the period it was raised, an incident in the one it was opened;
 * percentiles are nearest-rank.
 */
@Component(service = ControlRoomFigures.class)
public class ControlRoomFiguresImpl implements ControlRoomFigures {

    private final Jdbc jdbc;
    private final ShiftLog shifts;

    @Activate
    public ControlRoomFiguresImpl(@Reference Database database, @Reference ShiftLog shifts) {
        this.jdbc = new Jdbc(database);
        this.shifts = shifts;
    }

    private record AlarmRow(Instant raised, Long ackSeconds, String priority, String cameraId, String type,
            String outcome) {
    }

    private record IncidentRow(Instant opened, String priority, Long closeSeconds) {
    }

    @Override
    public Figures figures(Instant from, Instant until, Grouping grouping) {
        long fromUs = Micros.of(from);
        long untilUs = Micros.of(until);
        return jdbc.transaction(connection -> {
            // an alarm in several incidents counts with the outcome of the one closed last
            List<AlarmRow> alarms = query(connection, "SELECT a.raised_us, a.ack_us, a.priority, a.camera_id, a.type, "
                    + "(SELECT i.outcome FROM incident_alarm ia JOIN incident i ON i.id = ia.incident_id WHERE "
                    + "ia.alarm_uid = a.uid AND i.state = 'CLOSED' ORDER BY i.closed_us DESC FETCH FIRST 1 ROWS "
                    + "ONLY) FROM alarm a WHERE a.raised_us >= ? AND a.raised_us < ? AND a.type NOT LIKE 'delivery-%'",
                    row -> {
                        long ack = row.getLong(2);
                        Long seconds = row.wasNull() ? null : Math.max(0, (ack - row.getLong(1)) / 1_000_000L);
                        return new AlarmRow(Micros.instant(row.getLong(1)), seconds, row.getString(3), row.getString(
                                4), row.getString(5), row.getString(6));
                    }, fromUs, untilUs);
            List<IncidentRow> incidents = query(connection, "SELECT opened_us, priority, closed_us FROM incident "
                    + "WHERE opened_us >= ? AND opened_us < ?", row -> {
                        long closed = row.getLong(3);
                        return new IncidentRow(Micros.instant(row.getLong(1)), row.getString(2), row.wasNull() ? null
                                : Math.max(0, (closed - row.getLong(1)) / 1_000_000L));
                    }, fromUs, untilUs);
            List<Outcome> outcomes = query(connection, "SELECT id, label, false_alarm, keep_days, active FROM "
                    + "incident_outcome", row -> new Outcome(row.getString(1), row.getString(2), row.getShort(3) == 1,
                            row.getInt(4), row.getShort(5) == 1));
            return compute(from, until, grouping, alarms, incidents, outcomes);
        });
    }

    private Figures compute(Instant from, Instant until, Grouping grouping, List<AlarmRow> alarms,
            List<IncidentRow> incidents, List<Outcome> outcomes) {
        Function<Instant, String> period = grouping == Grouping.WEEK ? this::week : at -> shifts.shiftAt(at).label();
        java.util.SortedMap<List<String>, List<Long>> acks = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> Priority.valueOf(k.get(1)).level()));
        Map<List<String>, List<Long>> closes = new TreeMap<>(acks.comparator());
        for (AlarmRow alarm : alarms) {
            List<Long> times = acks.computeIfAbsent(List.of(period.apply(alarm.raised()), alarm.priority()),
                    k -> new ArrayList<>());
            if (alarm.ackSeconds() != null) {
                times.add(alarm.ackSeconds());
            }
        }
        for (IncidentRow incident : incidents) {
            List<String> key = List.of(period.apply(incident.opened()), incident.priority());
            acks.computeIfAbsent(key, k -> new ArrayList<>());
            List<Long> times = closes.computeIfAbsent(key, k -> new ArrayList<>());
            if (incident.closeSeconds() != null) {
                times.add(incident.closeSeconds());
            }
        }
        List<Times> times = new ArrayList<>();
        acks.forEach((key, ack) -> {
            List<Long> close = closes.getOrDefault(key, List.of());
            times.add(new Times(key.get(0), key.get(1), ack.size(), percentile(ack, 50), percentile(ack, 90),
                    close.size(), percentile(close, 50), percentile(close, 90)));
        });

        Map<List<String>, Integer> counted = new HashMap<>();
        alarms.forEach(alarm -> counted.merge(java.util.Arrays.asList(alarm.cameraId(), alarm.type()), 1,
                Integer::sum));
        List<Count> counts = counted.entrySet().stream().map(e -> new Count(e.getKey().get(0), e.getKey().get(1),
                e.getValue())).sorted(Comparator.comparingInt(Count::alarms).reversed().thenComparing(c -> String
                        .valueOf(c.cameraId())).thenComparing(Count::type)).toList();

        // shares among the alarms that were dealt with: acknowledged, or in a closed incident
        Map<String, Outcome> byId = new HashMap<>();
        outcomes.forEach(o -> byId.put(o.id(), o));
        Map<String, Integer> perOutcome = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        int decided = 0;
        for (AlarmRow alarm : alarms) {
            if (alarm.outcome() != null || alarm.ackSeconds() != null) {
                perOutcome.merge(alarm.outcome(), 1, Integer::sum);
                decided++;
            }
        }
        int total = decided;
        List<OutcomeShare> shares = new ArrayList<>();
        int[] falseAlarms = {0};
        perOutcome.forEach((id, n) -> {
            Outcome outcome = id == null ? null : byId.get(id);
            boolean falseAlarm = outcome != null && outcome.falseAlarm();
            if (falseAlarm) {
                falseAlarms[0] += n;
            }
            shares.add(new OutcomeShare(id, outcome == null ? null : outcome.label(), falseAlarm, n, (double) n
                    / total));
        });
        return new Figures(from, until, grouping, times, counts, shares, total == 0 ? 0 : (double) falseAlarms[0]
                / total);
    }

    private String week(Instant at) {
        LocalDate day = LocalDate.parse(shifts.shiftAt(at).label().substring(0, 10));
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** Nearest rank; {@code null} for no values. */
    static Double percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return (double) sorted.get(Math.max(0, rank - 1));
    }
}
