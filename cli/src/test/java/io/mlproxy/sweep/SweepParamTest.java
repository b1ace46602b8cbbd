package io.mlproxy.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The --param parser: what it reads back, and that any text gives a parameter or named problems. */
class SweepParamTest {

  @Test
  void readsAFieldAndItsValuesInOrder() {
    List<String> problems = new ArrayList<>();
    SweepParam p = SweepParam.parse("memory.capacity=50%, 75% ,100%,125%", problems);
    assertThat(problems).isEmpty();
    assertThat(p).isEqualTo(new SweepParam("memory.capacity", List.of("50%", "75%", "100%", "125%")));
  }

  @Test
  void everyProblemOfOneParamIsReported() {
    List<String> problems = new ArrayList<>();
    assertThat(SweepParam.parse("memory.capacity=50%,,50%", problems)).isNull();
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).contains("value 2 is empty");
    assertThat(problems.get(1)).contains("'50%' is given twice");
    problems.clear();
    assertThat(SweepParam.parse("memory.capacity", problems)).isNull();
    assertThat(problems).singleElement().asString().contains("no '='");
    problems.clear();
    assertThat(SweepParam.parse("=1,2", problems)).isNull();
    assertThat(problems).singleElement().asString().contains("no field");
  }

  @Provide
  Arbitrary<List<String>> values() {
    return Arbitraries.strings().withChars("abcxyz0123456789.%/_-µ‰ ").ofMinLength(1).ofMaxLength(8)
        .filter(s -> !s.isBlank()).list().ofMinSize(1).ofMaxSize(12);
  }

  @Property(tries = 300)
  void formattedParamsParseBack(@ForAll("values") List<String> raw) {
    List<String> values = raw.stream().map(String::strip).distinct().limit(SweepParam.MAX_VALUES).toList();
    if (values.isEmpty()) {
      return;
    }
    List<String> problems = new ArrayList<>();
    SweepParam p = SweepParam.parse("policy.min_age=" + String.join(",", values), problems);
    assertThat(problems).isEmpty();
    assertThat(p.field()).isEqualTo("policy.min_age");
    assertThat(p.values()).isEqualTo(values);
  }

  @Property(tries = 1000)
  void anyTextGivesAParamOrProblems(@ForAll @StringLength(max = 80) String text) {
    List<String> problems = new ArrayList<>();
    SweepParam p = SweepParam.parse(text, problems);
    if (p == null) {
      assertThat(problems).isNotEmpty().allSatisfy(s -> assertThat(s).startsWith("--param "));
    } else {
      assertThat(problems).isEmpty();
      assertThat(p.field()).isNotBlank();
      assertThat(p.values()).isNotEmpty().doesNotHaveDuplicates().allSatisfy(v -> assertThat(v).isNotBlank());
    }
  }

  @Test
  void theGridVariesTheFirstFieldSlowest() {
    List<SweepPoint> grid = SweepPoint.grid("s", List.of(new SweepParam("a", List.of("1", "2")),
        new SweepParam("b", List.of("x", "y", "z"))));
    assertThat(grid).hasSize(6);
    assertThat(grid.get(0).name()).isEqualTo("s-p01");
    assertThat(grid.get(0).describe()).isEqualTo("a=1, b=x");
    assertThat(grid.get(2).describe()).isEqualTo("a=1, b=z");
    assertThat(grid.get(3).describe()).isEqualTo("a=2, b=x");
    assertThat(grid.get(5).name()).isEqualTo("s-p06");
  }
}
