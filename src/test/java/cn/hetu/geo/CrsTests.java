package cn.hetu.geo;

import org.junit.jupiter.api.Test;

import cn.hetu.system.ErrorCode;
import cn.hetu.system.InvalidParameterException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CRS parameters read without a server: the URI and short forms, the default, and a refusal naming the parameter. */
class CrsTests {

    @Test
    void theUriAndTheShortFormsNameTheSameCrs() {
        Crs cgcs2000 = Crs.parse("crs", "http://www.opengis.net/def/crs/EPSG/0/4490");
        assertThat(Crs.parse("crs", "EPSG:4490")).isEqualTo(cgcs2000);
        assertThat(Crs.parse("crs", "epsg:4490")).isEqualTo(cgcs2000);
        assertThat(Crs.parse("crs", " [EPSG:4490] ")).isEqualTo(cgcs2000);
        assertThat(cgcs2000.northFirst()).isTrue();
        assertThat(Crs.parse("bbox-crs", "OGC:CRS84")).isSameAs(Crs.CRS84);
        assertThat(Crs.parse("bbox-crs", null)).isSameAs(Crs.CRS84);
        assertThat(Crs.parse("crs", "EPSG:4527").northFirst()).isTrue();
        assertThat(Crs.parse("crs", "EPSG:3857").northFirst()).isFalse();
    }

    @Test
    void anUnofferedCrsIsAnInvalidParameterNamedAsGiven() {
        for (String value : new String[] { "EPSG:2383", "EPSG:", "CRS84", "", "http://www.opengis.net/def/crs/EPSG/0/4490x" }) {
            assertThatThrownBy(() -> Crs.parse("filter-crs", value)).isInstanceOfSatisfying(InvalidParameterException.class,
                    e -> {
                        assertThat(e.parameter()).isEqualTo("filter-crs");
                        assertThat(e.code()).isSameAs(ErrorCode.INVALID_PARAMETER);
                    });
        }
    }

    @Test
    void sqlKeepsStorageCoordinatesAndFlipsOnlyNorthFirstAxes() {
        assertThat(Crs.CRS84.geometrySql("geom")).isEqualTo("geom");
        assertThat(Crs.CGCS2000.geometrySql("geom")).isEqualTo("ST_FlipCoordinates(geom)");
        assertThat(Crs.parse("crs", "EPSG:3857").toStorageSql("g")).isEqualTo("ST_Transform(ST_SetSRID(g, 3857), 4490)");
        assertThat(Crs.parse("crs", "EPSG:4548").geometrySql("geom")).isEqualTo("ST_FlipCoordinates(ST_Transform(geom, 4548))");
    }

}
