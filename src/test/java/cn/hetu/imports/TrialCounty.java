package cn.hetu.imports;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hetu.HetuApplication;
import cn.hetu.Http;

/**
 * Hetu for 试验县, a made-up county (test resource county/second-county.json), on a database of its own made
 * afresh, with the test-only migration that adds 泵站 (db/pumping-station). Started once for the test classes
 * that use it and stopped when the JVM ends.
 */
final class TrialCounty {

    private static ConfigurableApplicationContext context;

    private TrialCounty() {
    }

    static synchronized Http admin() {
        return Http.admin(started().getEnvironment());
    }

    static synchronized JdbcClient jdbc() {
        return started().getBean(JdbcClient.class);
    }

    private static ConfigurableApplicationContext started() {
        if (context == null) {
            String url = System.getenv().getOrDefault("HETU_DB_URL", "jdbc:postgresql://127.0.0.1:54329/hetu_test");
            String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "") + "_trial_county";
            try (Connection connection = DriverManager.getConnection(url, System.getenv().getOrDefault("HETU_DB_USER", "hetu"),
                    System.getenv().getOrDefault("HETU_DB_PASSWORD", ""));
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                statement.execute("CREATE DATABASE " + database);
            }
            catch (SQLException e) {
                throw new IllegalStateException("Cannot make the trial county's database " + database, e);
            }
            context = new SpringApplicationBuilder(HetuApplication.class).run("--server.port=0", "--hetu.demo.load=false",
                    "--hetu.admin-password=" + Http.ADMIN_PASSWORD, "--spring.datasource.hikari.maximum-pool-size=5",
                    "--spring.datasource.url=" + url.substring(0, url.lastIndexOf('/') + 1) + database,
                    "--spring.flyway.locations=classpath:db/migration,classpath:db/pumping-station",
                    "--hetu.county.profile-file=classpath:county/second-county.json");
            Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        }
        return context;
    }

}
