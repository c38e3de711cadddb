package nl.uitkijk.analytics.lpr.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a licence plate may look like: the Dutch RDW sidecodes 1–14 and the common layouts of neighbouring and other
 * EU countries. An OCR reading is fitted to the layout it needs the fewest changes for: a character read as its
 * look-alike of the other kind ({@code 0}/{@code O}, {@code 1}/{@code I}, {@code 8}/{@code B}, …) where the layout
 * wants a digit or a letter, and a stray character dropped (the country band's letter, a coat of arms read as a
 * letter). A Dutch plate never carries a vowel or C or Q (RDW), so an {@code O} on a Dutch layout is a zero.
 */
final class PlateSyntax {

    /**
     * One layout: {@code @} a letter, {@code #} a digit; {@code groups} where the dashes (or spaces) go.
     *
     * @param sidecode the RDW sidecode for Dutch layouts, else null
     */
    record Layout(String country, String pattern, String sidecode, int[] groups, char separator) {
    }

    /** A reading fitted to a layout. */
    record Fit(String text, String formatted, String country, String sidecode, double cost) {
    }

    private static final List<Layout> LAYOUTS = layouts();

    private static final Map<Character, Character> AS_DIGIT = Map.ofEntries(Map.entry('O', '0'), Map.entry('D', '0'),
            Map.entry('Q', '0'), Map.entry('U', '0'), Map.entry('I', '1'), Map.entry('L', '1'), Map.entry('J', '1'),
            Map.entry('T', '7'), Map.entry('Z', '2'), Map.entry('S', '5'), Map.entry('B', '8'), Map.entry('G', '6'),
            Map.entry('A', '4'));
    private static final Map<Character, Character> AS_LETTER = Map.of('0', 'O', '1', 'I', '2', 'Z', '5', 'S', '8',
            'B', '6', 'G', '7', 'T', '4', 'A');

    private static final String NOT_DUTCH = "AEIOUCQ";
    private static final double CHANGE = 1.0;
    /** The first character is often the country band's letter: dropping it costs less than a change. */
    private static final double DROP_FIRST = 0.5;
    private static final double DROP_LAST = 1.0;
    private static final double MAX_COST = 1.5;

    private PlateSyntax() {
    }

    private static List<Layout> layouts() {
        List<Layout> all = new ArrayList<>();
        String[][] dutch = { { "1", "@@####", "2,2,2" }, { "2", "####@@", "2,2,2" }, { "3", "##@@##", "2,2,2" },
            { "4", "@@##@@", "2,2,2" }, { "5", "@@@@##", "2,2,2" }, { "6", "##@@@@", "2,2,2" },
            { "7", "##@@@#", "2,3,1" }, { "8", "#@@@##", "1,3,2" }, { "9", "@@###@", "2,3,1" },
            { "10", "@###@@", "1,3,2" }, { "11", "@@@##@", "3,2,1" }, { "12", "@##@@@", "1,2,3" },
            { "13", "#@@###", "1,2,3" }, { "14", "###@@#", "3,2,1" } };
        for (String[] code : dutch) {
            all.add(new Layout("NL", code[1], code[0], groups(code[2]), '-'));
        }
        all.add(new Layout("BE", "#@@@###", null, groups("1,3,3"), '-'));
        all.add(new Layout("BE", "@@@###", null, groups("3,3"), '-'));
        all.add(new Layout("GB", "@@##@@@", null, groups("4,3"), ' '));
        all.add(new Layout("FR", "@@###@@", null, groups("2,3,2"), '-'));
        all.add(new Layout("ES", "####@@@", null, groups("4,3"), ' '));
        all.add(new Layout("PL", "@@#####", null, groups("2,5"), ' '));
        all.add(new Layout("PL", "@@@####", null, groups("3,4"), ' '));
        all.add(new Layout("HR", "@@####@@", null, groups("2,4,2"), ' '));
        all.add(new Layout("HR", "@@###@", null, groups("2,3,1"), ' '));
        return List.copyOf(all);
    }

    private static int[] groups(String spec) {
        String[] parts = spec.split(",");
        int[] groups = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            groups[i] = Integer.parseInt(parts[i]);
        }
        return groups;
    }

    /** Only letters and digits, upper case: how plates are compared and stored. */
    static String normalise(String text) {
        StringBuilder plain = new StringBuilder();
        for (char c : text.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                plain.append(c);
            }
        }
        return plain.toString();
    }

    /**
     * The cheapest layout for a reading (ties go to the earlier layout: Dutch first), or empty when none is within
     * {@value #MAX_COST} (a change costs 1, dropping the first character 0.5, the last 1). A German plate (district, letters, digits: the split is not written on it in a way OCR
     * keeps) is recognised by its shape and left unformatted.
     */
    static Optional<Fit> fit(String reading) {
        String plain = normalise(reading);
        Fit best = null;
        for (String candidate : withDrops(plain)) {
            double dropCost = dropCost(plain, candidate);
            for (Layout layout : LAYOUTS) {
                if (layout.pattern().length() != candidate.length()) {
                    continue;
                }
                Fit fit = fit(candidate, layout, dropCost);
                if (fit != null && (best == null || fit.cost() < best.cost())) {
                    best = fit;
                }
            }
            if (dropCost == 0 && candidate.matches("[A-Z]{1,3}[A-Z]{1,2}[1-9][0-9]{0,3}[EH]?") && candidate.length() <= 8
                    && (best == null || best.cost() > 0.5)) {
                best = new Fit(candidate, candidate, "DE", null, 0.5);
            }
        }
        return best == null || best.cost() > MAX_COST ? Optional.empty() : Optional.of(best);
    }

    private static Fit fit(String candidate, Layout layout, double cost) {
        StringBuilder text = new StringBuilder();
        boolean dutch = "NL".equals(layout.country());
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            boolean wantDigit = layout.pattern().charAt(i) == '#';
            if (wantDigit && !Character.isDigit(c)) {
                Character digit = AS_DIGIT.get(c);
                if (digit == null) {
                    return null;
                }
                c = digit;
                cost += CHANGE;
            } else if (!wantDigit && Character.isDigit(c)) {
                Character letter = AS_LETTER.get(c);
                if (letter == null || (dutch && NOT_DUTCH.indexOf(letter) >= 0)) {
                    return null;
                }
                c = letter;
                cost += CHANGE;
            } else if (!wantDigit && dutch && NOT_DUTCH.indexOf(c) >= 0) {
                return null;
            }
            text.append(c);
        }
        return new Fit(text.toString(), format(text.toString(), layout), layout.country(), layout.sidecode(), cost);
    }

    private static String format(String text, Layout layout) {
        StringBuilder formatted = new StringBuilder();
        int at = 0;
        for (int group : layout.groups()) {
            if (at > 0) {
                formatted.append(layout.separator());
            }
            formatted.append(text, at, at + group);
            at += group;
        }
        return formatted.toString();
    }

    /**
     * The reading itself, without its first, its last, or both. Only edges: a character dropped from the middle
     * turns too many vanity plates into a wrong regular one.
     */
    private static List<String> withDrops(String plain) {
        if (plain.length() <= 4) {
            return List.of(plain);
        }
        List<String> candidates = new ArrayList<>(List.of(plain, plain.substring(1),
                plain.substring(0, plain.length() - 1)));
        if (plain.length() > 6) {
            candidates.add(plain.substring(1, plain.length() - 1));
        }
        return candidates;
    }

    private static double dropCost(String plain, String candidate) {
        if (candidate.length() == plain.length()) {
            return 0;
        }
        if (candidate.length() == plain.length() - 2) {
            return DROP_FIRST + DROP_LAST;
        }
        return plain.endsWith(candidate) ? DROP_FIRST : DROP_LAST;
    }
}
