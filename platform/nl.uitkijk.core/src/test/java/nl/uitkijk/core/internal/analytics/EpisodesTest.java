package nl.uitkijk.core.internal.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EpisodesTest {

    private static final long SECOND = 1_000_000;

    @Test
    void anEpisodeOpensWithTheFirstDetectionAndClosesAfterTheGapWithItsLastMoment() {
        Episodes episodes = new Episodes(Set.of("crowd", "loitering"), 3 * SECOND);
        assertTrue(episodes.frame(Set.of(), 0).isEmpty());
        assertEquals(List.of(new Episodes.Change("crowd", true, SECOND)), episodes.frame(Set.of("crowd"), SECOND));
        assertTrue(episodes.frame(Set.of("crowd"), 2 * SECOND).isEmpty(), "still the same episode");
        assertTrue(episodes.frame(Set.of(), 4 * SECOND).isEmpty(), "a short lapse is not an end");
        assertTrue(episodes.frame(Set.of("crowd"), 4_500_000).isEmpty(), "back within the gap: the same episode");
        assertEquals(List.of(new Episodes.Change("crowd", false, 4_500_000)),
                episodes.frame(Set.of(), 7_500_000), "ends at the last moment it was seen");
        assertEquals(List.of(new Episodes.Change("crowd", true, 9 * SECOND)),
                episodes.frame(Set.of("crowd", "person"), 9 * SECOND), "a new one; 'person' is no event type");
    }

    @Test
    void closingEndsWhatIsOpen() {
        Episodes episodes = new Episodes(Set.of("motion"), SECOND);
        episodes.frame(Set.of("motion"), 5 * SECOND);
        assertEquals(List.of(new Episodes.Change("motion", false, 5 * SECOND)), episodes.closeAll());
        assertTrue(episodes.closeAll().isEmpty());
    }

    @Test
    void aClockGoingBackEndsTheEpisodeInsteadOfKeepingItOpenForever() {
        Episodes episodes = new Episodes(Set.of("motion"), 3 * SECOND);
        episodes.frame(Set.of("motion"), 100 * SECOND);
        assertEquals(List.of(new Episodes.Change("motion", false, 100 * SECOND)),
                episodes.frame(Set.of(), 50 * SECOND));
    }
}
