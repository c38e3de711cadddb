package nl.uitkijk.core.internal.governance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.uitkijk.api.event.EventTopics;
import nl.uitkijk.api.governance.Designation;
import nl.uitkijk.api.governance.Designations;
import nl.uitkijk.core.internal.persistence.Database;
import nl.uitkijk.core.internal.persistence.Micros;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns the municipality in time: 30 and 7 days before a designation ends (a new decision takes weeks) and when
 * its evaluation is due. Each warning is an event ({@link EventTopics#DESIGNATION_WARNING}, for the console's alarm
 * queue) and a log line, given once per end or evaluation date (remembered in the database, so a restart does not
 * repeat it; extending a designation warns again for its new end).
 */
@Component(immediate = true, configurationPid = "nl.uitkijk.designation.warnings")
@Designate(ocd = DesignationWarnings.Configuration.class)
public class DesignationWarnings {

    @ObjectClassDefinition(name = "Uitkijk designation warnings")
    public @interface Configuration {
        @AttributeDefinition(name = "Check interval", description = "Minutes between checks.")
        int checkMinutes() default 60;
    }

    /** The kinds of warning, in the order of urgency. */
    enum Kind {
        END_IN_30_DAYS, END_IN_7_DAYS, EVALUATION_DUE
    }

    private static final Logger LOG = LoggerFactory.getLogger(DesignationWarnings.class);

    private final Database database;
    private final Designations designations;
    private final EventAdmin events;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;

    @Activate
    public DesignationWarnings(@Reference Database database, @Reference Designations designations,
            @Reference EventAdmin events, Configuration configuration) {
        this(database, designations, events, Clock.systemUTC());
        long minutes = Math.max(1, configuration.checkMinutes());
        scheduler.scheduleWithFixedDelay(this::checkSafely, 5, minutes * 60, TimeUnit.SECONDS);
    }

    DesignationWarnings(Database database, Designations designations, EventAdmin events, Clock clock) {
        this.database = database;
        this.designations = designations;
        this.events = events;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "uitkijk-designation-warnings");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Deactivate
    public void deactivate() {
        scheduler.shutdownNow();
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.warn("Designation warnings could not be checked", e);
        }
    }

    /** Gives the warnings that are due and not given before. @return the warnings given now */
    List<String> check() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(LegalBasisImpl.LOCAL).toLocalDate();
        List<String> given = new ArrayList<>();
        for (Designation d : designations.all()) {
            Duration left = Duration.between(now, d.validUntil());
            if (!left.isNegative() && !now.isBefore(d.validFrom())) {
                if (left.compareTo(Duration.ofDays(7)) <= 0) {
                    remember(d, Kind.END_IN_30_DAYS, d.validUntil()); // the sharper one replaces it
                    warn(d, Kind.END_IN_7_DAYS, d.validUntil(), endsIn(d, left), given);
                } else if (left.compareTo(Duration.ofDays(30)) <= 0) {
                    warn(d, Kind.END_IN_30_DAYS, d.validUntil(), endsIn(d, left), given);
                }
            }
            if (d.evaluationDate() != null && !today.isBefore(d.evaluationDate())) {
                Instant due = d.evaluationDate().atStartOfDay(LegalBasisImpl.LOCAL).toInstant();
                warn(d, Kind.EVALUATION_DUE, due, "designation '" + d.name() + "' (" + d.decisionReference()
                        + ") is due for evaluation since " + d.evaluationDate(), given);
            }
        }
        return given;
    }

    private static String endsIn(Designation d, Duration left) {
        long days = left.toDays();
        return "designation '" + d.name() + "' (" + d.decisionReference() + ") ends on "
                + LegalBasisImpl.local(d.validUntil()) + (days >= 1 ? ", in " + days + " days" : ", within a day")
                + ": its cameras stop then unless a new decision is registered";
    }

    private void warn(Designation d, Kind kind, Instant about, String detail, List<String> given) {
        if (!remember(d, kind, about)) {
            return;
        }
        LOG.warn("{}", detail);
        events.postEvent(new Event(EventTopics.DESIGNATION_WARNING, Map.of(EventTopics.DESIGNATION_ID, d.id(),
                EventTopics.TYPE, kind.name(), EventTopics.DETAIL, detail)));
        given.add(kind + " " + d.id());
    }

    /** @return whether this warning is new (not given before for this date) */
    private boolean remember(Designation d, Kind kind, Instant about) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO designation_warning (designation_id, kind, about_us, given_us) VALUES (?, ?, ?, ?)")) {
            s.setString(1, d.id());
            s.setString(2, kind.name());
            s.setLong(3, Micros.of(about));
            s.setLong(4, Micros.of(clock.instant()));
            s.executeUpdate();
            return true;
        } catch (SQLIntegrityConstraintViolationException e) {
            return false;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                return false;
            }
            throw new IllegalStateException("designation warnings cannot be stored: " + e.getMessage(), e);
        }
    }
}
