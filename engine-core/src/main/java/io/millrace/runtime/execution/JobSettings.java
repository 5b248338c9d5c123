package io.millrace.runtime.execution;

import io.millrace.api.CheckpointConfig;
import io.millrace.api.RestartStrategies;
import io.millrace.api.RestartStrategy;
import io.millrace.runtime.time.ProcessingClock;
import io.millrace.state.StateBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * @param checkpoints the checkpoint settings, or null when checkpointing is off
 * @param restartStrategy what to do when a task fails, or null for the default
 * @param restorePath the savepoint or checkpoint to start from, or null
 * @param allowNonRestoredState whether state without an operator to go to is skipped
 */
public record JobSettings(
    Duration bufferTimeout, StateBackend stateBackend, ProcessingClock clock, int channelCapacity, int batchSize,
    Duration autoWatermarkInterval, CheckpointSettings checkpoints, RestartStrategy restartStrategy,
    Path restorePath, boolean allowNonRestoredState) {

  /** The default number of batches a channel holds. */
  public static final int DEFAULT_CHANNEL_CAPACITY = 8;

  /** The default number of records per batch. */
  public static final int DEFAULT_BATCH_SIZE = 256;

  /** The delay of the default restart strategy of a job with checkpoints. */
  public static final Duration DEFAULT_RESTART_DELAY = Duration.ofSeconds(1);

  /**
   * The checkpoint settings of a job, fixed when it starts.
   *
   * @param interval between triggers
   * @param storage the checkpoint directory
   * @param timeout after which a checkpoint in progress is aborted
   * @param minPause least time between the end of one checkpoint and the next trigger
   * @param maxConcurrent checkpoints in progress at once
   * @param retained completed checkpoints kept
   * @param tolerableFailures failed checkpoints in a row that do not fail the job
   */
  public record CheckpointSettings(
      Duration interval, Path storage, Duration timeout, Duration minPause, int maxConcurrent, int retained,
      int tolerableFailures) {

    /** The settings of {@code config}, validated; null when checkpointing is off. */
    public static CheckpointSettings of(CheckpointConfig config) {
      if (!config.isCheckpointingEnabled()) {
        return null;
      }
      config.validate();
      Path storage = config.getCheckpointStorage();
      if (storage == null) {
        storage = Path.of(System.getProperty("java.io.tmpdir"), "millrace-checkpoints");
        try {
          Files.createDirectories(storage); // the default is ours to create; a configured one is the user's
        } catch (IOException e) {
          throw new UncheckedIOException("cannot create the default checkpoint directory " + storage
              + ": " + e + "; configure one with getCheckpointConfig().setCheckpointStorage(...)", e);
        }
      }
      return new CheckpointSettings(config.getCheckpointInterval(), storage, config.getCheckpointTimeout(),
          config.getMinPauseBetweenCheckpoints(), config.getMaxConcurrentCheckpoints(),
          config.getNumRetainedCheckpoints(), config.getTolerableCheckpointFailureNumber());
    }
  }

  /** The restart strategy in effect: the one set, else unlimited restarts with checkpoints, none without. */
  public RestartStrategy effectiveRestartStrategy() {
    if (restartStrategy != null) {
      return restartStrategy;
    }
    return checkpoints != null
        ? RestartStrategies.fixedDelay(Integer.MAX_VALUE, DEFAULT_RESTART_DELAY)
        : RestartStrategies.noRestart();
  }

  /** Records per batch as the job uses it: 1 when every record is handed over at once. */
  int effectiveBatchSize() {
    return bufferTimeout.isZero() ? 1 : batchSize;
  }
}
