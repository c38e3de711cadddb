package nl.uitkijk.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The {@code vms:} console commands and the REST API grant the same things to the same roles: the shell ACL the
 * distribution ships must say, for every command, what the OpenAPI document says of the REST operation that does the
 * same (the police excepted: the shell has no per-camera share filter, so police get no command). Every command
 * has an ACL line; a command without a REST twin is listed here with the reason.
 */
class ShellAclAgreesWithRestTest {

    private static final Path ROOT = Path.of(System.getProperty("maven.multiModuleProjectDirectory",
            Path.of("").toAbsolutePath().getParent().getParent().toString()));

    /** Each command and the REST operation that does the same. */
    private static final Map<String, String> TWINS = Map.ofEntries(
            Map.entry("camera-list", "get /cameras"), Map.entry("camera-info", "get /cameras/{id}"),
            Map.entry("camera-stats", "get /cameras/{id}/stats"), Map.entry("driver-list", "get /drivers"),
            Map.entry("recording-status", "get /cameras/{id}/recording"),
            Map.entry("recording-mode", "put /cameras/{id}/recording"), Map.entry("camera-add", "post /cameras"),
            Map.entry("camera-remove", "delete /cameras/{id}"), Map.entry("audit-list", "get /audit"),
            Map.entry("audit-verify", "get /audit/verify"), Map.entry("designation-list", "get /designations"),
            Map.entry("designation-withdraw", "delete /designations/{id}"),
            Map.entry("deployment-list", "get /deployments"), Map.entry("deployment-cancel", "delete /deployments/{id}"),
            Map.entry("ptz", "post /cameras/{id}/ptz"), Map.entry("discovery-list", "get /discovery"),
            Map.entry("discovery-approve", "post /discovery/{entry}/approve"),
            Map.entry("connector-list", "get /connectors"), Map.entry("connector-add", "post /connectors"),
            Map.entry("connector-remove", "delete /connectors/{id}"), Map.entry("alarm-raise", "post /alarms"),
            Map.entry("analytics-list", "get /cameras/{id}/analytics"),
            Map.entry("analytics-set", "put /cameras/{id}/analytics/{moduleId}"),
            Map.entry("plugin-list", "get /plugins/catalogue"),
            Map.entry("plugin-certify", "post /plugins/catalogue/{name}/certification"),
            Map.entry("plugin-verify", "get /plugins/catalogue/{name}/certification"));

    /** Commands with no REST twin (yet), and the roles they keep. */
    private static final Map<String, String> SHELL_ONLY = Map.of(
            "hold-list", "admin,operator,supervisor", "hold-add", "admin", "hold-release", "admin",
            "retention-run", "admin", "camera-trigger", "admin");

    @Test
    void everyCommandGrantsWhatItsRestTwinGrants() throws Exception {
        Properties acl = new Properties();
        try (var in = Files.newBufferedReader(ROOT.resolve(
                "distribution/nl.uitkijk.distribution/src/main/resources/etc/org.apache.karaf.command.acl.vms.cfg"))) {
            acl.load(in);
        }
        JsonNode paths = new ObjectMapper().readTree(ROOT.resolve(
                "platform/nl.uitkijk.rest/src/main/resources/nl/uitkijk/rest/internal/openapi.json").toFile())
                .get("paths");
        Map<String, Set<String>> shell = new TreeMap<>();
        Map<String, Set<String>> rest = new TreeMap<>();
        for (String command : commands()) {
            String line = acl.getProperty(command);
            assertTrue(line != null, "vms:" + command + " has no line in the shell ACL");
            shell.put(command, roles(line));
            String twin = TWINS.get(command);
            if (twin == null) {
                assertTrue(SHELL_ONLY.containsKey(command), "vms:" + command + " has neither a REST twin nor a reason");
                rest.put(command, roles(SHELL_ONLY.get(command)));
                continue;
            }
            String[] operation = twin.split(" ");
            JsonNode documented = paths.get(operation[1]).get(operation[0]).get("x-uitkijk-roles");
            Set<String> roles = new TreeSet<>();
            documented.forEach(role -> roles.add(role.asText()));
            roles.remove("police");
            rest.put(command, roles);
        }
        assertEquals(rest, shell);
        assertEquals(new TreeSet<>(acl.stringPropertyNames()), new TreeSet<>(shell.keySet()),
                "the ACL lists the commands that exist, and only those");
    }

    private static Set<String> roles(String line) {
        Set<String> roles = new TreeSet<>();
        for (String role : line.split(",")) {
            roles.add(role.strip());
        }
        return roles;
    }

    /** The names of the vms commands, from their sources (so a new command cannot be left out). */
    private static List<String> commands() throws Exception {
        Pattern name = Pattern.compile("@Command\\(scope = \"vms\", name = \"([a-z-]+)\"");
        List<String> names = new ArrayList<>();
        try (var files = Files.list(ROOT.resolve("platform/nl.uitkijk.shell/src/main/java/nl/uitkijk/shell/internal"))) {
            for (Path file : files.toList()) {
                Matcher matcher = name.matcher(Files.readString(file));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        assertTrue(names.size() > 15, "commands found: " + names);
        return names;
    }
}
