package io.millrace.state.internal;

/**
 * A contiguous, inclusive range of key groups: what one operator subtask owns.
 *
 * @param startKeyGroup the first key group in the range
 * @param endKeyGroup the last key group in the range (inclusive)
 */
public record KeyGroupRange(int startKeyGroup, int endKeyGroup) {

  public KeyGroupRange {
    if (startKeyGroup < 0 || endKeyGroup < startKeyGroup) {
      throw new IllegalArgumentException(
          "key group range must satisfy 0 <= start <= end, got [" + startKeyGroup + ", " + endKeyGroup + "]");
    }
  }

  /** The number of key groups in the range. */
  public int size() {
    return endKeyGroup - startKeyGroup + 1;
  }

  /** Whether {@code keyGroup} is in the range. */
  public boolean contains(int keyGroup) {
    return keyGroup >= startKeyGroup && keyGroup <= endKeyGroup;
  }

  @Override
  public String toString() {
    return "KeyGroupRange[" + startKeyGroup + ".." + endKeyGroup + "]";
  }
}
