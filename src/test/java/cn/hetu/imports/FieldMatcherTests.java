package cn.hetu.imports;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Import field matching without a server: same names, Chinese and pinyin synonyms, truncated dBase names, Hetu's own fields left out. */
class FieldMatcherTests {

    @Test
    void namesMatchWhateverTheirCaseOrSeparators() {
        assertThat(FieldMatcher.matches("gate_count", "GATE-COUNT")).isTrue();
        assertThat(FieldMatcher.matches("parcel_no", "Parcel No")).isTrue();
        assertThat(FieldMatcher.matches("name", "names")).isFalse();
    }

    @Test
    void chineseAndPinyinSynonymsMatchTheirColumn() {
        assertThat(FieldMatcher.matches("name", "名称")).isTrue();
        assertThat(FieldMatcher.matches("code", "BM")).isTrue();
        assertThat(FieldMatcher.matches("area_m2", "Shape_Area")).isTrue();
        assertThat(FieldMatcher.matches("town", "名称")).isFalse();
    }

    @Test
    void aShapefilesTenCharacterNameMatchesTheColumnItWasCutFrom() {
        assertThat(FieldMatcher.matches("treated_year", "treated_ye")).isTrue();
        assertThat(FieldMatcher.matches("treated_year", "treated_y")).isFalse();
    }

    @Test
    void hetusOwnBookkeepingFieldsAreNeverImported() {
        for (String field : List.of("id", "OGC_FID", "version", "updated_by")) {
            assertThat(FieldMatcher.matches(field, field)).as(field).isFalse();
        }
    }

    @Test
    void eachSourceFieldServesOneColumnAtMost() {
        Map<String, String> mapping = FieldMatcher.propose(List.of("class", "level", "name", "town"),
                List.of("级别", "名称", "乡镇", "备注"));
        assertThat(mapping).containsExactly(Map.entry("class", "级别"), Map.entry("name", "名称"), Map.entry("town", "乡镇"));
    }

}
