package nl.uitkijk.api.lpr;

/**
 * One licence plate read in a picture.
 *
 * @param text letters and digits only, upper case ({@code GZ123X}): how plates are compared
 * @param formatted as written on the plate where its layout is known ({@code GZ-123-X}), else {@link #text}
 * @param sidecode the RDW sidecode (1–14) of a Dutch plate, else null
 * @param country ISO 3166 alpha-2 code of the layout the text fits ({@code NL}, {@code BE}, {@code DE}, …), or null
 *                when it fits none (a vanity plate, a misread); a guess by layout, since several countries share some
 * @param confidence 0..1
 * @param x left edge of the plate, in pixels of the picture
 * @param y top edge, in pixels
 * @param width in pixels
 * @param height in pixels
 */
public record PlateRead(String text, String formatted, String sidecode, String country, double confidence, int x,
        int y, int width, int height) {

    /** The detection type an LPR module reports a passage with; its attributes carry the read's fields. */
    public static final String DETECTION_TYPE = "plate";
    /** Detection attribute: {@link #text}. */
    public static final String TEXT = "plate";
    /** Detection attribute: {@link #formatted}. */
    public static final String FORMATTED = "formatted";
    /** Detection attribute: {@link #sidecode}. */
    public static final String SIDECODE = "sidecode";
    /** Detection attribute: {@link #country}. */
    public static final String COUNTRY = "country";
    /** Detection attribute: how many frames of the passage agreed with the read. */
    public static final String VOTES = "votes";
}
