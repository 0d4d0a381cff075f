package cn.hetu.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application API's OpenAPI document (/v3/api-docs) carries the product's name and the running version. */
@Configuration
class ApiDocumentation {

    @Bean
    OpenAPI hetuApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI().info(new Info().title("Hetu API")
            .version(properties == null ? "development" : properties.getVersion())
            .description("河图 Hetu: the application API of the county's asset and project registry (projects, parcels, "
                    + "river chiefs, imports, exports, history). The features themselves are served by OGC API - "
                    + "Features at /ogc, documented at /ogc/api."));
    }

}
