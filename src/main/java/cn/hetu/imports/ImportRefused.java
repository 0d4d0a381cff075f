package cn.hetu.imports;

import org.springframework.http.HttpStatus;

import cn.hetu.system.Refusal;

/** An upload or a commit that cannot go ahead, with the status that says why (413, 422, 409). */
class ImportRefused extends Refusal {

    ImportRefused(HttpStatus status, String message) {
        super(status, status.value() == HttpStatus.CONTENT_TOO_LARGE.value() ? "Upload too large" : "Import refused",
                message, null);
    }

    static ImportRefused unprocessable(String message) {
        return new ImportRefused(HttpStatus.UNPROCESSABLE_CONTENT, message);
    }

}
