package cn.hetu.system;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** The vocabulary itself, without a server: distinct codes and types, both languages, the reader's language picked. */
class ErrorCodeTests {

    @Test
    void everyCodeHasItsOwnTypeAndATitleInBothLanguages() {
        assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::type).distinct()).hasSize(ErrorCode.values().length);
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(code.code()).matches("[a-z_]+");
            assertThat(code.title(false)).isNotBlank().isNotEqualTo(code.title(true));
            assertThat(ErrorCode.of(code.code())).isSameAs(code);
        }
        assertThat(ErrorCode.of("no_such_rule")).isSameAs(ErrorCode.INVALID);
    }

    @Test
    void chineseUnlessEnglishIsPreferred() {
        assertThat(Problems.english((String) null)).isFalse();
        assertThat(Problems.english("")).isFalse();
        assertThat(Problems.english("en")).isTrue();
        assertThat(Problems.english("en-US,en;q=0.9")).isTrue();
        assertThat(Problems.english("zh-CN,zh;q=0.9,en;q=0.8")).isFalse();
        assertThat(Problems.english("zh;q=0.5,en;q=0.9")).isTrue();
        assertThat(Problems.english("fr-FR,en;q=0.5")).isTrue();
        assertThat(Problems.english("fr-FR")).isFalse();
        assertThat(Problems.english(";;;=")).isFalse();
    }

    @Test
    void aRefusalToldByItsStatusGetsTheCodeOfThatStatus() {
        assertThat(new Refusal(HttpStatus.CONFLICT, "t", "d", null).code()).isSameAs(ErrorCode.CONFLICT);
        assertThat(new Refusal(HttpStatus.CONTENT_TOO_LARGE, "t", "d", "file").code()).isSameAs(ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(new Refusal(HttpStatus.UNPROCESSABLE_CONTENT, "t", "d", null).code()).isSameAs(ErrorCode.NOT_POSSIBLE);
        assertThat(new FieldRefusal("too_small", "depth", "too shallow").status()).isSameAs(HttpStatus.BAD_REQUEST);
        assertThat(new FieldRefusal("duplicate", "code", "taken").status()).isSameAs(HttpStatus.CONFLICT);
    }

}
