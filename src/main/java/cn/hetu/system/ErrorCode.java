package cn.hetu.system;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.http.HttpStatus;

/**
 * Hetu's error vocabulary: every problem body carries one of these as {@code code}, its
 * {@code type} ({@code urn:hetu:problem:<code>}), its usual status and its title in Chinese and
 * English. The first group are request-level kinds; the second the rules a field's value can break.
 */
public enum ErrorCode {

    INVALID_PARAMETER(HttpStatus.BAD_REQUEST, "参数无效", "Invalid parameter"),
    INVALID_FILTER(HttpStatus.BAD_REQUEST, "筛选条件无效", "Invalid filter"),
    MALFORMED_BODY(HttpStatus.BAD_REQUEST, "请求内容无法读取", "Unreadable request body"),
    INVALID_GEOMETRY(HttpStatus.BAD_REQUEST, "图形无效", "Invalid geometry"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "需要登录", "Sign in required"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "无权操作", "Not allowed"),
    CSRF_REFUSED(HttpStatus.FORBIDDEN, "CSRF 令牌被拒绝", "CSRF token refused"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "未找到", "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "不支持此操作", "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "无法提供所要的格式", "Not acceptable"),
    EDIT_CONFLICT(HttpStatus.CONFLICT, "编辑冲突", "Edit conflict"),
    CONFLICT(HttpStatus.CONFLICT, "与当前状态冲突", "Conflict with the current state"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "内容过大", "Request too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的内容类型", "Unsupported media type"),
    ILLEGAL_TRANSITION(HttpStatus.UNPROCESSABLE_CONTENT, "当前状态下不允许", "Not allowed from the current status"),
    NOT_POSSIBLE(HttpStatus.UNPROCESSABLE_CONTENT, "目前无法办理", "Not possible as things are"),
    IMPORT_REFUSED(HttpStatus.UNPROCESSABLE_CONTENT, "导入被拒绝", "Import refused"),
    IMPORT_CHECKS_FAILED(HttpStatus.UNPROCESSABLE_CONTENT, "数值与字段不符", "Values do not fit"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "尝试次数过多", "Too many attempts"),
    BUSY(HttpStatus.SERVICE_UNAVAILABLE, "服务器繁忙", "Busy"),
    DATABASE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "数据库暂时无法连接", "Database unavailable"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "内部错误", "Internal error"),

    REQUIRED(HttpStatus.BAD_REQUEST, "缺少必填值", "A value is required"),
    BLANK(HttpStatus.BAD_REQUEST, "值不能为空白", "A value may not be blank"),
    NOT_ALLOWED(HttpStatus.BAD_REQUEST, "值不在允许范围内", "Value not allowed"),
    TOO_SMALL(HttpStatus.BAD_REQUEST, "值过小", "Value too small"),
    TOO_LARGE(HttpStatus.BAD_REQUEST, "值过大", "Value too large"),
    TOO_LONG(HttpStatus.BAD_REQUEST, "值过长", "Value too long"),
    WRONG_TYPE(HttpStatus.BAD_REQUEST, "值的类型不对", "Value of the wrong type"),
    UNKNOWN_FIELD(HttpStatus.BAD_REQUEST, "未知字段", "Unknown field"),
    UNKNOWN_REFERENCE(HttpStatus.BAD_REQUEST, "引用的记录不存在", "Unknown reference"),
    DUPLICATE(HttpStatus.CONFLICT, "记录已存在", "Already exists"),
    INCONSISTENT(HttpStatus.BAD_REQUEST, "值相互矛盾", "Values contradict each other"),
    NOT_ALLOWED_TRANSITION(HttpStatus.BAD_REQUEST, "不允许的状态变更", "Status change not allowed"),
    INVALID(HttpStatus.BAD_REQUEST, "违反登记规则", "Refused by a rule of the registry");

    private static final String TYPE_PREFIX = "urn:hetu:problem:";

    private final HttpStatus status;

    private final String zh;

    private final String en;

    ErrorCode(HttpStatus status, String zh, String en) {
        this.status = status;
        this.zh = zh;
        this.en = en;
    }

    /** The code as it appears in problem bodies, e.g. {@code invalid_parameter}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public URI type() {
        return URI.create(TYPE_PREFIX + code());
    }

    public HttpStatus status() {
        return status;
    }

    public String title(boolean english) {
        return english ? en : zh;
    }

    /** True for the rules a single field's value can break (answered with the field named). */
    public boolean isFieldRule() {
        return ordinal() >= REQUIRED.ordinal();
    }

    /** The code of an error known only by its status (Spring's own, the servlet container's). */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 503 -> BUSY;
            default -> status >= 400 && status < 500 ? INVALID_PARAMETER : INTERNAL_ERROR;
        };
    }

    /** The code written as {@code code} in a body; {@link #INVALID} for one Hetu does not know. */
    public static ErrorCode of(String code) {
        return Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst().orElse(INVALID);
    }

}
