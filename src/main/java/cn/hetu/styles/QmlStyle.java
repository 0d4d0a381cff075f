package cn.hetu.styles;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.util.HtmlUtils;

/**
 * A collection's symbology as a QGIS layer style (QML, QGIS 3.22): a categorised renderer on the work
 * status (a parcel's fill on its land category), the shape, width and dashes of the map, the unsafe
 * outline as a data-defined colour, and the names as labels. Sizes are in pixels, as on the map.
 */
final class QmlStyle {

    private QmlStyle() {
    }

    /**
     * @param categoryWords the words of the categorised column's codes, in the reader's language
     */
    static String of(String collection, String geometryType, Symbology symbology, Map<String, String> categoryWords) {
        boolean parcel = collection.equals("land_parcel");
        Map<String, String> colours = parcel ? symbology.parcelCategoryColors() : symbology.statusColors();
        String kind = geometryType.contains("Polygon") ? "fill" : geometryType.contains("LineString") ? "line" : "marker";
        StringBuilder categories = new StringBuilder();
        StringBuilder symbols = new StringBuilder();
        int index = 0;
        for (Map.Entry<String, String> colour : colours.entrySet()) {
            String word = categoryWords.getOrDefault(colour.getKey(), colour.getKey());
            categories.append("      <category render=\"true\" symbol=\"").append(index).append("\" value=\"")
                .append(escape(colour.getKey())).append("\" label=\"").append(escape(word)).append("\"/>\n");
            symbols.append(symbol(String.valueOf(index), kind, collection, colour.getValue(), symbology, parcel));
            index++;
        }
        return """
                <!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
                <qgis version="3.22.0" styleCategories="Symbology|Labeling">
                  <renderer-v2 type="categorizedSymbol" attr="%s" symbollevels="0" enableorderby="0" forceraster="0">
                    <categories>
                %s    </categories>
                    <symbols>
                %s    </symbols>
                  </renderer-v2>
                  <labeling type="simple">
                    <settings calloutType="simple">
                      <text-style fieldName="name" isExpression="0" fontSize="9" fontSizeUnit="Point" textColor="31,41,51,255" textOpacity="1"/>
                      <text-buffer bufferDraw="1" bufferSize="1" bufferSizeUnits="MM" bufferColor="%s" bufferOpacity="1"/>
                      <placement placement="%d" dist="1" distUnits="MM"/>
                      <rendering scaleVisibility="1" scaleMin="1" scaleMax="50000" obstacle="1"/>
                    </settings>
                  </labeling>
                %s</qgis>
                """.formatted(parcel ? "category" : "status", categories, symbols, rgba(symbology.haloColor()),
                kind.equals("line") ? 2 : kind.equals("fill") ? 1 : 6, geometryType(geometryType, kind));
    }

    private static String symbol(String name, String kind, String collection, String colour, Symbology symbology, boolean parcel) {
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> defined = new LinkedHashMap<>();
        String layerClass;
        switch (kind) {
            case "marker" -> {
                layerClass = "SimpleMarker";
                String shape = symbology.markerShape(collection);
                options.put("name", shape.equals("drop") ? "circle" : shape);
                options.put("color", rgba(colour));
                options.put("outline_color", rgba(symbology.haloColor()));
                options.put("outline_width", "2");
                options.put("outline_width_unit", "Pixel");
                options.put("size", "14");
                options.put("size_unit", "Pixel");
                Symbology.Unsafe unsafe = symbology.unsafe(collection);
                if (unsafe != null) {
                    String test = unsafe.atLeast() != null
                            ? "to_int(\"" + unsafe.column() + "\") >= " + unsafe.atLeast().intValue()
                            : "\"" + unsafe.column() + "\" = '" + unsafe.equals() + "'";
                    defined.put("outlineColor", "CASE WHEN " + test + " THEN '" + rgba(symbology.unsafeColor()) + "' ELSE '"
                            + rgba(symbology.haloColor()) + "' END");
                    defined.put("outlineWidth", "CASE WHEN " + test + " THEN 3 ELSE 2 END");
                }
            }
            case "line" -> {
                layerClass = "SimpleLine";
                Symbology.Line line = symbology.line(collection);
                options.put("line_color", rgba(colour));
                options.put("line_width", String.valueOf(line.weight()));
                options.put("line_width_unit", "Pixel");
                options.put("capstyle", line.lineCap().equals("butt") ? "flat" : "round");
                options.put("joinstyle", "round");
                if (line.dashArray() != null) {
                    options.put("use_custom_dash", "1");
                    options.put("customdash", line.dashArray().replace(' ', ';'));
                    options.put("customdash_unit", "Pixel");
                }
                Symbology.WeightBy by = symbology.weightBy(collection);
                if (by != null) {
                    StringBuilder when = new StringBuilder("CASE");
                    by.weights().forEach((code, weight) -> when.append(" WHEN \"").append(by.column()).append("\" = '")
                        .append(code).append("' THEN ").append(weight));
                    when.append(" ELSE ").append(by.otherwise() == null ? line.weight() : by.otherwise()).append(" END");
                    defined.put("outlineWidth", when.toString());
                }
            }
            default -> {
                layerClass = "SimpleFill";
                options.put("color", parcel ? rgba(colour, 140) : rgba(colour, 41));
                options.put("style", "solid");
                options.put("outline_color", parcel ? "90,100,110,255" : rgba(colour));
                options.put("outline_width", "2.5");
                options.put("outline_width_unit", "Pixel");
                options.put("outline_style", parcel ? "solid" : "dash");
            }
        }
        StringBuilder xml = new StringBuilder();
        xml.append("      <symbol type=\"").append(kind).append("\" name=\"").append(name)
            .append("\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n");
        xml.append("        <layer class=\"").append(layerClass).append("\" enabled=\"1\" locked=\"0\" pass=\"0\">\n");
        xml.append("          <Option type=\"Map\">\n");
        options.forEach((key, value) -> xml.append("            <Option name=\"").append(key).append("\" type=\"QString\" value=\"")
            .append(escape(value)).append("\"/>\n"));
        xml.append("          </Option>\n");
        if (!defined.isEmpty()) {
            xml.append("          <data_defined_properties>\n            <Option type=\"Map\">\n")
                .append("              <Option name=\"name\" type=\"QString\" value=\"\"/>\n")
                .append("              <Option name=\"properties\" type=\"Map\">\n");
            defined.forEach((property, expression) -> xml.append("                <Option name=\"").append(property)
                .append("\" type=\"Map\">\n")
                .append("                  <Option name=\"active\" type=\"bool\" value=\"true\"/>\n")
                .append("                  <Option name=\"expression\" type=\"QString\" value=\"").append(escape(expression))
                .append("\"/>\n")
                .append("                  <Option name=\"type\" type=\"int\" value=\"3\"/>\n")
                .append("                </Option>\n"));
            xml.append("              </Option>\n")
                .append("              <Option name=\"type\" type=\"QString\" value=\"collection\"/>\n")
                .append("            </Option>\n          </data_defined_properties>\n");
        }
        xml.append("        </layer>\n      </symbol>\n");
        return xml.toString();
    }

    /**
     * The geometry type the style is for; left out for collections of mixed geometries (projects), which
     * QGIS would otherwise refuse the style for whichever type it reads first. Their markers sit on the
     * features' centroids.
     */
    private static String geometryType(String geometryType, String kind) {
        if (geometryType.equals("Geometry")) {
            return "";
        }
        return "  <layerGeometryType>" + (kind.equals("marker") ? 0 : kind.equals("line") ? 1 : 2) + "</layerGeometryType>\n";
    }

    /** #RRGGBB as QGIS writes colours: "r,g,b,a". */
    private static String rgba(String hex) {
        return rgba(hex, 255);
    }

    private static String rgba(String hex, int alpha) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return ((rgb >> 16) & 255) + "," + ((rgb >> 8) & 255) + "," + (rgb & 255) + "," + alpha;
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

}
