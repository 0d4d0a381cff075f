package cn.hetu.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.hetu.catalog.Catalog;
import cn.hetu.catalog.Layer;

/**
 * The one place that decides who may read and who may change what. Every way data leaves Hetu
 * (feature pages and single features, search, statistics, tiles, exports, history) takes its
 * layers and its rows from here, and every write asks it first.
 * <ul>
 * <li>Assets: signed-in users read every layer, anonymous users those opened to the public. A layer
 * belongs to the department the catalogue names ({@link Layer#ownerDepartment()}); that department's
 * editors change its features, and only features of their own department; planners change the
 * layers that say so; administrators change everything.</li>
 * <li>Records of the river chief system (patrols, issues): read by administrators, viewers, the
 * office (editors of the records' department) and river chiefs; a river chief who is nothing more
 * reads only the rows of {@link #rows}. Issues are reported by the office and river chiefs, never by
 * viewers.</li>
 * <li>Personal data kept beside a layer (an enterprise's contacts and visits): the owning department's staff and
 * administrators ({@link #requirePersonalDataReader}).</li>
 * </ul>
 */
@Component
public class LayerAccess {

    /** The issues collection; its owning department runs the river chief system's office. */
    private static final String ISSUES = "patrol_issue";

    private static final String PATROLS = "patrol";

    /** A field worker's issues: on a segment in their charge, on a grid or asset of their duty of its type, or reported by them. */
    private static final String OWN_ISSUES = """
            (%1$s.reported_by = ? OR EXISTS (
                SELECT 1 FROM chief_assignment a JOIN river_chief c ON c.id = a.chief_id
                WHERE c.account_id = ? AND a.collection = %1$s.segment_collection AND a.asset_id = %1$s.segment_id)
             OR EXISTS (
                SELECT 1 FROM patrol_duty d JOIN river_chief c ON c.id = d.chief_id
                WHERE c.account_id = ? AND d.patrol_type = %1$s.patrol_type AND d.collection = %1$s.asset_collection
                  AND d.asset_id = %1$s.asset_id))""";

    /** A river chief's patrols: their own, logged by them, or covering a segment in their charge. */
    private static final String OWN_PATROLS = """
            (%1$s.created_by = ? OR EXISTS (SELECT 1 FROM river_chief c WHERE c.id = %1$s.chief_id AND c.account_id = ?)
             OR EXISTS (
                SELECT 1 FROM patrol_coverage pc
                JOIN chief_assignment a ON a.collection = pc.collection AND a.asset_id = pc.asset_id
                JOIN river_chief c ON c.id = a.chief_id
                WHERE pc.patrol_id = %1$s.id AND c.account_id = ?))""";

    /**
     * The rows of a collection a user reads, as an SQL condition with its bind values ({@code ?} in
     * order); {@code true} for everything.
     */
    public record RowScope(String sql, List<Object> args) {

        static final RowScope ALL = new RowScope("true", List.of());

        static final RowScope NONE = new RowScope("false", List.of());

        public boolean all() {
            return this.equals(ALL);
        }

        /** The same condition for statements that bind by name: {@code :scope0}, {@code :scope1}, ... */
        public String namedSql() {
            StringBuilder sql = new StringBuilder();
            int n = 0;
            for (char c : this.sql.toCharArray()) {
                sql.append(c == '?' ? ":scope" + n++ : String.valueOf(c));
            }
            return sql.toString();
        }

        public Map<String, Object> namedArgs() {
            Map<String, Object> named = new LinkedHashMap<>();
            for (int i = 0; i < args.size(); i++) {
                named.put("scope" + i, args.get(i));
            }
            return named;
        }
    }

    private final Catalog catalog;

    LayerAccess(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The collection if the current user may read it; 404 if it does not exist, 401 if they must sign in,
     * 403 if their role does not read it.
     */
    public Layer readable(String id) {
        Layer layer = catalog.get(id);
        if (!canRead(layer)) {
            throw refusal("read collection '" + id + "'");
        }
        return layer;
    }

    /** The asset layers the user may read: what the map, search, statistics and history show. */
    public List<Layer> readableLayers() {
        return catalog.layers().stream().filter(l -> !l.isRecord()).filter(this::canRead).toList();
    }

    /** Every collection the user may read through OGC API - Features, records of the river chief system included. */
    public List<Layer> readableCollections() {
        return catalog.layers().stream().filter(this::canRead).toList();
    }

    /**
     * The rows of a readable collection the user reads, over the table aliased {@code alias}: every
     * row of an asset layer; of the river chief system's records, every row for their full readers
     * and a river chief's own for a river chief who is nothing more.
     */
    public RowScope rows(Layer layer, String alias) {
        if (!layer.isRecord()) {
            return RowScope.ALL;
        }
        Optional<HetuUser> user = currentUser();
        if (user.isEmpty() || !readsRecords(user.get())) {
            return RowScope.NONE;
        }
        if (readsAllRecords(user.get())) {
            return RowScope.ALL;
        }
        String username = user.get().username();
        long account = user.get().id();
        return switch (layer.id()) {
            case ISSUES -> new RowScope(OWN_ISSUES.formatted(alias), List.of(username, account, account));
            case PATROLS -> new RowScope(OWN_PATROLS.formatted(alias), List.of(username, account, account));
            default -> RowScope.NONE;
        };
    }

    /** Whether the user belongs to the river chief system's office: administrators and the records' department's editors. */
    public boolean isRiverOffice(HetuUser user) {
        return user.has(Role.ADMIN) || isEditorOf(user, catalog.get(ISSUES).ownerDepartment());
    }

    /** The signed-in member of the river chief system's office, or 401/403. */
    public HetuUser requireRiverOffice() {
        HetuUser user = requireUser();
        if (!isRiverOffice(user)) {
            throw new AccessDeniedException(user.username() + " is not in the river chief system's office");
        }
        return user;
    }

    /** Who reports issues and logs patrols: the office and river chiefs; viewers read only. */
    public HetuUser requireRiverReporter() {
        readable(ISSUES);
        HetuUser user = requireUser();
        if (!isRiverOffice(user) && !user.has(Role.RIVER_CHIEF)) {
            throw new AccessDeniedException(user.username() + " reads the river chief system's records but reports nothing");
        }
        return user;
    }

    /**
     * Who shares what they make with every colleague (saved queries): administrators, editors and planners.
     * Viewers and river chiefs who are nothing more change nothing others see.
     */
    public HetuUser requireContributor() {
        HetuUser user = requireUser();
        if (!(user.has(Role.ADMIN) || user.has(Role.EDITOR) || user.has(Role.PLANNER))) {
            throw new AccessDeniedException(user.username() + " reads only and may not share anything with colleagues");
        }
        return user;
    }

    /**
     * The signed-in reader of a layer's personal data (an enterprise's contacts and visits): the staff of the
     * department that owns the layer, whatever their role, and administrators; 401/403 for everyone else.
     */
    public HetuUser requirePersonalDataReader(Layer layer) {
        HetuUser user = requireUser();
        boolean ownStaff = layer.ownerDepartment() != null && layer.ownerDepartment().equals(user.department());
        if (!user.has(Role.ADMIN) && !ownStaff) {
            throw new AccessDeniedException(user.username() + " may not read the personal data of " + layer.id());
        }
        return user;
    }

    /** The signed-in administrator or editor of the department that runs a service (the approval bureau's chain), or 401/403. */
    public HetuUser requireEditorOf(String department) {
        HetuUser user = requireUser();
        if (!user.has(Role.ADMIN) && !isEditorOf(user, department)) {
            throw new AccessDeniedException(user.username() + " is not an editor of " + department);
        }
        return user;
    }

    public Optional<HetuUser> currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof HetuUser user ? Optional.of(user)
                : Optional.empty();
    }

    /** The signed-in user, or 401. */
    public HetuUser requireUser() {
        return currentUser().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Sign in first"));
    }

    /** Refuses (403) a change to a feature of this collection and department that the user may not make. */
    public void checkEdit(Layer layer, String department) {
        HetuUser user = requireUser();
        if (!canEdit(user, layer, department)) {
            throw new AccessDeniedException(user.username() + " may not change " + layer.id()
                    + (department == null ? "" : " of department " + department));
        }
    }

    /** Refuses (403) a change to what belongs to the layer as a whole (its yearly figures, say). */
    public void checkLayerEdit(Layer layer) {
        checkEdit(layer, layer.ownerDepartment());
    }

    /**
     * Whether the user changes a feature of this layer that belongs to this department (the department
     * it has before the change, and the one it has after, are each asked).
     */
    static boolean canEdit(HetuUser user, Layer layer, String department) {
        if (layer.isRecord()) {
            return false;
        }
        if (user.has(Role.ADMIN)) {
            return true;
        }
        if (user.has(Role.PLANNER) && layer.plannersEdit()) {
            return true;
        }
        boolean ownLayer = layer.ownerDepartment() == null || isEditorOf(user, layer.ownerDepartment());
        return ownLayer && isEditorOf(user, department);
    }

    private static boolean isEditorOf(HetuUser user, String department) {
        return user.has(Role.EDITOR) && user.department() != null && user.department().equals(department);
    }

    private boolean canRead(Layer layer) {
        if (layer.isRecord()) {
            return currentUser().map(this::readsRecords).orElse(false);
        }
        return layer.publicRead() || currentUser().isPresent();
    }

    /** Readers of the river chief system's records: administrators, viewers, the office and river chiefs. */
    private boolean readsRecords(HetuUser user) {
        return readsAllRecords(user) || user.has(Role.RIVER_CHIEF);
    }

    private boolean readsAllRecords(HetuUser user) {
        return user.has(Role.VIEWER) || isRiverOffice(user);
    }

    private RuntimeException refusal(String what) {
        return currentUser().<RuntimeException>map(u -> new AccessDeniedException(u.username() + " may not " + what))
            .orElseGet(() -> new AuthenticationCredentialsNotFoundException("Sign in to " + what));
    }

}
