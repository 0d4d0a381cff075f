package cn.hetu.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import cn.hetu.catalog.Column;
import cn.hetu.catalog.ColumnType;
import cn.hetu.catalog.Condition;
import cn.hetu.catalog.Layer;
import cn.hetu.system.InvalidParameterException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one parser of "which features" (pages, exports, tiles, counts), without a database. */
class ItemsFilterTests {

    private static final Layer SLUICE = new Layer("sluice", "水闸", "Sluices", null, null, "water", "Point", "built_on",
            null, false, "asset", "water", false, true,
            List.of(new Column("id", ColumnType.INTEGER, false, null), new Column("status", ColumnType.STRING, false, null),
                    new Column("built_on", ColumnType.DATE, false, null), new Column("width", ColumnType.NUMBER, false, null),
                    new Column("extra", ColumnType.OBJECT, false, null)));

    @Test
    void nothingAskedSelectsEverything() {
        assertThat(parse(params()).where(SLUICE)).isEqualTo(Condition.ALL);
    }

    @Test
    void aBboxIsFourOrSixNumbersWithTheMinimumBelowTheMaximum() {
        assertThat(parse(params("bbox", "116,33,117,34")).bbox()).isEqualTo(new Bbox(116, 33, 117, 34));
        assertThat(parse(params("bbox", "116,33,0,117,34,10")).bbox()).isEqualTo(new Bbox(116, 33, 117, 34));
        assertRefused(params("bbox", "116,33,117"), "bbox");
        assertRefused(params("bbox", "116,x,117,34"), "bbox");
        assertRefused(params("bbox", "116,34,117,33"), "bbox");
        assertRefused(params("bbox", "116,33,117,95"), "bbox");
    }

    @Test
    void aWestEdgeEastOfTheEastEdgeCrossesTheAntimeridian() {
        Condition where = parse(params("bbox", "170,33,-170,34")).where(SLUICE);
        assertThat(where.sql()).contains(" OR ");
        assertThat(where.args()).containsExactly(170.0, 33.0, 180.0, 34.0, -180.0, 33.0, -170.0, 34.0);
    }

    @Test
    void theBboxCrsGivesTheAxisOrderAndTheDomain() {
        ItemsFilter latitudeFirst = parse(params("bbox", "33,116,34,117", "bbox-crs", "EPSG:4490"));
        assertThat(latitudeFirst.bboxCrs().northFirst()).isTrue();
        assertThat(latitudeFirst.where(SLUICE).sql()).contains("ST_FlipCoordinates");
        assertRefused(params("bbox", "116,33,117,34", "bbox-crs", "EPSG:4490"), "bbox");
        assertRefused(params("bbox", "3600000,39400000,3700000,39300000", "bbox-crs", "EPSG:4527"), "bbox");
        assertRefused(params("bbox-crs", "EPSG:1234"), "bbox-crs");
    }

    @Test
    void datetimeIsAnInstantOrAnIntervalInOrder() {
        ItemsFilter day = parse(params("datetime", "2023-05-01"));
        assertThat(day.where(SLUICE).args()).containsExactly(LocalDate.of(2023, 5, 1), LocalDate.of(2023, 5, 1));
        assertThat(parse(params("datetime", "../2023-05-01")).datetime().start()).isNull();
        assertRefused(params("datetime", "2023-05-02/2023-05-01"), "datetime");
        assertRefused(params("datetime", "yesterday"), "datetime");
        assertRefused(params("datetime", "2023-01-01/2023-02-01/2023-03-01"), "datetime");
    }

    @Test
    void propertiesAreQueryablesWithValuesOfTheirType() {
        Condition where = parse(params("status", "planned", "width", "2.5")).where(SLUICE);
        assertThat(where.sql()).isEqualTo("t.\"status\" = ? AND t.\"width\" = ?");
        assertThat(where.args()).hasSize(2).first().isEqualTo("planned");
        assertRefused(params("nope", "1"), "nope");
        assertRefused(params("extra", "1"), "extra");
        assertRefused(params("width", "wide"), "width");
        assertRefused(params("status", "a", "status", "b"), "status");
    }

    @Test
    void aRouteNamesTheParametersItTakesItself() {
        assertThat(ItemsFilter.parse(SLUICE, params("format", "csv"), Set.of("format")).properties()).isEmpty();
        assertRefused(params("format", "csv"), "format");
    }

    @Test
    void aCql2FilterBecomesBoundSql() {
        Condition where = parse(params("filter", "status = 'planned' AND width > 2")).where(SLUICE);
        assertThat(where.sql()).contains("t.\"status\" = ?", "t.\"width\" > ?").doesNotContain("planned");
        assertRefused(params("filter", "nope = 1"), "filter");
        assertRefused(params("filter", "status = 'x'", "filter-lang", "sql"), "filter-lang");
        assertRefused(params("filter", "status = 'x'", "filter-crs", "EPSG:9"), "filter-crs");
    }

    private static ItemsFilter parse(MultiValueMap<String, String> params) {
        return ItemsFilter.parse(SLUICE, params, Set.of());
    }

    private static void assertRefused(MultiValueMap<String, String> params, String parameter) {
        assertThatThrownBy(() -> parse(params)).isInstanceOf(InvalidParameterException.class)
            .extracting(e -> ((InvalidParameterException) e).parameter())
            .isEqualTo(parameter);
    }

    private static MultiValueMap<String, String> params(String... nameValue) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            params.add(nameValue[i], nameValue[i + 1]);
        }
        return params;
    }

}
