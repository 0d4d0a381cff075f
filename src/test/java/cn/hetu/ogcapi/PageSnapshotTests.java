package cn.hetu.ogcapi;

import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.util.LinkedMultiValueMap;

import cn.hetu.RegistryTest;
import cn.hetu.catalog.Catalog;
import cn.hetu.catalog.Condition;
import cn.hetu.catalog.Layer;
import cn.hetu.geo.Crs;
import cn.hetu.query.ItemsFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page and its numberMatched describe one snapshot: both statements run on one connection, in a read-only
 * (so, with a replica configured, replica-routed) repeatable-read transaction.
 */
@RegistryTest
class PageSnapshotTests {

    /** One statement as the database received it, with the state of its connection. */
    record Statement(int connection, boolean readOnly, int isolation, String sql) {
    }

    @Autowired
    DataSource dataSource;

    @Autowired
    Catalog catalog;

    @Autowired
    OgcProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCountAndTheFeaturesAreReadInOneReadOnlySnapshot() {
        List<Statement> statements = new ArrayList<>();
        DataSource recording = recording(dataSource, statements);
        FeatureStore store = new FeatureStore(recording, JdbcClient.create(recording),
                new DataSourceTransactionManager(recording), properties, catalog);
        Layer layer = catalog.get("sluice");
        ItemsQuery query = new ItemsQuery(5, null, null, ItemsFilter.parse(layer, new LinkedMultiValueMap<>(), Set.of()),
                Crs.CRS84);
        Condition where = new Condition("true", List.of());

        FeatureStore.Page page = store.writePage(layer, query, where, OutputStream.nullOutputStream());

        assertThat(page.matched()).isEqualTo(jdbc.sql("SELECT count(*) FROM sluice").query(Long.class).single());
        List<Statement> reads = statements.stream().filter(s -> s.sql().contains("FROM \"sluice\"")).toList();
        assertThat(reads).hasSize(2);
        assertThat(reads).extracting(Statement::connection).containsOnly(reads.get(0).connection());
        assertThat(reads).allMatch(Statement::readOnly, "read-only");
        assertThat(reads).extracting(Statement::isolation).containsOnly(Connection.TRANSACTION_REPEATABLE_READ);
    }

    private static DataSource recording(DataSource target, List<Statement> statements) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] { DataSource.class },
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection connection ? recording(connection, statements) : result;
                });
    }

    private static Connection recording(Connection target, List<Statement> statements) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
                (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                        statements.add(new Statement(System.identityHashCode(target), target.isReadOnly(),
                                target.getTransactionIsolation(), sql));
                    }
                    return invoke(target, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        }
        catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

}
