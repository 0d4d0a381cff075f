package cn.hetu.county;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import cn.hetu.system.FieldRefusal;

/** The rules a county profile keeps, told field by field as 400s before anything is written. */
@Component
class CountyProfileCheck {

    private static final Set<String> TOWN_KINDS = Set.of("county_seat", "town", "township", "subdistrict");

    /** Half a 3-degree zone and a margin: a county lies within this many degrees of one of its zones' meridians. */
    private static final double ZONE_REACH = 1.5 + 0.5;

    private final CountyStore store;

    CountyProfileCheck(CountyStore store) {
        this.store = store;
    }

    CountyProfile checked(CountyProfile p) {
        require(p.code() != null && p.code().matches("\\d{6}"), "code", "code is the six-digit division code, such as 341621");
        text(p.nameZh(), "nameZh");
        text(p.nameEn(), "nameEn");
        require(p.timeZone() != null && knownZone(p.timeZone()), "timeZone",
                "timeZone is an IANA time zone such as Asia/Shanghai, not '" + p.timeZone() + "'");
        require(p.gkZones() != null && !p.gkZones().isEmpty() && p.gkZones().size() <= 3
                && p.gkZones().stream().allMatch(z -> z != null && z >= 25 && z <= 45)
                && new HashSet<>(p.gkZones()).size() == p.gkZones().size(), "gkZones",
                "gkZones lists one to three different CGCS2000 3-degree zones between 25 and 45, the main one first");
        double[] box = p.extent();
        require(box != null && box.length == 4 && box[0] >= -180 && box[2] <= 180 && box[1] >= -90 && box[3] <= 90
                && box[0] < box[2] && box[1] < box[3], "extent", "extent is [west, south, east, north] in degrees, west below east and south below north");
        double middle = (box[0] + box[2]) / 2;
        require(p.gkZones().stream().anyMatch(z -> Math.abs(z * 3 - middle) <= ZONE_REACH), "gkZones",
                "the county's middle, " + middle + "°E, lies in none of the zones " + p.gkZones() + " (zone n runs "
                        + "1.5° either side of 3n°E)");
        require(p.view() != null && p.view().center() != null && p.view().center().length == 2, "view", "view needs a center [lon, lat] and a zoom");
        double[] center = p.view().center();
        require(center[0] >= box[0] && center[0] <= box[2] && center[1] >= box[1] && center[1] <= box[3], "view.center",
                "view.center lies outside the extent");
        require(p.view().zoom() >= 3 && p.view().zoom() <= 18, "view.zoom", "view.zoom runs from 3 to 18");
        require(p.boundary() != null && p.boundary().isObject(), "boundary", "boundary is a GeoJSON Polygon or MultiPolygon");
        String problem;
        try {
            problem = store.boundaryProblem(p);
        }
        catch (DataAccessException e) {
            throw new FieldRefusal("invalid", "boundary", "boundary is not GeoJSON PostGIS can read");
        }
        require(problem == null, "boundary", "boundary " + problem);
        departments(p.departments());
        towns(p.towns(), box);
        return p;
    }

    private void departments(List<CountyProfile.Department> departments) {
        require(departments != null && !departments.isEmpty(), "departments", "departments names at least one department");
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < departments.size(); i++) {
            CountyProfile.Department d = departments.get(i);
            String field = "departments[" + i + "]";
            require(d != null && d.code() != null && d.code().matches("[a-z][a-z0-9_]{0,39}"), field + ".code",
                    "a department code is lower-case letters, digits and _ starting with a letter");
            require(codes.add(d.code()), field + ".code", "department " + d.code() + " is named twice");
            text(d.nameZh(), field + ".nameZh");
            text(d.nameEn(), field + ".nameEn");
        }
    }

    private void towns(List<CountyProfile.Town> towns, double[] box) {
        require(towns != null, "towns", "towns lists the county's towns");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < towns.size(); i++) {
            CountyProfile.Town t = towns.get(i);
            String field = "towns[" + i + "]";
            require(t != null, field, "a town is an object");
            text(t.nameZh(), field + ".nameZh");
            text(t.nameEn(), field + ".nameEn");
            require(names.add(t.nameZh()), field + ".nameZh", "town " + t.nameZh() + " is named twice");
            require(TOWN_KINDS.contains(t.kind()), field + ".kind", "kind is one of " + TOWN_KINDS);
            double[] seat = t.seat();
            require(seat != null && seat.length == 2 && seat[0] >= box[0] && seat[0] <= box[2] && seat[1] >= box[1]
                    && seat[1] <= box[3], field + ".seat", "seat is [lon, lat] inside the extent");
            require(t.villages() != null && t.villages().stream().allMatch(v -> v != null && !v.isBlank() && v.length() <= 100),
                    field + ".villages", "villages lists names of 1 to 100 characters");
        }
    }

    private boolean knownZone(String zone) {
        try {
            ZoneId.of(zone);
        }
        catch (DateTimeException e) {
            return false;
        }
        return store.timeZoneKnown(zone);
    }

    private static void text(String value, String field) {
        require(value != null && !value.isBlank() && value.length() <= 100, field, field + " is 1 to 100 characters");
    }

    private static void require(boolean holds, String field, String message) {
        if (!holds) {
            throw new FieldRefusal("invalid", field, message);
        }
    }

}
