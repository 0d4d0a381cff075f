package cn.hetu.county;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The county's outline and town seats as the GeoJSON the offline basemap draws. */
public final class CountyBasemap {

    private CountyBasemap() {
    }

    public static Map<String, Object> outline(CountyProfile county) {
        return collection("county", List.of(feature(county.boundary(),
                Map.of("name", county.nameZh(), "name_en", county.nameEn(), "adcode", county.code()))));
    }

    public static Map<String, Object> towns(CountyProfile county) {
        return collection("towns", county.towns()
            .stream()
            .map(t -> feature(Map.of("type", "Point", "coordinates", t.seat()),
                    Map.of("name", t.nameZh(), "name_en", t.nameEn(), "kind", t.kind())))
            .toList());
    }

    private static Map<String, Object> collection(String name, List<Map<String, Object>> features) {
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("name", name);
        collection.put("features", features);
        return collection;
    }

    private static Map<String, Object> feature(Object geometry, Map<String, Object> properties) {
        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("type", "Feature");
        feature.put("geometry", geometry);
        feature.put("properties", properties);
        return feature;
    }

}
