package cn.hetu.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What one instance of Hetu changes that others hold in memory (accounts, tokens, the catalogue),
 * heard from PostgreSQL: triggers send {@code NOTIFY channel, payload} and this listens on one
 * connection of its own. A listener gets the payload, or {@code null} for "forget everything" when
 * the connection was lost or made again, since notices sent meanwhile are gone. While it is down,
 * {@link #listening()} is false and caches must not be trusted.
 */
@Component
public class ChangeNotices implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeNotices.class);

    private final DataSource dataSource;

    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();

    private volatile boolean running;

    private volatile boolean listening;

    private Thread thread;

    ChangeNotices(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Calls {@code listener} with each notice on {@code channel}, from this instance or any other. */
    public void listen(String channel, Consumer<String> listener) {
        listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /** True while notices arrive: a cache may then be trusted until a notice says otherwise. */
    public boolean listening() {
        return listening;
    }

    /**
     * Tells this instance's listeners now and, in a transaction, once more when it commits (the
     * trigger's notice reaches every instance too, but a moment later): so the next request here
     * already sees the change.
     */
    public void announceHere(String channel, String payload) {
        deliver(channel, payload);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver(channel, payload);
                }
            });
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listenWhileRunning, "hetu-change-notices");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        thread.interrupt();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listenWhileRunning() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    for (String channel : listeners.keySet()) {
                        statement.execute("LISTEN " + SqlIdentifiers.quote(channel));
                    }
                }
                PGConnection notices = connection.unwrap(PGConnection.class);
                listening = true;
                forgetEverything();
                while (running) {
                    PGNotification[] arrived = notices.getNotifications(500);
                    for (PGNotification notice : arrived == null ? new PGNotification[0] : arrived) {
                        deliver(notice.getName(), notice.getParameter());
                    }
                }
            }
            catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Not hearing changes from other instances ({}); trying again in a second", e.getMessage());
                }
            }
            listening = false;
            if (running) {
                forgetEverything();
                pause();
            }
        }
    }

    private void forgetEverything() {
        listeners.keySet().forEach(channel -> deliver(channel, null));
    }

    private void deliver(String channel, String payload) {
        for (Consumer<String> listener : listeners.getOrDefault(channel, List.of())) {
            try {
                listener.accept(payload);
            }
            catch (RuntimeException e) {
                log.warn("A listener on {} failed", channel, e);
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
