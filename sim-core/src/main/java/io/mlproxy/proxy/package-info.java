/**
 * The kernel-side ML model proxy of the ml_lib RFC ({@code struct ml_lib_model} and its 18
 * operations), for a DAMON-like memory subsystem. Integer arithmetic only (no float or double
 * anywhere in this package, as in the kernel, which has no FPU); time in milliseconds from an
 * injected {@link io.mlproxy.proxy.ProxyClock}; no knowledge of DSOL or the other packages. The
 * user-space agent talks to it only through {@link io.mlproxy.proxy.ControlInterface} text and
 * {@link io.mlproxy.proxy.DataChannel} bytes.
 *
 * <h2>The 18 RFC operations in this model ({@link io.mlproxy.proxy.MlModelProxy})</h2>
 * <table>
 * <caption>RFC operation → method → what it does</caption>
 * <tr><td>create</td><td>{@code create}</td><td>new proxy in CREATED with the subsystem's
 *   {@link io.mlproxy.proxy.ModelOperations} / {@link io.mlproxy.proxy.DatasetOperations} and a clock.</td></tr>
 * <tr><td>init</td><td>{@code init}</td><td>CREATED → INITIALIZED: address-space size, limits, declared knobs,
 *   thresholds; mode EMERGENCY.</td></tr>
 * <tr><td>re_init</td><td>{@code reInit}</td><td>INITIALIZED/STOPPED → INITIALIZED with new thresholds; dataset
 *   obsoleted, hint table retired (unused hints expired), efficiency window restarted (EBUSY while running).</td></tr>
 * <tr><td>start</td><td>{@code start}</td><td>INITIALIZED/STOPPED → STARTED: the agent is attached; the
 *   controller leaves EMERGENCY after min_dwell.</td></tr>
 * <tr><td>stop</td><td>{@code stop}</td><td>STARTED/RUNNING → STOPPED: agent detached, EMERGENCY unless forced.</td></tr>
 * <tr><td>destroy</td><td>{@code destroy}</td><td>CREATED/INITIALIZED/STOPPED → SHUTTING_DOWN; everything else
 *   then fails with ESHUTDOWN.</td></tr>
 * <tr><td>get_system_state</td><td>{@code getSystemState}</td><td>snapshot: state, mode, forced mode,
 *   dataset generation/state, hint generation, thresholds, all counters.</td></tr>
 * <tr><td>get_dataset</td><td>{@code getDataset}</td><td>allocates the next dataset generation (previous one
 *   OBSOLETE) and has the subsystem write its regions into it (EXTRACTION_FAILURE/EIO if it fails).</td></tr>
 * <tr><td>discard_dataset</td><td>{@code discardDataset}</td><td>current dataset → OBSOLETE (reads then ESTALE).</td></tr>
 * <tr><td>preprocess_data</td><td>{@code preprocessData}</td><td>subsystem preprocessing (generic: sort and
 *   validate regions) and binary encoding; invalid regions → CORRUPTED.</td></tr>
 * <tr><td>publish_data</td><td>{@code publishData}</td><td>dataset → CLEAN, readable through the data channel in
 *   portions (EXTRACTED_PARTIALLY → EXTRACTED_COMPLETELY).</td></tr>
 * <tr><td>preprocess_recommendation</td><td>{@code preprocessRecommendation}</td><td>counts the message,
 *   validates all of it (magic, version, length, CRC, generation lag and deadline, page ranges, order,
 *   overlaps, actions, confidences, knobs, counts); any fault rejects the whole message with a counted
 *   reason.</td></tr>
 * <tr><td>estimate_system_state</td><td>{@code estimateSystemState}</td><td>gathers the controller's inputs:
 *   pressure, agent, hint age, windowed reject rate and ML/default efficiency ({@link io.mlproxy.proxy.ModeSignals}).</td></tr>
 * <tr><td>apply_recommendation</td><td>{@code applyRecommendation}</td><td>installs the validated message as an
 *   immutable {@link io.mlproxy.proxy.HintTable} in one volatile write; the old table's unused hints count as
 *   superseded; STARTED → RUNNING.</td></tr>
 * <tr><td>execute_operation</td><td>{@code executeOperation}</td><td>hot path: final decision for one candidate
 *   region from the mode, the covering hint (or the subsystem's reading of recommended parameters) and the
 *   default decision; in LEARNING and COLLABORATION ML decides only inside its sticky share of the address
 *   space ({@link io.mlproxy.proxy.ExposureMap}), up to the edge of it; returns both opinions and the pages
 *   decided packed in a long ({@link io.mlproxy.proxy.Decision}); no lock, no allocation, no floating
 *   point.</td></tr>
 * <tr><td>estimate_efficiency</td><td>{@code estimateEfficiency}, {@code reportOutcome}</td><td>opens the
 *   shadow judgement of one decision (both opinions, per page) and takes each page's outcome as it happens;
 *   the {@link io.mlproxy.proxy.EvidenceWindow} turns them into the paired evidence the controller reads.</td></tr>
 * <tr><td>error_backpropagation</td><td>{@code errorBackpropagation}</td><td>queues a feedback record judging the
 *   model's opinion on one decision, whoever decided (read as CRC-checked batches through the data channel;
 *   drops are counted).</td></tr>
 * <tr><td>correct_system_state</td><td>{@code correctSystemState}</td><td>expires a stale hint table and lets the
 *   {@link io.mlproxy.proxy.ModeController} promote, demote or go to/leave EMERGENCY.</td></tr>
 * </table>
 */
package io.mlproxy.proxy;
