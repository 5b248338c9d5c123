package io.millrace.runtime.execution;

import io.millrace.runtime.time.ProcessingClock;
import io.millrace.state.StateBackend;
import java.time.Duration;

/**
 * How a job runs: the environment's settings at {@code execute()}.
 *
 * @param bufferTimeout how long a partly filled batch may wait; zero hands over each record
 * @param stateBackend the keyed state backend
 * @param clock the processing clock, or null for the wall clock
 * @param channelCapacity batches a channel holds before it blocks its producer (a power of two)
 * @param batchSize records per batch
 * @param autoWatermarkInterval how often periodic watermark generators emit; zero for never
 */
public record JobSettings(
    Duration bufferTimeout, StateBackend stateBackend, ProcessingClock clock, int channelCapacity, int batchSize,
    Duration autoWatermarkInterval) {

  /** The default number of batches a channel holds. */
  public static final int DEFAULT_CHANNEL_CAPACITY = 8;

  /** The default number of records per batch. */
  public static final int DEFAULT_BATCH_SIZE = 256;

  /** Records per batch as the job uses it: 1 when every record is handed over at once. */
  int effectiveBatchSize() {
    return bufferTimeout.isZero() ? 1 : batchSize;
  }
}
