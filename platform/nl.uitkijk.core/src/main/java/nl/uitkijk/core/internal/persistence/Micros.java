package nl.uitkijk.core.internal.persistence;

import java.time.Instant;

/** Instants as UTC microseconds since the epoch, the database's time format: no zone, no DST ambiguity. */
public final class Micros {

    private Micros() {
    }

    public static long of(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    public static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
