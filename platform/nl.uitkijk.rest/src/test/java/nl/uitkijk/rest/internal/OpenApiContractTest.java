package nl.uitkijk.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.List;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;
import org.junit.jupiter.api.Test;

/** The published OpenAPI document and the resources must describe the same operations. */
class OpenApiContractTest {

    /** Every resource class of the bundle (found on disk, so a new resource cannot be left out of this test). */
    private static List<Class<?>> resources() throws Exception {
        java.nio.file.Path folder = java.nio.file.Path.of(OpenApiResource.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI()).resolve("nl/uitkijk/rest/internal");
        List<Class<?>> resources = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.list(folder)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName("nl.uitkijk.rest.internal." + name);
                if (type.isAnnotationPresent(Path.class)) {
                    resources.add(type);
                }
            }
        }
        return resources;
    }

    /** What the document says of who may call an operation: [] open, ["*"] anyone signed in, else the roles. */
    static final String ROLES = "x-uitkijk-roles";

    /** The roles of a method as the document states them: the administrator first, then the others declared. */
    static List<String> documentedRoles(Method method) {
        if (method.isAnnotationPresent(Open.class)) {
            return List.of();
        }
        if (method.isAnnotationPresent(SignedIn.class)) {
            return List.of("*");
        }
        Allow allow = method.getAnnotation(Allow.class);
        if (allow == null) {
            return List.of("(none declared)");
        }
        List<String> roles = new java.util.ArrayList<>(List.of(Role.ADMIN.principal()));
        for (Role role : allow.value()) {
            roles.add(role.principal());
        }
        return roles;
    }

    /** Every operation the resources implement ("get /cameras/{id}") and its method. */
    private static java.util.Map<String, Method> implemented() throws Exception {
        java.util.Map<String, Method> operations = new java.util.TreeMap<>();
        for (Class<?> resource : resources()) {
            String base = "/" + resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                for (var annotation : method.getAnnotations()) {
                    HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
                    if (http != null) {
                        Path sub = method.getAnnotation(Path.class);
                        operations.put(http.value().toLowerCase() + " " + base + (sub == null ? "" : "/" + sub.value()),
                                method);
                    }
                }
            }
        }
        return operations;
    }

    /** Every operation the published document describes, and its description. */
    private static java.util.Map<String, JsonNode> documented() throws Exception {
        java.util.Map<String, JsonNode> operations = new java.util.TreeMap<>();
        try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
            JsonNode paths = new ObjectMapper().readTree(in).get("paths");
            for (Iterator<String> names = paths.fieldNames(); names.hasNext();) {
                String path = names.next();
                for (Iterator<String> methods = paths.get(path).fieldNames(); methods.hasNext();) {
                    String method = methods.next();
                    if (!method.equals("parameters")) {
                        operations.put(method + " " + path, paths.get(path).get(method));
                    }
                }
            }
        }
        return operations;
    }

    /** Every resource method declares who may call it, and the OpenAPI document says the same. */
    @Test
    void everyOperationDeclaresItsRolesAsTheDocumentStatesThem() throws Exception {
        java.util.Map<String, List<String>> declared = new java.util.TreeMap<>();
        implemented().forEach((operation, method) -> declared.put(operation, documentedRoles(method)));
        java.util.Map<String, List<String>> stated = new java.util.TreeMap<>();
        documented().forEach((operation, description) -> {
            List<String> roles = new java.util.ArrayList<>();
            if (description.has(ROLES)) {
                description.get(ROLES).forEach(role -> roles.add(role.asText()));
            } else {
                roles.add("(not documented)");
            }
            stated.put(operation, roles);
            boolean open = description.has("security") && description.get("security").isEmpty();
            assertEquals(roles.isEmpty(), open, operation + ": open exactly when security is []");
        });
        assertEquals(declared, stated);
    }

    @Test
    void everyOperationIsDocumentedAndEveryDocumentedOperationExists() throws Exception {
        assertEquals(implemented().keySet(), documented().keySet());
    }
}
