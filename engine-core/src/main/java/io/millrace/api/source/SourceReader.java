package io.millrace.api.source;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the splits assigned to one parallel instance of a {@link Source}. Every method is
 * called from the instance's own thread; {@link #pollNext} must not block.
 *
 * @param <T> element type
 * @param <SplitT> split type
 */
public interface SourceReader<T, SplitT extends SourceSplit> extends AutoCloseable {
  /** Called once before the first {@link #pollNext}; a reader without splits asks for one here. */
  void start();

  /** Emits some records (a few, not all) and says whether more are available. */
  InputStatus pollNext(ReaderOutput<T> output) throws Exception;

  /**
   * Completes when {@link #pollNext} may make progress again, after it returned
   * {@link InputStatus#NOTHING_AVAILABLE}. May complete from any thread.
   */
  CompletableFuture<Void> isAvailable();

  /** Adds splits assigned by the enumerator. */
  void addSplits(List<SplitT> splits);

  /**
   * The enumerator will assign no more splits: once its splits are read, {@link #pollNext}
   * returns {@link InputStatus#END_OF_INPUT}.
   */
  void notifyNoMoreSplits();

  /** The state of every split not finished yet: what a checkpoint stores for this reader. */
  List<SplitT> snapshotState(long checkpointId);

  /** Called when checkpoint {@code checkpointId} completed. */
  default void notifyCheckpointComplete(long checkpointId) throws Exception {}

  /** Releases the resources of this instance. */
  @Override
  void close() throws java.io.IOException;
}
