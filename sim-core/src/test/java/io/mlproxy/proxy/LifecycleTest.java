package io.mlproxy.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every lifecycle operation from every state: the legal ones move as the RFC says, the others fail and change nothing. */
class LifecycleTest {
    private static final ModelState C = ModelState.CREATED;
    private static final ModelState I = ModelState.INITIALIZED;
    private static final ModelState S = ModelState.STARTED;
    private static final ModelState R = ModelState.RUNNING;
    private static final ModelState T = ModelState.STOPPED;
    private static final ModelState D = ModelState.SHUTTING_DOWN;

    /** An operation and, per source state, the expected target state or null for "illegal". */
    record Op(String name, Consumer<Fixture> call, Map<ModelState, ModelState> legal) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Map<ModelState, ModelState> legal(ModelState... fromTo) {
        Map<ModelState, ModelState> m = new EnumMap<>(ModelState.class);
        for (int i = 0; i < fromTo.length; i += 2) {
            m.put(fromTo[i], fromTo[i + 1]);
        }
        return m;
    }

    static List<Op> ops() {
        return List.of(
                new Op("init", f -> f.proxy.init(ProxyConfig.forAddressSpace(Fixture.PAGES), ModeThresholds.defaults()),
                        legal(C, I)),
                new Op("reInit", f -> f.proxy.reInit(ModeThresholds.defaults().with("window", 5000)),
                        legal(I, I, T, I)),
                new Op("start", f -> f.proxy.start(), legal(I, S, T, S)),
                new Op("stop", f -> f.proxy.stop(), legal(S, T, R, T)),
                new Op("destroy", f -> f.proxy.destroy(), legal(C, D, I, D, T, D)),
                new Op("getDataset", f -> f.proxy.getDataset(), legal(S, S, R, R)),
                new Op("prepareDataset", f -> f.proxy.prepareDataset(), legal(S, S, R, R)),
                new Op("estimateSystemState", f -> f.proxy.estimateSystemState(0), legal(I, I, S, S, R, R, T, T)),
                new Op("correctSystemState", f -> f.proxy.correctSystemState(0), legal(I, I, S, S, R, R, T, T)),
                new Op("estimateEfficiency", f -> f.proxy.estimateEfficiency(f.nextDecisionId(), HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, 1),
                        legal(I, I, S, S, R, R, T, T)),
                new Op("errorBackpropagation", f -> f.proxy.errorBackpropagation(1, 0, 64, 1, 1, -5, 1),
                        legal(I, I, S, S, R, R, T, T)),
                new Op("forceMode", f -> f.proxy.forceMode(SystemMode.RECOMMENDATION), legal(I, I, S, S, R, R, T, T)),
                new Op("releaseMode", f -> f.proxy.releaseMode(), legal(I, I, S, S, R, R, T, T)),
                new Op("executeOperation", f -> f.proxy.executeOperation(0, 64, 0), legal(I, I, S, S, R, R, T, T)));
    }

    static Stream<Arguments> everyStateAndOp() {
        List<Arguments> out = new ArrayList<>();
        for (ModelState s : ModelState.values()) {
            for (Op op : ops()) {
                out.add(Arguments.of(s, op));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{1} from {0}")
    @MethodSource("everyStateAndOp")
    void operationFromState(ModelState from, Op op) {
        Fixture f = Fixture.inState(from);
        assertThat(f.proxy.state()).isEqualTo(from);
        ModelState expected = op.legal().get(from);
        if (expected != null) {
            op.call().accept(f);
            assertThat(f.proxy.state()).isEqualTo(expected);
            return;
        }
        SystemState before = f.proxy.getSystemState();
        Errno errno = from == D ? Errno.ESHUTDOWN : from == S || from == R ? Errno.EBUSY : Errno.EINVAL;
        assertThatThrownBy(() -> op.call().accept(f)).isInstanceOf(MlLibException.class)
                .extracting(e -> ((MlLibException) e).errno()).isEqualTo(errno);
        assertThat(f.proxy.getSystemState()).isEqualTo(before);
    }

    @Test
    void firstAppliedRecommendationMakesStartedRunning() {
        Fixture f = Fixture.started();
        long gen = f.proxy.prepareDataset();
        assertThat(f.proxy.state()).isEqualTo(ModelState.STARTED);
        f.submit(Recommendation.builder(gen).region(0, 64, HintAction.KEEP, 900).build());
        assertThat(f.proxy.state()).isEqualTo(ModelState.RUNNING);
    }

    @Test
    void restartAfterStopAndReInitKeepTheProxyUsable() {
        Fixture f = Fixture.stopped();
        f.proxy.reInit(ModeThresholds.defaults().with("learning_share", 200));
        assertThat(f.proxy.thresholds().learningSharePermille()).isEqualTo(200);
        assertThat(f.proxy.hintTable()).isEmpty();
        assertThat(f.proxy.datasetState()).contains(DatasetState.OBSOLETE);
        f.proxy.start();
        long gen = f.proxy.prepareDataset();
        assertThat(gen).isEqualTo(2);
        f.submit(Recommendation.builder(gen).region(0, 64, HintAction.KEEP, 900).build());
        assertThat(f.proxy.state()).isEqualTo(ModelState.RUNNING);
    }

    @Test
    void createRejectsMissingParts() {
        assertThatThrownBy(() -> MlModelProxy.create("", ModelOperations.GENERIC, w -> { }, () -> 0))
                .isInstanceOf(MlLibException.class);
        assertThatThrownBy(() -> MlModelProxy.create("x", null, w -> { }, () -> 0))
                .isInstanceOf(MlLibException.class);
    }

    @Test
    void getSystemStateIsLegalEverywhere() {
        for (ModelState s : ModelState.values()) {
            assertThat(Fixture.inState(s).proxy.getSystemState().state()).isEqualTo(s);
        }
        assertThat(new Fixture().proxy.getSystemState().forcedMode()).isEqualTo(Optional.empty());
    }

    @Test
    void executeOperationInCreatedOrShuttingDownNamesTheState() {
        assertThatThrownBy(() -> new Fixture().proxy.executeOperation(0, 1, 0)).hasMessageContaining("CREATED");
        assertThatThrownBy(() -> Fixture.shuttingDown().proxy.executeOperation(0, 1, 0))
                .hasMessageContaining("ESHUTDOWN");
    }
}
