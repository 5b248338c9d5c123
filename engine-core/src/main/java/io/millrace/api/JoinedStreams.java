package io.millrace.api;

import io.millrace.api.functions.FlatJoinFunction;
import io.millrace.api.functions.JoinFunction;
import io.millrace.api.functions.KeySelector;
import io.millrace.api.windowing.Evictor;
import io.millrace.api.windowing.Trigger;
import io.millrace.api.windowing.Window;
import io.millrace.api.windowing.WindowAssigner;
import java.time.Duration;

/**
 * A window join: every pair of a left and a right element with equal keys in the same window.
 *
 * <pre>{@code
 * orders.join(payments)
 *     .where(Order::id).equalTo(Payment::orderId)
 *     .window(TumblingEventTimeWindows.of(Time.minutes(1)))
 *     .apply((order, payment) -> new Paid(order, payment));
 * }</pre>
 *
 * @param <T1> left type
 * @param <T2> right type
 */
public interface JoinedStreams<T1, T2> {
  /** The key of left elements. */
  <KEY> Where<T1, T2, KEY> where(KeySelector<T1, KEY> keySelector);

  /**
   * A join with its left key.
   *
   * @param <T1> left type
   * @param <T2> right type
   * @param <KEY> key type
   */
  interface Where<T1, T2, KEY> {
    /** The key of right elements. */
    EqualTo<T1, T2, KEY> equalTo(KeySelector<T2, KEY> keySelector);
  }

  /**
   * A join with both keys.
   *
   * @param <T1> left type
   * @param <T2> right type
   * @param <KEY> key type
   */
  interface EqualTo<T1, T2, KEY> {
    /** The windows pairs must share. */
    <W extends Window> WithWindow<T1, T2, KEY, W> window(WindowAssigner<Object, W> assigner);
  }

  /**
   * A join with its windows.
   *
   * @param <T1> left type
   * @param <T2> right type
   * @param <KEY> key type
   * @param <W> window type
   */
  interface WithWindow<T1, T2, KEY, W extends Window> {
    /** Replaces the assigner's default trigger. */
    WithWindow<T1, T2, KEY, W> trigger(Trigger<Object, ? super W> trigger);

    /** Removes elements before/after joining. */
    WithWindow<T1, T2, KEY, W> evictor(Evictor<Object, ? super W> evictor);

    /** Keeps windows for {@code lateness} after the watermark passed them. */
    WithWindow<T1, T2, KEY, W> allowedLateness(Duration lateness);

    /** Emits {@code function(left, right)} for every pair; results carry the window's max timestamp. */
    <T> SingleOutputStreamOperator<T> apply(JoinFunction<T1, T2, T> function);

    /** Emits what {@code function} collects for every pair. */
    <T> SingleOutputStreamOperator<T> apply(FlatJoinFunction<T1, T2, T> function);
  }
}
