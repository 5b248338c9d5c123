package io.millrace.api;

import io.millrace.api.functions.ProcessJoinFunction;
import java.time.Duration;

/**
 * An interval join of two keyed streams: a right element {@code r} pairs with a left element
 * {@code l} of the same key when {@code l.ts + lower <= r.ts <= l.ts + upper}.
 *
 * <pre>{@code
 * impressions.keyBy(Impression::adId)
 *     .intervalJoin(clicks.keyBy(Click::adId))
 *     .between(Duration.ofMinutes(-5), Duration.ZERO)
 *     .process(new AttributeClick());
 * }</pre>
 *
 * @param <T1> left type
 * @param <T2> right type
 * @param <KEY> key type
 */
public interface IntervalJoin<T1, T2, KEY> {
  /** Joins in event time (the only mode, and the default). */
  IntervalJoin<T1, T2, KEY> inEventTime();

  /** The bounds, both inclusive by default; {@code lower <= upper}. */
  Joined<T1, T2, KEY> between(Duration lowerBound, Duration upperBound);

  /**
   * An interval join with its bounds.
   *
   * @param <T1> left type
   * @param <T2> right type
   * @param <KEY> key type
   */
  interface Joined<T1, T2, KEY> {
    /** Makes the lower bound exclusive. */
    Joined<T1, T2, KEY> lowerBoundExclusive();

    /** Makes the upper bound exclusive. */
    Joined<T1, T2, KEY> upperBoundExclusive();

    /** Sends left elements behind the watermark (which are not joined) to {@code tag}. */
    Joined<T1, T2, KEY> sideOutputLeftLateData(OutputTag<T1> tag);

    /** Sends right elements behind the watermark (which are not joined) to {@code tag}. */
    Joined<T1, T2, KEY> sideOutputRightLateData(OutputTag<T2> tag);

    /** Processes every pair; results carry the larger of the two timestamps. */
    <OUT> SingleOutputStreamOperator<OUT> process(ProcessJoinFunction<T1, T2, OUT> function);
  }
}
