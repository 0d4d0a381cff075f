package cn.hetu.imports;

import org.junit.jupiter.api.Test;

import cn.hetu.system.InvalidParameterException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CRS of an imported file, told without a server: the user's choice, the file's own, or a guess from its extent. */
class SourceCrsTests {

    /** The demo county's Gauss-Krüger zone (central meridian 117°E). */
    private static final int DEMO_ZONE = 39;

    @Test
    void degreesAreCgcs2000() {
        assertThat(SourceCrs.guess(new double[] { 116.1, 33.0, 116.6, 33.5 }, DEMO_ZONE).epsg()).isEqualTo(4490);
    }

    @Test
    void anEightDigitXWithTheZoneNumberIsThatZone() {
        SourceCrs zone39 = SourceCrs.guess(new double[] { 39_420_000, 3_660_000, 39_460_000, 3_700_000 }, DEMO_ZONE);
        assertThat(zone39.epsg()).isEqualTo(4527);
        assertThat(zone39.falseEasting()).isEqualTo(39_500_000.0);
        assertThat(zone39.origin()).isEqualTo("guessed");
        assertThat(SourceCrs.guess(new double[] { 38_420_000, 3_660_000, 38_460_000, 3_700_000 }, DEMO_ZONE).epsg()).isEqualTo(4526);
        assertThat(SourceCrs.guess(new double[] { 38_990_000, 3_660_000, 39_010_000, 3_700_000 }, DEMO_ZONE))
            .as("one file across two zones is no zone").isNull();
    }

    @Test
    void aSixDigitXIsTheCountysZoneWithoutItsNumber() {
        SourceCrs guessed = SourceCrs.guess(new double[] { 420_000, 3_660_000, 460_000, 3_700_000 }, DEMO_ZONE);
        assertThat(guessed.epsg()).isEqualTo(4548);
        assertThat(guessed.falseEasting()).isEqualTo(500_000.0);
    }

    @Test
    void webMercatorMetresAndNothingElse() {
        assertThat(SourceCrs.guess(new double[] { 12_930_000, 3_900_000, 12_980_000, 3_950_000 }, DEMO_ZONE).epsg()).isEqualTo(3857);
        assertThat(SourceCrs.guess(new double[] { -5e7, -5e7, 5e7, 5e7 }, DEMO_ZONE)).isNull();
        assertThat(SourceCrs.guess(null, DEMO_ZONE)).isNull();
    }

    @Test
    void theFilesOwnCrsIsReadFromItsWkt() {
        SourceCrs file = SourceCrs.fromFile("PROJCRS[\"CGCS2000 / 3-degree Gauss-Kruger CM 117E\",BASEGEOGCRS[\"China Geodetic "
                + "Coordinate System 2000\",ID[\"EPSG\",4490]],CONVERSION[\"x\",PARAMETER[\"False easting\",500000,"
                + "LENGTHUNIT[\"metre\",1]]],ID[\"EPSG\",4548]]");
        assertThat(file.epsg()).isEqualTo(4548);
        assertThat(file.name()).isEqualTo("CGCS2000 / 3-degree Gauss-Kruger CM 117E");
        assertThat(file.falseEasting()).isEqualTo(500_000.0);
        assertThat(file.origin()).isEqualTo("file");
        assertThat(SourceCrs.fromFile("LOCAL_CS[\"unnamed\"]").epsg()).isNull();
    }

    @Test
    void theUsersChoiceIsAnEpsgCode() {
        assertThat(SourceCrs.override(" epsg:4527 ").sourceSrs()).isEqualTo("EPSG:4527");
        assertThat(SourceCrs.override("4548").epsg()).isEqualTo(4548);
        assertThatThrownBy(() -> SourceCrs.override("+proj=tmerc")).isInstanceOf(InvalidParameterException.class);
    }

}
