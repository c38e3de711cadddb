package nl.uitkijk.driver.base;

import nl.uitkijk.api.camera.PtzControl.PtzException;

/** PTZ speeds as the platform gives them (-1..1) in the percent most camera APIs take (-100..100). */
public final class PtzSpeed {

    private PtzSpeed() {
    }

    /** -1..1 → -100..100, values outside clamped. */
    public static int percent(double speed) {
        return (int) Math.round(Math.max(-1, Math.min(1, speed)) * 100);
    }

    /** Whether a preset token is a plain number, as VAPIX and ISAPI use (and nothing that could change a path). */
    public static boolean numericPreset(String token) {
        return token != null && token.matches("[0-9]{1,4}");
    }

    /**
     * Refuses a preset token that is not a plain number, before it goes into a camera's URL.
     *
     * @throws PtzException "no such preset" otherwise
     * @since 1.1
     */
    public static void requireNumericPreset(String token) throws PtzException {
        if (!numericPreset(token)) {
            throw new PtzException("no such preset: " + token, null);
        }
    }
}
