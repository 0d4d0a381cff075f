package cn.hetu.invest;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hetu.security.LayerAccess;

/**
 * The commerce bureau's dashboard figures: the pipeline by stage, by source and by industry (projects and 万元),
 * the stalled projects, the year's signings, landings and starts of production (by the date of the step into that
 * stage, in county time), and the land matched (projects with a chosen parcel, and its area).
 */
@Component
class InvestmentFigures {

    record Group(String key, long projects, BigDecimal amountWan) {
    }

    record Year(int year, long signed, BigDecimal signedAmountWan, long landed, long producing) {
    }

    record Land(long projectsWithParcel, double parcelAreaM2, long projectsDemandingLand) {
    }

    record Figures(long projects, BigDecimal amountWan, List<Group> byStage, List<Group> bySource, List<Group> byIndustry,
            int stalledDays, List<InvestmentQueries.Summary> stalled, Year year, Land land) {
    }

    private final JdbcClient jdbc;

    private final LayerAccess access;

    private final InvestmentQueries queries;

    InvestmentFigures(JdbcClient jdbc, LayerAccess access, InvestmentQueries queries) {
        this.jdbc = jdbc;
        this.access = access;
        this.queries = queries;
    }

    @Transactional(readOnly = true)
    Figures of(int year) {
        access.readable(InvestmentWrites.COLLECTION);
        InvestmentQueries.Page stalled = queries.list(new InvestmentQueries.Filter(null, null, null, null, true, null));
        Group all = jdbc.sql("SELECT 'all' AS key, count(*) AS projects, COALESCE(sum(amount_wan), 0) AS amount_wan FROM investment_project")
            .query(Group.class)
            .single();
        return new Figures(all.projects(), all.amountWan(),
                group("stage", " ORDER BY investment_stage_rank(stage)"), group("source", " ORDER BY amount_wan DESC, key"),
                group("industry", " ORDER BY amount_wan DESC, key"), stalled.stalledDays(), stalled.items(), year(year),
                jdbc.sql("""
                        SELECT count(p.id) AS projects_with_parcel, COALESCE(sum(p.area_m2), 0) AS parcel_area_m2,
                               count(*) FILTER (WHERE i.land_area_min_m2 IS NOT NULL OR i.land_area_max_m2 IS NOT NULL)
                                   AS projects_demanding_land
                        FROM investment_project i LEFT JOIN land_parcel p ON p.id = i.parcel_id""")
                    .query(Land.class)
                    .single());
    }

    private List<Group> group(String key, String order) {
        return jdbc.sql("SELECT " + key + " AS key, count(*) AS projects, COALESCE(sum(amount_wan), 0) AS amount_wan"
                + " FROM investment_project GROUP BY 1" + order)
            .query(Group.class)
            .list();
    }

    private Year year(int year) {
        return jdbc.sql("""
                WITH reached AS (
                    SELECT DISTINCT s.investment_id, s.to_stage FROM investment_step s
                    WHERE extract(year FROM s.changed_at AT TIME ZONE county_time_zone()) = :year)
                SELECT :year AS year,
                       count(*) FILTER (WHERE r.to_stage = 'signed') AS signed,
                       COALESCE(sum(i.amount_wan) FILTER (WHERE r.to_stage = 'signed'), 0) AS signed_amount_wan,
                       count(*) FILTER (WHERE r.to_stage = 'landed') AS landed,
                       count(*) FILTER (WHERE r.to_stage = 'producing') AS producing
                FROM reached r JOIN investment_project i ON i.id = r.investment_id""")
            .param("year", year)
            .query(Year.class)
            .single();
    }

}
