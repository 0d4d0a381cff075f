package cn.hetu.river;

import org.springframework.http.HttpStatus;

import cn.hetu.system.Refusal;

/** The river pages' refusals (413, 415, 422), naming the request part they concern. */
final class RiverProblems {

    private RiverProblems() {
    }

    /** A refused photo upload; the problem names the multipart field {@code file}. */
    static Refusal photo(HttpStatus status, String title, String detail) {
        return new Refusal(status, title, detail, "file");
    }

    static Refusal unprocessable(String parameter, String detail) {
        return new Refusal(HttpStatus.UNPROCESSABLE_CONTENT, "Not possible as things are", detail, parameter);
    }

}
