package nl.uitkijk.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The municipal control room at work, over REST in Karaf on the demo cameras: an incident from an alarm with its
 * procedure, journal, footage held while it is open and released at closing, hand-over and closing; the shift log;
 * saved and home walls; the figures. Each endpoint per role (operators work, supervisors also keep procedures,
 * outcomes and figures, auditors read and change nothing, the police see none of it), and bad input named.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncidentIT {

    private static final String PASSWORD = "It-Incidents-Admin-2026";
    private static final String USER_PASSWORD = "It-Incidents-User-2026";
    private static final String CAMERA = "demo-pancratiusplein";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> USERS = Map.of("operator", "in-op", "supervisor", "in-sup",
            "auditor", "in-aud", "police", "in-pol");
    private static final String HOSTILE = "<script>alert('x')</script> & \"quotes\"\n  tweede regel  ";

    private KarafInstance karaf;
    private long incident;

    @BeforeAll
    void start() throws Exception {
        karaf = new KarafInstance(Path.of(System.getProperty("uitkijk.karaf.home")));
        karaf.reset();
        karaf.start(PASSWORD);
        karaf.createUsers(USERS, USER_PASSWORD);
    }

    @AfterAll
    void stop() throws Exception {
        if (karaf != null) {
            karaf.stop();
        }
    }

    private HttpResponse<byte[]> as(String role, String method, String path, String body) throws Exception {
        return karaf.api(USERS.get(role), USER_PASSWORD, method, path, body);
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static String text(HttpResponse<byte[]> response) {
        return KarafInstance.text(response);
    }

    private static List<String> fields(HttpResponse<byte[]> response) throws Exception {
        List<String> fields = new ArrayList<>();
        json(response).path("problems").forEach(problem -> fields.add(problem.get("field").asText()));
        return fields;
    }

    /** The statuses of one request made as each role (admin first). */
    private Map<String, Integer> perRole(String method, String path, String body) throws Exception {
        Map<String, Integer> statuses = new java.util.TreeMap<>();
        for (String role : List.of("admin", "operator", "supervisor", "auditor", "police")) {
            statuses.put(role, as(role, method, path, body).statusCode());
        }
        return statuses;
    }

    @Test
    @Order(1)
    void supervisorsKeepTheProceduresAndOutcomesEveryoneWhoWorksIncidentsReadsThem() throws Exception {
        String fight = "{\"title\": \"Vechtpartij\", \"appliesTo\": [\"fight\"], \"steps\": ["
                + "{\"text\": \"Bekijk camera 2 en 3\", \"required\": true},"
                + "{\"text\": \"Bel handhaving\", \"required\": true, \"noteRequired\": true},"
                + "{\"text\": \"Politie bij een wapen\"}]}";
        for (String role : List.of("operator", "auditor", "police")) {
            assertEquals(403, as(role, "PUT", "procedures/fight", fight).statusCode(), role);
            assertEquals(403, as(role, "PUT", "outcomes/arrest", "{\"label\": \"Aanhouding\", \"keepDays\": 90}")
                    .statusCode(), role);
        }
        HttpResponse<byte[]> saved = as("supervisor", "PUT", "procedures/fight", fight);
        assertEquals(200, saved.statusCode(), text(saved));
        assertEquals(1, json(saved).get("version").asInt());
        assertEquals(200, as("supervisor", "PUT", "outcomes/arrest", "{\"label\": \"Aanhouding\", \"keepDays\": 90}")
                .statusCode());
        HttpResponse<byte[]> badSteps = as("supervisor", "PUT", "procedures/Bad%20Name", "{\"title\": \"x\", "
                + "\"steps\": []}");
        assertEquals(List.of("id"), fields(badSteps), text(badSteps));
        assertEquals(Map.of("admin", 200, "operator", 200, "supervisor", 200, "auditor", 200, "police", 403),
                perRole("GET", "procedures", null));
        assertEquals(Map.of("admin", 200, "operator", 200, "supervisor", 200, "auditor", 200, "police", 403),
                perRole("GET", "outcomes", null));
        assertTrue(text(as("operator", "GET", "outcomes", null)).contains("\"arrest\""));
        assertEquals(200, as("auditor", "GET", "procedures/fight/1", null).statusCode());
    }

    @Test
    @Order(2)
    void anOperatorWorksAnIncidentFromAnAlarmToItsClosingAndItsFootageIsHeldMeanwhile() throws Exception {
        HttpResponse<byte[]> alarm = as("operator", "POST", "alarms", "{\"cameraId\": \"" + CAMERA + "\", \"type\": "
                + "\"fight\", \"priority\": \"HIGH\", \"description\": \"Vechtpartij bij de fontein\"}");
        assertEquals(201, alarm.statusCode(), text(alarm));
        String alarmId = json(alarm).get("id").asText();
        String body = "{\"title\": \"Vechtpartij Pancratiusplein\", \"cameraIds\": [\"demo-promenade\"], "
                + "\"alarmIds\": [\"" + alarmId + "\"]}";
        for (String role : List.of("auditor", "police")) {
            assertEquals(403, as(role, "POST", "incidents", body).statusCode(), role);
        }
        HttpResponse<byte[]> opened = as("operator", "POST", "incidents", body);
        assertEquals(201, opened.statusCode(), text(opened));
        JsonNode created = json(opened);
        incident = created.get("id").asLong();
        assertEquals("fight", created.path("type").asText(), "the alarm's type: " + created);
        assertEquals("HIGH", created.get("priority").asText());
        assertEquals("fight", created.at("/procedure/id").asText());
        assertEquals(List.of("demo-promenade", CAMERA), JSON.convertValue(created.get("cameraIds"), List.class));
        assertEquals("in-op", json(as("operator", "GET", "alarms/" + alarmId, null)).get("acknowledgedBy").asText(),
                "taking an alarm into an incident acknowledges it");

        String path = "incidents/" + incident;
        assertEquals(Map.of("admin", 200, "operator", 200, "supervisor", 200, "auditor", 200, "police", 403),
                perRole("GET", path, null));
        assertEquals(Map.of("admin", 200, "operator", 200, "supervisor", 200, "auditor", 200, "police", 403),
                perRole("GET", "incidents?open=true", null));

        // the journal keeps the text exactly as written
        String note = JSON.writeValueAsString(Map.of("text", HOSTILE));
        assertEquals(403, as("auditor", "POST", path + "/journal", note).statusCode());
        assertEquals(403, as("police", "POST", path + "/journal", note).statusCode());
        assertEquals(200, as("operator", "POST", path + "/journal", note).statusCode());
        JsonNode journal = json(as("auditor", "GET", path, null)).get("journal");
        assertEquals(HOSTILE, journal.get(journal.size() - 1).get("text").asText());
        assertEquals("note", journal.get(journal.size() - 1).get("kind").asText());

        // footage of the incident is held while it is open
        Instant now = Instant.now();
        String bookmark = "{\"cameraId\": \"" + CAMERA + "\", \"from\": \"" + now.minusSeconds(60) + "\", \"to\": \""
                + now + "\", \"kind\": \"bookmark\", \"label\": \"de klap\"}";
        assertEquals(403, as("auditor", "POST", path + "/bookmarks", bookmark).statusCode());
        HttpResponse<byte[]> marked = as("operator", "POST", path + "/bookmarks", bookmark);
        assertEquals(200, marked.statusCode(), text(marked));
        long hold = json(marked).at("/bookmarks/0/holdId").asLong();
        assertTrue(hold > 0);
        String holds = karaf.shell("vms:hold-list").output();
        assertTrue(holds.contains("incident-" + incident), holds);

        // closing needs the required steps; a step that asks for a note needs one
        HttpResponse<byte[]> early = as("operator", "POST", path + "/close", "{\"outcome\": \"resolved\"}");
        assertEquals(409, early.statusCode(), text(early));
        assertTrue(text(early).contains("[1, 2]"), text(early));
        assertEquals(200, as("operator", "POST", path + "/steps/1", "{}").statusCode());
        HttpResponse<byte[]> noNote = as("operator", "POST", path + "/steps/2", "{\"note\": \"\"}");
        assertEquals(List.of("note"), fields(noNote), text(noNote));
        assertEquals(403, as("auditor", "POST", path + "/steps/2", "{\"note\": \"x\"}").statusCode());
        assertEquals(200, as("operator", "POST", path + "/steps/2", "{\"note\": \"handhaving komt\"}").statusCode());
        assertEquals(409, as("supervisor", "POST", path + "/steps/2", "{\"note\": \"nog eens\"}").statusCode(),
                "a step is ticked once");

        // escalation: handed to the police
        assertEquals(403, as("auditor", "POST", path + "/state", "{\"state\": \"HANDED_OVER\", \"party\": "
                + "\"police\"}").statusCode());
        HttpResponse<byte[]> handed = as("operator", "POST", path + "/state", "{\"state\": \"HANDED_OVER\", "
                + "\"party\": \"police\"}");
        assertEquals(200, handed.statusCode(), text(handed));
        assertEquals("police", json(handed).get("handedTo").asText());
        assertEquals(List.of("state"), fields(as("operator", "POST", path + "/state", "{\"state\": \"CLOSED\"}")));

        assertEquals(List.of("outcome"), fields(as("operator", "POST", path + "/close", "{\"outcome\": "
                + "\"gone\"}")));
        assertEquals(403, as("auditor", "POST", path + "/close", "{\"outcome\": \"resolved\"}").statusCode());
        HttpResponse<byte[]> closed = as("operator", "POST", path + "/close", "{\"outcome\": \"resolved\", "
                + "\"note\": \"partijen uit elkaar\"}");
        assertEquals(200, closed.statusCode(), text(closed));
        assertEquals("CLOSED", json(closed).get("state").asText());
        assertFalse(karaf.shell("vms:hold-list").output().contains("incident-" + incident),
                "an outcome that keeps nothing releases the hold at closing");
        assertTrue(karaf.shell("vms:hold-list --all").output().contains("incident-" + incident),
                "released, never deleted");
        assertEquals(409, as("operator", "POST", path + "/journal", note).statusCode(), "a closed incident stays so");
        String audit = text(karaf.send(null, null, "GET", "/api/v1/audit?limit=200", null, "application/json"));
        assertTrue(audit.contains("incident.open") && audit.contains("incident.close")
                && audit.contains("incident.change"), "every step is audited");
    }

    @Test
    @Order(3)
    void badInputIsRefusedNamingTheFieldAndStoresNothing() throws Exception {
        int before = json(as("operator", "GET", "incidents", null)).size();
        assertEquals(List.of("cameraIds"), fields(as("operator", "POST", "incidents", "{\"title\": \"x\", "
                + "\"cameraIds\": [\"nergens\"]}")));
        assertEquals(List.of("alarmIds"), fields(as("operator", "POST", "incidents", "{\"title\": \"x\", "
                + "\"alarmIds\": [\"not-a-uuid\"]}")));
        assertEquals(List.of("alarmIds"), fields(as("operator", "POST", "incidents", "{\"title\": \"x\", "
                + "\"alarmIds\": [\"" + java.util.UUID.randomUUID() + "\"]}")));
        assertEquals(List.of("title"), fields(as("operator", "POST", "incidents", "{\"cameraIds\": []}")));
        assertEquals(List.of("title"), fields(as("operator", "POST", "incidents", "{\"title\": \"" + "x".repeat(201)
                + "\"}")));
        assertEquals(List.of("type"), fields(as("operator", "POST", "incidents", "{\"title\": \"x\", \"type\": "
                + "\"DROP TABLE\"}")));
        assertEquals(400, as("operator", "POST", "incidents", "{\"title\": ").statusCode(), "malformed JSON");
        assertEquals(before, json(as("operator", "GET", "incidents", null)).size());
        assertEquals(404, as("operator", "GET", "incidents/99999", null).statusCode());
        assertEquals(404, as("operator", "POST", "incidents/99999/journal", "{\"text\": \"x\"}").statusCode());

        HttpResponse<byte[]> open = as("supervisor", "POST", "incidents", "{\"title\": \"Losse kijk\"}");
        long id = json(open).get("id").asLong();
        assertEquals(List.of("text"), fields(as("operator", "POST", "incidents/" + id + "/journal", "{\"text\": \""
                + "x".repeat(2001) + "\"}")));
        assertEquals(List.of("from"), fields(as("operator", "POST", "incidents/" + id + "/bookmarks", "{\"cameraId\": \""
                + CAMERA + "\", \"from\": \"gisteren\"}")));
        assertEquals(List.of("step"), fields(as("operator", "POST", "incidents/" + id + "/steps/1", "{}")),
                "no procedure, no steps");

        // attaching cameras and following a procedure: operators, supervisors and administrators; not the others
        String camera = "{\"cameraIds\": [\"demo-promenade\"]}";
        for (String role : List.of("auditor", "police")) {
            assertEquals(403, as(role, "POST", "incidents/" + id + "/attach", camera).statusCode(), role);
            assertEquals(403, as(role, "POST", "incidents/" + id + "/procedure", "{\"procedureId\": \"fight\"}")
                    .statusCode(), role);
        }
        HttpResponse<byte[]> attached = as("operator", "POST", "incidents/" + id + "/attach", camera);
        assertEquals(200, attached.statusCode(), text(attached));
        assertEquals("[\"demo-promenade\"]", json(attached).get("cameraIds").toString());
        assertEquals(200, as("supervisor", "POST", "incidents/" + id + "/attach", "{\"cameraIds\": [\"" + CAMERA
                + "\"]}").statusCode());
        assertEquals(200, karaf.send(null, null, "POST", "/api/v1/incidents/" + id + "/attach",
                "{\"cameraIds\": [\"demo-hoensbroek\"]}".getBytes(StandardCharsets.UTF_8), "application/json")
                .statusCode(), "the administrator");
        assertEquals(List.of("cameraIds"), fields(as("operator", "POST", "incidents/" + id + "/attach",
                "{\"cameraIds\": [\"nergens\"]}")));
        HttpResponse<byte[]> follows = as("operator", "POST", "incidents/" + id + "/procedure",
                "{\"procedureId\": \"fight\"}");
        assertEquals(200, follows.statusCode(), text(follows));
        assertEquals("fight", json(follows).at("/procedure/id").asText());
        assertEquals(List.of("procedure"), fields(as("supervisor", "POST", "incidents/" + id + "/procedure",
                "{\"procedureId\": \"nergens\"}")));
    }

    @Test
    @Order(4)
    void theShiftLogHandsOverNotesAndOpenIncidentsAndSaysWhoIsOnDuty() throws Exception {
        String note = JSON.writeValueAsString(Map.of("text", "Camera promenade hapert; " + HOSTILE));
        for (String role : List.of("auditor", "police")) {
            assertEquals(403, as(role, "POST", "shift/notes", note).statusCode(), role);
        }
        assertEquals(201, as("operator", "POST", "shift/notes", note).statusCode());
        assertEquals(List.of("text"), fields(as("operator", "POST", "shift/notes", "{\"text\": \"  \"}")));
        assertEquals(Map.of("admin", 200, "operator", 200, "supervisor", 200, "auditor", 200, "police", 403),
                perRole("GET", "shift", null));
        JsonNode shift = json(as("supervisor", "GET", "shift", null));
        assertEquals("Camera promenade hapert; " + HOSTILE, shift.get("notes").get(shift.get("notes").size() - 1)
                .get("text").asText(), "exactly as written");
        assertTrue(shift.get("openIncidents").toString().contains("Losse kijk"), shift.toString());
        assertTrue(shift.at("/shift/label").asText().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d"), shift.toString());
    }

    @Test
    @Order(5)
    void theFiguresAreTheSupervisorsAndAuditorsAndCountWhatHappened() throws Exception {
        assertEquals(Map.of("admin", 200, "operator", 403, "supervisor", 200, "auditor", 200, "police", 403),
                perRole("GET", "figures?by=week", null));
        assertEquals(Map.of("admin", 200, "operator", 403, "supervisor", 200, "auditor", 200, "police", 403),
                perRole("GET", "figures/csv?table=alarms", null));
        JsonNode figures = json(as("supervisor", "GET", "figures", null));
        boolean counted = false;
        for (JsonNode count : figures.get("counts")) {
            counted |= count.get("cameraId").asText().equals(CAMERA) && count.get("type").asText().equals("fight")
                    && count.get("alarms").asInt() == 1;
        }
        assertTrue(counted, figures.toString());
        JsonNode high = null;
        for (JsonNode times : figures.get("times")) {
            if (times.get("priority").asText().equals("HIGH") && times.get("closed").asInt() > 0) {
                high = times;
            }
        }
        assertTrue(high != null && high.get("acknowledged").asInt() >= 1 && high.has("closeP90"), figures.toString());
        HttpResponse<byte[]> csv = as("auditor", "GET", "figures/csv?table=outcomes", null);
        assertTrue(text(csv).startsWith("outcome,label,false_alarm,alarms,share\r\n"), text(csv));
        assertTrue(text(csv).contains("resolved,Afgehandeld door de meldkamer,false,1,"), text(csv));
        assertEquals(List.of("by"), fields(as("supervisor", "GET", "figures?by=year", null)));
        assertEquals(List.of("from"), fields(as("supervisor", "GET", "figures?from=gisteren", null)));
    }

    @Test
    @Order(6)
    void wallsAreSavedPerOperatorAndForTheRoomAndANewUserStartsWithTheCamerasOfTheirSite() throws Exception {
        String wall = "{\"layout\": {\"size\": 4, \"cameras\": [\"demo-promenade\", null]}}";
        assertEquals(200, as("operator", "PUT", "views/Mijn%20muur", wall).statusCode());
        assertEquals(403, as("operator", "PUT", "views/Kamer", "{\"layout\": {\"size\": 1}, \"shared\": true}")
                .statusCode(), "only supervisors share walls with the room");
        assertEquals(200, as("supervisor", "PUT", "views/Kamer", "{\"layout\": {\"size\": 1, \"cameras\": [\""
                + CAMERA + "\"]}, \"shared\": true}").statusCode());
        for (String role : List.of("auditor", "police")) {
            assertEquals(403, as(role, "GET", "views", null).statusCode(), role);
            assertEquals(403, as(role, "PUT", "views/x", wall).statusCode(), role);
        }
        JsonNode views = json(as("operator", "GET", "views", null));
        assertEquals(2, views.get("views").size(), views.toString());
        assertEquals(0, json(as("supervisor", "GET", "views", null)).get("views").findValuesAsText("name").stream()
                .filter("Mijn muur"::equals).count(), "an operator's own view is theirs");
        assertEquals(List.of("layout"), fields(as("operator", "PUT", "views/x", "{\"layout\": 4}")));

        assertEquals(201, karaf.post("/api/v1/users", "{\"name\": \"in-hoensbroek\", \"password\": \"" + USER_PASSWORD
                + "\", \"role\": \"operator\", \"site\": \"Hoensbroek\"}").statusCode());
        JsonNode home = json(karaf.send("in-hoensbroek", USER_PASSWORD, "GET", "/api/v1/views", null,
                "application/json")).get("home");
        assertEquals("[\"demo-hoensbroek\"]", home.at("/layout/cameras").toString(), home.toString());
        assertEquals(204, as("operator", "DELETE", "views/Mijn%20muur", null).statusCode());
    }
}
