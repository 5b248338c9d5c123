package io.millrace.runtime.channel;

/**
 * A control element travelling in a channel between batches, in order with the records: the
 * end of the producer's input, a watermark (and, with checkpoints, barriers).
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

  /** The producer went idle (its watermark should not hold others back) or active again. */
  enum WatermarkStatus implements ChannelEvent {
    IDLE,
    ACTIVE
  }
}
