package io.millrace.windows.internal.operator;

import io.millrace.api.functions.AggregateFunction;
import io.millrace.api.functions.ReduceFunction;
import java.io.Serializable;

/**
 * How {@link SlicingWindowOperator} builds one slice's value from its elements and a window's
 * value from its slices' values: an {@link AggregateFunction}'s accumulator, or a
 * {@link ReduceFunction}'s running value.
 *
 * <p>A window made of one slice (always, for tumbling windows) is evaluated by {@link #result}
 * of that slice's value alone, exactly as the general operator evaluates its window state. A
 * window of several slices is the {@link #merge} of its slices' values, oldest slice first.
 *
 * @param <IN> element type
 * @param <ACC> a slice's stored value
 * @param <V> what a window evaluates to (the window function's input)
 */
public interface SliceAggregator<IN, ACC, V> extends Serializable {
  /** The slice value after {@code element}, given the slice's value so far or null for a new slice. */
  ACC add(IN element, ACC slice) throws Exception;

  /**
   * Merges {@code slice} (a stored slice value, which must stay intact) into {@code target}, the
   * merge so far or null before the first slice; returns the new merge.
   */
  ACC merge(ACC target, ACC slice) throws Exception;

  /** What a window whose slices merged to {@code value} evaluates to. */
  V result(ACC value) throws Exception;

  /**
   * The class of every slice value, if known and final (so that state can use its own
   * serializer rather than the generic one, which writes a class name per value); else null.
   */
  default Class<?> sliceClass() {
    return null;
  }

  /** Slices of an {@link AggregateFunction}: one accumulator each, merged into a fresh one. */
  static <IN, ACC, V> SliceAggregator<IN, ACC, V> aggregating(AggregateFunction<IN, ACC, V> function) {
    return new Aggregating<>(function);
  }

  /** Slices of a {@link ReduceFunction}: one reduced value each, reduced oldest slice first. */
  static <T> SliceAggregator<T, T, T> reducing(ReduceFunction<T> function) {
    return new Reducing<>(function);
  }

  /** See {@link #aggregating}. */
  final class Aggregating<IN, ACC, V> implements SliceAggregator<IN, ACC, V> {
    private static final long serialVersionUID = 1L;
    private final AggregateFunction<IN, ACC, V> function;

    Aggregating(AggregateFunction<IN, ACC, V> function) {
      this.function = function;
    }

    @Override
    public ACC add(IN element, ACC slice) {
      return function.add(element, slice == null ? function.createAccumulator() : slice);
    }

    @Override
    public ACC merge(ACC target, ACC slice) {
      // The first slice merges into a fresh accumulator, never the stored one: merge usually
      // updates its first argument in place, and the stored slice is shared by later windows.
      return function.merge(target == null ? function.createAccumulator() : target, slice);
    }

    @Override
    public V result(ACC value) {
      return function.getResult(value);
    }

    /** The accumulator's class, when it is final: then every accumulator is of that class. */
    @Override
    public Class<?> sliceClass() {
      ACC accumulator = function.createAccumulator();
      if (accumulator == null) {
        return null;
      }
      Class<?> type = accumulator.getClass();
      boolean finalType = type.isArray()
          ? type.getComponentType().isPrimitive()
          : java.lang.reflect.Modifier.isFinal(type.getModifiers());
      return finalType ? type : null;
    }
  }

  /** See {@link #reducing}. */
  final class Reducing<T> implements SliceAggregator<T, T, T> {
    private static final long serialVersionUID = 1L;
    private final ReduceFunction<T> function;

    Reducing(ReduceFunction<T> function) {
      this.function = function;
    }

    @Override
    public T add(T element, T slice) throws Exception {
      // As the general operator's reducing state: the first element is the value, later ones reduce into it.
      return slice == null ? element : function.reduce(slice, element);
    }

    @Override
    public T merge(T target, T slice) throws Exception {
      return target == null ? slice : function.reduce(target, slice);
    }

    @Override
    public T result(T value) {
      return value;
    }
  }
}
