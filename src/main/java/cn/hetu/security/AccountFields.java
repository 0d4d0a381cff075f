package cn.hetu.security;

import java.util.regex.Pattern;

import cn.hetu.system.InvalidParameterException;

/** The shapes of an account's user name and display name, checked before the database sees them. */
final class AccountFields {

    /** Also a CHECK on {@code account.username} (migration V3). */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{2,64}");

    static final int DISPLAY_NAME_MAX = 100;

    private AccountFields() {
    }

    static boolean isUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    static String username(String username) {
        if (!isUsername(username)) {
            throw new InvalidParameterException("username",
                    "A user name has 2 to 64 characters: Latin letters, digits, '_', '.' and '-' (a pinyin name such as zhang.san)");
        }
        return username;
    }

    static String displayName(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            throw new InvalidParameterException("displayName", "A display name is needed");
        }
        if (displayName.codePointCount(0, displayName.length()) > DISPLAY_NAME_MAX) {
            throw new InvalidParameterException("displayName", "A display name has at most " + DISPLAY_NAME_MAX + " characters");
        }
        return displayName.strip();
    }

}
