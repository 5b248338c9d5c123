package io.millrace.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a job with {@link StreamExecutionEnvironment#enableCheckpointing(Duration) checkpointing}
 * takes its checkpoints. Obtained from {@link StreamExecutionEnvironment#getCheckpointConfig()};
 * read when the job starts.
 *
 * <pre>{@code
 * env.enableCheckpointing(Duration.ofSeconds(1));
 * env.getCheckpointConfig().setCheckpointStorage(Path.of("/var/lib/clicks/checkpoints"));
 * env.getCheckpointConfig().setMinPauseBetweenCheckpoints(Duration.ofMillis(500));
 * }</pre>
 *
 * <p>Checkpoints go to {@code <storage>/<job-id>/chk-<n>/}. Within a run, the job restarts from
 * them by itself ({@link RestartStrategies}). They stay on disk when the job fails or is
 * cancelled, so a new process resumes with {@link StreamExecutionEnvironment#restoreFrom}
 * given {@code <storage>/<job-id>} (its newest usable checkpoint) or one {@code chk-<n>}; they
 * are deleted when the job finishes.
 */
public final class CheckpointConfig {
  /** The default timeout after which a checkpoint in progress is aborted. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  private Duration interval;
  private Path storage;
  private Duration timeout = DEFAULT_TIMEOUT;
  private Duration minPause = Duration.ZERO;
  private int maxConcurrent = 1;
  private int retained = 1;
  private int tolerableFailures = 0;

  /** Whether checkpointing is enabled (an interval was set). */
  public boolean isCheckpointingEnabled() {
    return interval != null;
  }

  /** The interval between checkpoint triggers, or null when checkpointing is off. */
  public Duration getCheckpointInterval() {
    return interval;
  }

  /**
   * Sets the interval between checkpoint triggers (what {@code enableCheckpointing} calls).
   *
   * @throws IllegalArgumentException if not positive
   */
  public CheckpointConfig setCheckpointInterval(Duration interval) {
    Objects.requireNonNull(interval, "checkpoint interval must not be null");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("checkpoint interval must be positive, got " + interval);
    }
    this.interval = interval;
    return this;
  }

  /** The directory checkpoints go to, or null for the default ({@code java.io.tmpdir}/millrace-checkpoints). */
  public Path getCheckpointStorage() {
    return storage;
  }

  /**
   * Sets the directory checkpoints go to. It must exist and be writable when the job starts;
   * the job fails to start otherwise, saying which.
   */
  public CheckpointConfig setCheckpointStorage(Path directory) {
    this.storage = Objects.requireNonNull(directory, "checkpoint storage directory must not be null");
    return this;
  }

  /** Sets the checkpoint storage directory from a path string. */
  public CheckpointConfig setCheckpointStorage(String directory) {
    return setCheckpointStorage(Path.of(Objects.requireNonNull(directory, "checkpoint storage directory must not be null")));
  }

  /** How long a checkpoint may take before it is aborted (default {@link #DEFAULT_TIMEOUT}). */
  public Duration getCheckpointTimeout() {
    return timeout;
  }

  /**
   * Sets how long a checkpoint may take before it is aborted (counted as a failed checkpoint).
   *
   * @throws IllegalArgumentException if not positive
   */
  public CheckpointConfig setCheckpointTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "checkpoint timeout must not be null");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("checkpoint timeout must be positive, got " + timeout);
    }
    this.timeout = timeout;
    return this;
  }

  /** The least time between the end of one checkpoint and the next trigger (default zero). */
  public Duration getMinPauseBetweenCheckpoints() {
    return minPause;
  }

  /**
   * Sets the least time between the end of one checkpoint and the trigger of the next. A pause
   * above zero allows only one checkpoint at a time. Must not exceed the interval (checked when
   * the job starts): otherwise the interval would mean nothing.
   *
   * @throws IllegalArgumentException if negative
   */
  public CheckpointConfig setMinPauseBetweenCheckpoints(Duration minPause) {
    Objects.requireNonNull(minPause, "minimum pause must not be null");
    if (minPause.isNegative()) {
      throw new IllegalArgumentException("minimum pause between checkpoints must not be negative, got " + minPause);
    }
    this.minPause = minPause;
    return this;
  }

  /** How many checkpoints may be in progress at once (default 1). */
  public int getMaxConcurrentCheckpoints() {
    return maxConcurrent;
  }

  /**
   * Sets how many checkpoints may be in progress at once (default 1).
   *
   * @throws IllegalArgumentException if below 1
   */
  public CheckpointConfig setMaxConcurrentCheckpoints(int maxConcurrent) {
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("max concurrent checkpoints must be at least 1, got " + maxConcurrent);
    }
    this.maxConcurrent = maxConcurrent;
    return this;
  }

  /** How many completed checkpoints are kept (default 1). */
  public int getNumRetainedCheckpoints() {
    return retained;
  }

  /**
   * Sets how many completed checkpoints to keep (default 1); older ones are deleted. Keeping
   * more lets recovery fall back when the newest is damaged.
   *
   * @throws IllegalArgumentException if below 1
   */
  public CheckpointConfig setNumRetainedCheckpoints(int retained) {
    if (retained < 1) {
      throw new IllegalArgumentException("retained checkpoints must be at least 1, got " + retained);
    }
    this.retained = retained;
    return this;
  }

  /** How many checkpoints in a row may fail before the job attempt fails (default 0). */
  public int getTolerableCheckpointFailureNumber() {
    return tolerableFailures;
  }

  /**
   * Sets how many checkpoints in a row may fail (time out, or a snapshot fails to write) before
   * the job fails (default 0: the first failed checkpoint fails the job, which then restarts
   * as its restart strategy says).
   *
   * @throws IllegalArgumentException if negative
   */
  public CheckpointConfig setTolerableCheckpointFailureNumber(int tolerableFailures) {
    if (tolerableFailures < 0) {
      throw new IllegalArgumentException("tolerable checkpoint failures must not be negative, got " + tolerableFailures);
    }
    this.tolerableFailures = tolerableFailures;
    return this;
  }

  /**
   * Checks the settings together; called when the job starts.
   *
   * @throws IllegalArgumentException naming the conflict and the fix
   */
  public void validate() {
    if (interval != null && minPause.compareTo(interval) > 0) {
      throw new IllegalArgumentException(
          "the minimum pause between checkpoints (" + minPause + ") is longer than the checkpoint interval ("
              + interval + "): lower the pause or raise the interval");
    }
  }
}
