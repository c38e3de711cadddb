package nl.uitkijk.driver.demo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.uitkijk.api.camera.ConfigProblem;

/** The configuration of one demo camera, read from its driver config (numbers may arrive as text from the shell). */
record DemoSettings(int width, int height, int fps, String label) {

    static final int DEFAULT_WIDTH = 640;
    static final int DEFAULT_HEIGHT = 360;
    static final int DEFAULT_FPS = 10;

    static DemoSettings of(Map<String, Object> config, String fallbackLabel) {
        Object label = config.get("label");
        return new DemoSettings(integer(config.get("width"), DEFAULT_WIDTH), integer(config.get("height"),
                DEFAULT_HEIGHT), integer(config.get("fps"), DEFAULT_FPS),
                label == null || label.toString().isBlank() ? fallbackLabel : label.toString());
    }

    static List<ConfigProblem> validate(Map<String, Object> config) {
        List<ConfigProblem> problems = new ArrayList<>();
        range(problems, config, "width", 160, 1920);
        range(problems, config, "height", 120, 1080);
        Object fps = config.get("fps");
        if (fps != null && !inRange(fps, 1, 30, false)) {
            problems.add(new ConfigProblem("config.fps", "must be a whole number from 1 to 30"));
        }
        Object label = config.get("label");
        if (label != null && label.toString().length() > 60) {
            problems.add(new ConfigProblem("config.label", "is longer than 60 characters"));
        }
        return problems;
    }

    private static void range(List<ConfigProblem> problems, Map<String, Object> config, String key, int min, int max) {
        Object value = config.get(key);
        if (value != null && !inRange(value, min, max, true)) {
            problems.add(new ConfigProblem("config." + key, "must be an even whole number from " + min + " to " + max));
        }
    }

    private static boolean inRange(Object value, int min, int max, boolean even) {
        try {
            int number = integer(value, -1);
            return number >= min && number <= max && (!even || number % 2 == 0);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static int integer(Object value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number) {
            if (number.doubleValue() != Math.rint(number.doubleValue())) {
                throw new NumberFormatException("not a whole number: " + value);
            }
            return number.intValue();
        }
        return Integer.parseInt(value.toString().trim());
    }
}
