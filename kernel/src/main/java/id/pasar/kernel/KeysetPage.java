package id.pasar.kernel;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, in the shape of api.md: {@code {items, nextCursor}},
 * {@code nextCursor} null on the last page. A page is read with one row more than it
 * shows ({@link #fetchSize}): that row says whether there is a next page, without
 * counting.
 */
public record KeysetPage<T>(List<T> items, String nextCursor) {

    public KeysetPage {
        items = List.copyOf(items);
    }

    /** How many rows to read for a page of {@code size}. */
    public static int fetchSize(int size) {
        return size + 1;
    }

    /**
     * The page of {@code size} out of rows read with {@link #fetchSize}: each shown row
     * mapped to its item, and the cursor of the last shown row when more follow.
     */
    public static <R, T> KeysetPage<T> of(List<R> fetched, int size, Function<? super R, ? extends T> item,
            Function<? super R, String> cursorAfter) {
        boolean more = fetched.size() > size;
        List<R> shown = more ? fetched.subList(0, size) : fetched;
        return new KeysetPage<>(shown.stream().<T>map(item).toList(),
                more ? cursorAfter.apply(shown.get(size - 1)) : null);
    }

    /** A list that always comes whole (reference data): no next page. */
    public static <T> KeysetPage<T> whole(List<T> items) {
        return new KeysetPage<>(items, null);
    }
}
