package cn.hetu.seed;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import cn.hetu.RegistryTest;

import static org.assertj.core.api.Assertions.assertThat;

@RegistryTest
class ScaleGeneratorTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void generatesValidNonOverlappingParcelsInsideTheCountyAndProportionalAssets() {
        new ScaleGenerator(jdbc, transactions, 2_000).run(null);
        assertThat(count("SELECT count(*) FROM land_parcel WHERE code LIKE 'GEN-%'")).isEqualTo(2_000);
        assertThat(count("SELECT count(*) FROM land_parcel WHERE code LIKE 'GEN-%' AND NOT ST_IsValid(geom)")).isZero();
        assertThat(count("""
                SELECT count(*) FROM land_parcel WHERE code LIKE 'GEN-%'
                AND NOT ST_Within(geom, (SELECT ST_Envelope(boundary) FROM county))""")).isZero();
        assertThat(count("""
                SELECT count(*) FROM land_parcel a JOIN land_parcel b ON a.id < b.id AND ST_Overlaps(a.geom, b.geom)
                WHERE a.code LIKE 'GEN-%' AND b.code LIKE 'GEN-%'""")).isZero();
        assertThat(count("SELECT count(*) FROM ditch WHERE code LIKE 'GEN-%'")).isEqualTo(20);
        assertThat(count("SELECT count(*) FROM sluice WHERE code LIKE 'GEN-%'")).isEqualTo(10);
        assertThat(count("SELECT count(*) FROM audit_log WHERE feature_id IN (SELECT id FROM land_parcel WHERE code LIKE 'GEN-%')"
                + " AND collection = 'land_parcel'")).isZero();

        new ScaleGenerator(jdbc, transactions, 500).run(null);
        assertThat(count("SELECT count(*) FROM land_parcel WHERE code LIKE 'GEN-%'")).isEqualTo(2_500);
    }

    @AfterEach
    void removeGeneratedFeatures() {
        for (String table : new String[] { "land_parcel", "ditch", "sluice", "bridge" }) {
            jdbc.sql("DELETE FROM " + table + " WHERE code LIKE 'GEN-%'").update();
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

}
