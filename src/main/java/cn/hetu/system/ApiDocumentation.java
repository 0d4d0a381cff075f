package cn.hetu.system;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application API's OpenAPI document (/v3/api-docs) carries the product's name, the running
 * version and the error vocabulary: the {@code Problem} schema lists every {@link ErrorCode}.
 */
@Configuration
class ApiDocumentation {

    @Bean
    OpenAPI hetuApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI().info(new Info().title("Hetu API")
            .version(properties == null ? "development" : properties.getVersion())
            .description("河图 Hetu: the application API of the county's asset and project registry (projects, parcels, "
                    + "river chiefs, imports, exports, history). The features themselves are served by OGC API - "
                    + "Features at /ogc, documented at /ogc/api. Every refusal is an RFC 9457 problem "
                    + "(application/problem+json) described by the Problem schema."))
            .components(new Components().addSchemas("Problem", problem()));
    }

    private static ObjectSchema problem() {
        StringSchema code = new StringSchema();
        Arrays.stream(ErrorCode.values()).forEach(c -> code.addEnumItem(c.code()));
        code.description("The kind of error; clients choose their message by it. "
                + Arrays.stream(ErrorCode.values())
                    .map(c -> "`" + c.code() + "` (" + c.status().value() + "): " + c.title(true))
                    .collect(Collectors.joining("; ")));
        ObjectSchema problem = new ObjectSchema();
        problem.description("A refusal (RFC 9457). `type` is urn:hetu:problem:<code>, a name rather than an address; "
                + "`title` is the code's title in the reader's language (Accept-Language; Chinese unless English is "
                + "preferred); `detail` explains this occurrence.");
        problem.addProperty("type", new StringSchema().format("uri").example("urn:hetu:problem:invalid_parameter"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema().format("uri-reference"));
        problem.addProperty("code", code);
        problem.addProperty("parameter", new StringSchema()
            .description("The query parameter, header, multipart part or field the problem concerns"));
        problem.addProperty("field", new StringSchema().description("For a field rule: the field refused"));
        problem.addProperty("pointer", new StringSchema().description("For a field rule: JSON pointer to the value"));
        problem.addProperty("limit", new ObjectSchema().description("For too_small, too_large, too_long: the bound"));
        problem.addProperty("fault", new StringSchema().description("For invalid_geometry: self_intersection, outside, "
                + "wrong_type, too_many_vertices, too_few, rings, coordinates or invalid"));
        problem.addProperty("location", new ObjectSchema().description("For invalid_geometry: [longitude, latitude]"));
        problem.addProperty("current", new ObjectSchema().description("For edit_conflict: the record as it is now"));
        problem.required(List.of("type", "title", "status", "code"));
        return problem;
    }

}
