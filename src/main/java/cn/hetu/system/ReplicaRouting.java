package cn.hetu.system;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * With {@code HETU_DB_REPLICA_URL} set, read-only transactions (feature pages, search, statistics)
 * go to a PostgreSQL streaming replica and everything else to the primary. The connection is taken
 * only when the first statement runs, once the transaction's read-only flag is known.
 */
@Configuration
@ConditionalOnExpression("!'${hetu.replica.url:}'.isEmpty()")
class ReplicaRouting {

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource primaryDataSource(DataSourceProperties properties) {
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }

    @Bean
    HikariDataSource replicaDataSource(DataSourceProperties properties, @Value("${hetu.replica.url}") String url) {
        HikariDataSource replica = DataSourceBuilder.create()
            .type(HikariDataSource.class)
            .url(url)
            .username(properties.getUsername())
            .password(properties.getPassword())
            .build();
        replica.setPoolName("replica");
        replica.setReadOnly(true);
        return replica;
    }

    @Bean
    @Primary
    DataSource dataSource(HikariDataSource primaryDataSource, HikariDataSource replicaDataSource) {
        LazyConnectionDataSourceProxy routing = new LazyConnectionDataSourceProxy(primaryDataSource);
        routing.setReadOnlyDataSource(replicaDataSource);
        return routing;
    }

}
