package cn.hetu.tiles;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.ObjectMapper;

import cn.hetu.RegistryTest;
import cn.hetu.catalog.Catalog;
import cn.hetu.catalog.Condition;
import cn.hetu.catalog.Conditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Low-zoom tiles over more features than a tile may hold: each feature is drawn as itself or
 * counted in a cell, and edits reach the precomputed cells and the cached tiles at once. A store
 * that generalises above 5 features stands in for the million parcels of the benchmark.
 */
@RegistryTest
class GeneralisedTileTests {

    /** The zoom 8 tile that holds the north of the county (its south edge runs at 33.07 N). */
    private static final Tile COUNTY = new Tile(8, 210, 102);

    /** Web Mercator: the world's width in metres. */
    private static final double WORLD = 2 * Math.PI * 6378137;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Catalog catalog;

    @Autowired
    ObjectMapper json;

    private TileStore store() {
        TileProperties properties = new TileProperties(20000, Duration.ofSeconds(5), DataSize.ofMegabytes(8), 5);
        TileCache cache = new TileCache(properties);
        return new TileStore(jdbc, transactions, properties, cache, new TileChanges(jdbc, json, cache));
    }

    @Test
    void everyParcelIsDrawnOrCountedOnceAtZoom8() {
        MvtReader.Layer layer = tile(store(), "land_parcel", COUNTY, Condition.ALL);
        long total = centresIn("land_parcel", COUNTY, "true");
        assertThat(total).isGreaterThan(5).isLessThan(jdbc.sql("SELECT count(*) FROM land_parcel").query(Long.class).single());
        assertThat(counted(layer)).isEqualTo(total);
        assertThat(cells(layer)).isNotEmpty().allSatisfy(cell -> {
            assertThat(cell.type()).isEqualTo(3);
            assertThat(cell.properties()).containsKeys("cell_features", "cell_area_m2", "category")
                .doesNotContainKeys("id", "code");
        });
        double area = jdbc.sql("SELECT sum(ST_Area(geom::geography)) FROM land_parcel WHERE " + centreIn(COUNTY))
            .query(Double.class)
            .single();
        double cellArea = cells(layer).stream().mapToDouble(c -> ((Number) c.properties().get("cell_area_m2")).doubleValue())
            .sum();
        assertThat(cellArea).isCloseTo(area, org.assertj.core.data.Percentage.withPercentage(1));
    }

    /** Cells recomputed in Web Mercator metres from each parcel's box centre: the counts must match one for one. */
    @Test
    void cellCountsMatchTheParcelsWhoseCentreLiesInThem() {
        Tile tile = new Tile(10, 842, 411);
        MvtReader.Layer layer = tile(store(), "land_parcel", tile, Condition.ALL);
        double cell = WORLD / (1 << tile.z()) / 32;
        List<Long> expected = jdbc.sql("""
                SELECT count(*) FROM (
                    SELECT ST_Transform(ST_SetSRID(ST_Centroid(Box2D(geom)), 4490), 3857) AS c FROM land_parcel) p
                WHERE floor((ST_X(c) + ?) / ?) BETWEEN ? AND ? AND floor((? - ST_Y(c)) / ?) BETWEEN ? AND ?
                GROUP BY floor((ST_X(c) + ?) / ?), floor((? - ST_Y(c)) / ?)
                ORDER BY 1""")
            .params(WORLD / 2, cell, tile.x() * 32, tile.x() * 32 + 31, WORLD / 2, cell, tile.y() * 32, tile.y() * 32 + 31,
                    WORLD / 2, cell, WORLD / 2, cell)
            .query(Long.class)
            .list();
        assertThat(layer.features()).allSatisfy(f -> assertThat(f.properties()).containsKey("cell_features"));
        assertThat(cells(layer).stream().map(c -> ((Number) c.properties().get("cell_features")).longValue()).sorted())
            .containsExactlyElementsOf(expected);
    }

    @Test
    void longDitchesStayThemselvesAndShortOnesAreCounted() {
        MvtReader.Layer layer = tile(store(), "ditch", COUNTY, Condition.ALL);
        double cellDegrees = 360.0 / (1 << (COUNTY.z() + 5));
        List<Long> long_ = jdbc.sql("""
                SELECT id FROM ditch WHERE greatest(ST_XMax(geom) - ST_XMin(geom),
                    (ST_YMax(geom) - ST_YMin(geom)) / cos(radians((ST_YMin(geom) + ST_YMax(geom)) / 2))) >= ?
                  AND geom && ST_Transform(ST_TileEnvelope(?, ?, ?, margin => 64.0 / 4096), 4490) ORDER BY id""")
            .params(cellDegrees, COUNTY.z(), COUNTY.x(), COUNTY.y())
            .query(Long.class)
            .list();
        assertThat(long_).isNotEmpty();
        assertThat(themselves(layer)).containsExactlyInAnyOrderElementsOf(long_);
        long shortInTile = jdbc.sql("SELECT count(*) FROM ditch WHERE " + centreIn(COUNTY) + " AND NOT id = ANY (?)")
            .param(long_.toArray(Long[]::new))
            .query(Long.class)
            .single();
        assertThat(counted(layer)).isEqualTo(long_.size() + shortInTile);
    }

    @Test
    void filteredTilesCountOnlyTheMatches() {
        Condition idle = Conditions.where().add("t.category = ?", "idle").build();
        MvtReader.Layer layer = tile(store(), "land_parcel", COUNTY, idle);
        assertThat(counted(layer)).isEqualTo(centresIn("land_parcel", COUNTY, "category = 'idle'"));
        assertThat(cells(layer)).allSatisfy(c -> assertThat(c.properties()).containsEntry("category", "idle"));
    }

    @Test
    void editsReachTheCellsAndTheCachedTile() {
        TileStore store = store();
        long before = counted(tile(store, "land_parcel", COUNTY, Condition.ALL));
        String code = "GEN-CELL-" + System.nanoTime();
        try {
            jdbc.sql("""
                    INSERT INTO land_parcel (code, name, geom, department, parcel_no, category)
                    VALUES (?, '格网测试', ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(116.31, 33.26), 4490), 0.0002)),
                            'natres', ?, 'idle')""")
                .params(code, code)
                .update();
            assertThat(counted(tile(store, "land_parcel", COUNTY, Condition.ALL))).isEqualTo(before + 1);
            assertCellsMatchTheTables();
            jdbc.sql("UPDATE land_parcel SET category = 'inefficient_industrial', geom = ST_Translate(geom, 0.1, 0.05)"
                    + " WHERE code = ?").param(code).update();
            assertThat(counted(tile(store, "land_parcel", COUNTY, Condition.ALL))).isEqualTo(before + 1);
            assertCellsMatchTheTables();
            jdbc.sql("UPDATE land_parcel SET geom = ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(116.31, 33.26), 4490), 0.03))"
                    + " WHERE code = ?").param(code).update();
            assertThat(themselves(tile(store, "land_parcel", COUNTY, Condition.ALL))).hasSize(1);
            assertCellsMatchTheTables();
        }
        finally {
            jdbc.sql("DELETE FROM land_parcel WHERE code = ?").param(code).update();
        }
        assertThat(counted(tile(store, "land_parcel", COUNTY, Condition.ALL))).isEqualTo(before);
        assertCellsMatchTheTables();
    }

    /**
     * A tile beside a crowded edge: the parcels just across it lie in its buffer, which a plain tile
     * would draw, so they count towards its limit and it is generalised, carrying none of them.
     */
    @Test
    void featuresInTheBufferCountTowardsTheLimit() {
        Tile tile = new Tile(12, 3185, 1643);
        double width = 360.0 / (1 << tile.z());
        double eastEdge = (tile.x() + 1) * width - 180;
        String prefix = "GEN-EDGE-" + System.nanoTime() + "-";
        try {
            for (int i = 0; i < 6; i++) {
                jdbc.sql("""
                        INSERT INTO land_parcel (code, name, geom, department, parcel_no, category)
                        VALUES (?, '缓冲区测试', ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(?, ?), 4490), 0.00001)),
                                'natres', ?, 'idle')""")
                    .params(prefix + i, eastEdge + width / 200, 33.45 + i * 0.005, prefix + i)
                    .update();
            }
            TileStore store = store();
            List<MvtReader.Layer> layers = MvtReader.layers(
                    store.tile(TileLayer.of(catalog.get("land_parcel")), tile, Condition.ALL, Map.of()).mvt());
            assertThat(layers.stream().flatMap(layer -> layer.features().stream())).isEmpty();
            assertThat(counted(tile(store, "land_parcel", new Tile(12, tile.x() + 1, tile.y()), Condition.ALL))).isEqualTo(6);
        }
        finally {
            jdbc.sql("DELETE FROM land_parcel WHERE code LIKE ?").param(prefix + "%").update();
        }
    }

    private long centresIn(String table, Tile tile, String condition) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + centreIn(tile) + " AND " + condition)
            .query(Long.class)
            .single();
    }

    /** The geometry's box centre lies in the tile, tested in Web Mercator. */
    private static String centreIn(Tile tile) {
        return "ST_Transform(ST_SetSRID(ST_Centroid(Box2D(geom)), 4490), 3857) @ ST_TileEnvelope(%d, %d, %d)"
            .formatted(tile.z(), tile.x(), tile.y());
    }

    /** The stored cells and large features equal those computed afresh from every parcel. */
    private void assertCellsMatchTheTables() {
        String fresh = """
                SELECT tile_cell_x((ST_XMin(geom) + ST_XMax(geom)) / 2) AS x, tile_cell_y((ST_YMin(geom) + ST_YMax(geom)) / 2) AS y,
                       category AS class, count(*) AS features
                FROM land_parcel WHERE tile_min_zoom(geom) > 12 GROUP BY 1, 2, 3""";
        String stored = "SELECT x, y, class, features FROM tile_cell WHERE collection = 'land_parcel' AND features <> 0";
        assertThat(jdbc.sql("(" + fresh + " EXCEPT " + stored + ") UNION ALL (" + stored + " EXCEPT " + fresh + ")")
            .query()
            .listOfRows()).isEmpty();
        assertThat(jdbc.sql("""
                SELECT id FROM land_parcel WHERE tile_min_zoom(geom) <= 12
                EXCEPT SELECT id FROM tile_large WHERE collection = 'land_parcel'""").query(Long.class).list()).isEmpty();
        assertThat(jdbc.sql("""
                SELECT id FROM tile_large WHERE collection = 'land_parcel'
                EXCEPT SELECT id FROM land_parcel WHERE tile_min_zoom(geom) <= 12""").query(Long.class).list()).isEmpty();
    }

    private MvtReader.Layer tile(TileStore store, String collection, Tile tile, Condition where) {
        byte[] mvt = store.tile(TileLayer.of(catalog.get(collection)), tile, where, Map.of("where", where.sql())).mvt();
        List<MvtReader.Layer> layers = MvtReader.layers(mvt);
        assertThat(layers).hasSize(1);
        return layers.get(0);
    }

    private static List<MvtReader.Feature> cells(MvtReader.Layer layer) {
        return layer.features().stream().filter(f -> f.properties().containsKey("cell_features")).toList();
    }

    private static List<Long> themselves(MvtReader.Layer layer) {
        List<Long> ids = new ArrayList<>();
        layer.features().stream().filter(f -> !f.properties().containsKey("cell_features")).forEach(f -> ids.add(f.id()));
        return ids;
    }

    /** Features drawn as themselves plus those counted in cells. */
    private static long counted(MvtReader.Layer layer) {
        return themselves(layer).size()
                + cells(layer).stream().mapToLong(c -> ((Number) c.properties().get("cell_features")).longValue()).sum();
    }

}
