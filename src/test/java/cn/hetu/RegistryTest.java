package cn.hetu;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port against the real PostGIS test database, with the demo
 * county loaded. Every test class uses this one set-up, so they share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "hetu.demo.load=true", "hetu.admin-password=" + Http.ADMIN_PASSWORD })
@Import(Http.class)
public @interface RegistryTest {
}
