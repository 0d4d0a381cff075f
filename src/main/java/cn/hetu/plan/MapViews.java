package cn.hetu.plan;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import cn.hetu.cql2.Cql2;
import cn.hetu.cql2.Cql2Exception;
import cn.hetu.cql2.Expr;

/**
 * The map view that shows the features behind a registry figure, as the dashboard links it: the layer
 * narrowed by the filter's equalities ({@code #/layer/ditch?planned_year=2023}). The map filters by
 * equality only, so the seed writes its filters as equalities joined by AND, and the view is then exact.
 */
final class MapViews {

    private MapViews() {
    }

    static String of(Measurement m, int year) {
        if (!m.fromRegistry()) {
            return null;
        }
        if ("disposal_rate".equals(m.aggregate())) {
            return "#/parcels?view=kpi&year=" + year;
        }
        List<String> params = new ArrayList<>();
        if (m.filter() != null && !m.filter().isBlank()) {
            try {
                equalities(Cql2.parse(m.filter(), Cql2.TEXT), params);
            }
            catch (Cql2Exception e) {
                return null;
            }
        }
        return "#/layer/" + m.collection() + (params.isEmpty() ? "" : "?" + String.join("&", params));
    }

    private static void equalities(Expr expr, List<String> params) {
        if (expr instanceof Expr.And and) {
            and.args().forEach(arg -> equalities(arg, params));
        }
        else if (expr instanceof Expr.Compare c && c.op().equals("=") && c.left() instanceof Expr.Property p
                && c.right() instanceof Expr.Literal l) {
            params.add(p.name() + "=" + URLEncoder.encode(text(l.value()), StandardCharsets.UTF_8));
        }
    }

    /** A whole number without its ".0", as the map's filters read it. */
    private static String text(Object value) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return String.valueOf(n.longValue());
        }
        return String.valueOf(value);
    }

}
