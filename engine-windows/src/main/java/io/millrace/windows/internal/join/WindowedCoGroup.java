package io.millrace.windows.internal.join;

import io.millrace.api.DataStream;
import io.millrace.api.KeyedStream;
import io.millrace.api.SingleOutputStreamOperator;
import io.millrace.api.functions.CoGroupFunction;
import io.millrace.api.functions.Function;
import io.millrace.api.functions.KeySelector;
import io.millrace.api.windowing.Evictor;
import io.millrace.api.windowing.Trigger;
import io.millrace.api.windowing.Window;
import io.millrace.api.windowing.WindowAssigner;
import io.millrace.api.windowing.WindowedStream;
import io.millrace.runtime.api.WindowingProvider;
import java.time.Duration;
import java.util.Objects;

/**
 * A fully configured window join or co-group, and how it becomes a job, as in Apache Flink: both
 * inputs mapped to a {@link TaggedUnion}, unioned, keyed by each side's own key selector and cut
 * into windows by the window operator, whose window function calls the co-group function once
 * per key and window that holds at least one element (results stamped with the window's
 * {@code maxTimestamp()}). Immutable: each setting returns a new instance.
 *
 * @param <T1> left type
 * @param <T2> right type
 * @param <KEY> key type
 * @param <W> window type
 */
record WindowedCoGroup<T1, T2, KEY, W extends Window>(
    DataStream<T1> left,
    DataStream<T2> right,
    KeySelector<T1, KEY> leftKey,
    KeySelector<T2, KEY> rightKey,
    WindowAssigner<Object, W> assigner,
    Trigger<Object, ? super W> trigger,
    Evictor<Object, ? super W> evictor,
    Duration allowedLateness) {

  WindowedCoGroup<T1, T2, KEY, W> withTrigger(Trigger<Object, ? super W> newTrigger) {
    Objects.requireNonNull(newTrigger, "trigger must not be null");
    return new WindowedCoGroup<>(left, right, leftKey, rightKey, assigner, newTrigger, evictor, allowedLateness);
  }

  WindowedCoGroup<T1, T2, KEY, W> withEvictor(Evictor<Object, ? super W> newEvictor) {
    Objects.requireNonNull(newEvictor, "evictor must not be null");
    return new WindowedCoGroup<>(left, right, leftKey, rightKey, assigner, trigger, newEvictor, allowedLateness);
  }

  WindowedCoGroup<T1, T2, KEY, W> withAllowedLateness(Duration lateness) {
    Objects.requireNonNull(lateness, "allowed lateness must not be null");
    if (lateness.isNegative()) {
      throw new IllegalArgumentException("allowed lateness must not be negative, got " + lateness + " for allowedLateness(...)");
    }
    return new WindowedCoGroup<>(left, right, leftKey, rightKey, assigner, trigger, evictor, lateness);
  }

  /** Builds the job steps; {@code userFunction} is the user's own function (for naming and lifecycle). */
  <T> SingleOutputStreamOperator<T> build(String kind, CoGroupFunction<T1, T2, T> coGroup, Function userFunction) {
    DataStream<TaggedUnion<T1, T2>> taggedLeft = left.map(new UnionFunctions.TagLeft<T1, T2>()).name(kind + ": tag left");
    DataStream<TaggedUnion<T1, T2>> taggedRight = right.map(new UnionFunctions.TagRight<T1, T2>()).name(kind + ": tag right");
    KeyedStream<TaggedUnion<T1, T2>, KEY> keyed =
        taggedLeft.union(taggedRight).keyBy(new UnionFunctions.UnionKeySelector<>(leftKey, rightKey));
    WindowedStream<TaggedUnion<T1, T2>, KEY, W> windowed = WindowingProvider.get().window(keyed, assigner);
    if (trigger != null) {
      windowed = windowed.trigger(trigger);
    }
    if (evictor != null) {
      windowed = windowed.evictor(evictor);
    }
    if (allowedLateness != null) {
      windowed = windowed.allowedLateness(allowedLateness);
    }
    return windowed.apply(CoGroupWindowFunctions.<T1, T2, T, KEY, W>of(coGroup, userFunction)).name(kind);
  }
}
