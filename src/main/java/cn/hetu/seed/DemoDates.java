package cn.hetu.seed;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps the demo projects reading as of the day they are loaded. Their file records history up to
 * its {@code asOf} day; a date after it is a plan, and moves on by the days that have passed since,
 * so a plan never turns overdue merely because the demo is loaded later. Dates up to {@code asOf}
 * (what was done, and the plans' own start and end dates that lie in the past) stay as recorded.
 */
final class DemoDates {

    private static final List<String> PROJECT_DATES = List.of("planned_start", "planned_end", "actual_start",
            "actual_end", "progress_reported_at");

    private static final List<String> MILESTONE_DATES = List.of("due_on", "done_on");

    private DemoDates() {
    }

    static String movedTo(LocalDate today, String projects, ObjectMapper json) {
        JsonNode collection = json.readTree(projects);
        if (!collection.hasNonNull("asOf")) {
            return projects;
        }
        LocalDate asOf = LocalDate.parse(collection.get("asOf").asString());
        long days = Math.max(0, ChronoUnit.DAYS.between(asOf, today));
        for (JsonNode feature : collection.path("features")) {
            ObjectNode properties = (ObjectNode) feature.get("properties");
            move(properties, PROJECT_DATES, asOf, days);
            for (JsonNode milestone : properties.path("milestones")) {
                move((ObjectNode) milestone, MILESTONE_DATES, asOf, days);
            }
        }
        return json.writeValueAsString(collection);
    }

    private static void move(ObjectNode node, List<String> fields, LocalDate asOf, long days) {
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value == null || !value.isString()) {
                continue;
            }
            String text = value.asString();
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                node.put(field, date.isAfter(asOf) ? date.plusDays(days).toString() : text);
            }
            else {
                OffsetDateTime time = OffsetDateTime.parse(text);
                node.put(field, time.toLocalDate().isAfter(asOf) ? time.plusDays(days).toString() : text);
            }
        }
    }

}
