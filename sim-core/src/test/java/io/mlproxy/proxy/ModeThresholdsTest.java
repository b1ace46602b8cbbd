package io.mlproxy.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModeThresholdsTest {
    @Test
    void defaultsAreTheDocumentedOnes() {
        ModeThresholds t = ModeThresholds.defaults();
        assertThat(t).isEqualTo(new ModeThresholds(100, 500, 50, 50, 10_000, 64, 2_000, 950, 10_000, 200, 500, 990));
        assertThat(ModeThresholds.OPTION_NAMES).hasSize(ModeThresholds.class.getRecordComponents().length);
        for (String n : ModeThresholds.OPTION_NAMES) {
            assertThat(t.with(n, t.get(n))).isEqualTo(t);
        }
    }

    @Test
    void withReplacesOneComponentByItsYamlName() {
        ModeThresholds t = ModeThresholds.defaults().with("min_dwell", 1234).with("min_confidence", 0);
        assertThat(t.minDwellMs()).isEqualTo(1234);
        assertThat(t.minConfidencePermille()).isZero();
        assertThat(t.windowMs()).isEqualTo(10_000);
    }

    @Test
    void outOfRangeValuesNameTheComponentAndTheRange() {
        assertThatThrownBy(() -> ModeThresholds.defaults().with("learning_share", 1001))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("learningSharePermille").hasMessageContaining("0..1000");
        assertThatThrownBy(() -> ModeThresholds.defaults().with("window", 0))
                .hasMessageContaining("windowMs").hasMessageContaining("1..86400000");
        assertThatThrownBy(() -> ModeThresholds.defaults().with("min_samples", 0)).hasMessageContaining("minSamples");
        assertThatThrownBy(() -> ModeThresholds.defaults().with("nope", 1)).hasMessageContaining("unknown threshold");
        assertThatThrownBy(() -> ModeThresholds.defaults().with("promote_margin", 1L << 40))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
