package cn.hetu.project;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/** What other features may do to key projects: make one, with its milestone chain, as the project page does. */
@Component
public class KeyProjects {

    private final ProjectWrites writes;

    KeyProjects(ProjectWrites writes) {
        this.writes = writes;
    }

    /** A new key project from GeoJSON properties and a footprint; its id. */
    public long create(JsonNode properties, JsonNode footprint) {
        return writes.create(properties, footprint);
    }

}
