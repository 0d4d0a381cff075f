package cn.hetu.project;

import java.util.Map;

import cn.hetu.parcel.DisposalRates;

/** Chinese names of statuses and categories for exported tables, as the county's staff write them. */
final class ProjectLabels {

    private static final Map<String, String> STATUS = Map.of("planned", "规划/储备", "approved", "已立项",
            "under_construction", "在建", "completed", "已完工", "suspended", "暂停");

    private static final Map<String, String> PROGRESS_METHOD = Map.of("completed", "已完工", "reported", "上报",
            "milestones", "节点完成", "assets", "关联资产", "investment", "投资完成");

    private static final Map<String, String> CATEGORY = Map.of("water_conservancy", "水利工程", "water_supply",
            "城乡供水", "river_chief", "河长制", "land", "土地", "transport", "交通", "real_estate", "房地产",
            "public_utility", "公用设施", "rural", "乡村振兴", "industry", "产业", "service", "服务保障");

    private ProjectLabels() {
    }

    static String status(String code) {
        return STATUS.getOrDefault(code, code);
    }

    /** How the progress was measured, with who reported it and when for a reported figure. */
    static String progressMethod(ProjectQueries.Progress progress) {
        String method = PROGRESS_METHOD.getOrDefault(progress.method(), progress.method());
        if ("reported".equals(progress.method()) && progress.reportedAt() != null) {
            return method + "（" + progress.reportedBy() + "，"
                    + progress.reportedAt().atZone(DisposalRates.COUNTY_TIME).toLocalDate() + "）";
        }
        return method;
    }

    static String category(String code) {
        return CATEGORY.getOrDefault(code, code);
    }

}
