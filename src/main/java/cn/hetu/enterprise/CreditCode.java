package cn.hetu.enterprise;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from {@value #ALPHABET},
 * the last a check character over the first 17. The database holds the same rule ({@code credit_code_valid}, V81).
 */
final class CreditCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** 3^(i−1) mod 31 for positions 1 to 17. */
    private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

    private CreditCode() {
    }

    /** What is wrong with the code, or null when it is valid. */
    static String problem(String code) {
        if (code.length() != 18) {
            return "has " + code.length() + " characters, not 18";
        }
        int total = 0;
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return "has '" + code.charAt(i) + "' at position " + (i + 1) + "; only 0-9 and A-Y without I, O, S, V, Z occur";
            }
            if (i < 17) {
                total += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
            }
        }
        char check = ALPHABET.charAt((31 - total % 31) % 31);
        return check == code.charAt(17) ? null : "ends in '" + code.charAt(17) + "' but its check character is '" + check + "'";
    }

}
