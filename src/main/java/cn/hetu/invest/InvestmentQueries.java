package cn.hetu.invest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hetu.system.InvalidParameterException;

/** Reads investment projects for the pipeline list and the detail page, with their steps and stalled flag. */
@Component
class InvestmentQueries {

    /** The pipeline, in order: 线索 → 在谈 → 签约 → 落地 → 开工 → 投产. */
    static final List<String> STAGES = List.of("lead", "negotiating", "signed", "landed", "started", "producing");

    static final List<String> SOURCES = List.of("yangtze_delta", "greater_bay", "beijing_tianjin_hebei", "in_province",
            "local", "overseas", "other");

    /**
     * One project of the pipeline. {@code stalled}: not yet producing and no step for {@code stalledDays} days;
     * {@code daysInStage}: whole days since the last step.
     */
    record Summary(long id, String code, String name, String stage, String investor, BigDecimal amountWan,
            String industry, String chain, String source, String town, Double landAreaMinM2, Double landAreaMaxM2,
            String landUse, String preferredTown, String personInCharge, Instant stageChangedAt, int daysInStage,
            boolean stalled, Long keyProjectId, Long parcelId, String parcelNo, String remarks, double lon, double lat,
            int version) {
    }

    record Page(List<Summary> items, long total, int stalledDays) {
    }

    record Step(String fromStage, String toStage, String reason, String changedBy, Instant changedAt) {
    }

    record Detail(Summary summary, List<Step> steps) {
    }

    record Filter(List<String> stage, String source, String industry, String town, Boolean stalled, String q) {
    }

    private static final String SUMMARY = """
            SELECT i.id, i.code, i.name, i.stage, i.investor, i.amount_wan, i.industry, i.chain, i.source, i.town,
                   i.land_area_min_m2, i.land_area_max_m2, i.land_use, i.preferred_town, i.person_in_charge,
                   i.stage_changed_at, (county_today() - (i.stage_changed_at AT TIME ZONE county_time_zone())::date) AS days_in_stage,
                   i.stage <> 'producing' AND i.stage_changed_at < now() - make_interval(days => :stalledDays) AS stalled,
                   i.key_project_id, i.parcel_id, p.parcel_no, i.remarks, ST_X(i.geom) AS lon, ST_Y(i.geom) AS lat, i.version
            FROM investment_project i LEFT JOIN land_parcel p ON p.id = i.parcel_id
            """;

    private final JdbcClient jdbc;

    private final int stalledDays;

    InvestmentQueries(JdbcClient jdbc, @Value("${hetu.invest.stalled-days:90}") int stalledDays) {
        this.jdbc = jdbc;
        this.stalledDays = stalledDays;
    }

    @Transactional(readOnly = true)
    Page list(Filter filter) {
        List<String> conditions = new ArrayList<>();
        var params = new LinkedHashMap<String, Object>();
        params.put("stalledDays", stalledDays);
        if (filter.stage() != null && !filter.stage().isEmpty()) {
            for (String stage : filter.stage()) {
                if (!STAGES.contains(stage)) {
                    throw new InvalidParameterException("stage", "stage is one of " + STAGES + ", not '" + stage + "'");
                }
            }
            conditions.add("i.stage IN (:stages)");
            params.put("stages", filter.stage());
        }
        if (filter.source() != null) {
            if (!SOURCES.contains(filter.source())) {
                throw new InvalidParameterException("source", "source is one of " + SOURCES + ", not '" + filter.source() + "'");
            }
            conditions.add("i.source = :source");
            params.put("source", filter.source());
        }
        if (filter.industry() != null) {
            conditions.add("i.industry = :industry");
            params.put("industry", filter.industry());
        }
        if (filter.town() != null) {
            conditions.add("i.town = :town");
            params.put("town", filter.town());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            conditions.add("(i.name ILIKE :q OR i.investor ILIKE :q OR i.code ILIKE :q)");
            params.put("q", "%" + filter.q().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        String sql = "SELECT * FROM (" + SUMMARY + where + ") s"
                + (filter.stalled() == null ? "" : " WHERE s.stalled = :stalled")
                + " ORDER BY array_position(ARRAY['lead','negotiating','signed','landed','started','producing'], s.stage), s.code";
        if (filter.stalled() != null) {
            params.put("stalled", filter.stalled());
        }
        List<Summary> items = jdbc.sql(sql).params(params).query(Summary.class).list();
        return new Page(items, items.size(), stalledDays);
    }

    @Transactional(readOnly = true)
    Optional<Detail> detail(long id) {
        Optional<Summary> summary = jdbc.sql(SUMMARY + " WHERE i.id = :id")
            .param("stalledDays", stalledDays)
            .param("id", id)
            .query(Summary.class)
            .optional();
        return summary.map(s -> new Detail(s,
                jdbc.sql("""
                        SELECT from_stage, to_stage, reason, changed_by, changed_at FROM investment_step
                        WHERE investment_id = ? ORDER BY changed_at, id""")
                    .param(id)
                    .query(Step.class)
                    .list()));
    }

}
