package io.mlproxy.proxy;

/**
 * Growing the primitive arrays of a bounded ring: a ring allocates room as it fills, up to its
 * bound, instead of its whole bound up front (most rings of a run hold a few hundred of their
 * 65,536 entries). Each method returns a new array of {@code length} holding the {@code size}
 * entries that start at {@code head} of the old one, in order, from index 0.
 */
public final class RingArrays {

  /** Slots a growing ring starts with. */
  public static final int INITIAL = 256;

  private RingArrays() {}

  /** The next physical length of a ring of {@code slots} bounded by {@code capacity}. */
  public static int grownLength(int slots, int capacity) {
    return (int) Math.min(capacity, Math.max((long) INITIAL, 2L * slots));
  }

  /** The first physical length of a ring bounded by {@code capacity}. */
  public static int initialLength(int capacity) {
    return Math.min(capacity, INITIAL);
  }

  /** A new array of {@code length} (of {@code a}'s primitive type) holding the ring's entries, in order, from 0. */
  @SuppressWarnings("unchecked")
  public static <T> T grow(T a, int head, int size, int length) {
    Object b = java.lang.reflect.Array.newInstance(a.getClass().getComponentType(), length);
    copy(a, java.lang.reflect.Array.getLength(a), head, size, b, 1);
    return (T) b;
  }

  /**
   * Copies the {@code size} entries from {@code head} of a ring of {@code slots} entries of
   * {@code width} elements each (entry i at i * width) to the start of {@code b}.
   */
  public static void copy(Object a, int slots, int head, int size, Object b, int width) {
    int first = Math.min(size, slots - head);
    System.arraycopy(a, head * width, b, 0, first * width);
    System.arraycopy(a, 0, b, first * width, (size - first) * width);
  }
}
