package cn.hetu.security;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, from one table ({@value #TABLE}): a line per request, with the status each role
 * gets. Every route Spring serves must have a line, so a new route without one fails the build.
 * Requests go to the running application with a real account of each role (by API token, as
 * scripts and QGIS sign in); fixtures named in braces are made afresh for every request, those in
 * braces with a {@code $} once per line.
 */
@RegistryTest
class RoleTableTests {

    static final String TABLE = "/security/role-table.txt";

    /** The roles of the table's status columns, in order. */
    static final List<String> ROLES = List.of("admin", "water", "natres", "planner", "viewer", "chief", "anon");

    private static final String IMPORT_FILE = "role-table.geojson";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\$?)([a-z._]+)}");

    record Entry(int line, String method, String route, String path, String body, List<Integer> expected) {

        String routeKey() {
            return method + " " + route;
        }
    }

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final Map<String, Http> clients = new HashMap<>();

    private long ownChief;

    @Test
    void everyRouteHasALineAndEveryLineARoute() {
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    served.add("ANY " + pattern);
                }
                methods.forEach(m -> served.add(m.name() + " " + pattern));
            }
        });
        Set<String> listed = new TreeSet<>(entries().stream().map(Entry::routeKey).toList());
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(listed);
        Set<String> stale = new TreeSet<>(listed);
        stale.removeAll(served);
        assertThat(missing).as("routes served without a line in " + TABLE + " (say what each role gets)").isEmpty();
        assertThat(stale).as("lines in " + TABLE + " for routes no longer served").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> eachRoleGetsTheStatusOfTheTable() {
        signIn();
        Stream<DynamicTest> checks = entries().stream()
            .map(entry -> DynamicTest.dynamicTest(entry.line() + ": " + entry.method() + " " + entry.path(), () -> check(entry)));
        return Stream.concat(checks, Stream.of(DynamicTest.dynamicTest("clean up", this::cleanUp)));
    }

    /** Removes what the lines made (marked RT- or 角色表), so the demo county's figures stay as other tests count them. */
    private void cleanUp() {
        for (int i = 0; i < 300 && jdbc.sql("SELECT count(*) FROM import_job WHERE file_name = ? AND state = 'committing'")
            .param(IMPORT_FILE).query(Long.class).single() > 0; i++) {
            sleep();
        }
        jdbc.sql("SELECT id::text FROM import_job WHERE file_name = ?").param(IMPORT_FILE).query(String.class).list()
            .forEach(id -> clients.get("admin").delete("/api/v1/imports/" + id));
        for (String table : List.of("ditch", "land_parcel", "road_node", "project")) {
            jdbc.sql("DELETE FROM " + table + " WHERE code LIKE 'RT-%'").update();
        }
        jdbc.sql("DELETE FROM patrol_issue WHERE description IN ('角色表问题', '角色表上报')").update();
        jdbc.sql("DELETE FROM patrol WHERE remarks = '角色表'").update();
        jdbc.sql("DELETE FROM river_chief WHERE name = '角色表河长'").update();
        jdbc.sql("DELETE FROM saved_parcel_query WHERE name = '角色表查询'").update();
        jdbc.sql("DELETE FROM land_indicator WHERE year = 2099").update();
        jdbc.sql("DELETE FROM plan WHERE title = '角色表计划'").update();
        jdbc.sql("DELETE FROM account WHERE username LIKE 'rt\\_%'").update();
        jdbc.sql("UPDATE river_chief SET account_id = NULL WHERE id = ?").param(ownChief).update();
        jdbc.sql("DELETE FROM api_token WHERE name IN ('role table', '角色表')").update();
    }

    private void check(Entry entry) {
        Map<String, String> perLine = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < ROLES.size(); i++) {
            String role = ROLES.get(i);
            Map<String, String> perRequest = new HashMap<>();
            String path = resolve(entry.path(), role, perLine, perRequest);
            String body = entry.body().equals("-") ? null : resolve(entry.body(), role, perLine, perRequest);
            Http.Reply reply = send(clients.get(role), entry.method(), path, body, perRequest);
            if (reply.status() != entry.expected().get(i)) {
                wrong.add(role + " got " + reply.status() + " not " + entry.expected().get(i) + " for " + path + ": "
                        + reply.body().substring(0, Math.min(200, reply.body().length())));
            }
        }
        assertThat(wrong).as("line " + entry.line() + " of " + TABLE).isEmpty();
    }

    private Http.Reply send(Http client, String method, String path, String body, Map<String, String> fixtures) {
        if (path.equals("/api/v1/auth/login")) {
            // Signing in needs the CSRF token of the browser's session, whoever asks: a first visit gives it.
            Http browser = admin.browser();
            browser.get("/api/v1/auth/me");
            return browser.send(method, path, body, "X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"));
        }
        String[] csrf = { "Cookie", "XSRF-TOKEN=role-table", "X-XSRF-TOKEN", "role-table" };
        if (body != null && body.startsWith("multipart:")) {
            Multipart multipart = multipart(body.substring("multipart:".length()));
            return client.post(path, multipart.bytes(), multipart.contentType());
        }
        return client.send(method.equals("ANY") ? "GET" : method, path, body, csrf);
    }

    /** Tokens for every role; the river chief's account linked to a village chief with issues on their segments. */
    private void signIn() {
        jdbc.sql("DELETE FROM plan WHERE title = '角色表计划'").update();
        Map<String, Http> basic = new LinkedHashMap<>();
        basic.put("water", TestAccounts.waterEditor(admin));
        basic.put("natres", TestAccounts.natresEditor(admin));
        basic.put("planner", TestAccounts.planner(admin));
        basic.put("viewer", TestAccounts.viewer(admin));
        basic.put("chief", TestAccounts.riverChief(admin));
        clients.put("admin", admin.withToken(token(admin)));
        basic.forEach((role, http) -> clients.put(role, admin.withToken(token(http))));
        clients.put("anon", admin.anonymous());
        long account = accountId("river_chief");
        jdbc.sql("UPDATE river_chief SET account_id = NULL WHERE account_id = ?").param(account).update();
        ownChief = jdbc.sql("""
                SELECT c.id FROM river_chief c JOIN chief_assignment a ON a.chief_id = c.id AND a.collection = 'river_segment'
                WHERE c.level = 'village' ORDER BY c.id LIMIT 1""").query(Long.class).single();
        jdbc.sql("UPDATE river_chief SET account_id = ? WHERE id = ?").params(account, ownChief).update();
    }

    private static String token(Http http) {
        Http.Reply reply = http.post("/api/v1/me/tokens", "{\"name\":\"role table\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("token").asString();
    }

    private long accountId(String username) {
        return jdbc.sql("SELECT id FROM account WHERE username = ?").param(username).query(Long.class).single();
    }

    private String resolve(String text, String role, Map<String, String> perLine, Map<String, String> perRequest) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            Map<String, String> memo = matcher.group(1).isEmpty() ? perRequest : perLine;
            String name = matcher.group(2);
            String value = memo.get(name);
            if (value == null) {
                value = fixture(name, role, memo);
                memo.put(name, value);
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    /** A fixture for one request (or one line); names with a dot refer to the fixture before the dot. */
    private String fixture(String name, String role, Map<String, String> memo) {
        return switch (name) {
            case "uuid" -> UUID.randomUUID().toString();
            case "short" -> UUID.randomUUID().toString().substring(0, 8);
            case "ditch" -> insert("""
                    INSERT INTO ditch (code, name, geom, department, class)
                    VALUES ('RT-' || gen_random_uuid(), '角色表沟渠', ST_GeomFromText('LINESTRING(116.30 33.20, 116.31 33.21)', 4490),
                            'water', 'medium') RETURNING id""");
            case "parcel" -> insert("""
                    INSERT INTO land_parcel (code, parcel_no, name, geom, department, category)
                    VALUES ('RT-' || gen_random_uuid(), 'RT-' || gen_random_uuid(), '角色表地块', ST_Multi(ST_MakeEnvelope(
                            116.30, 33.20, 116.301, 33.201, 4490)), 'natres', 'idle') RETURNING id""");
            // Inside 城关镇's development boundary, off the demo's farmland: a parcel an investment project may choose.
            case "free_parcel" -> insert("""
                    INSERT INTO land_parcel (code, parcel_no, name, geom, department, category)
                    VALUES ('RT-' || gen_random_uuid(), 'RT-' || gen_random_uuid(), '角色表可供地块', ST_Multi(ST_MakeEnvelope(
                            116.30, 33.255, 116.301, 33.256, 4490)), 'natres', 'idle') RETURNING id""");
            case "ditch.change", "parcel.change" -> String.valueOf(jdbc.sql(
                    "SELECT max(id) FROM audit_log WHERE collection = ? AND feature_id = ?::bigint")
                .params(name.startsWith("ditch") ? "ditch" : "land_parcel", dependency(name, role, memo))
                .query(Long.class)
                .single());
            case "project" -> {
                Http.Reply created = clients.get("admin").post("/api/v1/projects", """
                        {"properties":{"code":"RT-%s","name":"角色表项目","department":"water","category":"water_conservancy",
                         "year":2030,"planned_start":"2030-01-01","planned_end":"2030-12-31","status":"planned"}}"""
                    .formatted(UUID.randomUUID()));
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                String location = created.headers().firstValue("Location").orElseThrow();
                yield location.substring(location.lastIndexOf('/') + 1);
            }
            case "project.milestone" -> String.valueOf(jdbc.sql(
                    "SELECT id FROM project_milestone WHERE project_id = ?::bigint ORDER BY seq LIMIT 1")
                .param(dependency(name, role, memo))
                .query(Long.class)
                .single());
            case "project.link" -> {
                String ditch = fixture("ditch", role, memo);
                jdbc.sql("INSERT INTO project_asset (project_id, collection, asset_id) VALUES (?::bigint, 'ditch', ?::bigint)")
                    .params(dependency(name, role, memo), ditch)
                    .update();
                yield ditch;
            }
            case "investment" -> insert("""
                    INSERT INTO investment_project (code, name, geom, investor, stage)
                    VALUES ('RT-' || gen_random_uuid(), '角色表招商项目', ST_SetSRID(ST_MakePoint(116.30, 33.20), 4490),
                            '角色表投资方', 'signed') RETURNING id""");
            case "enterprise" -> insert("""
                    INSERT INTO enterprise (code, name, geom) VALUES ('RT-' || gen_random_uuid(), '角色表企业',
                            ST_SetSRID(ST_MakePoint(116.30, 33.20), 4490)) RETURNING id""");
            case "enterprise.visit" -> String.valueOf(jdbc.sql("""
                    INSERT INTO enterprise_visit (enterprise_id, visited_on, officer, problems, created_by)
                    VALUES (?::bigint, current_date, '角色表服务官', '角色表问题', 'test') RETURNING id""")
                .param(dependency(name, role, memo))
                .query(Long.class)
                .single());
            case "chained" -> {
                String project = insert("""
                        INSERT INTO project (code, name, department, category, year)
                        VALUES ('RT-' || gen_random_uuid(), '角色表审批项目', 'commerce', 'industry', 2030) RETURNING id""");
                jdbc.sql("INSERT INTO approval_case (project_id) VALUES (?::bigint)").param(project).update();
                jdbc.sql("INSERT INTO project_approval (project_id, approval_type) SELECT ?::bigint, code FROM approval_type")
                    .param(project)
                    .update();
                yield project;
            }
            case "chained.approval" -> String.valueOf(jdbc.sql(
                    "SELECT min(id) FROM project_approval WHERE project_id = ?::bigint")
                .param(dependency(name, role, memo))
                .query(Long.class)
                .single());
            case "station" -> insert("""
                    INSERT INTO service_station (code, name, geom) VALUES ('RT-' || gen_random_uuid(), '角色表服务站',
                            ST_SetSRID(ST_MakePoint(116.30, 33.20), 4490)) RETURNING id""");
            case "chief" -> insert("INSERT INTO river_chief (name, level, town) VALUES ('角色表河长', 'village', '城关镇') RETURNING id");
            case "chief.own" -> String.valueOf(ownChief);
            case "issue.own" -> issue(true);
            case "issue.other" -> issue(false);
            case "issue.own.photo", "issue.other.photo" -> {
                Multipart photo = multipart("photo");
                Http.Reply uploaded = clients.get("admin").post("/api/v1/issues/" + dependency(name, role, memo) + "/photos", photo.bytes(),
                        photo.contentType());
                assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
                yield uploaded.json().get("id").asString();
            }
            case "patrol.own" -> patrol(ownChief);
            case "patrol.other" -> patrol(jdbc.sql("SELECT id FROM river_chief WHERE id <> ? ORDER BY id LIMIT 1")
                .param(ownChief).query(Long.class).single());
            case "import" -> upload();
            case "query" -> savedQuery("admin");
            case "query.own" -> savedQuery(username(role));
            case "token.own" -> tokenId(role);
            case "token.admin" -> tokenId("admin");
            case "account" -> {
                Http.Reply created = clients.get("admin").post("/api/v1/accounts", """
                        {"username":"rt_%s","displayName":"角色表账号","roles":["viewer"],"department":null,"password":"%s"}"""
                    .formatted(UUID.randomUUID().toString().substring(0, 8), TestAccounts.PASSWORD));
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                yield created.json().get("account").get("id").asString();
            }
            case "plan", "closedplan", "copyable" -> plan(name.equals("closedplan"), name.equals("copyable"));
            case "plan.task", "closedplan.task" -> insert("""
                    INSERT INTO plan_task (plan_id, seq, title, responsible) VALUES (%s, 1, '角色表任务', 'water') RETURNING id"""
                .formatted(Long.parseLong(dependency(name, role, memo))));
            case "plan.task.registry", "closedplan.task.registry", "plan.task.reported" -> insert("""
                    INSERT INTO plan_indicator (task_id, seq, name_zh, kind, unit, target, period_start, deadline, measurement,
                        collection, filter, aggregate)
                    VALUES (%s, 1, '角色表指标', 'count', '条', 5, '2030-01-01', '2030-12-31', '%s', %s) RETURNING id"""
                .formatted(Long.parseLong(dependency(name, role, memo)), name.endsWith("registry") ? "registry" : "reported",
                        name.endsWith("registry") ? "'ditch', 'treated = true', 'count'" : "null, null, null"));
            case "plan.task.reported.evidence" -> {
                String report = insert("INSERT INTO indicator_report (indicator_id, value, reported_on, evidence_name) VALUES ("
                        + Long.parseLong(dependency(name, role, memo)) + ", 1, '2026-01-05', '证明.pdf') RETURNING id");
                jdbc.sql("INSERT INTO indicator_evidence (report_id, content_type, content) VALUES (?, 'application/pdf', ?)")
                    .params(Long.parseLong(report), "%PDF-1.4 角色表".getBytes(java.nio.charset.StandardCharsets.UTF_8)).update();
                yield report;
            }
            default -> throw new IllegalArgumentException("No fixture '" + name + "' in " + TABLE);
        };
    }

    /** The fixture a dotted name depends on (the part before its last dot), made for this request or line. */
    private String dependency(String name, String role, Map<String, String> memo) {
        String parent = name.substring(0, name.lastIndexOf('.'));
        // Not computeIfAbsent: a fixture two dots deep makes its own dependency while this one is being made.
        String value = memo.get(parent);
        if (value == null) {
            value = fixture(parent, role, memo);
            memo.put(parent, value);
        }
        return value;
    }

    /**
     * A water plan of a free year, open or closed, or one whose next year is free too (so it can be copied); from
     * 2099 down, far from the demo's years. {@link #signIn} deletes those of earlier runs.
     */
    private String plan(boolean closed, boolean copyable) {
        return insert("""
                INSERT INTO plan (department, year, title, closed, closed_at)
                SELECT 'water', max(y), '角色表计划', %s, CASE WHEN %s THEN now() END FROM generate_series(2000, 2099) y
                WHERE NOT EXISTS (SELECT 1 FROM plan WHERE department = 'water' AND year IN (y, y + %d)) RETURNING id"""
            .formatted(closed, closed, copyable ? 1 : 0));
    }

    private String insert(String sql) {
        return String.valueOf(jdbc.sql(sql).query(Long.class).single());
    }

    private static String username(String role) {
        return switch (role) {
            case "admin" -> "admin";
            case "water" -> "water_editor";
            case "natres" -> "natres_editor";
            case "chief" -> "river_chief";
            case "anon" -> "nobody";
            default -> role;
        };
    }

    /** A reported issue on a segment in the linked chief's charge, or on one outside it, reported by someone else. */
    private String issue(boolean own) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO patrol_issue (id, geom, category, description, reported_by, reported_at, segment_collection, segment_id)
                SELECT ?::uuid, ST_LineInterpolatePoint(s.geom, 0.5), 'dumping', '角色表问题', 'demo', now(), 'river_segment', s.id
                FROM river_segment s
                WHERE EXISTS (SELECT 1 FROM chief_assignment a WHERE a.chief_id = ? AND a.collection = 'river_segment'
                                                               AND a.asset_id = s.id) = ?
                ORDER BY s.id LIMIT 1""").params(id, ownChief, own).update();
        jdbc.sql("INSERT INTO issue_event (issue_id, to_status, by_user) VALUES (?::uuid, 'reported', 'demo')").param(id).update();
        return id;
    }

    private String patrol(long chief) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO patrol (id, chief_id, started_at, ended_at, geom, source, created_by, remarks)
                VALUES (?::uuid, ?, now() - interval '1 hour', now(), ST_GeomFromText('LINESTRING(100 20, 100.001 20.001)', 4490),
                        'drawn', 'demo', '角色表')""").params(id, chief).update();
        return id;
    }

    private String savedQuery(String owner) {
        return String.valueOf(jdbc.sql("""
                INSERT INTO saved_parcel_query (name, owner, query) VALUES ('角色表查询', ?, '{"category":["idle"]}')
                RETURNING id""").param(owner).query(Long.class).single());
    }

    private String tokenId(String role) {
        Http.Reply reply = clients.get(role.equals("anon") ? "admin" : role).post("/api/v1/me/tokens", "{\"name\":\"role table\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    /** An import of one ditch by the water editor, checked and ready to commit. */
    private String upload() {
        Multipart file = multipart("import:ditch");
        Http water = clients.get("water");
        Http.Reply job = water.post("/api/v1/imports", file.bytes(), file.contentType());
        assertThat(job.status()).as(job.body()).isEqualTo(202);
        String id = job.json().get("id").asString();
        for (int i = 0; i < 300; i++) {
            String state = water.get("/api/v1/imports/" + id).json().get("state").asString();
            if (state.equals("ready")) {
                return id;
            }
            assertThat(state).isEqualTo("loading");
            sleep();
        }
        throw new IllegalStateException("Import " + id + " never became ready");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Multipart(byte[] bytes, String contentType) {
    }

    /** {@code import:<collection>}: a GeoJSON file of one ditch for that collection; {@code photo}: a small PNG. */
    private static Multipart multipart(String kind) {
        String boundary = "role-table-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String fileName;
        byte[] file;
        if (kind.startsWith("import:")) {
            field(body, boundary, "collection", kind.substring("import:".length()));
            fileName = IMPORT_FILE;
            file = """
                    {"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString",
                     "coordinates":[[116.30,33.20],[116.31,33.21]]},"properties":{"code":"RT-IMP","name":"导入沟渠"}}]}"""
                .getBytes(StandardCharsets.UTF_8);
        }
        else {
            field(body, boundary, "kind", "before");
            fileName = "photo.png";
            file = png();
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Multipart(body.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table: {@code METHOD route | path | body or - | status per role}, # for comments. */
    static List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = RoleTableTests.class.getResourceAsStream(TABLE)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" \\| ");
                String[] route = parts[0].strip().split("\\s+");
                String[] statuses = parts.length == 4 ? parts[3].strip().split("\\s+") : new String[0];
                if (parts.length != 4 || route.length != 2 || statuses.length != ROLES.size()) {
                    throw new IllegalStateException(TABLE + " line " + (i + 1) + " is not 'METHOD route | path | body | "
                            + String.join(" ", ROLES) + "': " + line);
                }
                entries.add(new Entry(i + 1, route[0], route[1], parts[1].strip(), parts[2].strip(),
                        Stream.of(statuses).map(Integer::valueOf).toList()));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

}
