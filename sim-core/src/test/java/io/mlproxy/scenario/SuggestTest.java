package io.mlproxy.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestTest {

  private static final List<String> KEYS = List.of("sampling", "aggregation", "ops_update", "min_regions");

  @Test
  void closeMisspellingsGetASuggestion() {
    assertThat(Suggest.closest("samplng", KEYS)).isEqualTo("sampling");       // one deletion
    assertThat(Suggest.closest("agregation", KEYS)).isEqualTo("aggregation"); // one deletion
    assertThat(Suggest.closest("smapling", KEYS)).isEqualTo("sampling");      // one transposition
    assertThat(Suggest.closest("Min_Regions", KEYS)).isEqualTo("min_regions"); // case only
  }

  @Test
  void distantWordsGetNone() {
    assertThat(Suggest.closest("colour", KEYS)).isNull();
    assertThat(Suggest.closest("x", KEYS)).isNull();
  }

  @Test
  void distanceByHand() {
    assertThat(Suggest.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggest.distance("ab", "ba")).isEqualTo(1);
    assertThat(Suggest.distance("", "abc")).isEqualTo(3);
  }
}
