package io.millrace.windows.internal.join;

import io.millrace.api.CoGroupedStreams;
import io.millrace.api.DataStream;
import io.millrace.api.IntervalJoin;
import io.millrace.api.JoinedStreams;
import io.millrace.api.KeyedStream;

/**
 * Where the windowing provider's {@code join}, {@code coGroup} and {@code intervalJoin} start:
 * the builders of the three joins of two streams.
 */
public final class Joins {
  private Joins() {}

  /** A window join of {@code left} and {@code right}. */
  public static <T1, T2> JoinedStreams<T1, T2> join(DataStream<T1> left, DataStream<T2> right) {
    return new JoinedStreamsImpl<>(left, right);
  }

  /** A window co-group of {@code left} and {@code right}. */
  public static <T1, T2> CoGroupedStreams<T1, T2> coGroup(DataStream<T1> left, DataStream<T2> right) {
    return new CoGroupedStreamsImpl<>(left, right);
  }

  /** An interval join of two keyed streams with the same key type. */
  public static <T1, T2, K> IntervalJoin<T1, T2, K> intervalJoin(KeyedStream<T1, K> left, KeyedStream<T2, K> right) {
    return new IntervalJoinImpl<>(left, right);
  }
}
