package cn.hetu.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A plan's progress report as rows of a spreadsheet, in Chinese: one row per indicator, or per task without one. */
final class ProgressReport {

    static final List<String> HEADER = List.of("序号", "重点工作", "责任单位", "指标", "比较", "目标值", "当前值", "单位",
            "截止日期", "状态", "计量方式", "说明");

    private static final Map<String, String> STATUS = Map.of("done", "已完成", "on_track", "正常推进", "behind", "落后于时间进度",
            "missed", "未完成", "unavailable", "无法计算");

    private ProgressReport() {
    }

    static List<List<Object>> rows(PlanViews.Plan plan) {
        List<List<Object>> rows = new ArrayList<>();
        for (PlanViews.Task task : plan.tasks()) {
            if (task.indicators().isEmpty()) {
                rows.add(List.of(task.seq(), task.title(), task.responsible(), "", "", "", "", "", "", "", "", ""));
            }
            for (PlanViews.Indicator i : task.indicators()) {
                List<Object> row = new ArrayList<>(List.of(task.seq(), task.title(), task.responsible(), i.nameZh(),
                        i.comparison().equals("at_least") ? "不少于" : "不超过", i.target()));
                row.add(i.value() == null ? "" : i.value());
                row.addAll(List.of(i.unit(), i.deadline(), STATUS.get(i.status()),
                        i.measurement().equals("registry") ? "台账自动计算" : "部门填报", i.problem() == null ? "" : i.problem()));
                rows.add(row);
            }
        }
        return rows;
    }

}
