package cn.hetu;

import java.util.List;

/** Accounts of every role for the tests, made through the account API (once per database). */
public final class TestAccounts {

    public static final String PASSWORD = "test-password-1";

    private TestAccounts() {
    }

    /** Creates the account unless it exists; returns a client signed in as it. */
    public static Http ensure(Http admin, String username, List<String> roles, String department) {
        String json = "{\"username\":\"" + username + "\",\"displayName\":\"" + username + "\",\"roles\":"
                + roles.stream().map(r -> "\"" + r + "\"").toList() + ",\"department\":"
                + (department == null ? "null" : "\"" + department + "\"") + ",\"password\":\"" + PASSWORD + "\"}";
        Http.Reply reply = admin.post("/api/v1/accounts", json);
        if (reply.status() != 201 && reply.status() != 409) {
            throw new IllegalStateException("Could not create test account " + username + ": " + reply.body());
        }
        return admin.as(username, PASSWORD);
    }

    public static Http waterEditor(Http admin) {
        return ensure(admin, "water_editor", List.of("editor"), "water");
    }

    public static Http natresEditor(Http admin) {
        return ensure(admin, "natres_editor", List.of("editor"), "natres");
    }

    public static Http planner(Http admin) {
        return ensure(admin, "planner", List.of("planner"), "natres");
    }

    public static Http viewer(Http admin) {
        return ensure(admin, "viewer", List.of("viewer"), null);
    }

    public static Http riverChief(Http admin) {
        return ensure(admin, "river_chief", List.of("river_chief"), null);
    }

}
