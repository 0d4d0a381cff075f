package cn.hetu.imports;

import org.springframework.http.HttpStatus;

import cn.hetu.system.ErrorCode;
import cn.hetu.system.Refusal;

/** An upload or a commit that cannot go ahead: {@code import_refused} (422), {@code conflict} (409), {@code payload_too_large} (413). */
class ImportRefused extends Refusal {

    ImportRefused(HttpStatus status, String message) {
        super(switch (status) {
            case CONFLICT -> ErrorCode.CONFLICT;
            case CONTENT_TOO_LARGE -> ErrorCode.PAYLOAD_TOO_LARGE;
            default -> ErrorCode.IMPORT_REFUSED;
        }, message, null);
    }

    static ImportRefused unprocessable(String message) {
        return new ImportRefused(HttpStatus.UNPROCESSABLE_CONTENT, message);
    }

}
