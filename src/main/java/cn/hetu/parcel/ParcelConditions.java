package cn.hetu.parcel;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

import cn.hetu.catalog.Column;
import cn.hetu.catalog.Condition;
import cn.hetu.catalog.Conditions;
import cn.hetu.catalog.Layer;
import cn.hetu.edit.GeoJsonGeometry;
import cn.hetu.security.LayerAccess;
import cn.hetu.system.GeometryProblem;
import cn.hetu.system.InvalidParameterException;

import static cn.hetu.system.SqlIdentifiers.quote;

/** Turns a {@link ParcelSearch} into a checked SQL condition on the alias {@code p} and its bind values. */
final class ParcelConditions {

    /** 1 亩 as the plans and the design brief define it. */
    static final double SQUARE_METRES_PER_MU = 666.67;

    /** More years than any land has lain idle since 1949; beyond PostgreSQL's intervals overflow. */
    static final int MAX_IDLE_YEARS = 200;

    static final Set<String> CATEGORIES = Set.of("approved_unsupplied", "idle", "inefficient_industrial");

    static final Set<String> STATUSES = Set.of("pending", "in_progress", "disposed");

    static final Set<String> METHODS = Set.of("reclaim_by_law", "reclaim_by_agreement", "urge_construction", "swap",
            "temporary_use", "land_reserve", "supply");

    private static final Map<String, String> SORTS = Map.of("area", "p.area_m2", "idle_since", "p.idle_since", "code",
            "p.code", "town", "p.town", "approved_on", "p.approved_on", "target_date", "p.target_date");

    record Sql(String where, List<Object> args, String orderBy, int page, int size) {
    }

    private final Conditions where = Conditions.where();

    private ParcelConditions() {
    }

    static Sql of(ParcelSearch search, LayerAccess access) {
        ParcelConditions c = new ParcelConditions();
        c.anyOf("categories", "p.category", search.categories(), CATEGORIES);
        c.anyOf("disposalStatus", "p.disposal_status", search.disposalStatus(), STATUSES);
        c.anyOf("disposalMethods", "p.disposal_method", search.disposalMethods(), METHODS);
        c.where.anyOf("p.town", search.towns());
        c.where.anyOf("p.land_use", search.landUses());
        c.area(search);
        if (search.idleYearsAtLeast() != null) {
            if (search.idleYearsAtLeast() < 0 || search.idleYearsAtLeast() > MAX_IDLE_YEARS) {
                throw new InvalidParameterException("idleYearsAtLeast", "idleYearsAtLeast is a number of years from 0 to "
                        + MAX_IDLE_YEARS + ", not " + search.idleYearsAtLeast());
            }
            c.add("p.idle_since <= current_date - make_interval(years => ?)", search.idleYearsAtLeast());
        }
        if (search.idleSinceBefore() != null) {
            c.add("p.idle_since < ?", search.idleSinceBefore());
        }
        c.where.containsText(search.holder(), "p.holder");
        if (search.polygon() != null && !search.polygon().isNull()) {
            c.polygon(search);
        }
        if (search.near() != null) {
            c.near(search.near(), access);
        }
        if (search.project() != null) {
            access.readable("project");
            c.add("ST_Intersects(p.geom, (SELECT geom FROM project WHERE id = ?))", search.project());
        }
        if (Boolean.TRUE.equals(search.outsideFarmland())) {
            access.readable("basic_farmland");
            c.where.add("NOT EXISTS (SELECT 1 FROM basic_farmland f WHERE ST_Intersects(f.geom, p.geom) "
                    + "AND ST_Relate(f.geom, p.geom, 'T********'))");
        }
        if (Boolean.TRUE.equals(search.insideUrbanBoundary())) {
            access.readable("urban_boundary");
            c.where.add("EXISTS (SELECT 1 FROM urban_boundary u WHERE ST_CoveredBy(p.geom, u.geom))");
        }
        String sort = search.sort() == null ? "code" : search.sort();
        String column = SORTS.get(sort.replaceFirst("^-", ""));
        if (column == null) {
            throw new InvalidParameterException("sort", "sort by one of " + SORTS.keySet() + ", got '" + sort + "'");
        }
        int page = search.page() == null ? 0 : search.page();
        int size = search.size() == null ? 50 : search.size();
        if (page < 0 || size < 1 || size > 1000) {
            throw new InvalidParameterException(page < 0 ? "page" : "size", "page starts at 0 and size is 1 to 1000");
        }
        Condition condition = c.where.build();
        return new Sql(condition.sql(), condition.args(),
                column + (sort.startsWith("-") ? " DESC" : "") + " NULLS LAST, p.id", page, size);
    }

    private void area(ParcelSearch search) {
        double factor = switch (search.areaUnit() == null ? "m2" : search.areaUnit()) {
            case "m2" -> 1;
            case "ha" -> 10_000;
            case "mu" -> SQUARE_METRES_PER_MU;
            default -> throw new InvalidParameterException("areaUnit", "areaUnit is m2, ha or mu, not '" + search.areaUnit() + "'");
        };
        for (var bound : new Object[][] { { "areaMin", search.areaMin(), ">=" }, { "areaMax", search.areaMax(), "<=" } }) {
            Double value = (Double) bound[1];
            if (value != null) {
                if (value < 0) {
                    throw new InvalidParameterException((String) bound[0], bound[0] + " cannot be negative");
                }
                add("p.area_m2 " + bound[2] + " ?", value * factor);
            }
        }
        if (search.areaMin() != null && search.areaMax() != null && search.areaMin() > search.areaMax()) {
            throw new InvalidParameterException("areaMax", "areaMax is smaller than areaMin");
        }
    }

    private void polygon(ParcelSearch search) {
        Geometry drawn;
        try {
            drawn = GeoJsonGeometry.read(search.polygon(), new GeometryFactory());
        }
        catch (GeometryProblem e) {
            throw new InvalidParameterException("polygon", "polygon: " + e.getMessage());
        }
        if (!(drawn instanceof Polygonal)) {
            throw new InvalidParameterException("polygon", "polygon must be a Polygon or MultiPolygon, not a "
                    + drawn.getGeometryType());
        }
        TopologyValidationError error = new IsValidOp(drawn).getValidationError();
        if (error != null) {
            Coordinate spot = error.getCoordinate();
            throw new GeometryProblem("polygon", GeometryProblem.Fault.of(error), "The drawn polygon is invalid: " + error.getMessage(),
                    spot == null ? null : new double[] { spot.x, spot.y });
        }
        String relation = search.polygonRelation() == null ? "intersects" : search.polygonRelation();
        if (!relation.equals("intersects") && !relation.equals("within")) {
            throw new InvalidParameterException("polygonRelation", "polygonRelation is intersects or within");
        }
        add((relation.equals("within") ? "ST_Within" : "ST_Intersects") + "(p.geom, ST_GeomFromWKB(?, 4490))",
                new WKBWriter().write(drawn));
    }

    /** Parcels within a true-metre distance of the chosen features. */
    private void near(ParcelSearch.Near near, LayerAccess access) {
        if (near.distance() == null || near.distance() < 0 || near.distance() > 50_000) {
            throw new InvalidParameterException("near.distance", "near.distance is 0 to 50000 metres");
        }
        if (near.collection() == null) {
            throw new InvalidParameterException("near.collection", "near needs a collection");
        }
        Layer layer = access.readable(near.collection());
        LayerAccess.RowScope scope = access.rows(layer, "n");
        Conditions selection = Conditions.where().add(scope.sql(), scope.args());
        if (near.ids() != null && !near.ids().isEmpty()) {
            selection.add("n.id = ANY (?)", (Object) near.ids().toArray(Long[]::new));
        }
        if (near.where() != null) {
            for (Map.Entry<String, String> property : near.where().entrySet()) {
                Column column = layer.column(property.getKey())
                    .filter(c -> c.type().isSimple())
                    .orElseThrow(() -> new InvalidParameterException("near.where",
                            layer.id() + " has no property '" + property.getKey() + "'"));
                selection.add(Conditions.column("n", column) + "::text = ?", property.getValue());
            }
        }
        Condition chosen = selection.build();
        String table = quote(layer.id());
        // A buffer polygon only approximates a circle, so a slightly wider one picks the candidates
        // through the parcel index and the exact geodesic distance decides.
        double degrees = near.distance() / 85_000.0;
        where.add("ST_Intersects(p.geom, (SELECT ST_SetSRID(ST_Union(ST_Buffer(n.geom::geography, ?)::geometry), 4490)"
                + " FROM " + table + " n WHERE " + chosen.sql() + ")) AND EXISTS (SELECT 1 FROM " + table + " n WHERE "
                + chosen.sql() + " AND n.geom && ST_Expand(p.geom, ?, ?) AND ST_DWithin(n.geom::geography, p.geom::geography, ?))",
                Stream.of(List.of(near.distance() * 1.01 + 1), chosen.args(), chosen.args(),
                        List.of(degrees, degrees, near.distance())).flatMap(List::stream).toList());
    }

    /** Values of a closed vocabulary, each checked against it before it is bound. */
    private void anyOf(String field, String column, List<String> values, Set<String> allowed) {
        for (String value : values == null ? List.<String>of() : values) {
            if (!allowed.contains(value)) {
                throw new InvalidParameterException(field, "'" + value + "' is not one of " + allowed);
            }
        }
        where.anyOf(column, values);
    }

    private void add(String clause, Object value) {
        where.add(clause, value);
    }

}
