package io.millrace.windows.internal.join;

import io.millrace.api.CoGroupedStreams;
import io.millrace.api.DataStream;
import io.millrace.api.SingleOutputStreamOperator;
import io.millrace.api.functions.CoGroupFunction;
import io.millrace.api.functions.KeySelector;
import io.millrace.api.windowing.Evictor;
import io.millrace.api.windowing.Trigger;
import io.millrace.api.windowing.Window;
import io.millrace.api.windowing.WindowAssigner;
import java.time.Duration;
import java.util.Objects;

/** The builder behind {@code a.coGroup(b)}: both sides' elements per key and window. */
final class CoGroupedStreamsImpl<T1, T2> implements CoGroupedStreams<T1, T2> {
  private final DataStream<T1> left;
  private final DataStream<T2> right;

  CoGroupedStreamsImpl(DataStream<T1> left, DataStream<T2> right) {
    this.left = Objects.requireNonNull(left, "left stream must not be null");
    this.right = Objects.requireNonNull(right, "right stream must not be null for coGroup(...)");
  }

  @Override
  public <KEY> Where<T1, T2, KEY> where(KeySelector<T1, KEY> keySelector) {
    Objects.requireNonNull(keySelector, "key selector must not be null for coGroup(...).where(...)");
    return rightKey -> {
      Objects.requireNonNull(rightKey, "key selector must not be null for coGroup(...).where(...).equalTo(...)");
      return new EqualTo<T1, T2, KEY>() {
        @Override
        public <W extends Window> WithWindow<T1, T2, KEY, W> window(WindowAssigner<Object, W> assigner) {
          Objects.requireNonNull(assigner, "window assigner must not be null for coGroup(...).window(...)");
          return new WithWindowImpl<>(
              new WindowedCoGroup<>(left, right, keySelector, rightKey, assigner, null, null, null));
        }
      };
    };
  }

  private static final class WithWindowImpl<T1, T2, KEY, W extends Window> implements WithWindow<T1, T2, KEY, W> {
    private final WindowedCoGroup<T1, T2, KEY, W> spec;

    WithWindowImpl(WindowedCoGroup<T1, T2, KEY, W> spec) {
      this.spec = spec;
    }

    @Override
    public WithWindow<T1, T2, KEY, W> trigger(Trigger<Object, ? super W> trigger) {
      return new WithWindowImpl<>(spec.withTrigger(trigger));
    }

    @Override
    public WithWindow<T1, T2, KEY, W> evictor(Evictor<Object, ? super W> evictor) {
      return new WithWindowImpl<>(spec.withEvictor(evictor));
    }

    @Override
    public WithWindow<T1, T2, KEY, W> allowedLateness(Duration lateness) {
      return new WithWindowImpl<>(spec.withAllowedLateness(lateness));
    }

    @Override
    public <T> SingleOutputStreamOperator<T> apply(CoGroupFunction<T1, T2, T> function) {
      Objects.requireNonNull(function, "co-group function must not be null");
      return spec.build("coGroup", function, function);
    }
  }
}
