package io.millrace.api.source;

import java.util.Set;

/**
 * What a {@link SplitEnumerator} can do: see the readers and assign splits to them.
 *
 * @param <SplitT> split type
 */
public interface SplitEnumeratorContext<SplitT extends SourceSplit> {
  /** The source's parallelism. */
  int currentParallelism();

  /** The subtask indexes of the readers registered so far. */
  Set<Integer> registeredReaders();

  /** Assigns {@code split} to reader {@code subtaskId}. */
  void assignSplit(SplitT split, int subtaskId);

  /** Tells reader {@code subtaskId} that no more splits will come. */
  void signalNoMoreSplits(int subtaskId);
}
