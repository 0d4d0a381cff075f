package cn.hetu.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.hetu.catalog.Catalog;
import cn.hetu.catalog.Layer;

/**
 * The one place that decides who may read and who may change each collection. Every way data
 * leaves Hetu (feature pages, search, statistics, tiles, exports) takes its layers from here.
 */
@Component
public class LayerAccess {

    /** Collections that planners change, whatever department holds the feature. */
    private static final Set<String> PLANNER_COLLECTIONS = Set.of("land_parcel");

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
            if (currentUser().isPresent()) {
                throw new AccessDeniedException(currentUser().get().username() + " may not read collection '" + id + "'");
            }
            throw new AuthenticationCredentialsNotFoundException("Sign in to read collection '" + id + "'");
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
     * Readers of the river chief system's records (patrols, issues, bulletins): administrators, river
     * chiefs, viewers and the water bureau's editors.
     */
    public static boolean readsRiverRecords(HetuUser user) {
        return user.has(Role.ADMIN) || user.has(Role.RIVER_CHIEF) || user.has(Role.VIEWER)
                || (user.has(Role.EDITOR) && "water".equals(user.department()));
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

    static boolean canEdit(HetuUser user, Layer layer, String department) {
        if (layer.isRecord()) {
            return false;
        }
        if (user.has(Role.ADMIN)) {
            return true;
        }
        if (user.has(Role.PLANNER) && PLANNER_COLLECTIONS.contains(layer.id())) {
            return true;
        }
        return user.has(Role.EDITOR) && user.department() != null && user.department().equals(department);
    }

    private boolean canRead(Layer layer) {
        if (layer.isRecord()) {
            return currentUser().map(LayerAccess::readsRiverRecords).orElse(false);
        }
        return layer.publicRead() || currentUser().isPresent();
    }

}
