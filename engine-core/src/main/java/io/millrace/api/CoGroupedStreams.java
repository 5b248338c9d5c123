package io.millrace.api;

import io.millrace.api.functions.CoGroupFunction;
import io.millrace.api.functions.KeySelector;
import io.millrace.api.windowing.Evictor;
import io.millrace.api.windowing.Trigger;
import io.millrace.api.windowing.Window;
import io.millrace.api.windowing.WindowAssigner;
import java.time.Duration;

/**
 * A window co-group: for every key and window with elements on either side, both sides'
 * elements (either may be empty) — outer joins are built on it.
 *
 * @param <T1> left type
 * @param <T2> right type
 */
public interface CoGroupedStreams<T1, T2> {
  /** The key of left elements. */
  <KEY> Where<T1, T2, KEY> where(KeySelector<T1, KEY> keySelector);

  /**
   * A co-group with its left key.
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
   * A co-group with both keys.
   *
   * @param <T1> left type
   * @param <T2> right type
   * @param <KEY> key type
   */
  interface EqualTo<T1, T2, KEY> {
    /** The windows to group by. */
    <W extends Window> WithWindow<T1, T2, KEY, W> window(WindowAssigner<Object, W> assigner);
  }

  /**
   * A co-group with its windows.
   *
   * @param <T1> left type
   * @param <T2> right type
   * @param <KEY> key type
   * @param <W> window type
   */
  interface WithWindow<T1, T2, KEY, W extends Window> {
    /** Replaces the assigner's default trigger. */
    WithWindow<T1, T2, KEY, W> trigger(Trigger<Object, ? super W> trigger);

    /** Removes elements before/after grouping. */
    WithWindow<T1, T2, KEY, W> evictor(Evictor<Object, ? super W> evictor);

    /** Keeps windows for {@code lateness} after the watermark passed them. */
    WithWindow<T1, T2, KEY, W> allowedLateness(Duration lateness);

    /** Calls {@code function} per key and window; results carry the window's max timestamp. */
    <T> SingleOutputStreamOperator<T> apply(CoGroupFunction<T1, T2, T> function);
  }
}
