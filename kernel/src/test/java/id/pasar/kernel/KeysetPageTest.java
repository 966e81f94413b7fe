package id.pasar.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class KeysetPageTest {

    @Test
    void aFullPageWithOneRowMoreHasTheCursorOfItsLastShownRow() {
        KeysetPage<String> page = KeysetPage.of(List.of(1, 2, 3), 2, n -> "item" + n, n -> "after" + n);

        assertThat(page.items()).containsExactly("item1", "item2");
        assertThat(page.nextCursor()).isEqualTo("after2");
    }

    @Test
    void theLastPageHasNoCursor() {
        assertThat(KeysetPage.of(List.of(1, 2), 2, n -> n, n -> "after" + n).nextCursor()).isNull();
        assertThat(KeysetPage.of(List.of(), 2, n -> n, n -> "after" + n).items()).isEmpty();
    }

    @Property
    void pagingThroughShowsEveryRowOnceInOrder(@ForAll @IntRange(max = 60) int rows,
            @ForAll @IntRange(min = 1, max = 25) int size) {
        List<Integer> all = IntStream.range(0, rows).boxed().toList();
        List<Integer> seen = new ArrayList<>();
        Integer after = -1;
        while (after != null) {
            int from = after + 1;
            List<Integer> fetched = all.subList(Math.min(from, rows),
                    Math.min(from + KeysetPage.fetchSize(size), rows));
            KeysetPage<Integer> page = KeysetPage.of(fetched, size, n -> n, String::valueOf);
            seen.addAll(page.items());
            after = page.nextCursor() == null ? null : Integer.valueOf(page.nextCursor());
        }
        assertThat(seen).isEqualTo(all);
    }

}
