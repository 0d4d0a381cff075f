package cn.hetu.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.ObjectMapper;

import cn.hetu.catalog.Catalog;
import cn.hetu.catalog.Layer;
import cn.hetu.county.County;
import cn.hetu.plan.PlanSeed;

/**
 * Loads the demo county from {@code geodata/} on the first start, in one transaction. A row in
 * {@code seed_load} marks it done, so later starts (and features deleted since) are left alone. The projects'
 * planned dates move with the day of loading ({@link DemoDates}).
 */
@Component
@ConditionalOnProperty(name = "hetu.demo.load", havingValue = "true")
class DemoLoader implements ApplicationRunner {

    static final String DATA_SET = "demo-county";

    static final String RIVER_CHIEFS = "demo-river-chiefs";

    static final String FIELD_WORK = "demo-field-work";

    static final String PLANS = "demo-plans";
    static final String COMMERCE = "demo-commerce-approvals";
    static final String CONTROL_LINES = "demo-control-lines";

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final JdbcClient jdbc;

    private final Catalog catalog;

    private final GeoJsonTableLoader tables;

    private final JdbcTemplate statements;

    private final ObjectMapper json;

    private final County county;

    private final PlanSeed plans;

    DemoLoader(JdbcClient jdbc, Catalog catalog, GeoJsonTableLoader tables, JdbcTemplate statements, ObjectMapper json,
            County county, PlanSeed plans) {
        this.county = county;
        this.jdbc = jdbc;
        this.plans = plans;
        this.json = json;
        this.statements = statements;
        this.catalog = catalog;
        this.tables = tables;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        // Serialises concurrent first starts of several instances on one database.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('hetu-seed'))").query().singleRow();
        if (jdbc.sql("SELECT count(*) FROM seed_load WHERE name = ?").param(DATA_SET).query(Long.class).single() > 0) {
            loadRiverChiefs();
            loadFieldWork();
            loadPlans();
            loadCommerce();
            loadControlLines();
            return;
        }
        int total = 0;
        String projects = DemoDates.movedTo(county.today(), read("geodata/project.geojson"), json);
        for (Layer layer : catalog.layers().stream().filter(l -> !l.isRecord()).toList()) {
            if (!layer.id().equals("project") && !new ClassPathResource("geodata/" + layer.id() + ".geojson").exists()) {
                // A collection a county added by a migration (泵站) has no demo features: it starts empty.
                log.info("Demo county: no demo data for {}", layer.id());
                continue;
            }
            String geoJson = layer.id().equals("project") ? projects : read("geodata/" + layer.id() + ".geojson");
            int loaded = tables.load(layer, geoJson);
            log.info("Demo county: {} {} features", loaded, layer.id());
            total += loaded;
        }
        tables.loadProjectDetails(projects);
        jdbc.sql("INSERT INTO seed_load (name, features) VALUES (?, ?)").params(DATA_SET, total).update();
        log.info("Demo county loaded: {} features", total);
        loadRiverChiefs();
        loadFieldWork();
        loadPlans();
        loadCommerce();
        loadControlLines();
    }

    /** The departments' 2023 plans from the seed documents, 2023 closed, and their copies to this year (seed/plans.json). */
    private void loadPlans() {
        if (jdbc.sql("SELECT count(*) FROM seed_load WHERE name = ?").param(PLANS).query(Long.class).single() > 0) {
            return;
        }
        int loaded = plans.load(read("seed/plans.json"), county.today());
        jdbc.sql("INSERT INTO seed_load (name, features) VALUES (?, ?)").params(PLANS, loaded).update();
        log.info("Demo plans loaded: {} plans", loaded);
    }

    /** Pipeline history, enterprise contacts and visits, and key projects' approval chains (seed/commerce-approvals.sql). */
    private void loadCommerce() {
        if (jdbc.sql("SELECT count(*) FROM seed_load WHERE name = ?").param(COMMERCE).query(Long.class).single() > 0) {
            return;
        }
        statements.execute(read("seed/commerce-approvals.sql"));
        long approvals = jdbc.sql("SELECT count(*) FROM project_approval").query(Long.class).single();
        jdbc.sql("INSERT INTO seed_load (name, features) VALUES (?, ?)").params(COMMERCE, approvals).update();
        log.info("Demo commerce and approvals loaded: {} approvals", approvals);
    }

    /**
     * The control lines made in SQL from the county's boundary, towns, rivers and parcels (seed/control-lines.sql),
     * and three monthly batches of enforcement patches on them (seed/enforcement-patches.sql).
     */
    private void loadControlLines() {
        if (jdbc.sql("SELECT count(*) FROM seed_load WHERE name = ?").param(CONTROL_LINES).query(Long.class).single() > 0) {
            return;
        }
        jdbc.sql("CREATE TEMP TABLE demo_county ON COMMIT DROP AS SELECT boundary AS geom FROM county").update();
        statements.execute(read("seed/control-lines.sql"));
        statements.execute(read("seed/enforcement-patches.sql"));
        long farmland = jdbc.sql("SELECT count(*) FROM basic_farmland").query(Long.class).single();
        jdbc.sql("INSERT INTO seed_load (name, features) VALUES (?, ?)").params(CONTROL_LINES, farmland).update();
        log.info("Demo control lines loaded: {} basic farmland patches", farmland);
    }

    /** Chiefs, patrols and issues made in SQL from the county's own segments (seed/river-chiefs.sql). */
    private void loadRiverChiefs() {
        if (jdbc.sql("SELECT count(*) FROM seed_load WHERE name = ?").param(RIVER_CHIEFS).query(Long.class).single() > 0) {
            return;
        }
        statements.execute(read("seed/river-chiefs.sql"));
        long patrols = jdbc.sql("SELECT count(*) FROM patrol WHERE created_by = 'demo'").query(Long.class).single();
        jdbc.sql("INSERT INTO seed_load (name, features) VALUES (?, ?)").params(RIVER_CHIEFS, patrols).update();
        log.info("Demo river chiefs loaded: {} patrols", patrols);
    }

    /** Straw-burning grids, patrollers, inspectors and their work made in SQL from the county (seed/field-work.sql). */
    private void loadFieldWork() {
        if (jdbc.sql("SELECT count(*) FROM seed_load WHERE name = ?").param(FIELD_WORK).query(Long.class).single() > 0) {
            return;
        }
        statements.execute(read("seed/field-work.sql"));
        long patrols = jdbc.sql("SELECT count(*) FROM patrol WHERE created_by = 'demo' AND patrol_type <> 'river'")
            .query(Long.class).single();
        jdbc.sql("INSERT INTO seed_load (name, features) VALUES (?, ?)").params(FIELD_WORK, patrols).update();
        log.info("Demo field work loaded: {} patrols and inspections", patrols);
    }

    private static String read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Demo data file " + path + " is missing from the build", e);
        }
    }

}
