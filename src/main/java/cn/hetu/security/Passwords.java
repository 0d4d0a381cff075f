package cn.hetu.security;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import cn.hetu.system.InvalidParameterException;

/** The rules a chosen password must meet: long enough for bcrypt to matter, short enough for bcrypt to read, not guessable. */
final class Passwords {

    static final int MINIMUM_LENGTH = 10;

    /** bcrypt reads no further; a longer password would be cut silently, so it is refused. */
    static final int MAXIMUM_BYTES = 72;

    private static final int MINIMUM_DISTINCT = 5;

    /** Whole passwords seen at the top of leaked lists, as typed in lower case. */
    private static final Set<String> COMMON = Set.of("1qaz2wsx3edc", "1q2w3e4r5t", "1q2w3e4r5t6y", "qwerty1234",
            "qwer123456", "a123456789", "abc1234567", "aa12345678", "woaini1314", "5201314520", "1314520520", "0987654321",
            "zxcvbnm123", "asdfghjkl1", "qazwsxedc123", "abcd123456", "hetu123456", "admin12345", "admin123456");

    /** Words that are no password, whatever digits or signs follow them. */
    private static final Set<String> COMMON_WORDS = Set.of("password", "passw", "passwd", "passwor", "pass", "qwerty",
            "qwertyuiop", "asdfghjkl", "zxcvbnm", "iloveyou", "admin", "administrator", "welcome", "letmein", "changeme",
            "hetu", "woaini", "test", "abc", "root", "user");

    private Passwords() {
    }

    /** The password if it meets the rules, else 400 naming {@code parameter}. */
    static String checked(String password, String username, String parameter) {
        if (password.length() < MINIMUM_LENGTH) {
            throw refused(parameter, "A password needs at least " + MINIMUM_LENGTH + " characters");
        }
        if (!fitsBcrypt(password)) {
            throw refused(parameter, "A password may have at most " + MAXIMUM_BYTES + " bytes (a Chinese character takes 3); this one has "
                    + password.getBytes(StandardCharsets.UTF_8).length);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.codePoints().distinct().count() < MINIMUM_DISTINCT) {
            throw refused(parameter, "A password needs at least " + MINIMUM_DISTINCT + " different characters");
        }
        if (isRun(lower) || isRepetition(lower)) {
            throw refused(parameter, "A password may not be a run or a repetition of characters");
        }
        String word = lower.replaceFirst("^[^\\p{L}]+", "").replaceFirst("[^\\p{L}]+$", "");
        if (COMMON.contains(lower) || COMMON_WORDS.contains(word.replace('0', 'o').replace('@', 'a'))
                || COMMON_WORDS.contains(word)) {
            throw refused(parameter, "This password is among the first an attacker tries");
        }
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw refused(parameter, "A password may not contain the user name");
        }
        return password;
    }

    static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAXIMUM_BYTES;
    }

    /** Each character one up or one down from the one before, all the way: 0123456789, 9876543210, abcdefghij. */
    private static boolean isRun(String password) {
        int step = password.charAt(1) - password.charAt(0);
        if (Math.abs(step) != 1) {
            return false;
        }
        for (int i = 2; i < password.length(); i++) {
            if (password.charAt(i) - password.charAt(i - 1) != step) {
                return false;
            }
        }
        return true;
    }

    /** One piece said again and again: abcabcabcabc, 1234512345. */
    private static boolean isRepetition(String password) {
        return (password + password).indexOf(password, 1) < password.length();
    }

    private static InvalidParameterException refused(String parameter, String message) {
        return new InvalidParameterException(parameter, message);
    }

}
