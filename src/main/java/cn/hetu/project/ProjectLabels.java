package cn.hetu.project;

import java.util.Map;

/** Chinese names of statuses and categories for exported tables, as the county's staff write them. */
final class ProjectLabels {

    private static final Map<String, String> STATUS = Map.of("planned", "规划/储备", "approved", "已立项",
            "under_construction", "在建", "completed", "已完工", "suspended", "暂停", "none", "无项目");

    private static final Map<String, String> CATEGORY = Map.of("water_conservancy", "水利工程", "water_supply",
            "城乡供水", "river_chief", "河长制", "land", "土地", "transport", "交通", "real_estate", "房地产",
            "public_utility", "公用设施", "rural", "乡村振兴", "industry", "产业", "service", "服务保障");

    private ProjectLabels() {
    }

    static String status(String code) {
        return STATUS.getOrDefault(code, code);
    }

    static String category(String code) {
        return CATEGORY.getOrDefault(code, code);
    }

}
