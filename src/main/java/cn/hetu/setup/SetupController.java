package cn.hetu.setup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.hetu.catalog.Catalog;
import cn.hetu.catalog.Departments;
import cn.hetu.catalog.Layer;
import cn.hetu.county.County;
import cn.hetu.county.CountyBasemap;
import cn.hetu.county.CountyProfile;
import cn.hetu.security.LayerAccess;
import cn.hetu.system.NotFoundException;

/** What the map needs to set itself up: layers, departments, basemap data and client settings. */
@RestController
@RequestMapping("/api/v1")
class SetupController {

    /**
     * @param ownerDepartment the department whose layer it is (null: each feature names its own)
     * @param shownAtStart whether the map draws the layer when it opens
     * @param fieldTitles the original names of an imported layer's fields, by column
     */
    record LayerInfo(String id, String titleZh, String titleEn, String theme, String geometryType, long count,
            String ownerDepartment, boolean publicRead, boolean shownAtStart, Map<String, String> fieldTitles) {
    }

    /**
     * @param center the county's first map view, lon/lat; @param timeZone the county's, for dates shown
     * @param gkZones the county's Gauss-Krüger zones, offered for imports and exports
     */
    record ClientConfig(String tiandituKey, double[] center, int zoom, String timeZone, List<Integer> gkZones) {
    }

    private static final List<String> BASEMAP_FILES = List.of("county", "towns", "roads");

    private final Catalog catalog;

    private final LayerAccess access;

    private final Departments departments;

    private final String tiandituKey;

    private final County county;

    SetupController(Catalog catalog, LayerAccess access, Departments departments, @Value("${hetu.tianditu-key:}") String tiandituKey,
            County county) {
        this.county = county;
        this.catalog = catalog;
        this.access = access;
        this.departments = departments;
        this.tiandituKey = tiandituKey;
    }

    @GetMapping("/layers")
    List<LayerInfo> layers() {
        return access.readableLayers()
            .stream()
            .map(l -> new LayerInfo(l.id(), l.titleZh(), l.titleEn(), l.theme(), l.geometryType(), catalog.rowCount(l),
                    l.ownerDepartment(), l.publicRead(), l.shownAtStart(), fieldTitles(l)))
            .toList();
    }

    private static Map<String, String> fieldTitles(Layer layer) {
        Map<String, String> titles = new LinkedHashMap<>();
        layer.columns().stream().filter(c -> c.title() != null).forEach(c -> titles.put(c.name(), c.title()));
        return titles;
    }

    @GetMapping("/departments")
    List<Departments.Department> departments() {
        return departments.all();
    }

    @GetMapping("/config")
    ClientConfig config() {
        CountyProfile.View view = county.profile().view();
        return new ClientConfig(tiandituKey, view.center(), view.zoom(), county.profile().timeZone(),
                county.profile().gkZones());
    }

    /** County outline and town seats (from the county profile) and roads for the offline basemap. */
    @GetMapping("/basemap/{name}.geojson")
    ResponseEntity<?> basemap(@PathVariable String name) {
        if (!BASEMAP_FILES.contains(name)) {
            throw new NotFoundException("There is no basemap layer '" + name + "'; there are " + BASEMAP_FILES);
        }
        if (!name.equals("roads")) {
            return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/geo+json"))
                .body(name.equals("county") ? CountyBasemap.outline(county.profile()) : CountyBasemap.towns(county.profile()));
        }
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType("application/geo+json"))
            .body(new ClassPathResource("geodata/basemap/" + name + ".geojson"));
    }

}
