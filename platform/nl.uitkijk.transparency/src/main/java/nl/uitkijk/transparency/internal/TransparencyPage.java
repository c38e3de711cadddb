package nl.uitkijk.transparency.internal;

import static nl.uitkijk.transparency.internal.Html.escape;

import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import nl.uitkijk.api.analytics.PersonalData;
import nl.uitkijk.api.governance.Designation;
import nl.uitkijk.transparency.internal.PublicRegister.PlannedDeployment;
import nl.uitkijk.transparency.internal.PublicRegister.PublicCamera;
import nl.uitkijk.transparency.internal.PublicRegister.PublicDesignation;

/**
 * The public page, rendered on the server in Dutch or English: complete without JavaScript (semantic HTML, tables
 * with captions and header cells, an SVG map with titles), so screen readers and simple browsers get everything.
 */
final class TransparencyPage {

    static final ZoneId LOCAL = ZoneId.of("Europe/Amsterdam");
    private static final String TEXTS = "nl.uitkijk.transparency.internal.texts";

    private final ResourceBundle texts;
    private final Locale locale;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;

    TransparencyPage(Locale locale) {
        this.locale = locale;
        this.texts = texts(locale);
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(LOCAL);
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    }

    /** Dutch is the default; English on request. No fallback to the JVM's locale. */
    static ResourceBundle texts(Locale locale) {
        return ResourceBundle.getBundle(TEXTS, "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT,
                TransparencyPage.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    String render(PublicRegister register, SiteInfo site) {
        String owner = site.owner().isEmpty() ? "de gemeente" : site.owner();
        boolean tiles = !site.tileUrl().isEmpty();
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(t("lang")).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(t("title") + " – " + owner)).append("</title>")
                .append("<link rel=\"stylesheet\" href=\"style.css\">")
                .append("<link rel=\"alternate\" type=\"application/geo+json\" href=\"cameras.geojson\">");
        if (tiles) {
            html.append("<link rel=\"stylesheet\" href=\"leaflet/leaflet.css\">");
        }
        html.append("</head><body><a class=\"skip\" href=\"#main\">").append(t("skip")).append("</a>")
                .append("<header><p class=\"lang\"><a href=\"?lang=").append(t("otherLang")).append("\" hreflang=\"")
                .append(t("otherLang")).append("\" lang=\"").append(t("otherLang")).append("\">")
                .append(t("otherLangName")).append("</a></p><p class=\"owner\">").append(escape(owner))
                .append("</p><h1>").append(t("title")).append("</h1></header><main id=\"main\">");
        html.append("<p>").append(escape(f("intro", owner))).append("</p><p>").append(t("legalBasis"))
                .append("</p>");

        String label = f("mapLabel", register.designations.size(), register.cameras.size());
        html.append("<section aria-labelledby=\"map-h\"><h2 id=\"map-h\">").append(t("mapHeading")).append("</h2>")
                .append("<div id=\"map\"");
        if (tiles) {
            html.append(" data-tiles=\"").append(escape(site.tileUrl())).append("\" data-attribution=\"")
                    .append(escape(site.tileAttribution())).append('"');
        }
        html.append('>').append(MapSvg.draw(register, label)).append("</div><p>").append(t("mapLegend"))
                .append("</p></section>");

        html.append("<section aria-labelledby=\"areas-h\"><h2 id=\"areas-h\">").append(t("areasHeading"))
                .append("</h2>");
        for (PublicDesignation published : register.designations) {
            designation(html, published.designation());
        }
        html.append("</section>");

        cameras(html, register);
        planned(html, register);

        html.append("<section aria-labelledby=\"ret-h\"><h2 id=\"ret-h\">").append(t("retentionHeading"))
                .append("</h2><p>").append(t("retentionText")).append("</p></section>");
        html.append("<section aria-labelledby=\"q-h\"><h2 id=\"q-h\">").append(t("questionsHeading"))
                .append("</h2><p>").append(escape(f("questionsText", owner))).append("</p>");
        if (!site.contact().isEmpty()) {
            html.append("<p>").append(escape(f("contact", site.contact()))).append("</p>");
        }
        if (site.accessRequestUrl().startsWith("https://") || site.accessRequestUrl().startsWith("http://")) {
            html.append("<p><a href=\"").append(escape(site.accessRequestUrl())).append("\">")
                    .append(t("accessRequest")).append("</a></p>");
        }
        html.append("</section><section aria-labelledby=\"od-h\"><h2 id=\"od-h\">").append(t("openDataHeading"))
                .append("</h2><p>").append(t("openDataText")).append("</p><ul>")
                .append("<li><a href=\"cameras.geojson\">").append(t("camerasGeoJson")).append("</a></li>")
                .append("<li><a href=\"cameras.csv\">").append(t("camerasCsv")).append("</a></li>")
                .append("<li><a href=\"designations.geojson\">").append(t("designationsGeoJson"))
                .append("</a></li></ul></section></main><footer><p>").append(escape(f("updated",
                        dateTime.format(register.at)))).append("</p></footer>");
        if (tiles) {
            html.append("<script src=\"leaflet/leaflet.js\"></script><script src=\"map.js\"></script>");
        }
        return html.append("</body></html>\n").toString();
    }

    private void designation(StringBuilder html, Designation d) {
        html.append("<article><h3>").append(escape(d.name())).append("</h3><dl>");
        item(html, "decision", escape(d.decisionReference()));
        if (d.decisionDate() != null) {
            item(html, "decisionDate", escape(date.format(d.decisionDate())));
        }
        item(html, "purpose", escape(d.purpose()));
        item(html, "period", escape(f("from", dateTime.format(d.validFrom())) + " "
                + f("until", dateTime.format(d.validUntil()))));
        String live = OpenData.liveView(d.liveViewWindows(), locale);
        item(html, "liveView", escape(live == null ? t("liveViewAlways") : live));
        // what the decision allows automatic analysis to do with people in the picture
        item(html, "analytics", escape(d.personalData().stream().filter(c -> c != PersonalData.NONE).sorted()
                .map(c -> t("analytics." + c.name())).reduce((a, b) -> a + "; " + b).orElse(t("analyticsNone"))));
        if (d.evaluationDate() != null) {
            item(html, "evaluation", escape(date.format(d.evaluationDate())));
        }
        if (!d.signage().isEmpty()) {
            item(html, "signage", escape(d.signage().stream().map(Designation.Signage::description)
                    .collect(Collectors.joining("; "))));
        }
        html.append("</dl></article>");
    }

    private void cameras(StringBuilder html, PublicRegister register) {
        html.append("<section aria-labelledby=\"cam-h\"><h2 id=\"cam-h\">").append(t("camerasHeading"))
                .append("</h2>");
        if (register.cameras.isEmpty()) {
            html.append("<p>").append(t("noCameras")).append("</p></section>");
            return;
        }
        html.append("<table><caption>").append(t("camerasCaption")).append("</caption><thead><tr>");
        for (String column : new String[] { "colName", "colAddress", "colDirection", "colType", "colArea",
            "colRetention", "colQuality", "colAnalytics" }) {
            html.append("<th scope=\"col\">").append(t(column)).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (PublicCamera c : register.cameras) {
            html.append("<tr><th scope=\"row\">").append(escape(c.name())).append("</th><td>")
                    .append(escape(c.address() == null ? String.format(Locale.ROOT, "%.5f, %.5f", c.lat(), c.lon())
                            : c.address()))
                    .append("</td><td>").append(c.direction() == null ? t("unknown")
                            : escape(f("degrees", Math.round(c.direction()))))
                    .append("</td><td>").append(escape(c.mobile() ? f("mobile", c.deployment(),
                            dateTime.format(c.deployedUntil())) : t("fixed")))
                    .append("</td><td>").append(escape(c.designation().name()))
                    .append("</td><td>").append(escape(f("days", c.retentionDays())))
                    .append("</td><td>").append(escape(c.imageQuality().equals("unknown") ? t("unknown")
                            : c.imageQuality()))
                    .append("</td><td>").append(escape(analytics(c, register.plateNoHitSeconds)))
                    .append("</td></tr>");
        }
        html.append("</tbody></table></section>");
    }

    private void planned(StringBuilder html, PublicRegister register) {
        html.append("<section aria-labelledby=\"plan-h\"><h2 id=\"plan-h\">").append(t("plannedHeading"))
                .append("</h2>");
        if (register.planned.isEmpty()) {
            html.append("<p>").append(t("plannedNone")).append("</p></section>");
            return;
        }
        html.append("<ul>");
        for (PlannedDeployment p : register.planned) {
            html.append("<li>").append(escape(p.name())).append(": ")
                    .append(escape(p.location().address() == null ? String.format(Locale.ROOT, "%.5f, %.5f",
                            p.location().lat(), p.location().lon()) : p.location().address()))
                    .append(", ").append(escape(f("from", dateTime.format(p.from())) + " "
                            + f("until", dateTime.format(p.until()))))
                    .append(" (").append(escape(p.designation().name())).append(")</li>");
        }
        html.append("</ul></section>");
    }

    private void item(StringBuilder html, String key, String escapedValue) {
        html.append("<dt>").append(t(key)).append("</dt><dd>").append(escapedValue).append("</dd>");
    }

    /** The analysis switched on for a camera, in the reader's words (a module without a text: its own label). */
    private String analytics(PublicCamera camera, long plateNoHitSeconds) {
        if (camera.analytics().isEmpty()) {
            return t("moduleNone");
        }
        // plates: say what happens to the plates of everyone who is not looked for
        String noHits = plateNoHitSeconds <= 0 ? t("lprNoHitNow") : f("lprNoHitWindow", plateNoHitSeconds);
        return camera.analytics().entrySet().stream().map(module -> texts.containsKey("module." + module.getKey())
                ? f("module." + module.getKey(), noHits) : module.getValue()).collect(Collectors.joining("; "));
    }

    /** Every text goes through MessageFormat, so quotes are written the same way everywhere ('' for '). */
    private String t(String key) {
        return f(key);
    }

    private String f(String key, Object... arguments) {
        return new MessageFormat(texts.getString(key), locale).format(arguments);
    }
}
