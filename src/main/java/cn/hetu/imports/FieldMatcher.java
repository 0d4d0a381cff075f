package cn.hetu.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Proposes which field of a file fills which column of a collection: same name (ignoring case,
 * spaces and underscores), a Shapefile's name cut to ten characters, or a Chinese or pinyin-initial
 * name county files use for it (名称, MC, 编码, BM ...). The user can change every pair.
 */
final class FieldMatcher {

    private static final Map<String, List<String>> SYNONYMS = Map.ofEntries(
            Map.entry("code", List.of("编码", "代码", "编号", "bm", "dm", "bh", "ysdm")),
            Map.entry("name", List.of("名称", "名字", "mc", "沟名", "河名", "河流名称", "地块名称", "项目名称", "站名", "闸名", "桥名")),
            Map.entry("status", List.of("状态", "zt", "建设状态")),
            Map.entry("department", List.of("部门", "单位", "管理单位", "dept")),
            Map.entry("town", List.of("乡镇", "镇", "所在乡镇", "xz", "xzmc")),
            Map.entry("remarks", List.of("备注", "bz", "remark", "description", "说明")),
            Map.entry("class", List.of("类别", "等级", "级别", "沟级")),
            Map.entry("river", List.of("河流", "所属河流", "水系")),
            Map.entry("level", List.of("级别", "河长级别")),
            Map.entry("treated", List.of("是否治理", "已治理")),
            Map.entry("treated_year", List.of("治理年份", "治理年度")),
            Map.entry("planned_year", List.of("计划年份", "计划治理年份")),
            Map.entry("funding", List.of("资金", "资金来源")),
            Map.entry("parcel_no", List.of("地块编号", "宗地号", "宗地编号", "dkbh")),
            Map.entry("category", List.of("类型", "地类", "用地类型")),
            Map.entry("land_use", List.of("用途", "土地用途", "规划用途")),
            Map.entry("holder", List.of("权利人", "使用权人", "土地使用者")),
            Map.entry("approval_no", List.of("批准文号", "批文号")),
            Map.entry("approved_on", List.of("批准日期", "批准时间")),
            Map.entry("area_m2", List.of("面积", "mj", "area", "shape_area")),
            Map.entry("length_m", List.of("长度", "cd", "length", "shape_leng")),
            Map.entry("road", List.of("道路", "所在道路")),
            Map.entry("scale", List.of("规模")),
            Map.entry("gate_count", List.of("孔数", "闸孔数")),
            Map.entry("diameter_mm", List.of("管径")),
            Map.entry("material", List.of("材质", "管材")),
            Map.entry("attributes", List.of("属性")));

    /** Fields that a file exported from Hetu carries but an import never writes. */
    static final Set<String> SYSTEM_FIELDS = Set.of("id", "ogc_fid", "fid", "created_at", "created_by", "updated_at",
            "updated_by", "version");

    private FieldMatcher() {
    }

    /** Target column to source field, for the columns a field was found for. */
    static Map<String, String> propose(List<String> targetColumns, List<String> sourceFields) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String column : targetColumns) {
            for (String field : sourceFields) {
                if (!mapping.containsValue(field) && matches(column, field)) {
                    mapping.put(column, field);
                    break;
                }
            }
        }
        return mapping;
    }

    static boolean matches(String column, String field) {
        String f = normal(field);
        String c = normal(column);
        if (SYSTEM_FIELDS.contains(field.toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (f.equals(c) || (field.length() == 10 && column.toLowerCase(Locale.ROOT).startsWith(field.toLowerCase(Locale.ROOT)))) {
            return true;
        }
        return SYNONYMS.getOrDefault(column, List.of()).stream().anyMatch(s -> normal(s).equals(f));
    }

    private static String normal(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }

}
