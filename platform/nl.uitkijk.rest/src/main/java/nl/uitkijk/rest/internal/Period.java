package nl.uitkijk.rest.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import javax.ws.rs.core.Response;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.recording.TimeRange;

/** The {@code from}/{@code to} query parameters: ISO-8601 instants in UTC; the last hour when both are absent. */
final class Period {

    static final Duration DEFAULT = Duration.ofHours(1);

    private Period() {
    }

    static TimeRange parse(String from, String to) throws InvalidCameraException {
        Instant end = to == null ? Instant.now() : instant("to", to);
        Instant start = from == null ? end.minus(DEFAULT) : instant("from", from);
        if (!end.isAfter(start)) {
            throw new RangeNotSatisfiable("'to' (" + end + ") must be after 'from' (" + start + ")");
        }
        return new TimeRange(start, end);
    }

    private static Instant instant(String field, String text) throws InvalidCameraException {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidCameraException(List.of(new ConfigProblem(field,
                    "is not an ISO-8601 UTC time such as 2026-11-29T10:00:00Z")));
        }
    }

    /** 416: a period that cannot contain anything. */
    static final class RangeNotSatisfiable extends javax.ws.rs.WebApplicationException {
        private static final long serialVersionUID = 1L;

        RangeNotSatisfiable(String message) {
            super(message, ErrorBody.response(Response.Status.REQUESTED_RANGE_NOT_SATISFIABLE, "empty_period",
                    message));
        }
    }
}
