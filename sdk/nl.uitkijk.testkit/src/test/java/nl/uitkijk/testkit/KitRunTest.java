package nl.uitkijk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** A kit run without a test engine: the lifecycle in JUnit's order, and each outcome reported as JUnit's would be. */
class KitRunTest {

    /** A kit as the real ones are written (not run by JUnit itself: surefire leaves nested classes out). */
    abstract static class BaseKit implements ConformanceReport.Kit {
        final ConformanceReport report = new ConformanceReport();
        final List<String> calls = new ArrayList<>();
        @TempDir
        Path scratch;

        @BeforeAll
        void open() {
            calls.add("beforeAll");
        }

        @BeforeEach
        void before() {
            calls.add("before");
        }

        @AfterEach
        void after() {
            calls.add("after");
        }

        @Test
        @Order(1)
        void aCheckThatPasses() {
            calls.add("passes");
            assertTrue(Files.isDirectory(scratch), "a temporary directory for the kit");
        }

        @Test
        @Order(2)
        void aCheckThatFails() {
            calls.add("fails");
            assertEquals(1, 2, "one is not two");
        }

        @Override
        public ConformanceReport report() {
            return report;
        }
    }

    static final class SampleKit extends BaseKit {
        @Test
        @Order(3)
        void aCheckThatDoesNotApply() {
            calls.add("notApplicable");
            throw new TestAbortedException("the plugin has no such feature");
        }

        @Test
        @Order(4)
        void aCheckWithoutItsTestData() {
            calls.add("assumption");
            Assumptions.assumeTrue(false, "test data absent");
        }

        @AfterAll
        void writeReport() throws Exception {
            calls.add("afterAll");
            report.write("sample.json", "{\"passed\": " + report.passed() + ", \"checks\": [\n" + report.checks()
                    + "\n]}");
        }
    }

    @Test
    void runsTheLifecycleInOrderAndReportsEachOutcome() throws Exception {
        SampleKit kit = new SampleKit();
        String report = KitRun.run(kit);
        assertEquals(List.of("beforeAll", "before", "passes", "after", "before", "fails", "after", "before",
                "notApplicable", "after", "before", "assumption", "after", "afterAll"), kit.calls);
        assertTrue(report.startsWith("{\"passed\": false"), report);
        assertTrue(report.contains("{\"check\": \"aCheckThatPasses()\", \"result\": \"passed\", \"detail\": \"\"}"),
                report);
        assertTrue(report.contains("\"aCheckThatFails()\", \"result\": \"failed\", \"detail\": \"one is not two"),
                report);
        assertTrue(report.contains("\"aCheckThatDoesNotApply()\", \"result\": \"not applicable\", \"detail\": \"the "
                + "plugin has no such feature\""), report);
        assertTrue(report.contains("\"aCheckWithoutItsTestData()\", \"result\": \"failed\", \"detail\": \"could not "
                + "run here: Assumption failed: test data absent\""), "an unmet assumption certifies nothing: "
                + report);
        assertTrue(Files.notExists(Path.of("target", "conformance", "sample.json")), "kept in memory, not written");
    }

    @Test
    void refusesWhatIsNotAKit() {
        assertThrows(IllegalArgumentException.class, () -> KitRun.run(new Object()));
    }

    @Test
    void escapesControlCharactersInDetails() {
        assertEquals("a\\\"b\\\\c d\\u0001", ConformanceReport.json("a\"b\\c\nd\u0001"));
    }
}
