package io.millrace.api.source;

import java.io.Serializable;

/**
 * A range of indexes {@code [next, end)} of a {@link NumberSequenceSource} or
 * {@link DataGeneratorSource}; {@code next} advances as the reader emits, which is the split's
 * checkpointed position.
 */
public final class IndexRangeSplit implements SourceSplit, Serializable {
  private static final long serialVersionUID = 1L;

  private final String splitId;
  private final long end;
  private long next;

  /** A split {@code splitId} over {@code [from, end)}. */
  public IndexRangeSplit(String splitId, long from, long end) {
    this.splitId = splitId;
    this.next = from;
    this.end = end;
  }

  @Override
  public String splitId() {
    return splitId;
  }

  /** The next index to emit. */
  public long next() {
    return next;
  }

  /** The end of the range, exclusive. */
  public long end() {
    return end;
  }

  void advanceTo(long index) {
    next = index;
  }

  /** A copy at the current position, for snapshots. */
  IndexRangeSplit copy() {
    return new IndexRangeSplit(splitId, next, end);
  }

  @Override
  public String toString() {
    return "IndexRangeSplit{" + splitId + ": [" + next + ", " + end + ")}";
  }
}
