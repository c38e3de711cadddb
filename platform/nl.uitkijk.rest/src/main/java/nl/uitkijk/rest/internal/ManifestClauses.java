package nl.uitkijk.rest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an OSGi manifest header of clauses ({@code Provide-Capability}, {@code Import-Package}): clauses split by
 * commas, parameters by semicolons, values quoted or not, typed attributes ({@code name:List<String>="a,b"}). Only
 * what the plugin catalogue needs: each clause's first path and its attributes as text or a list of text.
 */
final class ManifestClauses {

    /** One clause: its first path (a namespace or package) and its attributes. */
    record Clause(String path, Map<String, Object> attributes) {

        String text(String name) {
            Object value = attributes.get(name);
            return value == null ? "" : value instanceof List<?> list ? String.join(",", list.stream()
                    .map(String::valueOf).toList()) : value.toString();
        }

        @SuppressWarnings("unchecked")
        List<String> list(String name) {
            Object value = attributes.get(name);
            if (value == null) {
                return List.of();
            }
            List<String> values = value instanceof List<?> list ? (List<String>) list : List.of(value.toString());
            return values.stream().filter(v -> !v.isBlank()).toList();
        }
    }

    private ManifestClauses() {
    }

    static List<Clause> parse(String header) {
        List<Clause> clauses = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return clauses;
        }
        for (String clause : split(header, ',')) {
            List<String> parts = split(clause, ';');
            if (parts.isEmpty() || parts.get(0).isBlank()) {
                continue;
            }
            Map<String, Object> attributes = new LinkedHashMap<>();
            for (String part : parts.subList(1, parts.size())) {
                int equals = part.indexOf('=');
                if (equals < 0 || part.startsWith(":", equals - 1)) {
                    continue; // a second path, or a directive (name:=value)
                }
                String name = part.substring(0, equals).strip();
                String value = unquote(part.substring(equals + 1).strip());
                int colon = name.indexOf(':');
                if (colon > 0) {
                    String type = name.substring(colon + 1).strip();
                    name = name.substring(0, colon).strip();
                    attributes.put(name, type.startsWith("List") ? split(value, ',').stream().map(String::strip)
                            .toList() : value);
                } else {
                    attributes.put(name, value);
                }
            }
            clauses.add(new Clause(parts.get(0).strip(), attributes));
        }
        return clauses;
    }

    /** Splits at the separator outside double quotes, keeping the quotes (and backslash escapes) in the parts. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                current.append(c).append(text.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static String unquote(String value) {
        String inner = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            out.append(c == '\\' && i + 1 < inner.length() ? inner.charAt(++i) : c);
        }
        return out.toString();
    }
}
