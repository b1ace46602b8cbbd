package io.mlproxy.policy;

import io.mlproxy.memory.Memory;
import io.mlproxy.proxy.HintAction;

/**
 * Shadow evaluation of reclaim decisions: every candidate on which either source wanted a
 * pageout is judged by what its pages do during the feedback window W, whichever source decided.
 *
 * <p>At decision time the ledger claims the region's resident pages that no earlier open
 * decision holds and arms the memory's watch on them; after W it reads each page's first touch
 * and values the pageout as Σ (min(g, W) − B) page-milliseconds, the way the kernel judges
 * reclaim by workingset refaults. Taken and not-taken pageouts are judged alike, so the default
 * and the ML model are both measured in every mode. Decisions live in a ring of primitive arrays
 * that grows only when W holds more decisions than ever before.
 */
public final class DecisionLedger {

  private static final int FREE = -1;

  private final Memory memory;
  private final long windowMs;
  private final long breakEvenMs;
  private final int[] claimedBy;

  private long[] decidedAtMs;
  private int[] start;
  private int[] end;
  private int[] id;
  private byte[] mlOpinion;
  private byte[] defaultAction;
  private boolean[] mlDecided;
  private int head;
  private int size;
  private int nextId;
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

  /**
   * Records one decision before it is carried out; returns its tag (for refault attribution), or
   * 0 when neither source wanted a pageout or no page was left to judge.
   */
  public int record(long nowUs, int startPage, int endPage, int ml, int dflt, boolean fromMl) {
    if (ml != HintAction.CODE_PAGEOUT && dflt != HintAction.CODE_PAGEOUT) {
      return 0;
    }
    int tag = nextId + 1;
    int claimed = 0;
    for (int p = startPage; p < endPage; p++) {
      if (claimedBy[p] == FREE && memory.isResident(p)) {
        claimedBy[p] = tag;
        memory.watch(p, p + 1, nowUs);
        claimed++;
      }
    }
    if (claimed == 0) {
      return 0;
    }
    nextId = tag == Integer.MAX_VALUE ? 0 : tag;
    if (size == id.length) {
      grow();
    }
    int slot = (head + size) % id.length;
    decidedAtMs[slot] = nowUs / 1000;
    start[slot] = startPage;
    end[slot] = endPage;
    id[slot] = tag;
    mlOpinion[slot] = (byte) ml;
    defaultAction[slot] = (byte) dflt;
    mlDecided[slot] = fromMl;
    size++;
    recordedDecisions++;
    return tag;
  }

  /** Judges every decision whose window has closed by {@code nowUs}, oldest first. */
  public void closeDue(long nowUs, JudgementSink sink) {
    long nowMs = nowUs / 1000;
    while (size > 0 && decidedAtMs[head] + windowMs <= nowMs) {
      judge(head, sink);
      head = (head + 1) % id.length;
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

  private void judge(int slot, JudgementSink sink) {
    int tag = id[slot];
    long t = decidedAtMs[slot];
    long value = 0;
    int pages = 0;
    int touched = 0;
    for (int p = start[slot]; p < end[slot]; p++) {
      if (claimedBy[p] != tag) {
        continue;
      }
      claimedBy[p] = FREE;
      int first = memory.firstTouchAfterWatch(p);
      long idle = windowMs;
      if (first >= 0) {
        idle = Math.min(windowMs, Math.max(0, first - t));
        if (idle < windowMs) {
          touched++;
        }
      }
      value += idle - breakEvenMs;
      pages++;
    }
    sink.judged(t, start[slot], end[slot], mlOpinion[slot], defaultAction[slot], mlDecided[slot], value, pages, touched);
  }

  private void allocate(int capacity) {
    decidedAtMs = new long[capacity];
    start = new int[capacity];
    end = new int[capacity];
    id = new int[capacity];
    mlOpinion = new byte[capacity];
    defaultAction = new byte[capacity];
    mlDecided = new boolean[capacity];
  }

  private void grow() {
    int n = id.length;
    long[] t = decidedAtMs;
    int[] s = start;
    int[] e = end;
    int[] ids = id;
    byte[] ml = mlOpinion;
    byte[] df = defaultAction;
    boolean[] md = mlDecided;
    allocate(n * 2);
    for (int k = 0; k < size; k++) {
      int from = (head + k) % n;
      decidedAtMs[k] = t[from];
      start[k] = s[from];
      end[k] = e[from];
      id[k] = ids[from];
      mlOpinion[k] = ml[from];
      defaultAction[k] = df[from];
      mlDecided[k] = md[from];
    }
    head = 0;
  }
}
