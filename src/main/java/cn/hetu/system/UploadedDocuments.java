package cn.hetu.system;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.http.HttpStatus;

/**
 * The documents users attach (a plan report's evidence, a town's responsibility letter): a JPEG or PNG photo
 * or a PDF, whose first bytes must be what its declared type says (415 otherwise).
 */
public final class UploadedDocuments {

    private static final Set<String> TYPES = Set.of("image/jpeg", "image/png", "application/pdf");

    private UploadedDocuments() {
    }

    /** Refuses a file that is not a JPEG, PNG or PDF, or whose content is not its declared type. */
    public static void check(String contentType, byte[] b, String parameter) {
        if (!TYPES.contains(contentType)) {
            throw new Refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Document type",
                    "A document is a JPEG or PNG photo or a PDF, not " + contentType, parameter);
        }
        boolean matches = switch (contentType) {
            case "image/jpeg" -> b.length > 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8;
            case "image/png" -> b.length > 4 && (b[0] & 0xff) == 0x89 && new String(b, 1, 3, StandardCharsets.ISO_8859_1).equals("PNG");
            default -> b.length > 4 && new String(b, 0, 4, StandardCharsets.ISO_8859_1).equals("%PDF");
        };
        if (!matches) {
            throw new Refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Document type",
                    "The file's content is not the " + contentType + " it is declared as", parameter);
        }
    }

    /** The name a file is stored under: the last path part of what the browser sent, at most 200 characters. */
    public static String name(String original, String fallback) {
        if (original == null || original.isBlank()) {
            return fallback;
        }
        String base = original.replaceAll(".*[/\\\\]", "");
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

}
