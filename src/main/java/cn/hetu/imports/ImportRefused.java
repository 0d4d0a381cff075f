package cn.hetu.imports;

import org.springframework.http.HttpStatus;

/** An upload or a commit that cannot go ahead, with the status that says why (413, 422, 409). */
class ImportRefused extends RuntimeException {

    private final HttpStatus status;

    ImportRefused(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    static ImportRefused unprocessable(String message) {
        return new ImportRefused(HttpStatus.UNPROCESSABLE_CONTENT, message);
    }

    HttpStatus status() {
        return status;
    }

}
