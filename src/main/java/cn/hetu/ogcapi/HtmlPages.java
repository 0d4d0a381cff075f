package cn.hetu.ogcapi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;

import tools.jackson.databind.JsonNode;

import cn.hetu.catalog.Labels;
import cn.hetu.geo.Crs;

/**
 * The HTML representation of the OGC pages, written by hand: a colleague can browse the registry and share a
 * link without the app. Every text from the data goes through {@link #escape}; the map is an inline SVG drawn
 * from the page's GeoJSON, since the server may be offline and cannot load a map library from a CDN.
 */
final class HtmlPages {

    private static final String STYLE = "body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;margin:0;color:#1f2933}"
            + "header{background:#0b5394;color:#fff;padding:.6em 1.2em}header a{color:#fff}main{padding:1em 1.2em;max-width:70em}"
            + "table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #cbd2d9;padding:.25em .6em;text-align:left;vertical-align:top;max-width:24em}"
            + "th{background:#f0f4f8}nav.pages a{margin-right:1em}svg{border:1px solid #cbd2d9;background:#f8fafc}"
            + ".muted{color:#616e7c;font-size:.9em}";

    static final MediaType TYPE = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final Labels.Language language;

    private final StringBuilder html = new StringBuilder();

    HtmlPages(Labels.Language language) {
        this.language = language;
    }

    /**
     * Whether the request asks for HTML: {@code f=html}, or without {@code f} an Accept header whose most preferred
     * type is HTML, as a browser sends; {@code *}{@code /*} and JSON stay JSON.
     */
    static boolean wanted(MultiValueMap<String, String> params, HttpServletRequest request) {
        String f = params.getFirst("f");
        if (f != null) {
            return f.equals("html");
        }
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            List<MediaType> types = new ArrayList<>(MediaType.parseMediaTypes(accept));
            types.sort((a, b) -> Double.compare(b.getQualityValue(), a.getQualityValue()));
            for (MediaType type : types) {
                if (type.getQualityValue() > 0 && !type.isWildcardType()) {
                    return type.isCompatibleWith(MediaType.TEXT_HTML) || type.isCompatibleWith(MediaType.APPLICATION_XHTML_XML);
                }
            }
            return false;
        }
        catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    static Labels.Language language(MultiValueMap<String, String> params, Locale locale) {
        return Labels.Language.of(params.getFirst("lang"), locale);
    }

    /** The query string of links between HTML pages: {@code f=html}, and the language if one was asked for. */
    static String query(MultiValueMap<String, String> params) {
        String lang = params.getFirst("lang");
        return "?f=html" + (lang == null ? "" : "&lang=" + URLEncoder.encode(lang, StandardCharsets.UTF_8));
    }

    static ResponseEntity<String> answer(String html) {
        return ResponseEntity.ok().contentType(TYPE).body(html);
    }

    static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    String say(String zh, String en) {
        return language == Labels.Language.EN ? en : zh;
    }

    /** Opens the document; {@code jsonHref} is the same resource as JSON, linked as its alternate. */
    HtmlPages open(String title, String jsonHref, String jsonType, String home) {
        html.append("<!DOCTYPE html><html lang=\"").append(say("zh-CN", "en")).append("\"><head><meta charset=\"utf-8\">")
            .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>").append(escape(title))
            .append(" — Hetu 河图</title><link rel=\"alternate\" type=\"").append(escape(jsonType)).append("\" href=\"")
            .append(escape(jsonHref)).append("\"><style>").append(STYLE).append("</style></head><body><header><a href=\"")
            .append(escape(home)).append("\">Hetu 河图 — OGC API</a></header><main><h1>").append(escape(title)).append("</h1>")
            .append("<p class=\"muted\"><a rel=\"alternate\" type=\"").append(escape(jsonType)).append("\" href=\"")
            .append(escape(jsonHref)).append("\">").append(say("本页的 JSON 形式", "This page as JSON")).append("</a></p>");
        return this;
    }

    HtmlPages paragraph(String text) {
        html.append("<p>").append(escape(text)).append("</p>");
        return this;
    }

    HtmlPages heading(String text) {
        html.append("<h2>").append(escape(text)).append("</h2>");
        return this;
    }

    HtmlPages linkList(List<String[]> hrefAndText) {
        html.append("<ul>");
        hrefAndText.forEach(link -> html.append("<li>").append(anchor(link[0], link[1])).append("</li>"));
        html.append("</ul>");
        return this;
    }

    /** A table; cells are escaped text unless they come from {@link #anchor}, which escapes its own parts. */
    HtmlPages table(List<String> headers, List<List<Cell>> rows) {
        html.append("<table><thead><tr>");
        headers.forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (List<Cell> row : rows) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(cell.html()).append("</td>"));
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        return this;
    }

    /** The next and previous page links; either may be null. */
    HtmlPages pageLinks(String prev, String next) {
        html.append("<nav class=\"pages\">");
        if (prev != null) {
            html.append("<a rel=\"prev\" href=\"").append(escape(prev)).append("\">← ").append(say("上一页", "Previous page"))
                .append("</a>");
        }
        if (next != null) {
            html.append("<a rel=\"next\" href=\"").append(escape(next)).append("\">").append(say("下一页", "Next page"))
                .append(" →</a>");
        }
        html.append("</nav>");
        return this;
    }

    /**
     * A small map of the geometries, scaled to their bounds; nothing when there are none. East is always right and
     * north up, whatever the axis order of {@code crs} (EPSG:4490 and the Gauss-Krüger zones give north first).
     */
    HtmlPages map(List<JsonNode> geometries, Crs crs) {
        html.append(Sketch.of(geometries, crs.northFirst()));
        return this;
    }

    String close() {
        return html.append("</main></body></html>").toString();
    }

    static String anchor(String href, String text) {
        return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
    }

    /** A table cell's HTML, made only by {@link #text} or {@link #link} so that it is always escaped. */
    record Cell(String html) {

        static Cell text(Object value) {
            return new Cell(escape(value));
        }

        static Cell link(String href, String text) {
            return new Cell(anchor(href, text));
        }

    }

    /** The queryables of a collection as rows of name, title and type. */
    static List<List<Cell>> queryableRows(Map<String, Object> queryables) {
        List<List<Cell>> rows = new ArrayList<>();
        if (queryables.get("properties") instanceof Map<?, ?> properties) {
            properties.forEach((name, schema) -> {
                Map<?, ?> property = schema instanceof Map<?, ?> m ? m : Map.of();
                Object type = property.get("type") == null ? property.get("format")
                        : property.get("format") == null ? property.get("type")
                        : property.get("type") + " (" + property.get("format") + ")";
                rows.add(List.of(Cell.text(name), Cell.text(property.get("title")), Cell.text(type)));
            });
        }
        return rows;
    }

    /** Draws GeoJSON coordinates into an SVG: points as dots, lines as polylines, polygons as filled paths. */
    private static final class Sketch {

        private static final int WIDTH = 480;

        private static final int HEIGHT = 320;

        private double minX = Double.POSITIVE_INFINITY;

        private double minY = Double.POSITIVE_INFINITY;

        private double maxX = Double.NEGATIVE_INFINITY;

        private double maxY = Double.NEGATIVE_INFINITY;

        /** Index of the easting (longitude) in a coordinate; the northing is the other one. */
        private final int east;

        private final int north;

        private Sketch(boolean northFirst) {
            east = northFirst ? 1 : 0;
            north = 1 - east;
        }

        static String of(List<JsonNode> geometries, boolean northFirst) {
            Sketch sketch = new Sketch(northFirst);
            geometries.forEach(g -> sketch.bounds(g.get("coordinates")));
            if (sketch.minX > sketch.maxX) {
                return "";
            }
            StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\""
                    + HEIGHT + "\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" role=\"img\">");
            geometries.forEach(g -> sketch.draw(g, svg));
            return svg.append("</svg>").toString();
        }

        private void bounds(JsonNode coordinates) {
            if (coordinates == null || !coordinates.isArray() || coordinates.isEmpty()) {
                return;
            }
            if (coordinates.get(0).isNumber()) {
                minX = Math.min(minX, coordinates.get(east).asDouble());
                maxX = Math.max(maxX, coordinates.get(east).asDouble());
                minY = Math.min(minY, coordinates.get(north).asDouble());
                maxY = Math.max(maxY, coordinates.get(north).asDouble());
                return;
            }
            coordinates.forEach(this::bounds);
        }

        private void draw(JsonNode geometry, StringBuilder svg) {
            String type = geometry.path("type").asString("");
            JsonNode c = geometry.get("coordinates");
            switch (type) {
                case "Point" -> dot(c, svg);
                case "MultiPoint" -> c.forEach(p -> dot(p, svg));
                case "LineString" -> line(c, svg);
                case "MultiLineString" -> c.forEach(l -> line(l, svg));
                case "Polygon" -> polygon(c, svg);
                case "MultiPolygon" -> c.forEach(p -> polygon(p, svg));
                case "GeometryCollection" -> geometry.path("geometries").forEach(g -> draw(g, svg));
                default -> {
                }
            }
        }

        private void dot(JsonNode point, StringBuilder svg) {
            svg.append("<circle r=\"4\" fill=\"#c0392b\" cx=\"").append(x(point)).append("\" cy=\"").append(y(point))
                .append("\"/>");
        }

        private void line(JsonNode points, StringBuilder svg) {
            svg.append("<polyline fill=\"none\" stroke=\"#0b5394\" stroke-width=\"2\" points=\"").append(points(points))
                .append("\"/>");
        }

        private void polygon(JsonNode rings, StringBuilder svg) {
            svg.append("<path fill=\"#0b5394\" fill-opacity=\"0.25\" stroke=\"#0b5394\" fill-rule=\"evenodd\" d=\"");
            rings.forEach(ring -> svg.append('M').append(points(ring)).append('Z'));
            svg.append("\"/>");
        }

        private String points(JsonNode points) {
            StringBuilder out = new StringBuilder();
            points.forEach(p -> out.append(out.isEmpty() ? "" : " ").append(x(p)).append(',').append(y(p)));
            return out.toString();
        }

        /** One scale for both axes, so that shapes keep their proportions; 10 pixels of margin. */
        private double scale() {
            double spanX = Math.max(maxX - minX, 1e-9);
            double spanY = Math.max(maxY - minY, 1e-9);
            return Math.min((WIDTH - 20) / spanX, (HEIGHT - 20) / spanY);
        }

        private String x(JsonNode point) {
            return String.format(Locale.ROOT, "%.1f", 10 + (point.get(east).asDouble() - minX) * scale());
        }

        private String y(JsonNode point) {
            return String.format(Locale.ROOT, "%.1f", HEIGHT - 10 - (point.get(north).asDouble() - minY) * scale());
        }

    }

}
