package nl.uitkijk.core.internal.incident;

import static nl.uitkijk.core.internal.incident.Jdbc.insert;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.uitkijk.api.incident.IncidentProblem;
import nl.uitkijk.api.incident.ShiftLog;
import nl.uitkijk.core.internal.persistence.Database;
import nl.uitkijk.core.internal.persistence.Micros;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The shift log in the platform database; shifts are fixed blocks of the local day. */
@Component(service = ShiftLog.class, configurationPid = "nl.uitkijk.controlroom.shifts")
@Designate(ocd = ShiftLogImpl.Configuration.class)
public class ShiftLogImpl implements ShiftLog {

    @ObjectClassDefinition(name = "Uitkijk control-room shifts")
    public @interface Configuration {
        @AttributeDefinition(name = "Shift starts", description = "Local times at which a shift begins, e.g. "
                + "07:00,15:00,23:00")
        String shiftStarts() default "07:00,15:00,23:00";

        @AttributeDefinition(name = "Time zone", description = "The control room's time zone")
        String zone() default "Europe/Amsterdam";
    }

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final Jdbc jdbc;
    private final List<LocalTime> starts;
    private final ZoneId zone;
    private final Clock clock;

    @Activate
    public ShiftLogImpl(@Reference Database database, Configuration configuration) {
        this(database, starts(configuration.shiftStarts()), ZoneId.of(configuration.zone()), Clock.systemUTC());
    }

    ShiftLogImpl(Database database, List<LocalTime> starts, ZoneId zone, Clock clock) {
        this.jdbc = new Jdbc(database);
        this.starts = starts;
        this.zone = zone;
        this.clock = clock;
    }

    static List<LocalTime> starts(String text) {
        List<LocalTime> parsed = new ArrayList<>(Arrays.stream(text.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).map(LocalTime::parse).distinct().sorted().toList());
        return parsed.isEmpty() ? List.of(LocalTime.MIDNIGHT) : parsed;
    }

    @Override
    public Shift shiftAt(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalDate();
        // the latest start at or before the moment: today's, else yesterday's last
        ZonedDateTime from = null;
        for (LocalTime start : starts) {
            ZonedDateTime candidate = day.atTime(start).atZone(zone);
            if (!candidate.isAfter(local)) {
                from = candidate;
            }
        }
        if (from == null) {
            from = day.minusDays(1).atTime(starts.get(starts.size() - 1)).atZone(zone);
        }
        ZonedDateTime until = next(from);
        return new Shift(from.toInstant(), until.toInstant(), LABEL.format(from));
    }

    private ZonedDateTime next(ZonedDateTime from) {
        LocalTime time = from.toLocalTime();
        for (LocalTime start : starts) {
            if (start.isAfter(time)) {
                return from.toLocalDate().atTime(start).atZone(zone);
            }
        }
        return from.toLocalDate().plusDays(1).atTime(starts.get(0)).atZone(zone);
    }

    @Override
    public void signedIn(String user, Instant at) {
        jdbc.transaction(connection -> insert(connection, "INSERT INTO shift_sign_in (at_us, user_name) VALUES (?, ?)",
                Micros.of(at), user));
    }

    @Override
    public List<SignIn> signIns(Instant from, Instant until) {
        return jdbc.query("SELECT user_name, MIN(at_us) FROM shift_sign_in WHERE at_us >= ? AND at_us < ? GROUP BY "
                + "user_name ORDER BY 2", row -> new SignIn(row.getString(1), Micros.instant(row.getLong(2))),
                Micros.of(from), Micros.of(until));
    }

    @Override
    public Note note(String text, String user) {
        if (text == null || text.isBlank() || text.length() > IncidentsImpl.MAX_TEXT) {
            throw new IncidentProblem("text", "text: required, at most " + IncidentsImpl.MAX_TEXT + " characters");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long id = jdbc.transaction(connection -> insert(connection, "INSERT INTO shift_note (at_us, user_name, text) "
                + "VALUES (?, ?, ?)", Micros.of(now), user, text));
        return new Note(id, now, user, text);
    }

    @Override
    public List<Note> notes(Instant from, Instant until) {
        return jdbc.query("SELECT id, at_us, user_name, text FROM shift_note WHERE at_us >= ? AND at_us < ? ORDER BY "
                + "id", row -> new Note(row.getLong(1), Micros.instant(row.getLong(2)), row.getString(3), row
                        .getString(4)), Micros.of(from), Micros.of(until));
    }
}
