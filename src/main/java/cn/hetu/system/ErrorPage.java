package cn.hetu.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container forwards to {@code /error} (a request the firewall rejects, a failure
 * outside Spring MVC) answered in the same problem shape as everything else, instead of Spring Boot's
 * own error document. A 5xx says nothing of its cause; the log has it.
 */
@RestController
class ErrorPage implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer given ? given : 500;
        ErrorCode code = ErrorCode.forStatus(status);
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        String detail = status < 500 && message instanceof String text && !text.isBlank() ? text : code.title(false);
        ProblemDetail problem = Problems.body(code, HttpStatusCode.valueOf(status), detail, null, Problems.english(request));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

}
