package cn.hetu.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What an account may do; stored in lower case in {@code account.roles}. */
public enum Role {

    /** Everything, including accounts and which collections anonymous users may read. */
    ADMIN,
    /** Edits the assets and projects of one department. */
    EDITOR,
    /** Logs patrols and follows up the issues on the segments in their charge. */
    RIVER_CHIEF,
    /** Edits land parcels and their disposal plans. */
    PLANNER,
    /** Reads everything, changes nothing. */
    VIEWER;

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }

    /** The roles stored as {@code account.roles}. */
    static Set<Role> setOf(String[] codes) {
        return Arrays.stream(codes).map(Role::of).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    @JsonCreator
    static Role of(String code) {
        return Arrays.stream(values())
            .filter(r -> r.code().equals(code))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("Unknown role '" + code + "'"));
    }

}
