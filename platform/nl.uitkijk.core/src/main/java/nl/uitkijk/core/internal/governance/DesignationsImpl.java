package nl.uitkijk.core.internal.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.event.EventTopics;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.api.governance.Designation.LiveViewWindow;
import nl.uitkijk.api.governance.Designation.Position;
import nl.uitkijk.api.governance.Designation.Signage;
import nl.uitkijk.api.governance.Designation;
import nl.uitkijk.api.governance.Designations;
import nl.uitkijk.core.internal.persistence.Database;
import nl.uitkijk.core.internal.persistence.Micros;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The designation register in the platform database; every change is an audit entry and an event (cameras bound to
 * it are re-evaluated at once).
 */
@Component(service = Designations.class, configurationPid = "nl.uitkijk.designations")
@Designate(ocd = DesignationsImpl.Configuration.class)
public class DesignationsImpl implements Designations {

    @ObjectClassDefinition(name = "Uitkijk designations", description = "Register of designations (art. 151c).")
    public @interface Configuration {
        @AttributeDefinition(name = "Provisioning file", description = "JSON list of designations imported once, "
                + "when the database is created; empty means ${karaf.etc}/uitkijk-designations.json.")
        String provisioningFile() default "";
    }

    private static final String COLUMNS = "id, name, decision_reference, decision_date, purpose, area, valid_from_us, "
            + "valid_until_us, live_view_windows, evaluation_date, signage, personal_data";
    private static final Logger LOG = LoggerFactory.getLogger(DesignationsImpl.class);

    private final Database database;
    private final AuditLog audit;
    private final ObjectMapper json = new ObjectMapper();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin eventAdmin;

    @Activate
    public DesignationsImpl(@Reference Database database, @Reference AuditLog audit, Configuration configuration) {
        this.database = database;
        this.audit = audit;
        if (database.createdNow()) {
            provision(configuration.provisioningFile() == null || configuration.provisioningFile().isBlank()
                    ? Path.of(System.getProperty("karaf.etc", "etc"), "uitkijk-designations.json")
                    : Path.of(configuration.provisioningFile()));
        }
    }

    private void provision(Path file) {
        try {
            for (Designation designation : DesignationFile.read(file)) {
                try {
                    add(designation, AuditLog.SYSTEM, "provisioning " + file.getFileName());
                } catch (InvalidCameraException e) {
                    LOG.error("Provisioned designation '{}' skipped: {}", designation.name(), e.getMessage());
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.error("Provisioning file {} is not valid and was not imported: {}", file, e.getMessage());
        }
    }

    @Override
    public List<Designation> all() {
        return query("SELECT " + COLUMNS + " FROM designation ORDER BY valid_from_us, id");
    }

    @Override
    public Optional<Designation> designation(String id) {
        return query("SELECT " + COLUMNS + " FROM designation WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public synchronized Designation add(Designation designation, String user, String origin)
            throws InvalidCameraException {
        validate(designation);
        String id = freeId(slug(designation.name()));
        write("INSERT INTO designation (name, decision_reference, decision_date, purpose, area, valid_from_us, "
                + "valid_until_us, live_view_windows, evaluation_date, signage, updated_us, personal_data, id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", designation, id);
        LOG.info("Designation '{}' ({}) registered by {}", id, designation.decisionReference(), user);
        audit.record(actor(user), AuditActions.DESIGNATION_ADD, id, origin, "", summary(designation));
        changed(id);
        return designation(id).orElseThrow();
    }

    @Override
    public synchronized Designation update(String id, Designation designation, String user, String origin)
            throws InvalidCameraException {
        validate(designation);
        if (designation(id).isEmpty()) {
            throw new InvalidCameraException(List.of(new nl.uitkijk.api.camera.ConfigProblem("id",
                    "no designation '" + id + "'")));
        }
        write("UPDATE designation SET name = ?, decision_reference = ?, decision_date = ?, purpose = ?, area = ?, "
                + "valid_from_us = ?, valid_until_us = ?, live_view_windows = ?, evaluation_date = ?, signage = ?, "
                + "updated_us = ?, personal_data = ? WHERE id = ?", designation, id);
        LOG.info("Designation '{}' changed by {}", id, user);
        audit.record(actor(user), AuditActions.DESIGNATION_CHANGE, id, origin, "", summary(designation));
        changed(id);
        return designation(id).orElseThrow();
    }

    @Override
    public synchronized boolean withdraw(String id, String user, String origin) {
        int removed;
        try (Connection c = database.connection();
                PreparedStatement s = c.prepareStatement("DELETE FROM designation WHERE id = ?")) {
            s.setString(1, id);
            removed = s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the designation register cannot be written: " + e.getMessage(), e);
        }
        if (removed > 0) {
            LOG.info("Designation '{}' withdrawn by {}", id, user);
            audit.record(actor(user), AuditActions.DESIGNATION_WITHDRAW, id, origin, "", "");
            changed(id);
        }
        return removed > 0;
    }

    private void changed(String id) {
        EventAdmin events = eventAdmin;
        if (events != null) {
            events.postEvent(new Event(EventTopics.DESIGNATION_CHANGED, Map.of(EventTopics.DESIGNATION_ID, id)));
        }
    }

    private static void validate(Designation designation) throws InvalidCameraException {
        var problems = DesignationValidator.problems(designation);
        if (!problems.isEmpty()) {
            throw new InvalidCameraException(problems);
        }
    }

    private void write(String sql, Designation d, String id) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, d.name().strip());
            s.setString(2, d.decisionReference().strip());
            s.setString(3, d.decisionDate() == null ? null : d.decisionDate().toString());
            s.setString(4, d.purpose().strip());
            s.setString(5, json.writeValueAsString(d.area().stream()
                    .map(ring -> ring.stream().map(p -> List.of(p.lon(), p.lat())).toList()).toList()));
            s.setLong(6, Micros.of(d.validFrom()));
            s.setLong(7, Micros.of(d.validUntil()));
            s.setString(8, json.writeValueAsString(windows(d.liveViewWindows())));
            s.setString(9, d.evaluationDate() == null ? null : d.evaluationDate().toString());
            s.setString(10, json.writeValueAsString(d.signage() == null ? List.of() : d.signage().stream()
                    .map(sign -> Map.of("lat", sign.lat(), "lon", sign.lon(), "description",
                            sign.description() == null ? "" : sign.description())).toList()));
            s.setLong(11, Micros.of(Instant.now()));
            s.setString(12, String.join(",", d.personalData().stream().map(Enum::name).sorted().toList()));
            s.setString(13, id);
            s.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("the designation register cannot be written: " + e.getMessage(), e);
        }
    }

    private static List<Map<String, Object>> windows(List<LiveViewWindow> windows) {
        return windows == null ? List.of() : windows.stream().map(w -> Map.<String, Object>of(
                "days", w.days().stream().map(DayOfWeek::name).toList(), "from", w.from().toString(),
                "until", w.until().toString())).toList();
    }

    private List<Designation> query(String sql, Object... parameters) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                List<Designation> designations = new ArrayList<>();
                while (r.next()) {
                    designations.add(designation(r));
                }
                return designations;
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("the designation register cannot be read: " + e.getMessage(), e);
        }
    }

    private Designation designation(ResultSet r) throws SQLException, JsonProcessingException {
        List<List<List<Double>>> rings = json.readValue(r.getString("area"), new TypeReference<>() { });
        List<Map<String, Object>> windows = json.readValue(r.getString("live_view_windows"),
                new TypeReference<>() { });
        List<Map<String, Object>> signs = json.readValue(r.getString("signage"), new TypeReference<>() { });
        String decided = r.getString("decision_date");
        String evaluation = r.getString("evaluation_date");
        return new Designation(r.getString("id"), r.getString("name"), r.getString("decision_reference"),
                decided == null ? null : LocalDate.parse(decided), r.getString("purpose"),
                rings.stream().map(ring -> ring.stream().map(p -> new Position(p.get(0), p.get(1))).toList()).toList(),
                Micros.instant(r.getLong("valid_from_us")), Micros.instant(r.getLong("valid_until_us")),
                windows.stream().map(w -> new LiveViewWindow(((List<?>) w.get("days")).stream()
                        .map(day -> DayOfWeek.valueOf(day.toString())).toList(),
                        LocalTime.parse(w.get("from").toString()), LocalTime.parse(w.get("until").toString())))
                        .toList(),
                evaluation == null ? null : LocalDate.parse(evaluation),
                signs.stream().map(sign -> new Signage(((Number) sign.get("lat")).doubleValue(),
                        ((Number) sign.get("lon")).doubleValue(), String.valueOf(sign.get("description")))).toList(),
                personalData(r.getString("personal_data")));
    }

    private static java.util.Set<nl.uitkijk.api.analytics.PersonalData> personalData(String stored) {
        java.util.Set<nl.uitkijk.api.analytics.PersonalData> categories = java.util.EnumSet.noneOf(
                nl.uitkijk.api.analytics.PersonalData.class);
        for (String name : stored == null ? new String[0] : stored.split(",")) {
            if (!name.isBlank()) {
                categories.add(nl.uitkijk.api.analytics.PersonalData.valueOf(name.strip()));
            }
        }
        return categories;
    }

    /** A readable id from the name: lower-case letters, digits and '-', unique. */
    static String slug(String name) {
        String slug = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        slug = slug.length() > 48 ? slug.substring(0, 48).replaceAll("-+$", "") : slug;
        return slug.isEmpty() ? "designation" : slug;
    }

    private String freeId(String base) {
        String id = base;
        for (int n = 2; designation(id).isPresent(); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private static String summary(Designation d) {
        return d.decisionReference() + " " + d.validFrom() + "/" + d.validUntil() + " " + d.name();
    }

    private static String actor(String user) {
        return user == null || user.isBlank() ? AuditLog.SYSTEM : user;
    }
}
