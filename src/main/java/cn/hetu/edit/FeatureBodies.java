package cn.hetu.edit;

import tools.jackson.databind.JsonNode;

import cn.hetu.system.InvalidParameterException;

/** The checks a feature's JSON body passes on the registry's own APIs (projects, investments, enterprises) before any write. */
public final class FeatureBodies {

    private FeatureBodies() {
    }

    /** A new feature's properties, which must be an object; {@code feature} names it in the refusal ("A project"). */
    public static JsonNode properties(JsonNode properties, String feature) {
        if (properties == null || !properties.isObject()) {
            throw new InvalidParameterException("properties", feature + " needs its properties");
        }
        return properties;
    }

    /** A merge patch must carry properties.version, the version its sender read. */
    public static void requireVersion(JsonNode patch) {
        if (!patch.path("properties").has("version")) {
            throw new InvalidParameterException("version", "Send the version you read, so no one's change is overwritten");
        }
    }

}
