package nl.uitkijk.api.incident;

import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The control room's shift log: who signed in when, and the notes one shift leaves the next. Shifts are the
 * installation's fixed blocks of the day (e.g. 07:00, 15:00, 23:00 local time).
 */
@ProviderType
public interface ShiftLog {

    /** A shift: from its start to the next one's, and its label ({@code 2026-12-01 07:00}). */
    record Shift(Instant from, Instant until, String label) {
    }

    record Note(long id, Instant at, String user, String text) {
    }

    record SignIn(String user, Instant at) {
    }

    Shift shiftAt(Instant at);

    /** The shift before the one {@code shift} (its start minus a moment). */
    default Shift before(Shift shift) {
        return shiftAt(shift.from().minusMillis(1));
    }

    void signedIn(String user, Instant at);

    List<SignIn> signIns(Instant from, Instant until);

    /** @throws IncidentProblem when the text is empty or over 2000 characters */
    Note note(String text, String user);

    /** Oldest first. */
    List<Note> notes(Instant from, Instant until);
}
