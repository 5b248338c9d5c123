package io.millrace.runtime.channel;

/**
 * A control element travelling in a channel between batches, in order with the records: the
 * end of the producer's input, a watermark, a watermark status, a checkpoint barrier.
 */
public sealed interface ChannelEvent {

  /** The producer will send nothing more. */
  enum EndOfInput implements ChannelEvent {
    INSTANCE
  }

  /**
   * The producer's watermark.
   *
   * @param timestamp the watermark's time
   */
  record Watermark(long timestamp) implements ChannelEvent {}

  /**
   * Checkpoint barrier {@code checkpointId}: every record before it on every channel belongs
   * to the checkpoint, every record after it does not.
   *
   * @param checkpointId the checkpoint's id
   * @param timestamp when the checkpoint was triggered, epoch milliseconds
   * @param savepoint whether it is a savepoint (full, backend-independent snapshots)
   * @param stop whether the sources stopped at it (stop-with-savepoint)
   */
  record CheckpointBarrier(long checkpointId, long timestamp, boolean savepoint, boolean stop)
      implements ChannelEvent {}

  /** The producer went idle (its watermark should not hold others back) or active again. */
  enum WatermarkStatus implements ChannelEvent {
    IDLE,
    ACTIVE
  }
}
