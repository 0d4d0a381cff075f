package cn.hetu.station;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hetu.audit.Actor;
import cn.hetu.security.LayerAccess;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.NotFoundException;

/** Village service stations: which villages have one within reach, and the door-to-door visits (上门服务) logged. */
@Service
class ServiceStations {

    static final String COLLECTION = "service_station";

    static final List<String> SERVICES = List.of("gov", "supply", "finance", "postal");

    /** A village and its nearest station, with the distance in true metres; covered when within the distance asked. */
    record Village(String name, String town, double lon, double lat, Long stationId, String stationName, Double distanceM,
            boolean covered) {
    }

    record Coverage(int distanceM, int villages, int covered, List<Village> items) {
    }

    record Visit(long id, LocalDate visitedOn, String service, String matter, String staffName) {
    }

    record NewVisit(LocalDate visitedOn, String service, String matter, String staffName) {
    }

    private final JdbcClient jdbc;

    private final LayerAccess access;

    private final Actor actor;

    ServiceStations(JdbcClient jdbc, LayerAccess access, Actor actor) {
        this.jdbc = jdbc;
        this.access = access;
        this.actor = actor;
    }

    @Transactional(readOnly = true)
    Coverage coverage(int distanceM) {
        access.readable(COLLECTION);
        List<Village> villages = jdbc.sql("""
                SELECT v.name, v.town, ST_X(v.geom) AS lon, ST_Y(v.geom) AS lat, s.id AS station_id, s.name AS station_name,
                       ST_Distance(v.geom::geography, s.geom::geography) AS distance_m,
                       COALESCE(ST_Distance(v.geom::geography, s.geom::geography) <= :distance, false) AS covered
                FROM village v
                LEFT JOIN LATERAL (SELECT id, name, geom FROM service_station ORDER BY geom <-> v.geom LIMIT 1) s ON true
                ORDER BY covered, v.town, v.name""")
            .param("distance", distanceM)
            .query(Village.class)
            .list();
        return new Coverage(distanceM, villages.size(), (int) villages.stream().filter(Village::covered).count(), villages);
    }

    @Transactional(readOnly = true)
    List<Visit> visits(long stationId) {
        access.readable(COLLECTION);
        department(stationId);
        return jdbc.sql("SELECT id, visited_on, service, matter, staff_name FROM station_visit WHERE station_id = ? ORDER BY visited_on DESC, id DESC")
            .param(stationId)
            .query(Visit.class)
            .list();
    }

    @Transactional
    void addVisit(long stationId, NewVisit visit, LocalDate today) {
        access.checkEdit(access.readable(COLLECTION), department(stationId));
        if (visit.visitedOn() == null || visit.visitedOn().isAfter(today)) {
            throw new InvalidParameterException("visitedOn", "visitedOn is the day of the visit, not later than today");
        }
        if (!SERVICES.contains(visit.service())) {
            throw new InvalidParameterException("service", "service is one of " + SERVICES + " (政务, 供销, 金融, 邮政)");
        }
        if (visit.matter() == null || visit.matter().isBlank() || visit.staffName() == null || visit.staffName().isBlank()) {
            throw new InvalidParameterException(visit.matter() == null || visit.matter().isBlank() ? "matter" : "staffName",
                    "Say what was done and who did it");
        }
        actor.stamp();
        jdbc.sql("""
                INSERT INTO station_visit (station_id, visited_on, service, matter, staff_name, created_by)
                VALUES (?, ?, ?, ?, ?, acting_user())""")
            .params(stationId, visit.visitedOn(), visit.service(), visit.matter().trim(), visit.staffName().trim())
            .update();
    }

    private String department(long stationId) {
        return jdbc.sql("SELECT department FROM service_station WHERE id = ?").param(stationId).query(String.class).optional()
            .orElseThrow(() -> new NotFoundException("Service station " + stationId + " does not exist"));
    }

}
