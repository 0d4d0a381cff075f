package cn.hetu.security;

import cn.hetu.system.InvalidParameterException;

/** The rule a chosen password must meet. */
final class Passwords {

    static final int MINIMUM_LENGTH = 10;

    private Passwords() {
    }

    static String checked(String password) {
        if (password.length() < MINIMUM_LENGTH) {
            throw new InvalidParameterException("password",
                    "A password needs at least " + MINIMUM_LENGTH + " characters");
        }
        return password;
    }

}
