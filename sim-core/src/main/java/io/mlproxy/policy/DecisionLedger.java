package io.mlproxy.policy;

import io.mlproxy.memory.Memory;
import io.mlproxy.memory.WatchListener;
import io.mlproxy.proxy.HintAction;

/**
 * Shadow evaluation of reclaim decisions: every candidate on which either source wanted a
 * pageout is judged page by page by what its pages do next, whichever source decided.
 *
 * <p>At decision time the ledger claims the region's pages that a pageout would take now
 * (resident, not young, under no other open judgement), arms the memory's watch on them and tells
 * the {@link JudgementSink} (the proxy's estimate_efficiency). A claimed page's value as a pageout
 * is min(g, W) − B page-milliseconds, g the time to its next touch, W the judgement window and B the
 * break-even time, the way the kernel judges reclaim by workingset refaults. A touch is reported the
 * moment it happens (the memory's {@link WatchListener}), so a page refaulted 5 ms after its pageout
 * counts 5 ms later, and the page is released at once for the next decision; a page left alone
 * needs no report, its value grows with time until W. Each {@link #flush} closes the decisions
 * whose window ended, for the feedback to the agent. Decisions live in a ring of primitive arrays
 * that grows only when W holds more open decisions than ever before.
 */
public final class DecisionLedger implements WatchListener {

  private static final int FREE = -1;
  /** Tags cycle through 1..TAG_SPACE (0 means "no decision" to the memory). */
  private static final int TAG_SPACE = 1 << 30;

  private final Memory memory;
  private final long windowMs;
  private final long breakEvenMs;
  /** claimedBy[p]: tag of the open decision judging page p, or FREE. */
  private final int[] claimedBy;

  private long[] decidedAtMs;
  private long[] adviceGeneration;
  private int[] start;
  private int[] end;
  private int[] tag;
  private byte[] mlOpinion;
  private byte[] defaultAction;
  private boolean[] mlDecided;
  private int[] claimed;
  private int[] touched;
  private long[] touchedValue;
  private long[] decisionId;
  private JudgementSink sink = JudgementSink.NONE;
  private int head;
  private int size;
  private int lastTag;
  private long recordedDecisions;

  public DecisionLedger(Memory memory, long windowMs, long breakEvenMs) {
    if (windowMs <= 0 || breakEvenMs < 0) {
      throw new IllegalArgumentException(
          "feedback window must be > 0 and break-even >= 0 ms, got " + windowMs + ", " + breakEvenMs);
    }
    this.memory = memory;
    this.windowMs = windowMs;
    this.breakEvenMs = breakEvenMs;
    this.claimedBy = new int[memory.pages()];
    java.util.Arrays.fill(claimedBy, FREE);
    allocate(1024);
  }

  /** Sets who is told about decisions and outcomes (once, before the first decision). */
  public void setSink(JudgementSink newSink) {
    if (newSink == null) {
      throw new IllegalArgumentException("judgement sink must not be null (use JudgementSink.NONE)");
    }
    this.sink = newSink;
  }

  /**
   * Records one decision before it is carried out; returns its tag (for refault attribution), or
   * 0 when neither source wanted a pageout or no page was left to judge. {@code generation} is the
   * generation of the advice in force (the hint table's), handed back with the judgement so the
   * agent can tell which of its recommendations the feedback is about.
   */
  public int record(long nowUs, int startPage, int endPage, int ml, int dflt, boolean fromMl, long generation) {
    if (ml != HintAction.CODE_PAGEOUT && dflt != HintAction.CODE_PAGEOUT) {
      return 0;
    }
    int t = lastTag == TAG_SPACE ? 1 : lastTag + 1;
    int n = 0;
    for (int p = startPage; p < endPage; p++) {
      if (claimedBy[p] == FREE && memory.isResident(p) && !memory.isYoung(p)) {
        claimedBy[p] = t;
        memory.watch(p, p + 1, nowUs);
        n++;
      }
    }
    if (n == 0) {
      return 0;
    }
    lastTag = t;
    if (size == tag.length) {
      grow();
    }
    int slot = (head + size) % tag.length;
    decidedAtMs[slot] = nowUs / 1000;
    adviceGeneration[slot] = generation;
    start[slot] = startPage;
    end[slot] = endPage;
    tag[slot] = t;
    mlOpinion[slot] = (byte) ml;
    defaultAction[slot] = (byte) dflt;
    mlDecided[slot] = fromMl;
    claimed[slot] = n;
    touched[slot] = 0;
    touchedValue[slot] = 0;
    decisionId[slot] = ++recordedDecisions;
    size++;
    sink.opened(recordedDecisions, ml, dflt, n);
    return t;
  }

  /** A claimed page was touched: its value is known now; the page is free for the next decision. */
  @Override
  public void onFirstTouch(int page, int nowMs, boolean wasResident) {
    int t = claimedBy[page];
    if (t == FREE) {
      return;
    }
    int slot = slotOf(t);
    long g = nowMs - decidedAtMs[slot];
    if (g >= windowMs) {
      return; // its window has passed: the close values it as untouched
    }
    claimedBy[page] = FREE;
    touched[slot]++;
    touchedValue[slot] += g - breakEvenMs;
    sink.outcome(decisionId[slot], g);
  }

  /**
   * Closes the decisions whose window ended by {@code nowUs}, oldest first: their untouched pages
   * are worth W − B each, and each closed decision is judged as a whole.
   */
  public void flush(long nowUs) {
    long nowMs = nowUs / 1000;
    while (size > 0 && decidedAtMs[head] + windowMs <= nowMs) {
      close(head);
      head = (head + 1) % tag.length;
      size--;
    }
  }

  /** Decisions waiting for their window to close. */
  public int open() {
    return size;
  }

  /** Decisions recorded for judgement so far. */
  public long recorded() {
    return recordedDecisions;
  }

  /** The break-even time this ledger values pageouts against, ms. */
  public long breakEvenMs() {
    return breakEvenMs;
  }

  /** The judgement window W, ms. */
  public long windowMs() {
    return windowMs;
  }

  private void close(int slot) {
    int t = tag[slot];
    int untouched = 0;
    for (int p = start[slot]; p < end[slot]; p++) {
      if (claimedBy[p] == t) {
        claimedBy[p] = FREE;
        memory.unwatch(p);
        untouched++;
      }
    }
    long untouchedValue = untouched * (windowMs - breakEvenMs);
    sink.judged(decidedAtMs[slot], adviceGeneration[slot], start[slot], end[slot], mlOpinion[slot], defaultAction[slot], mlDecided[slot],
        touchedValue[slot] + untouchedValue, claimed[slot], touched[slot]);
  }

  private int slotOf(int t) {
    int offset = t - tag[head];
    if (offset < 0) {
      offset += TAG_SPACE;
    }
    return (head + offset) % tag.length;
  }

  private void allocate(int capacity) {
    decidedAtMs = new long[capacity];
    adviceGeneration = new long[capacity];
    start = new int[capacity];
    end = new int[capacity];
    tag = new int[capacity];
    mlOpinion = new byte[capacity];
    defaultAction = new byte[capacity];
    mlDecided = new boolean[capacity];
    claimed = new int[capacity];
    touched = new int[capacity];
    touchedValue = new long[capacity];
    decisionId = new long[capacity];
  }

  private void grow() {
    int n = tag.length;
    long[] at = decidedAtMs;
    long[] gen = adviceGeneration;
    int[] s = start;
    int[] e = end;
    int[] tg = tag;
    byte[] ml = mlOpinion;
    byte[] df = defaultAction;
    boolean[] md = mlDecided;
    int[] cl = claimed;
    int[] tc = touched;
    long[] tv = touchedValue;
    long[] ids = decisionId;
    allocate(n * 2);
    for (int k = 0; k < size; k++) {
      int from = (head + k) % n;
      decidedAtMs[k] = at[from];
      adviceGeneration[k] = gen[from];
      start[k] = s[from];
      end[k] = e[from];
      tag[k] = tg[from];
      mlOpinion[k] = ml[from];
      defaultAction[k] = df[from];
      mlDecided[k] = md[from];
      claimed[k] = cl[from];
      touched[k] = tc[from];
      touchedValue[k] = tv[from];
      decisionId[k] = ids[from];
    }
    head = 0;
  }
}
