package io.mlproxy.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class LongIntHashMapTest {

  /** Keys as traces give them: small page numbers (the direct array), large ones (the hash part), both mixed. */
  @Provide
  Arbitrary<List<Long>> keys() {
    Arbitrary<Long> small = Arbitraries.longs().between(0, 300);
    Arbitrary<Long> nearLimit = Arbitraries.longs().between(LongIntHashMap.DIRECT_LIMIT - 40, LongIntHashMap.DIRECT_LIMIT + 40);
    Arbitrary<Long> large = Arbitraries.longs().between(0, Long.MAX_VALUE);
    return Arbitraries.oneOf(small, nearLimit, large).list().ofMaxSize(3000);
  }

  @Property(tries = 200)
  void numbersKeysInOrderOfFirstSightLikeAMap(@ForAll("keys") List<Long> keys) {
    LongIntHashMap map = new LongIntHashMap(16);
    Map<Long, Integer> reference = new HashMap<>();
    for (long k : keys) {
      int expected = reference.computeIfAbsent(k, x -> reference.size());
      assertThat(map.getOrPut(k, map.size())).as("key %d", k).isEqualTo(expected);
      assertThat(map.size()).isEqualTo(reference.size());
    }
    // a second pass finds every key with its first number
    for (Map.Entry<Long, Integer> e : reference.entrySet()) {
      assertThat(map.getOrPut(e.getKey(), -7)).isEqualTo(e.getValue());
    }
    assertThat(map.size()).isEqualTo(reference.size());
  }
}
