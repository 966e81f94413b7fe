package id.pasar.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

class ProblemExceptionTest {

    static final class WithProperty extends ProblemException {

        WithProperty(String name) {
            super(HttpStatus.CONFLICT, "SOME_CODE", "Title", "Detail.");
            property(name, "value");
        }

    }

    @ParameterizedTest
    @ValueSource(strings = { "type", "title", "status", "detail", "instance" })
    void aMemberOfEveryProblemIsNotAnExtension(String member) {
        assertThatThrownBy(() -> new WithProperty(member)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(member);
    }

    @ParameterizedTest
    @ValueSource(strings = { "state", "listingId", "errors" })
    void anExtensionIsKeptWithTheCode(String name) {
        WithProperty problem = new WithProperty(name);
        assertThat(problem.getBody().getProperties()).containsEntry(name, "value").containsEntry("code", "SOME_CODE");
        assertThat(problem.getBody().getStatus()).isEqualTo(409);
    }

}
