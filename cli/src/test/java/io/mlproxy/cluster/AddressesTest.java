package io.mlproxy.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** --cluster and --join addresses. */
class AddressesTest {

  @Test
  void readsHostsAndPorts() {
    assertThat(Addresses.parse("127.0.0.1:5701, node-2.example:5702,[::1]:5703"))
        .containsExactly("127.0.0.1:5701", "node-2.example:5702", "[::1]:5703");
  }

  @Test
  void namesWhatIsWrong() {
    assertThatThrownBy(() -> Addresses.parse("127.0.0.1")).hasMessageContaining("has no port");
    assertThatThrownBy(() -> Addresses.parse("h:0")).hasMessageContaining("not in 1..65535");
    assertThatThrownBy(() -> Addresses.parse("h:70000")).hasMessageContaining("not in 1..65535");
    assertThatThrownBy(() -> Addresses.parse("h:1,,h:2")).hasMessageContaining("empty address");
    assertThatThrownBy(() -> Addresses.parse("h:1,h:1")).hasMessageContaining("given twice");
    assertThatThrownBy(() -> Addresses.parse("::1:5701")).hasMessageContaining("brackets");
    assertThatThrownBy(() -> Addresses.parse("a b:1")).hasMessageContaining("not a host name");
  }

  @Provide
  Arbitrary<List<String>> addresses() {
    Arbitrary<String> host = Arbitraries.oneOf(
        Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789.-").ofMinLength(1).ofMaxLength(20),
        Arbitraries.integers().between(0, 255).list().ofSize(4).map(l -> String.join(".", l.stream().map(String::valueOf).toList())));
    return Combinators.combine(host, Arbitraries.integers().between(1, 65535)).as((h, p) -> h + ":" + p)
        .list().ofMinSize(1).ofMaxSize(6);
  }

  @Property(tries = 300)
  void listsParseBack(@ForAll("addresses") List<String> list) {
    List<String> distinct = list.stream().distinct().toList();
    if (distinct.isEmpty()) {
      return;
    }
    assertThat(Addresses.parse(String.join(",", distinct))).isEqualTo(distinct);
  }

  @Property(tries = 1000)
  void anyTextParsesOrIsRefusedWithAReason(@ForAll @StringLength(max = 40) String text) {
    try {
      assertThat(Addresses.parse(text)).isNotEmpty().allSatisfy(a -> assertThat(a).matches(".+:\\d{1,5}"));
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
