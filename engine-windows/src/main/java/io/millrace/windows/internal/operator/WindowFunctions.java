package io.millrace.windows.internal.operator;

import io.millrace.api.OutputTag;
import io.millrace.api.functions.AggregateFunction;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.ReduceFunction;
import io.millrace.api.windowing.AllWindowFunction;
import io.millrace.api.windowing.ProcessAllWindowFunction;
import io.millrace.api.windowing.ProcessWindowFunction;
import io.millrace.api.windowing.Window;
import io.millrace.api.windowing.WindowFunction;
import io.millrace.state.KeyedStateStore;
import java.util.Collections;

/**
 * Adapters from the user's window functions to {@link InternalWindowFunction}: the four user
 * function kinds over an {@code Iterable}, the pass-through of a pre-aggregated value, and the
 * combinators for single values (incremental state) and for evicting windows (which keep every
 * element, so a reduce or aggregate runs at firing).
 */
public final class WindowFunctions {
  private WindowFunctions() {}

  /** Emits each element of the contents as it is (the output of a plain reduce or aggregate). */
  public static <T, K, W extends Window> InternalWindowFunction<Iterable<T>, T, K, W> passThrough() {
    return (key, window, context, contents, out) -> {
      for (T value : contents) {
        out.collect(value);
      }
    };
  }

  /** Runs {@code function} on the one-element list holding a pre-aggregated value. */
  public static <V, OUT, K, W extends Window> InternalWindowFunction<V, OUT, K, W> singleValue(
      InternalWindowFunction<Iterable<V>, OUT, K, W> function) {
    return new InternalWindowFunction<>() {
      @Override
      public void process(K key, W window, InternalWindowContext<W> context, V contents, Collector<OUT> out) throws Exception {
        function.process(key, window, context, Collections.singletonList(contents), out);
      }

      @Override
      public void clear(W window, InternalWindowContext<W> context) throws Exception {
        function.clear(window, context);
      }
    };
  }

  /** Reduces all elements (an evicting window's contents) and runs {@code function} on the result. */
  public static <T, OUT, K, W extends Window> InternalWindowFunction<Iterable<T>, OUT, K, W> reduceThen(
      ReduceFunction<T> reducer, InternalWindowFunction<Iterable<T>, OUT, K, W> function) {
    return new InternalWindowFunction<>() {
      @Override
      public void process(K key, W window, InternalWindowContext<W> context, Iterable<T> contents, Collector<OUT> out)
          throws Exception {
        T reduced = null;
        for (T value : contents) {
          reduced = reduced == null ? value : reducer.reduce(reduced, value);
        }
        function.process(key, window, context,
            reduced == null ? Collections.emptyList() : Collections.singletonList(reduced), out);
      }

      @Override
      public void clear(W window, InternalWindowContext<W> context) throws Exception {
        function.clear(window, context);
      }
    };
  }

  /** Aggregates all elements (an evicting window's contents) and runs {@code function} on the result. */
  public static <T, ACC, V, OUT, K, W extends Window> InternalWindowFunction<Iterable<T>, OUT, K, W> aggregateThen(
      AggregateFunction<T, ACC, V> aggregator, InternalWindowFunction<Iterable<V>, OUT, K, W> function) {
    return new InternalWindowFunction<>() {
      @Override
      public void process(K key, W window, InternalWindowContext<W> context, Iterable<T> contents, Collector<OUT> out)
          throws Exception {
        ACC accumulator = aggregator.createAccumulator();
        for (T value : contents) {
          accumulator = aggregator.add(value, accumulator);
        }
        function.process(key, window, context, Collections.singletonList(aggregator.getResult(accumulator)), out);
      }

      @Override
      public void clear(W window, InternalWindowContext<W> context) throws Exception {
        function.clear(window, context);
      }
    };
  }

  /** Runs a {@link WindowFunction}. */
  public static <T, OUT, K, W extends Window> InternalWindowFunction<Iterable<T>, OUT, K, W> apply(
      WindowFunction<T, OUT, K, W> function) {
    return (key, window, context, contents, out) -> function.apply(key, window, contents, out);
  }

  /** Runs an {@link AllWindowFunction}, ignoring the constant key. */
  public static <T, OUT, K, W extends Window> InternalWindowFunction<Iterable<T>, OUT, K, W> applyAll(
      AllWindowFunction<T, OUT, W> function) {
    return (key, window, context, contents, out) -> function.apply(window, contents, out);
  }

  /** Runs a {@link ProcessWindowFunction}, with its context and {@code clear}. */
  public static <T, OUT, K, W extends Window> InternalWindowFunction<Iterable<T>, OUT, K, W> process(
      ProcessWindowFunction<T, OUT, K, W> function) {
    return new ProcessRunner<>(function);
  }

  /** Runs a {@link ProcessAllWindowFunction}, with its context and {@code clear}. */
  public static <T, OUT, K, W extends Window> InternalWindowFunction<Iterable<T>, OUT, K, W> processAll(
      ProcessAllWindowFunction<T, OUT, W> function) {
    return new ProcessAllRunner<>(function);
  }

  private static final class ProcessRunner<T, OUT, K, W extends Window> implements InternalWindowFunction<Iterable<T>, OUT, K, W> {
    private final ProcessWindowFunction<T, OUT, K, W> function;
    private final Context context;
    private InternalWindowContext<W> current;

    ProcessRunner(ProcessWindowFunction<T, OUT, K, W> function) {
      this.function = function;
      this.context = new Context(function);
    }

    @Override
    public void process(K key, W window, InternalWindowContext<W> windowContext, Iterable<T> contents, Collector<OUT> out)
        throws Exception {
      current = windowContext;
      function.process(key, context, contents, out);
    }

    @Override
    public void clear(W window, InternalWindowContext<W> windowContext) throws Exception {
      current = windowContext;
      function.clear(context);
    }

    private final class Context extends ProcessWindowFunction<T, OUT, K, W>.Context {
      Context(ProcessWindowFunction<T, OUT, K, W> function) {
        function.super();
      }

      @Override
      public W window() {
        return current.window();
      }

      @Override
      public long currentProcessingTime() {
        return current.currentProcessingTime();
      }

      @Override
      public long currentWatermark() {
        return current.currentWatermark();
      }

      @Override
      public KeyedStateStore windowState() {
        return current.windowState();
      }

      @Override
      public KeyedStateStore globalState() {
        return current.globalState();
      }

      @Override
      public <X> void output(OutputTag<X> outputTag, X value) {
        current.output(outputTag, value);
      }
    }
  }

  private static final class ProcessAllRunner<T, OUT, K, W extends Window> implements InternalWindowFunction<Iterable<T>, OUT, K, W> {
    private final ProcessAllWindowFunction<T, OUT, W> function;
    private final Context context;
    private InternalWindowContext<W> current;

    ProcessAllRunner(ProcessAllWindowFunction<T, OUT, W> function) {
      this.function = function;
      this.context = new Context(function);
    }

    @Override
    public void process(K key, W window, InternalWindowContext<W> windowContext, Iterable<T> contents, Collector<OUT> out)
        throws Exception {
      current = windowContext;
      function.process(context, contents, out);
    }

    @Override
    public void clear(W window, InternalWindowContext<W> windowContext) throws Exception {
      current = windowContext;
      function.clear(context);
    }

    private final class Context extends ProcessAllWindowFunction<T, OUT, W>.Context {
      Context(ProcessAllWindowFunction<T, OUT, W> function) {
        function.super();
      }

      @Override
      public W window() {
        return current.window();
      }

      @Override
      public long currentProcessingTime() {
        return current.currentProcessingTime();
      }

      @Override
      public long currentWatermark() {
        return current.currentWatermark();
      }

      @Override
      public KeyedStateStore windowState() {
        return current.windowState();
      }

      @Override
      public KeyedStateStore globalState() {
        return current.globalState();
      }

      @Override
      public <X> void output(OutputTag<X> outputTag, X value) {
        current.output(outputTag, value);
      }
    }
  }
}
