package io.millrace.state.internal.ttl;

import io.millrace.state.StateTtlConfig;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The expiry rules of one state with TTL: its TTL in milliseconds, the clock, and what the
 * {@link StateTtlConfig} says about refreshing and visibility. Shared by the TTL decorators and
 * a backend's cleanup. A value last accessed at {@code t} expires at {@code t + ttl} (saturating
 * at {@link Long#MAX_VALUE}), as in Apache Flink.
 */
public final class TtlPolicy {

  /**
   * Removes the expired parts of a stored value (the value itself, list elements or map
   * entries), possibly in place.
   *
   * @param <V> the stored value type
   */
  @FunctionalInterface
  public interface ExpiredFilter<V> {
    /** Returns what remains of {@code stored} at {@code now}, or {@code null} if nothing. */
    V removeExpired(V stored, long now);
  }

  private final StateTtlConfig config;
  private final long ttlMillis;
  private final LongSupplier clock;
  private final boolean refreshOnRead;
  private final boolean returnExpired;

  /** The policy of {@code config}, reading processing time from {@code clock}. */
  public TtlPolicy(StateTtlConfig config, LongSupplier clock) {
    this.config = Objects.requireNonNull(config, "ttl config must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    long millis;
    try {
      millis = config.getTtl().toMillis();
    } catch (ArithmeticException tooLong) {
      millis = Long.MAX_VALUE;
    }
    this.ttlMillis = millis;
    this.refreshOnRead = config.getUpdateType() == StateTtlConfig.UpdateType.OnReadAndWrite;
    this.returnExpired =
        config.getStateVisibility() == StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp;
  }

  /** The configuration. */
  public StateTtlConfig config() {
    return config;
  }

  /** The current processing time. */
  public long now() {
    return clock.getAsLong();
  }

  /** Whether reads refresh timestamps ({@code OnReadAndWrite}). */
  public boolean refreshOnRead() {
    return refreshOnRead;
  }

  /** Whether expired values not yet cleaned are returned ({@code ReturnExpiredIfNotCleanedUp}). */
  public boolean returnExpired() {
    return returnExpired;
  }

  /** The time at which a value last accessed at {@code timestamp} expires. */
  public long expirationTime(long timestamp) {
    long expiration = timestamp + ttlMillis;
    return ((timestamp ^ expiration) & (ttlMillis ^ expiration)) < 0 ? Long.MAX_VALUE : expiration;
  }

  /** Whether {@code value} (non-null) has expired at {@code now}. */
  public boolean isExpired(TtlValue<?> value, long now) {
    return expirationTime(value.lastAccessTimestamp()) <= now;
  }

  /** {@code value} stamped with {@code now}. */
  public <T> TtlValue<T> wrap(T value, long now) {
    return new TtlValue<>(value, now);
  }

  /** The user value of {@code value}, or {@code null} if it is null or expired at {@code now}. */
  public <T> T unexpiredOrNull(TtlValue<T> value, long now) {
    return value == null || isExpired(value, now) ? null : value.userValue();
  }

  /** The filter for a single stored {@link TtlValue} (value, reducing, aggregating state). */
  public <T> ExpiredFilter<TtlValue<T>> valueFilter() {
    return (stored, now) -> isExpired(stored, now) ? null : stored;
  }

  /** The filter for a list of {@link TtlValue}s; removes expired elements in place. */
  public <T, L extends List<TtlValue<T>>> ExpiredFilter<L> listFilter() {
    return (stored, now) -> {
      stored.removeIf(element -> isExpired(element, now));
      return stored.isEmpty() ? null : stored;
    };
  }

  /** The filter for a map to {@link TtlValue}s; removes expired entries in place. */
  public <UK, UV, M extends Map<UK, TtlValue<UV>>> ExpiredFilter<M> mapFilter() {
    return (stored, now) -> {
      for (Iterator<TtlValue<UV>> values = stored.values().iterator(); values.hasNext(); ) {
        if (isExpired(values.next(), now)) {
          values.remove();
        }
      }
      return stored.isEmpty() ? null : stored;
    };
  }
}
