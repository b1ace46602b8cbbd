package io.mlproxy.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class LruListTest {

    /**
     * Any mix of operations gives the order of a plain list (head first), whether the order is read
     * early (linked from then on) or late (stamped until then).
     */
    @Property(tries = 300)
    void agreesWithAPlainList(@ForAll @Size(max = 300) List<@IntRange(min = 0, max = 5) Integer> kinds,
            @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 15) Integer> draws,
            @ForAll @IntRange(min = 1, max = 16) int pages) {
        LruList lru = new LruList(pages);
        List<Integer> reference = new ArrayList<>();
        for (int i = 0; i < Math.min(kinds.size(), draws.size()); i++) {
            int page = draws.get(i) % pages;
            boolean in = reference.contains(page);
            switch (kinds.get(i)) {
                case 0 -> {
                    if (!in) {
                        lru.pushFront(page);
                        reference.add(0, page);
                    } else {
                        lru.moveToFront(page);
                        reference.remove(Integer.valueOf(page));
                        reference.add(0, page);
                    }
                }
                case 1 -> {
                    if (!in) {
                        lru.pushBack(page);
                    } else {
                        lru.moveToBack(page);
                        reference.remove(Integer.valueOf(page));
                    }
                    reference.add(page);
                }
                case 2 -> {
                    if (in) {
                        lru.remove(page);
                        reference.remove(Integer.valueOf(page));
                    }
                }
                case 3 -> {
                    if (!reference.isEmpty()) {
                        assertThat(lru.removeTail()).isEqualTo(reference.remove(reference.size() - 1));
                    }
                }
                default -> {
                    if (in) {
                        // the hit path, the most frequent operation
                        lru.moveToFront(page);
                        reference.remove(Integer.valueOf(page));
                        reference.add(0, page);
                    }
                }
            }
        }
        assertThat(order(lru)).isEqualTo(reference);
    }

    private static List<Integer> order(LruList lru) {
        List<Integer> pages = new ArrayList<>();
        for (int p = lru.head(); p != LruList.NIL; p = lru.next(p)) {
            pages.add(p);
        }
        if (!pages.isEmpty()) {
            assertThat(lru.tail()).isEqualTo(pages.get(pages.size() - 1));
        }
        return pages;
    }
}
