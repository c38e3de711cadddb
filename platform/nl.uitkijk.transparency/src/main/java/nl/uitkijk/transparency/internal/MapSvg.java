package nl.uitkijk.transparency.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.uitkijk.api.governance.Designation.Position;
import nl.uitkijk.transparency.internal.PublicRegister.PublicCamera;
import nl.uitkijk.transparency.internal.PublicRegister.PublicDesignation;

/**
 * The map as SVG drawn on the server: areas and cameras without any tile service, without JavaScript, readable by
 * screen readers (each shape has a title). Equirectangular projection around the middle latitude: over a city the
 * distortion is far below what the eye sees.
 */
final class MapSvg {

    private static final int WIDTH = 960;

    private MapSvg() {
    }

    static String draw(PublicRegister register, String label) {
        List<double[]> points = new ArrayList<>();
        register.designations.forEach(d -> d.designation().area().forEach(ring -> ring.forEach(p -> points.add(
                new double[] { p.lon(), p.lat() }))));
        register.cameras.forEach(c -> points.add(new double[] { c.lon(), c.lat() }));
        if (points.isEmpty()) {
            return "";
        }
        double minLon = points.stream().mapToDouble(p -> p[0]).min().orElseThrow();
        double maxLon = points.stream().mapToDouble(p -> p[0]).max().orElseThrow();
        double minLat = points.stream().mapToDouble(p -> p[1]).min().orElseThrow();
        double maxLat = points.stream().mapToDouble(p -> p[1]).max().orElseThrow();
        double shrink = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double spanX = Math.max((maxLon - minLon) * shrink, 1e-4);
        double spanY = Math.max(maxLat - minLat, 1e-4);
        double pad = 0.08 * Math.max(spanX, spanY);
        double scale = (WIDTH - 2.0) / (spanX + 2 * pad);
        int height = (int) Math.ceil((spanY + 2 * pad) * scale) + 2;
        Projection at = new Projection(minLon, maxLat, shrink, pad, scale);

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append("\">");
        svg.append("<title>").append(Html.escape(label)).append("</title>");
        for (PublicDesignation d : register.designations) {
            svg.append("<path class=\"area\" fill-rule=\"evenodd\" d=\"");
            for (List<Position> ring : d.designation().area()) {
                for (int i = 0; i < ring.size(); i++) {
                    svg.append(i == 0 ? 'M' : 'L').append(at.x(ring.get(i).lon())).append(',')
                            .append(at.y(ring.get(i).lat()));
                }
                svg.append('Z');
            }
            svg.append("\"><title>").append(Html.escape(d.name())).append("</title></path>");
        }
        for (PublicCamera c : register.cameras) {
            String x = at.x(c.lon());
            String y = at.y(c.lat());
            svg.append("<g><title>").append(Html.escape(c.name())).append("</title>");
            if (c.direction() != null) {
                double angle = Math.toRadians(c.direction());
                svg.append("<line class=\"view\" x1=\"").append(x).append("\" y1=\"").append(y).append("\" x2=\"")
                        .append(format(Double.parseDouble(x) + 18 * Math.sin(angle))).append("\" y2=\"")
                        .append(format(Double.parseDouble(y) - 18 * Math.cos(angle))).append("\"/>");
            }
            svg.append("<circle class=\"camera\" cx=\"").append(x).append("\" cy=\"").append(y)
                    .append("\" r=\"6\"/></g>");
        }
        return svg.append("</svg>").toString();
    }

    private record Projection(double minLon, double maxLat, double shrink, double pad, double scale) {
        String x(double lon) {
            return format(((lon - minLon) * shrink + pad) * scale + 1);
        }

        String y(double lat) {
            return format(((maxLat - lat) + pad) * scale + 1);
        }
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
