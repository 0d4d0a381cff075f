package cn.hetu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An answer of the server that the front end's unit tests load from {@code frontend/test/fixtures} instead of asking
 * a server: compared with the live answer, so the fixture cannot drift. Run with {@code -Dhetu.fixtures.write=true}
 * to write it afresh after a deliberate change.
 */
public final class FrontEndFixture {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private FrontEndFixture() {
    }

    public static void assertMatches(String name, JsonNode live) {
        Path file = Path.of("frontend/test/fixtures", name);
        try {
            if (Boolean.getBoolean("hetu.fixtures.write")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, JSON.writeValueAsString(live) + "\n");
            }
            assertThat(JSON.readTree(Files.readString(file)))
                .as(file + " is what the server answers (-Dhetu.fixtures.write=true writes it afresh)")
                .isEqualTo(live);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
