package cn.hetu.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A collection of features: one table with a geometry column {@code geom} in EPSG:4490 and an
 * {@code id} key. The table name is the collection id; both come from the database catalogue only.
 *
 * @param publicRead whether anonymous users may read it (off unless an administrator opens it)
 * @param kind {@code asset}: a registry table with the common core (code, name, status, department,
 *        version), edited, searched, counted and tiled; {@code record}: a table the river chief system
 *        writes (patrols, issues), with UUID ids, served read-only
 * @param ownerDepartment the department whose editors change the layer's features; null when each feature
 *        belongs to the department it names (key projects)
 * @param plannersEdit whether planners change its features too, whatever their department
 * @param shownAtStart whether the map draws it when it opens (reference layers such as control lines wait to be asked for)
 */
public record Layer(String id, String titleZh, String titleEn, String descriptionZh, String descriptionEn,
        String theme, String geometryType, String temporalStart, String temporalEnd, boolean publicRead,
        String kind, String ownerDepartment, boolean plannersEdit, boolean shownAtStart, List<Column> columns) {

    /** Columns that only the system writes. */
    private static final Set<String> SYSTEM_COLUMNS = Set.of("id", "created_at", "created_by", "updated_at",
            "updated_by", "version");

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<Column> writableColumns() {
        return columns.stream().filter(c -> !c.generated() && !SYSTEM_COLUMNS.contains(c.name())).toList();
    }

    public boolean isRecord() {
        return "record".equals(kind);
    }

    public boolean hasTime() {
        return temporalStart != null;
    }

    public String title(Locale locale) {
        return isEnglish(locale) ? titleEn : titleZh;
    }

    public String description(Locale locale) {
        return isEnglish(locale) ? descriptionEn : descriptionZh;
    }

    private static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

}
