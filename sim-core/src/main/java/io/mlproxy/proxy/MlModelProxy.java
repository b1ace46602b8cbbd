package io.mlproxy.proxy;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Kernel-side proxy of one ML model of a subsystem ({@code struct ml_lib_model}): lifecycle, dataset
 * generations, recommendation ingest and the installed hint table, the decision hot path, efficiency
 * accounting, feedback, and the mode controller. The 18 RFC operations are methods with the RFC's
 * names in camel case; see package-info for what each does here.
 *
 * <p>Concurrency: control-path methods synchronize on the proxy. {@link #executeOperation} takes no
 * lock: it reads the mode and the hint table from volatile fields (the table swap is the only
 * synchronisation) and updates statistics in plain fields, which may lose increments if several
 * threads decide at once (the simulation decides from one thread).
 */
public final class MlModelProxy {
    private static final int MODE_EMERGENCY = 0;
    private static final int MODE_LEARNING = 1;
    private static final int MODE_COLLABORATION = 2;
    private static final int MODE_RECOMMENDATION = 3;

    private static final int CH_MSG_WRITTEN = 0;
    private static final int CH_MSG_REJECTED = 1;
    private static final int CHANNELS = 2;
    /** The latest evidence the controller steps down on without waiting for the window: its last fifth. */
    private static final int LATEST_FIFTHS = 5;

    private static final EnumSet<ModelState> AFTER_INIT = EnumSet.of(ModelState.INITIALIZED, ModelState.STARTED,
            ModelState.RUNNING, ModelState.STOPPED);
    private static final EnumSet<ModelState> AGENT_ACTIVE = EnumSet.of(ModelState.STARTED, ModelState.RUNNING);
    private static final EnumSet<ModelState> RECONFIGURABLE = EnumSet.of(ModelState.INITIALIZED, ModelState.STOPPED);

    private final String name;
    private final ModelOperations modelOps;
    private final DatasetOperations datasetOps;
    private final ProxyClock clock;

    // --- read by the hot path ---
    private volatile ModelState state = ModelState.CREATED;
    private volatile HintTable table;
    private volatile int modeOrdinal = MODE_EMERGENCY;
    private volatile int minConfidence;
    private volatile long[] learningTerritory;
    private volatile long[] collaborationTerritory;
    private ExposureMap exposure;
    private long decisionsMl;
    private long decisionsDefault;
    private long mlAbstentions;

    // --- control path, guarded by this ---
    private ProxyConfig config;
    private RecommendationLimits limits;
    private ModeController controller;
    private SlidingWindowSums window;
    private EvidenceWindow evidence;
    private long accountingStartMs;
    private FeedbackQueue feedback;
    private Dataset dataset;
    private long generationCounter;
    private int lastRegionCount;
    private long[] generationTimes;
    private long agentStartedAtMs = -1;
    private long lastHintsDatasetMs = -1;
    private int lastPressurePermille;
    private final ProxyCounters counters = new ProxyCounters();
    private String lastReject = "none";

    private MlModelProxy(String name, ModelOperations modelOps, DatasetOperations datasetOps, ProxyClock clock) {
        this.name = name;
        this.modelOps = modelOps;
        this.datasetOps = datasetOps;
        this.clock = clock;
    }

    // =====================================================================================
    // lifecycle: create, init, reInit, start, stop, destroy
    // =====================================================================================

    /** ml_lib create: a proxy in CREATED state. */
    public static MlModelProxy create(String name, ModelOperations modelOps, DatasetOperations datasetOps,
                                      ProxyClock clock) {
        if (name == null || name.isBlank() || modelOps == null || datasetOps == null || clock == null) {
            throw new MlLibException(Errno.EINVAL, "create: name, operations and clock are required");
        }
        return new MlModelProxy(name, modelOps, datasetOps, clock);
    }

    /** ml_lib init: CREATED → INITIALIZED with the address space, limits and thresholds; mode EMERGENCY. */
    public synchronized void init(ProxyConfig cfg, ModeThresholds thresholds) {
        require("init", EnumSet.of(ModelState.CREATED));
        if (cfg == null || thresholds == null) {
            throw new MlLibException(Errno.EINVAL, "init: config and thresholds are required");
        }
        Map<String, KnobSpec> knobs = new HashMap<>();
        for (KnobSpec k : modelOps.knobs()) {
            if (knobs.put(k.name(), k) != null) {
                throw new MlLibException(Errno.EINVAL, "init: knob " + k.name() + " declared twice");
            }
        }
        long now = clock.nowMs();
        this.config = cfg;
        this.exposure = ExposureMap.of(cfg.addressSpacePages(), cfg.exposureGranulePages());
        this.limits = new RecommendationLimits(cfg.addressSpacePages(), cfg.maxRegionHints(), cfg.maxParamHints(),
                knobs);
        this.controller = new ModeController(thresholds, now);
        this.feedback = new FeedbackQueue(cfg.feedbackCapacity());
        this.generationTimes = new long[cfg.maxGenerationLag() + 1];
        applyThresholds(thresholds, now);
        state = ModelState.INITIALIZED;
        modelOps.initialized(cfg, thresholds);
    }

    /**
     * ml_lib re_init: INITIALIZED or STOPPED → INITIALIZED with new thresholds. The current dataset
     * becomes OBSOLETE, the hint table is retired (its unused hints count as expired), the efficiency
     * window restarts. EBUSY while the agent runs.
     */
    public synchronized void reInit(ModeThresholds thresholds) {
        require("re_init", RECONFIGURABLE);
        if (thresholds == null) {
            throw new MlLibException(Errno.EINVAL, "re_init: thresholds are required");
        }
        long now = clock.nowMs();
        obsoleteDataset();
        retireTable(false);
        lastHintsDatasetMs = -1;
        controller.reconfigure(thresholds);
        applyThresholds(thresholds, now);
        counters.reInits++;
        state = ModelState.INITIALIZED;
        modelOps.initialized(config, thresholds);
    }

    /** ml_lib start: INITIALIZED or STOPPED → STARTED (the agent is attached). */
    public synchronized void start() {
        require("start", RECONFIGURABLE);
        long now = clock.nowMs();
        agentStartedAtMs = now;
        HintTable t = table;
        lastHintsDatasetMs = t == null ? -1 : t.datasetTimestampMs;
        state = ModelState.STARTED;
        modelOps.started(now);
        runController(now);
    }

    /** ml_lib stop: STARTED or RUNNING → STOPPED; the controller goes to EMERGENCY unless a mode is forced. */
    public synchronized void stop() {
        require("stop", AGENT_ACTIVE);
        long now = clock.nowMs();
        state = ModelState.STOPPED;
        agentStartedAtMs = -1;
        modelOps.stopped(now);
        runController(now);
    }

    /** ml_lib destroy: CREATED, INITIALIZED or STOPPED → SHUTTING_DOWN; EBUSY while the agent runs. */
    public synchronized void destroy() {
        require("destroy", EnumSet.of(ModelState.CREATED, ModelState.INITIALIZED, ModelState.STOPPED));
        if (state != ModelState.CREATED) {
            obsoleteDataset();
            retireTable(false);
            modelOps.destroyed();
        }
        state = ModelState.SHUTTING_DOWN;
    }

    // =====================================================================================
    // state: getSystemState, estimateSystemState, correctSystemState
    // =====================================================================================

    /** ml_lib get_system_state: a snapshot of everything observable; legal in every state. */
    public synchronized SystemState getSystemState() {
        Dataset d = dataset;
        HintTable t = table;
        return new SystemState(name, state, mode(), controller == null ? Optional.empty() : controller.forcedMode(),
                d == null ? 0 : d.generation(), d == null ? Optional.empty() : Optional.of(d.state()),
                t == null ? 0 : t.generation, controller == null ? null : controller.thresholds(), counters());
    }

    /**
     * ml_lib estimate_system_state: gathers the controller's inputs (pressure, agent, hint age, reject
     * rate, windowed efficiency per source) without changing anything.
     *
     * @param pressurePermille memory pressure, 1000 − free-memory rate in per mille (0..1000)
     */
    public synchronized ModeSignals estimateSystemState(int pressurePermille) {
        require("estimate_system_state", AFTER_INIT);
        checkPermille("pressurePermille", pressurePermille);
        return signals(clock.nowMs(), pressurePermille);
    }

    /**
     * ml_lib correct_system_state: retires a hint table that has become stale (its unused hints count
     * as expired), then lets the controller act on the estimated state. Returns the resulting mode.
     */
    public synchronized SystemMode correctSystemState(int pressurePermille) {
        require("correct_system_state", AFTER_INIT);
        checkPermille("pressurePermille", pressurePermille);
        long now = clock.nowMs();
        lastPressurePermille = pressurePermille;
        expireStaleTable(now);
        apply(controller.update(signals(now, pressurePermille)));
        return mode();
    }

    /** Forces a mode (handcrafted-only = EMERGENCY, ML-only = RECOMMENDATION) until {@link #releaseMode()}. */
    public synchronized void forceMode(SystemMode mode) {
        require("force_mode", AFTER_INIT);
        if (mode == null) {
            throw new MlLibException(Errno.EINVAL, "force_mode: no mode");
        }
        apply(controller.force(mode, clock.nowMs()));
    }

    /** Releases a forced mode; the adaptive rules resume from LEARNING. */
    public synchronized void releaseMode() {
        require("release_mode", AFTER_INIT);
        apply(controller.release(clock.nowMs()));
    }

    // =====================================================================================
    // datasets: getDataset, preprocessData, publishData, discardDataset
    // =====================================================================================

    /**
     * ml_lib get_dataset: allocates the next generation (the previous one becomes OBSOLETE) and lets
     * the subsystem write its regions into it. If extraction throws, the dataset is
     * EXTRACTION_FAILURE and EIO is thrown. Returns the new generation.
     */
    public synchronized long getDataset() {
        require("get_dataset", AGENT_ACTIVE);
        long now = clock.nowMs();
        obsoleteDataset();
        long gen = ++generationCounter;
        generationTimes[(int) (gen % generationTimes.length)] = now;
        // DAMON's region count changes little between aggregations: size the columns like last time
        Dataset d = new Dataset(gen, now, lastRegionCount + (lastRegionCount >> 3));
        dataset = d;
        counters.datasetsPrepared++;
        try {
            datasetOps.extract(d.regions());
            lastRegionCount = d.regions().size();
        } catch (RuntimeException e) {
            d.moveTo(DatasetState.EXTRACTION_FAILURE);
            counters.extractionFailures++;
            throw new MlLibException(Errno.EIO, "get_dataset: extraction of generation " + gen + " failed: " + e);
        }
        return gen;
    }

    /**
     * ml_lib preprocess_data: runs the subsystem's preprocessing (generic: sort and validate) on the
     * ALLOCATED dataset and encodes it. Invalid regions make it CORRUPTED (EBADMSG).
     */
    public synchronized void preprocessData() {
        require("preprocess_data", AGENT_ACTIVE);
        Dataset d = currentDataset("preprocess_data");
        if (d.state() != DatasetState.ALLOCATED || d.encoded()) {
            throw new MlLibException(Errno.EINVAL, "preprocess_data: dataset " + d.generation() + " is "
                    + d.state() + (d.encoded() ? " and already preprocessed" : ""));
        }
        try {
            datasetOps.preprocess(d.regions(), config.addressSpacePages());
            d.encode(config.addressSpacePages());
        } catch (RuntimeException e) {
            d.moveTo(DatasetState.CORRUPTED);
            counters.datasetsCorrupted++;
            throw e instanceof MlLibException ? (MlLibException) e
                    : new MlLibException(Errno.EBADMSG, "preprocess_data: " + e);
        }
    }

    /** ml_lib publish_data: the preprocessed dataset becomes CLEAN, readable through the DataChannel. */
    public synchronized void publishData() {
        require("publish_data", AGENT_ACTIVE);
        Dataset d = currentDataset("publish_data");
        if (d.state() != DatasetState.ALLOCATED || !d.encoded()) {
            throw new MlLibException(Errno.EINVAL, "publish_data: dataset " + d.generation() + " is " + d.state()
                    + (d.encoded() ? "" : ", not preprocessed"));
        }
        d.moveTo(DatasetState.CLEAN);
    }

    /** get_dataset + preprocess_data + publish_data, as the PREPARE_DATASET command does. */
    public synchronized long prepareDataset() {
        long gen = getDataset();
        preprocessData();
        publishData();
        return gen;
    }

    /** ml_lib discard_dataset: the current dataset becomes OBSOLETE; ENODATA when there is none. */
    public synchronized void discardDataset() {
        require("discard_dataset", EnumSet.of(ModelState.STARTED, ModelState.RUNNING, ModelState.STOPPED));
        Dataset d = dataset;
        if (d == null || d.state() == DatasetState.OBSOLETE) {
            throw new MlLibException(Errno.ENODATA, "discard_dataset: no current dataset");
        }
        d.moveTo(DatasetState.OBSOLETE);
        counters.datasetsDiscarded++;
    }

    /** Reads dataset bytes of {@code generation} at {@code offset}, like read(2); see {@link DataChannel}. */
    synchronized int readDataset(long generation, long offset, byte[] dst, int dstOff, int len) {
        require("read_dataset", AFTER_INIT);
        checkBounds(dst, dstOff, len);
        if (offset < 0) {
            throw new MlLibException(Errno.EINVAL, "read_dataset: negative offset " + offset);
        }
        Dataset d = dataset;
        if (d == null || generation <= 0 || generation > d.generation()) {
            throw new MlLibException(Errno.ENODATA, "read_dataset: no dataset generation " + generation);
        }
        if (generation < d.generation() || d.state() == DatasetState.OBSOLETE) {
            throw new MlLibException(Errno.ESTALE, "read_dataset: generation " + generation + " is obsolete");
        }
        switch (d.state()) {
            case ALLOCATED:
                throw new MlLibException(Errno.EAGAIN, "read_dataset: generation " + generation + " not published yet");
            case EXTRACTION_FAILURE:
                throw new MlLibException(Errno.EIO, "read_dataset: generation " + generation + " failed extraction");
            case CORRUPTED:
                throw new MlLibException(Errno.EBADMSG, "read_dataset: generation " + generation + " is corrupted");
            default:
                break;
        }
        int n = d.read(offset, dst, dstOff, len);
        counters.datasetBytesRead += n;
        return n;
    }

    // =====================================================================================
    // recommendations: preprocessRecommendation, applyRecommendation
    // =====================================================================================

    /**
     * ml_lib preprocess_recommendation: counts the message as written, decodes and validates all of
     * it (format, CRC, ranges, order, actions, confidences, knobs, counts, generation and deadline).
     * A fault rejects the whole message, counts its reason and throws; nothing is applied. On success
     * the message is pending until {@link #applyRecommendation}.
     */
    public synchronized Recommendation preprocessRecommendation(byte[] msg, int off, int len) {
        require("preprocess_recommendation", AFTER_INIT);
        checkBounds(msg, off, len);
        long now = clock.nowMs();
        counters.messagesWritten++;
        window.add(CH_MSG_WRITTEN, 1, now);
        try {
            if (!state.agentActive()) {
                throw new MlLibException(RejectReason.NOT_RUNNING, "model is " + state);
            }
            Recommendation r = RecommendationCodec.decode(msg, off, len, limits);
            checkGeneration(r.generation, now);
            r.ingestedBy = this;
            counters.messagesPending++;
            return r;
        } catch (MlLibException e) {
            countReject(e.rejectReason().orElse(RejectReason.BAD_LENGTH), e, now);
            throw e;
        }
    }

    /**
     * ml_lib apply_recommendation: installs a message returned by {@link #preprocessRecommendation}
     * as the new hint table in one volatile write (the old table is retired: its unused hints count
     * as superseded). Re-checks the model state and generation, rejecting (and counting) when they
     * changed since preprocessing. STARTED → RUNNING on the first applied table.
     */
    public synchronized void applyRecommendation(Recommendation r) {
        require("apply_recommendation", AFTER_INIT);
        if (r == null || !r.validated || r.ingestedBy != this || r.consumed) {
            throw new MlLibException(Errno.EINVAL,
                    "apply_recommendation: not a pending message from preprocess_recommendation");
        }
        long now = clock.nowMs();
        r.consumed = true;
        counters.messagesPending--;
        try {
            if (!state.agentActive()) {
                throw new MlLibException(RejectReason.NOT_RUNNING, "model is " + state);
            }
            checkGeneration(r.generation, now);
        } catch (MlLibException e) {
            countReject(e.rejectReason().orElseThrow(), e, now);
            throw e;
        }
        HintTable next = new HintTable(r, generationTimes[(int) (r.generation % generationTimes.length)], now);
        replaceTable(next, true);
        counters.messagesAccepted++;
        counters.hintsAccepted += next.size();
        counters.paramHintsAccepted += next.knobNames.length;
        lastHintsDatasetMs = next.datasetTimestampMs;
        if (state == ModelState.STARTED) {
            state = ModelState.RUNNING;
        }
        modelOps.recommendationApplied(next);
    }

    /** preprocess + apply of one complete message; returns normally when it was accepted. */
    public synchronized void submitRecommendation(byte[] msg, int off, int len) {
        applyRecommendation(preprocessRecommendation(msg, off, len));
    }

    // =====================================================================================
    // hot path: executeOperation
    // =====================================================================================

    /**
     * ml_lib execute_operation: the final decision for the candidate region [startPage, endPage)
     * whose default-algorithm decision is {@code defaultAction}. The ML opinion is the action of the
     * hint that contains the whole region, if its confidence reaches min_confidence; otherwise ML
     * abstains and the default decides. The mode picks who decides: EMERGENCY the default;
     * RECOMMENDATION ML whenever it has an opinion; LEARNING and COLLABORATION ML inside its sticky
     * part of the address space (learning_share / collaboration_share per mille of the granules, see
     * {@link ExposureMap}) and the default outside it. Where the two opinions differ and the region
     * crosses the edge of ML's part, only the prefix up to that edge is decided: the caller carries it
     * out, splits the region there and asks again for the rest, as DAMOS splits a region at an
     * address filter's boundary. So the share bounds how much ML controls, not how often it is asked,
     * which is what the RFC's "some operations" in LEARNING is for: a bounded trial of the model.
     * Returns a {@link Decision}-encoded long carrying both opinions and the pages decided.
     *
     * <p>Integer arithmetic only, no allocation, no lock. The lookup is O(1) in any candidate order
     * (DAMOS walks regions coldest first, not by address): the table's bucket index gives the first
     * hint that can contain the start page, a short forward scan finds it, and the hint's bounds and
     * its action/confidence/used word sit side by side in one array. The edge of ML's part is found
     * a word of 64 granules at a time.
     */
    public long executeOperation(long startPage, long endPage, int defaultAction) {
        return executeOperation(startPage, endPage, defaultAction, -1);
    }

    /**
     * execute_operation where the model has also recommended parameters of the default algorithm:
     * {@code parameterOpinion} is the action the subsystem's algorithm takes on this candidate with
     * the recommended parameters instead of its own (-1 when no recommended parameter bears on it).
     * It is ML's opinion where no region hint gives one, so a parameter recommendation is bounded,
     * judged and promoted exactly like region hints: in LEARNING it steers only ML's part of the
     * address space.
     */
    public long executeOperation(long startPage, long endPage, int defaultAction, int parameterOpinion) {
        ModelState st = state;
        if (st == ModelState.CREATED || st == ModelState.SHUTTING_DOWN) {
            throw new MlLibException(st == ModelState.CREATED ? Errno.EINVAL : Errno.ESHUTDOWN,
                    "execute_operation: model is " + st);
        }
        if (defaultAction < 0 || defaultAction > HintAction.MAX_CODE) {
            throw new MlLibException(Errno.EINVAL, "execute_operation: default action " + defaultAction);
        }
        if (parameterOpinion < -1 || parameterOpinion > HintAction.MAX_CODE) {
            throw new MlLibException(Errno.EINVAL, "execute_operation: parameter opinion " + parameterOpinion);
        }
        if (startPage < 0 || endPage <= startPage || endPage > config.addressSpacePages()) {
            throw new MlLibException(Errno.EINVAL, "execute_operation: region [" + startPage + ", " + endPage
                    + ") outside the address space of " + config.addressSpacePages() + " pages");
        }
        long end = endPage - startPage > Decision.MAX_PAGES ? startPage + Decision.MAX_PAGES : endPage;
        int ml = -1;
        boolean hinted = false;
        HintTable t = table;
        if (t != null) {
            int i = t.lookup(startPage);
            if (i >= 0) {
                long[] sl = t.slots;
                int at = HintTable.SLOTS * i;
                if (end <= sl[at + 1]) {
                    int m = (int) sl[at + 2];
                    if ((m >>> HintTable.CONFIDENCE_SHIFT & HintTable.CONFIDENCE_MASK) >= minConfidence) {
                        ml = m & HintTable.ACTION_MASK;
                        hinted = true;
                        if (m >= 0) {
                            sl[at + 2] = m | HintTable.USED_BIT; // first use only: later decisions just read
                        }
                    }
                }
            }
        }
        if (!hinted) {
            ml = parameterOpinion;
        }
        boolean useMl;
        if (ml < 0) {
            useMl = false;
            mlAbstentions++;
        } else {
            switch (modeOrdinal) {
                case MODE_LEARNING:
                    end = shared(learningTerritory, startPage, end, ml != defaultAction);
                    useMl = (end & 1) != 0;
                    end >>>= 1;
                    break;
                case MODE_COLLABORATION:
                    end = shared(collaborationTerritory, startPage, end, ml != defaultAction);
                    useMl = (end & 1) != 0;
                    end >>>= 1;
                    break;
                case MODE_RECOMMENDATION:
                    useMl = true;
                    break;
                default:
                    useMl = false;
                    break;
            }
        }
        long d = (long) defaultAction << 16 | (end - startPage) << 32;
        if (useMl) {
            d |= ml | Decision.SOURCE_ML_BIT;
            decisionsMl++;
        } else {
            d |= defaultAction;
            decisionsDefault++;
        }
        return ml < 0 ? d | Decision.ABSTAIN_BIT : d | (long) ml << 8;
    }

    /**
     * Who decides in a shared mode, packed as {@code decidedEnd << 1 | (ML ? 1 : 0)}: the owner of the
     * start page's granule; the decision stops at the edge of that owner's run only when the opinions
     * differ (when they agree, the outcome is the same either way and the region stays whole).
     */
    private long shared(long[] territory, long startPage, long end, boolean opinionsDiffer) {
        long run = exposure.run(territory, startPage, end);
        return opinionsDiffer ? run : end << 1 | (run & 1);
    }

    // =====================================================================================
    // efficiency and feedback: estimateEfficiency, errorBackpropagation
    // =====================================================================================

    /**
     * ml_lib estimate_efficiency: starts estimating the efficiency of one decision just taken on
     * {@code pages} pages (shadow evaluation: both opinions are judged, whoever decided). A page's
     * value as a page-out is min(g, W) − B (see {@link ProxyConfig}), g the delay until the page is
     * needed again, reported by {@link #reportOutcome}; a source's opinion is worth the value if it
     * pages out, 0 if not. Where ML had an opinion the decision is a sample of the paired difference
     * ML − default the controller decides on ({@link EvidenceWindow}, {@link PairedEvidence}).
     *
     * @param decisionId    the subsystem's id of the decision, increasing
     * @param mlOpinion     ML's action ({@link HintAction} code), or -1 when it abstained
     * @param defaultAction the default's action
     */
    public synchronized void estimateEfficiency(long decisionId, int mlOpinion, int defaultAction, int pages) {
        require("estimate_efficiency", AFTER_INIT);
        if (mlOpinion != -1) {
            HintAction.ofCode(mlOpinion);
        }
        HintAction.ofCode(defaultAction);
        if (pages <= 0) {
            throw new MlLibException(Errno.EINVAL, "estimate_efficiency: decision " + decisionId + " of " + pages
                    + " pages");
        }
        evidence.open(decisionId, clock.nowMs(), pages, mlOpinion < 0, mlOpinion == HintAction.CODE_PAGEOUT,
                defaultAction == HintAction.CODE_PAGEOUT);
        counters.judgedDecisions++;
        counters.judgedPages += pages;
    }

    /**
     * Part of estimate_efficiency: one page of decision {@code decisionId} was needed again
     * {@code delayMs} after the decision (a refault if it was paged out). Returns false, and counts
     * it, when the decision is no longer under judgement.
     */
    public synchronized boolean reportOutcome(long decisionId, long delayMs) {
        require("estimate_efficiency", AFTER_INIT);
        boolean known = evidence.outcome(decisionId, delayMs, clock.nowMs());
        if (!known) {
            counters.outcomesUnmatched++;
        }
        return known;
    }

    /** The paired evidence promotions rely on now: lower bounds over the window's matured decisions. */
    public synchronized PairedEvidence evidence() {
        require("evidence", AFTER_INIT);
        return evidence.known(clock.nowMs(), controller.thresholds().windowMs(), controller.thresholds().zMilli());
    }

    /**
     * ml_lib error_backpropagation: queues one feedback record for the agent (read through
     * {@link DataChannel#readFeedback}). Returns false when the queue is full; the record is then
     * dropped and counted, the caller is not failed. The record judges the model's opinion on one
     * decision, whoever decided, so the model learns from its advice in every mode.
     *
     * @param generation dataset generation of the advice in force when the decision was taken (0 = none)
     * @param sourceCode who carried the decision out ({@link DecisionSource} code)
     * @param action the model's opinion ({@link HintAction} code)
     * @param valuePageMs what the model's opinion was worth: Σ (min(g, W) − B) over the judged pages if
     *     it was a page-out, 0 otherwise
     * @param refaults judged pages needed again within W (refaults, where they were paged out)
     */
    public synchronized boolean errorBackpropagation(long generation, long startPage, long endPage, int sourceCode,
                                                     int action, long valuePageMs, int refaults) {
        require("error_backpropagation", AFTER_INIT);
        DecisionSource.ofCode(sourceCode);
        HintAction.ofCode(action);
        if (endPage <= startPage || refaults < 0) {
            throw new MlLibException(Errno.EINVAL, "error_backpropagation: region [" + startPage + ", " + endPage
                    + ") or refaults " + refaults);
        }
        return feedback.offer(generation, startPage, endPage, sourceCode, action, valuePageMs, refaults);
    }

    synchronized int readFeedback(byte[] dst, int off, int len) {
        require("read_feedback", AFTER_INIT);
        checkBounds(dst, off, len);
        return feedback.read(dst, off, len, generationCounter, clock.nowMs());
    }

    // =====================================================================================
    // observation
    // =====================================================================================

    /** Name given at creation. */
    public String name() {
        return name;
    }

    /** Lifecycle state. */
    public ModelState state() {
        return state;
    }

    /** Current mode. */
    public SystemMode mode() {
        return SystemMode.ofOrdinal(modeOrdinal);
    }

    /** The forced mode, if any. */
    public synchronized Optional<SystemMode> forcedMode() {
        return controller == null ? Optional.empty() : controller.forcedMode();
    }

    /** Recorded mode transitions, oldest first. */
    public synchronized List<ModeTransition> transitions() {
        return controller == null ? List.of() : controller.transitions();
    }

    /** Thresholds in use (null before init). */
    public synchronized ModeThresholds thresholds() {
        return controller == null ? null : controller.thresholds();
    }

    /** Configuration given at init (null before). */
    public synchronized ProxyConfig config() {
        return config;
    }

    /** Knobs the subsystem declared. */
    public List<KnobSpec> knobs() {
        return modelOps.knobs();
    }

    /** The installed hint table, if any. */
    public Optional<HintTable> hintTable() {
        return Optional.ofNullable(table);
    }

    /** Recommended value of a knob from the installed table (not for the hot path). */
    public OptionalLong parameterHint(String knob) {
        HintTable t = table;
        return t == null ? OptionalLong.empty() : t.param(knob);
    }

    /** Current dataset generation (0 before the first). */
    public synchronized long datasetGeneration() {
        return dataset == null ? 0 : dataset.generation();
    }

    /** State of the current dataset, if any. */
    public synchronized Optional<DatasetState> datasetState() {
        return dataset == null ? Optional.empty() : Optional.of(dataset.state());
    }

    /** Encoded size of the current dataset in bytes (0 when none or not preprocessed). */
    public synchronized int datasetSizeBytes() {
        return dataset == null ? 0 : dataset.sizeBytes();
    }

    /** Last rejection, "none" before the first: reason, errno and detail. */
    public synchronized String lastReject() {
        return lastReject;
    }

    /**
     * All counters by name, in a stable order (the {@code counters} attribute). Messages:
     * {@code messages_written} counts every message handed to preprocess_recommendation (including
     * unframable bytes the DataChannel dropped as one message); each ends up in exactly one of
     * {@code messages_accepted} or {@code messages_rejected} (split by reason into
     * {@code rejected_<reason>}), except while it is {@code messages_pending} between
     * preprocess_recommendation and apply_recommendation (never across a DataChannel write).
     * Region hints of accepted messages ({@code hints_accepted}) are classified once, when their table
     * leaves: {@code hints_applied} if at least one decision used the hint (it contained the candidate
     * and had enough confidence, whoever finally decided), else {@code hints_superseded} if a newer
     * table replaced it, else {@code hints_expired} (stale, re-init or destroy). {@code hints_in_force}
     * are the hints of the installed table, not yet classified. So
     * hints_accepted = hints_applied + hints_superseded + hints_expired + hints_in_force.
     * {@code decisions_ml}/{@code decisions_default}/{@code ml_abstentions} come from the hot path
     * (plain fields: concurrent deciders may lose increments).
     */
    public synchronized Map<String, Long> counters() {
        Map<String, Long> m = counters.asMap();
        HintTable t = table;
        m.put("hints_in_force", t == null ? 0L : (long) t.size());
        m.put("decisions_ml", decisionsMl);
        m.put("decisions_default", decisionsDefault);
        m.put("ml_abstentions", mlAbstentions);
        m.put("feedback_queued", feedback == null ? 0L : feedback.queued());
        m.put("feedback_delivered", feedback == null ? 0L : feedback.delivered());
        m.put("feedback_dropped", feedback == null ? 0L : feedback.dropped());
        m.put("mode_transitions", controller == null ? 0L : controller.transitionCount());
        return m;
    }

    /**
     * {@code decisions_ml} and {@code decisions_default} of {@link #counters} as [ml, default],
     * without building the map (what each time-series row reads of the counters).
     */
    public synchronized long[] decisionCounts() {
        return new long[] {decisionsMl, decisionsDefault};
    }

    // =====================================================================================
    // internals
    // =====================================================================================

    private void require(String op, EnumSet<ModelState> allowed) {
        ModelState st = state;
        if (allowed.contains(st)) {
            return;
        }
        Errno errno;
        if (st == ModelState.SHUTTING_DOWN) {
            errno = Errno.ESHUTDOWN;
        } else if (st.agentActive()) {
            errno = Errno.EBUSY;
        } else {
            errno = Errno.EINVAL;
        }
        throw new MlLibException(errno, op + ": not allowed in state " + st + " (allowed: " + allowed + ")");
    }

    private void applyThresholds(ModeThresholds t, long now) {
        minConfidence = t.minConfidencePermille();
        learningTerritory = exposure.territory(t.learningSharePermille());
        collaborationTerritory = exposure.territory(t.collaborationSharePermille());
        window = new SlidingWindowSums(CHANNELS, t.windowMs());
        evidence = new EvidenceWindow(config.evidenceCapacity(), config.breakEvenMs(), config.judgementWindowMs());
        accountingStartMs = now;
    }

    private Dataset currentDataset(String op) {
        if (dataset == null) {
            throw new MlLibException(Errno.ENODATA, op + ": no dataset");
        }
        return dataset;
    }

    private void obsoleteDataset() {
        if (dataset != null && dataset.state() != DatasetState.OBSOLETE) {
            dataset.moveTo(DatasetState.OBSOLETE);
        }
    }

    private void checkGeneration(long gen, long now) {
        if (gen <= 0 || gen > generationCounter) {
            throw new MlLibException(RejectReason.UNKNOWN_GENERATION, "generation " + gen + ", current "
                    + generationCounter);
        }
        HintTable t = table;
        if (gen < generationCounter - config.maxGenerationLag() || t != null && gen < t.generation) {
            throw new MlLibException(RejectReason.STALE_GENERATION, "generation " + gen + ", current "
                    + generationCounter + ", allowed lag " + config.maxGenerationLag()
                    + (t == null ? "" : ", installed " + t.generation));
        }
        long prepared = generationTimes[(int) (gen % generationTimes.length)];
        long timeout = controller.thresholds().stalenessTimeoutMs();
        if (now - prepared > timeout) {
            throw new MlLibException(RejectReason.DEADLINE_EXCEEDED, "dataset " + gen + " prepared at " + prepared
                    + " ms, now " + now + " ms, timeout " + timeout + " ms");
        }
    }

    private void countReject(RejectReason reason, MlLibException e, long now) {
        counters.reject(reason);
        window.add(CH_MSG_REJECTED, 1, now);
        lastReject = reason + " " + e.errno() + " " + e.getMessage();
    }

    /** Removes the current table (its unused hints expired). */
    private void retireTable(boolean superseded) {
        replaceTable(null, superseded);
    }

    /**
     * Publishes {@code next} in one volatile write (never passing through null, so a concurrent
     * decision sees the old table or the new one) and classifies the old table's hints.
     */
    private void replaceTable(HintTable next, boolean superseded) {
        HintTable t = table;
        table = next;
        if (t == null) {
            return;
        }
        int used = t.usedCount();
        counters.hintsApplied += used;
        if (superseded) {
            counters.hintsSuperseded += t.size() - used;
        } else {
            counters.hintsExpired += t.size() - used;
        }
    }

    private void expireStaleTable(long now) {
        HintTable t = table;
        if (t != null && now - t.datasetTimestampMs > controller.thresholds().stalenessTimeoutMs()) {
            retireTable(false);
        }
    }

    private ModeSignals signals(long now, int pressure) {
        boolean running = state.agentActive();
        long age = lastHintsDatasetMs < 0 || !running ? -1 : now - lastHintsDatasetMs;
        ModeThresholds t = controller.thresholds();
        long span = t.windowMs();
        evidence.expire(now, span);
        long[] eff = evidence.efficiency(now, span);
        return new ModeSignals(now, pressure, running, age, running ? now - agentStartedAtMs : -1,
                window.sum(CH_MSG_WRITTEN, now), window.sum(CH_MSG_REJECTED, now),
                evidence.known(now, span, t.zMilli()), evidence.recent(now, span, t.zMilli()),
                evidence.recent(now, Math.max(1, span / LATEST_FIFTHS), t.zMilli()),
                eff[0], eff[1], eff[2], eff[3], now - accountingStartMs >= span);
    }

    private void runController(long now) {
        apply(controller.update(signals(now, lastPressurePermille)));
    }

    private void apply(Optional<ModeTransition> transition) {
        if (transition.isPresent()) {
            ModeTransition tr = transition.get();
            modeOrdinal = tr.to().ordinal();
            modelOps.modeChanged(tr);
        }
    }

    private static void checkPermille(String what, int v) {
        if (v < 0 || v > 1000) {
            throw new MlLibException(Errno.EINVAL, what + " = " + v + " outside 0..1000");
        }
    }

    private static void checkBounds(byte[] b, int off, int len) {
        if (b == null || off < 0 || len < 0 || off > b.length - len) {
            throw new MlLibException(Errno.EINVAL, "buffer bounds off=" + off + " len=" + len);
        }
    }
}
