package cn.hetu.seed;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hetu.RegistryTest;

import static org.assertj.core.api.Assertions.assertThat;

@RegistryTest
class DemoCountyTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoLoader loader;

    @Test
    void hasTheDitchesOfTheWaterBureausPlan() {
        assertThat(count("SELECT count(*) FROM ditch WHERE code NOT LIKE 'GEN-%'")).isEqualTo(544);
        assertThat(count("SELECT count(*) FROM ditch WHERE class = 'large' AND code NOT LIKE 'GEN-%'")).isEqualTo(74);
        assertThat(count("SELECT count(*) FROM ditch WHERE class = 'medium' AND code NOT LIKE 'GEN-%'")).isEqualTo(470);
        assertThat(count("SELECT count(*) FROM ditch WHERE treated AND code NOT LIKE 'GEN-%'")).isEqualTo(135);
        assertThat(count("SELECT count(*) FROM ditch WHERE planned_year = 2023 AND NOT treated")).isEqualTo(95);
    }

    @Test
    void hasEveryNamedSluiceWithItsPlan() {
        List<String> standardization = List.of("节制闸", "分洪闸", "朱楼闸", "燕小庙闸", "武家河闸", "五道沟闸", "青羊沟闸");
        List<String> appraisal = List.of("岭子沟闸", "小胡闸", "北拖江沟闸", "齐营闸", "栗小寨闸", "宝冢寺闸");
        List<String> maintenance = List.of("白膏沟闸", "拖江沟闸", "白羊沟闸", "岭子沟闸", "小胡闸", "北拖江沟闸");
        assertThat(names("SELECT name FROM sluice WHERE standardization <> 'none'")).containsAll(standardization);
        assertThat(names("SELECT name FROM sluice WHERE appraisal = 'planned' AND scale = 'small'")).containsAll(appraisal);
        assertThat(names("SELECT name FROM sluice WHERE maintenance_planned")).containsAll(maintenance);
        assertThat(names("SELECT name FROM sluice")).contains("包河闸", "曹市闸");
    }

    @Test
    void hasTheDangerousBridgesAndTheG205Nodes() {
        assertThat(count("SELECT count(*) FROM bridge WHERE condition = 'dangerous' AND code NOT LIKE 'GEN-%'")).isEqualTo(36);
        assertThat(names("SELECT name FROM road_node WHERE road = 'G205'")).containsExactlyInAnyOrder("五里亭桥北侧",
                "昆仑物流园路口", "广源路口", "镇政府路口", "临溪村路口", "汊口村路口", "源白路交口");
    }

    @Test
    void hasRiversAtTheLengthsOfThePlan() {
        double tributaries = jdbc.sql("SELECT sum(length_m) FROM river_segment WHERE river IN ('西柳沟', '大青龙沟', '车辙沟', '东柳沟')")
            .query(Double.class)
            .single();
        assertThat(tributaries / 1000).isCloseTo(22.45, org.assertj.core.data.Offset.offset(1.0));
        assertThat(names("SELECT DISTINCT river FROM river_segment")).contains("包河", "西淝河", "安宁沟", "三堂新沟");
        assertThat(names("SELECT name FROM water_plant")).anyMatch(n -> n.contains("涡南"))
            .anyMatch(n -> n.contains("龙山"));
    }

    @Test
    void hasParcelsWhoseDisposalRateCanBeComputed() {
        assertThat(count("SELECT count(*) FROM land_parcel WHERE code NOT LIKE 'GEN-%'")).isGreaterThanOrEqualTo(300);
        assertThat(names("SELECT DISTINCT category FROM land_parcel")).containsExactlyInAnyOrder("approved_unsupplied",
                "idle", "inefficient_industrial");
        assertThat(count("SELECT count(*) FROM land_parcel WHERE disposal_status = 'disposed'")).isPositive();
        assertThat(count("SELECT count(*) FROM land_parcel WHERE disposal_status = 'pending'")).isPositive();
    }

    @Test
    void hasKeyProjectsOfEveryDepartmentWithMilestonesAndLinks() {
        assertThat(count("SELECT count(*) FROM project")).isGreaterThanOrEqualTo(20);
        assertThat(names("SELECT DISTINCT department FROM project")).containsExactlyInAnyOrder("water", "natres",
                "commerce", "approval", "donglinxi");
        assertThat(names("SELECT DISTINCT status FROM project")).contains("planned", "under_construction", "completed");
        assertThat(count("SELECT count(*) FROM project_milestone")).isGreaterThan(20);
        assertThat(count("""
                SELECT count(*) FROM project_asset pa JOIN project p ON p.id = pa.project_id
                WHERE pa.collection = 'sluice' AND p.name LIKE '%标准化%'""")).isEqualTo(7);
    }

    /** The demo reads as the day it was loaded: few milestones overdue, each saying why, and no plan in the past. */
    @Test
    void hasFewOverdueMilestonesAndEachSaysWhy() {
        String demo = "project_id IN (SELECT id FROM project WHERE code NOT LIKE 'XM-TEST%')";
        long milestones = count("SELECT count(*) FROM project_milestone WHERE " + demo);
        List<String> overdue = names("SELECT name || ': ' || COALESCE(remarks, '') FROM project_milestone WHERE " + demo
                + " AND done_on IS NULL AND due_on < current_date");
        assertThat(overdue).hasSizeBetween(1, 8);
        assertThat((long) overdue.size()).isLessThan(milestones / 20);
        assertThat(overdue).allMatch(m -> m.length() > m.indexOf(':') + 6, "an overdue milestone gives its reason");
        assertThat(count("""
                SELECT count(*) FROM project p WHERE status IN ('planned', 'approved') AND planned_start < current_date
                AND code NOT LIKE 'XM-TEST%' AND (remarks IS NULL OR remarks = '')""")).as("a late start says why").isZero();
        assertThat(count("SELECT count(*) FROM project_milestone WHERE done_on > current_date")).isZero();
        assertThat(count("""
                SELECT count(*) FROM project_milestone m JOIN project p ON p.id = m.project_id
                WHERE p.status = 'suspended' AND m.done_on IS NULL AND m.due_on IS NOT NULL""")).isZero();
    }

    @Test
    void loadsOnlyOnceWhenStartedAgain() throws Exception {
        long before = count("SELECT (SELECT count(*) FROM sluice) + (SELECT count(*) FROM project_milestone)");
        loader.run(null);
        assertThat(count("SELECT (SELECT count(*) FROM sluice) + (SELECT count(*) FROM project_milestone)")).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM seed_load WHERE name = 'demo-county'")).isEqualTo(1);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private List<String> names(String sql) {
        return jdbc.sql(sql).query(String.class).list();
    }

}
