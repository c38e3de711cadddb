package nl.uitkijk.api.incident;

import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The team lead's figures over a period, from the alarm queue and the incident register. */
@ProviderType
public interface ControlRoomFigures {

    /** Group times by shift or by ISO week. */
    enum Grouping {
        SHIFT, WEEK
    }

    /**
     * Times of one priority in one period, in seconds ({@code null} when nothing was counted).
     *
     * @param acknowledged alarms acknowledged; {@code ackP50}/{@code ackP90} seconds from raising to it
     * @param closed incidents closed; {@code closeP50}/{@code closeP90} seconds from opening to closing
     */
    record Times(String period, String priority, int acknowledged, Double ackP50, Double ackP90, int closed,
            Double closeP50, Double closeP90) {
    }

    /** Alarms of one camera and type ({@code cameraId} null for alarms of no camera). */
    record Count(String cameraId, String type, int alarms) {
    }

    /** Alarms by the outcome of the incident they ended in ({@code outcome} null: acknowledged without one). */
    record OutcomeShare(String outcome, String label, boolean falseAlarm, int alarms, double share) {
    }

    record Figures(Instant from, Instant until, Grouping grouping, List<Times> times, List<Count> counts,
            List<OutcomeShare> outcomes, double falseAlarmShare) {
    }

    Figures figures(Instant from, Instant until, Grouping grouping);
}
