package io.millrace.api.source;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Hands out the unassigned index ranges, one per request; its checkpoint is what is left. */
final class IndexRangeEnumerator implements SplitEnumerator<IndexRangeSplit, List<IndexRangeSplit>> {
  private final SplitEnumeratorContext<IndexRangeSplit> context;
  private final Deque<IndexRangeSplit> unassigned;

  IndexRangeEnumerator(SplitEnumeratorContext<IndexRangeSplit> context, List<IndexRangeSplit> splits) {
    this.context = context;
    this.unassigned = new ArrayDeque<>(splits);
  }

  /** Splits {@code [from, end)} into {@code parts} near-equal ranges (empty ones omitted). */
  static List<IndexRangeSplit> split(long from, long end, int parts) {
    List<IndexRangeSplit> splits = new ArrayList<>(parts);
    long total = end - from;
    long start = from;
    for (int i = 0; i < parts; i++) {
      long size = total / parts + (i < total % parts ? 1 : 0);
      if (size > 0) {
        splits.add(new IndexRangeSplit(String.valueOf(i), start, start + size));
      }
      start += size;
    }
    return splits;
  }

  @Override
  public void start() {}

  @Override
  public void handleSplitRequest(int subtaskId) {
    IndexRangeSplit next = unassigned.poll();
    if (next != null) {
      context.assignSplit(next, subtaskId);
    } else {
      context.signalNoMoreSplits(subtaskId);
    }
  }

  @Override
  public void addSplitsBack(List<IndexRangeSplit> splits, int subtaskId) {
    splits.forEach(unassigned::addFirst);
  }

  @Override
  public void addReader(int subtaskId) {}

  @Override
  public List<IndexRangeSplit> snapshotState(long checkpointId) {
    List<IndexRangeSplit> copy = new ArrayList<>();
    unassigned.forEach(split -> copy.add(split.copy()));
    return copy;
  }

  @Override
  public void close() {}
}
