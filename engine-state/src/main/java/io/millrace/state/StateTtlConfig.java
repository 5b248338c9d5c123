package io.millrace.state;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Time-to-live of a keyed state: values not written (or, optionally, read) for longer than the
 * TTL expire, become invisible and are removed from the backend. Enable it on a descriptor with
 * {@link StateDescriptor#enableTimeToLive}. Follows Apache Flink's state TTL.
 *
 * <p><b>Contract.</b> Time is processing time ({@link TtlTimeCharacteristic#ProcessingTime}),
 * read from the job's processing clock. A value last accessed at {@code t} is visible up to
 * {@code t + ttl - 1} and expired from {@code t + ttl}. Each list element and each map entry has
 * its own timestamp. {@link UpdateType} says which accesses refresh the timestamp;
 * {@link StateVisibility} whether an expired value that was not removed yet can still be read.
 * Expired values are removed when they are read, and in the background (on both backends: a
 * few entries checked on every state access, see {@link Builder#cleanupIncrementally}) unless
 * {@link Builder#disableCleanupInBackground()} is called. Instances are immutable.
 *
 * <pre>{@code
 * StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofHours(1))
 *     .setUpdateType(StateTtlConfig.UpdateType.OnReadAndWrite)
 *     .build();
 * ValueStateDescriptor<Long> lastSeen = new ValueStateDescriptor<>("last-seen", Long.class);
 * lastSeen.enableTimeToLive(ttl);
 * }</pre>
 */
public final class StateTtlConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Which accesses set a value's timestamp to the current time. */
  public enum UpdateType {
    /** Creating and writing a value refresh its timestamp; reading does not. */
    OnCreateAndWrite,
    /** Reading a value refreshes its timestamp too. */
    OnReadAndWrite
  }

  /** Whether an expired value that was not removed yet is returned by reads. */
  public enum StateVisibility {
    /** Expired values are never returned. */
    NeverReturnExpired,
    /** An expired value is returned (once: the read removes it) until it is cleaned up. */
    ReturnExpiredIfNotCleanedUp
  }

  /** The time in which TTL is measured; only processing time is supported. */
  public enum TtlTimeCharacteristic {
    /** The job's processing clock. */
    ProcessingTime
  }

  /**
   * Incremental cleanup: {@code cleanupSize} entries of the state are checked on every access
   * of the state (and on every record if {@code runCleanupForEveryRecord}). The heap backend
   * walks its hash maps; the RocksDB backend sweeps the state's column family with a cursor.
   *
   * @param cleanupSize the number of entries checked per trigger, positive
   * @param runCleanupForEveryRecord also check entries for every record the operator processes
   */
  public record IncrementalCleanupStrategy(int cleanupSize, boolean runCleanupForEveryRecord)
      implements Serializable {}

  /**
   * Cleanup by the RocksDB compaction filter, which re-reads the current time after
   * {@code queryTimeAfterNumEntries} entries. Recorded for compatibility with Apache Flink: a
   * compaction filter that calls Java needs Flink's RocksDB fork, so the RocksDB backend runs its
   * incremental sweep instead (with the default settings unless incremental cleanup is
   * configured).
   *
   * @param queryTimeAfterNumEntries entries processed between two reads of the clock
   */
  public record RocksdbCompactFilterCleanupStrategy(long queryTimeAfterNumEntries)
      implements Serializable {}

  /**
   * The cleanup strategies of a configuration.
   *
   * @param cleanupInBackground whether the backend's default background cleanup runs
   * @param inFullSnapshot whether expired values are left out of full snapshots
   * @param incremental the configured incremental cleanup, or {@code null}
   * @param rocksdbCompactFilter the configured compaction-filter cleanup, or {@code null}
   */
  public record CleanupStrategies(
      boolean cleanupInBackground,
      boolean inFullSnapshot,
      IncrementalCleanupStrategy incremental,
      RocksdbCompactFilterCleanupStrategy rocksdbCompactFilter) implements Serializable {

    /** Flink's default: 5 entries per state access, not per record. */
    public static final IncrementalCleanupStrategy DEFAULT_INCREMENTAL_CLEANUP =
        new IncrementalCleanupStrategy(5, false);

    /** Flink's default: re-read the time every 1000 entries. */
    public static final RocksdbCompactFilterCleanupStrategy DEFAULT_ROCKSDB_COMPACT_FILTER_CLEANUP =
        new RocksdbCompactFilterCleanupStrategy(1000L);

    /**
     * The incremental cleanup that applies: the configured one, else the default when cleanup in
     * background is on, else {@code null} (no incremental cleanup).
     */
    public IncrementalCleanupStrategy effectiveIncrementalCleanup() {
      if (incremental != null) {
        return incremental;
      }
      return cleanupInBackground ? DEFAULT_INCREMENTAL_CLEANUP : null;
    }
  }

  private final Duration ttl;
  private final UpdateType updateType;
  private final StateVisibility stateVisibility;
  private final TtlTimeCharacteristic ttlTimeCharacteristic;
  private final CleanupStrategies cleanupStrategies;

  private StateTtlConfig(Builder builder) {
    this.ttl = builder.ttl;
    this.updateType = builder.updateType;
    this.stateVisibility = builder.stateVisibility;
    this.ttlTimeCharacteristic = TtlTimeCharacteristic.ProcessingTime;
    this.cleanupStrategies =
        new CleanupStrategies(
            builder.cleanupInBackground, builder.cleanupFullSnapshot, builder.incremental,
            builder.rocksdbCompactFilter);
  }

  /**
   * A builder for a configuration with time-to-live {@code ttl}.
   *
   * @throws IllegalArgumentException if {@code ttl} is zero or negative
   * @throws NullPointerException if {@code ttl} is null
   */
  public static Builder newBuilder(Duration ttl) {
    return new Builder(ttl);
  }

  /** The time-to-live. */
  public Duration getTtl() {
    return ttl;
  }

  /** Which accesses refresh a value's timestamp. */
  public UpdateType getUpdateType() {
    return updateType;
  }

  /** Whether expired, not yet cleaned values are returned. */
  public StateVisibility getStateVisibility() {
    return stateVisibility;
  }

  /** Always {@link TtlTimeCharacteristic#ProcessingTime}. */
  public TtlTimeCharacteristic getTtlTimeCharacteristic() {
    return ttlTimeCharacteristic;
  }

  /** How expired values are removed. */
  public CleanupStrategies getCleanupStrategies() {
    return cleanupStrategies;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StateTtlConfig that
        && ttl.equals(that.ttl)
        && updateType == that.updateType
        && stateVisibility == that.stateVisibility
        && cleanupStrategies.equals(that.cleanupStrategies);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ttl, updateType, stateVisibility, cleanupStrategies);
  }

  @Override
  public String toString() {
    return "StateTtlConfig{ttl=" + ttl + ", updateType=" + updateType + ", stateVisibility="
        + stateVisibility + ", timeCharacteristic=" + ttlTimeCharacteristic + ", cleanup="
        + cleanupStrategies + "}";
  }

  /**
   * Builds a {@link StateTtlConfig}. Defaults: {@link UpdateType#OnCreateAndWrite},
   * {@link StateVisibility#NeverReturnExpired}, cleanup in background on. Not thread-safe.
   */
  public static final class Builder {
    private Duration ttl;
    private UpdateType updateType = UpdateType.OnCreateAndWrite;
    private StateVisibility stateVisibility = StateVisibility.NeverReturnExpired;
    private boolean cleanupInBackground = true;
    private boolean cleanupFullSnapshot;
    private IncrementalCleanupStrategy incremental;
    private RocksdbCompactFilterCleanupStrategy rocksdbCompactFilter;

    private Builder(Duration ttl) {
      this.ttl = checkTtl(ttl, "StateTtlConfig.newBuilder(...)");
    }

    /**
     * Replaces the time-to-live.
     *
     * @throws IllegalArgumentException if {@code ttl} is zero or negative
     */
    public Builder setTtl(Duration ttl) {
      this.ttl = checkTtl(ttl, "StateTtlConfig.Builder.setTtl(...)");
      return this;
    }

    /** Sets which accesses refresh a value's timestamp. */
    public Builder setUpdateType(UpdateType updateType) {
      this.updateType = Objects.requireNonNull(updateType, "updateType must not be null");
      return this;
    }

    /** Sets whether expired, not yet cleaned values are returned. */
    public Builder setStateVisibility(StateVisibility stateVisibility) {
      this.stateVisibility =
          Objects.requireNonNull(stateVisibility, "stateVisibility must not be null");
      return this;
    }

    /** Sets the time characteristic; only processing time exists. */
    public Builder setTtlTimeCharacteristic(TtlTimeCharacteristic characteristic) {
      Objects.requireNonNull(characteristic, "ttlTimeCharacteristic must not be null");
      return this;
    }

    /** Leaves expired values out of full snapshots. */
    public Builder cleanupFullSnapshot() {
      this.cleanupFullSnapshot = true;
      return this;
    }

    /**
     * Checks {@code cleanupSize} entries of the state for expiry on every access of the state,
     * and also for every record the operator processes if {@code runCleanupForEveryRecord}.
     * Applies to both backends (the RocksDB backend sweeps its column families).
     *
     * @throws IllegalArgumentException if {@code cleanupSize} is not positive
     */
    public Builder cleanupIncrementally(int cleanupSize, boolean runCleanupForEveryRecord) {
      if (cleanupSize <= 0) {
        throw new IllegalArgumentException(
            "cleanupSize must be positive, got " + cleanupSize
                + " for StateTtlConfig.Builder.cleanupIncrementally(...)");
      }
      this.incremental = new IncrementalCleanupStrategy(cleanupSize, runCleanupForEveryRecord);
      return this;
    }

    /**
     * Asks the RocksDB backend to remove expired values in the background, as Apache Flink's
     * compaction filter does (re-reading the time every {@code queryTimeAfterNumEntries}
     * entries). Stock RocksDB cannot run such a filter, so Millrace's RocksDB backend runs its
     * incremental sweep ({@link #cleanupIncrementally}, default settings unless configured)
     * instead, even when {@link #disableCleanupInBackground()} was called; the heap backend
     * ignores it.
     *
     * @throws IllegalArgumentException if {@code queryTimeAfterNumEntries} is negative
     */
    public Builder cleanupInRocksdbCompactFilter(long queryTimeAfterNumEntries) {
      if (queryTimeAfterNumEntries < 0) {
        throw new IllegalArgumentException(
            "queryTimeAfterNumEntries must not be negative, got " + queryTimeAfterNumEntries
                + " for StateTtlConfig.Builder.cleanupInRocksdbCompactFilter(...)");
      }
      this.rocksdbCompactFilter = new RocksdbCompactFilterCleanupStrategy(queryTimeAfterNumEntries);
      return this;
    }

    /**
     * Turns off the backend's default background cleanup; strategies configured explicitly
     * still apply, and expired values are still removed when read.
     */
    public Builder disableCleanupInBackground() {
      this.cleanupInBackground = false;
      return this;
    }

    /** The configuration. */
    public StateTtlConfig build() {
      return new StateTtlConfig(this);
    }

    private static Duration checkTtl(Duration ttl, String method) {
      Objects.requireNonNull(ttl, () -> "ttl must not be null for " + method);
      if (ttl.isZero() || ttl.isNegative()) {
        throw new IllegalArgumentException(
            "ttl must be positive, got " + ttl + " for " + method
                + ": pass a positive duration such as Duration.ofMinutes(10)");
      }
      return ttl;
    }
  }
}
