package cn.hetu.security;

import java.security.SecureRandom;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On the very first start, creates the {@code admin} account: with {@code HETU_ADMIN_PASSWORD}
 * when it is set, otherwise with a random password printed once. There is no built-in password.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AccountRepository accounts;

    private final PasswordEncoder passwords;

    private final JdbcClient jdbc;

    private final String configuredPassword;

    AdminBootstrap(AccountRepository accounts, PasswordEncoder passwords, JdbcClient jdbc,
            @Value("${hetu.admin-password:}") String configuredPassword) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.jdbc = jdbc;
        this.configuredPassword = configuredPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        // Two instances starting together must not both create the first account.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('hetu-admin'))").query().singleRow();
        if (accounts.count() > 0) {
            return;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        accounts.save(new Account("admin", "系统管理员", passwords.encode(password), Set.of(Role.ADMIN), null));
        if (generated) {
            String banner = "\n================================================================\n"
                    + "  Hetu first start: account 'admin' created with password\n\n      " + password
                    + "\n\n  It is shown only this once. Sign in and change it, or set\n"
                    + "  HETU_ADMIN_PASSWORD before the first start next time.\n"
                    + "================================================================\n";
            System.out.println(banner);
        }
        else {
            log.info("Account 'admin' created with the password from HETU_ADMIN_PASSWORD");
        }
    }

    static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

}
