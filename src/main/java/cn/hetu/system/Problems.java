package cn.hetu.system;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one producer of problem bodies (RFC 9457): {@code type} and {@code code} from the
 * {@link ErrorCode}, the title in the reader's language (English when Accept-Language prefers it,
 * else Chinese), the detail, and the request part at fault as {@code parameter}. Controllers'
 * exceptions reach it through {@link ProblemHandler}; filters and the security layer write with
 * {@link #write}.
 */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    /** True when the request's Accept-Language prefers English to Chinese; Chinese is the default. */
    public static boolean english(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (tag.startsWith("zh")) {
                    return false;
                }
                if (tag.startsWith("en")) {
                    return true;
                }
            }
        }
        catch (IllegalArgumentException e) {
            return false; // an unreadable header gets the default language
        }
        return false;
    }

    public static boolean english(HttpServletRequest request) {
        return english(request.getHeader("Accept-Language"));
    }

    public static ProblemDetail body(ErrorCode code, HttpStatusCode status, String detail, String parameter, boolean english) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(code.type());
        problem.setTitle(code.title(english));
        problem.setProperty("code", code.code());
        if (parameter != null) {
            problem.setProperty("parameter", parameter);
        }
        return problem;
    }

    public static ProblemDetail body(ApiProblem e, boolean english) {
        ProblemDetail problem = body(e.code(), e.status(), e.getMessage(), e.parameter(), english);
        e.members().forEach(problem::setProperty);
        return problem;
    }

    /** Writes the problem as the response, for those answering outside Spring MVC (filters, security). */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", problem.getType().toString());
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        members.put("detail", problem.getDetail());
        members.put("instance", problem.getInstance().toString());
        if (problem.getProperties() != null) {
            members.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(members));
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail)
            throws IOException {
        write(request, response, body(code, code.status(), detail, null, english(request)));
    }

}
