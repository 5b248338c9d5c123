package io.millrace.windows.internal;

import io.millrace.api.KeyedStream;
import io.millrace.api.OutputTag;
import io.millrace.api.SingleOutputStreamOperator;
import io.millrace.api.functions.AggregateFunction;
import io.millrace.api.functions.Function;
import io.millrace.api.functions.ReduceFunction;
import io.millrace.api.functions.RichFunction;
import io.millrace.api.windowing.AllWindowFunction;
import io.millrace.api.windowing.Evictor;
import io.millrace.api.windowing.MergingWindowAssigner;
import io.millrace.api.windowing.ProcessAllWindowFunction;
import io.millrace.api.windowing.ProcessWindowFunction;
import io.millrace.api.windowing.TimeWindow;
import io.millrace.api.windowing.TimestampedValue;
import io.millrace.api.windowing.Trigger;
import io.millrace.api.windowing.Window;
import io.millrace.api.windowing.WindowAssigner;
import io.millrace.api.windowing.WindowFunction;
import io.millrace.api.windowing.WindowedStream;
import io.millrace.api.windowing.assigners.SlidingEventTimeWindows;
import io.millrace.api.windowing.assigners.TumblingEventTimeWindows;
import io.millrace.api.windowing.triggers.EventTimeTrigger;
import io.millrace.runtime.aggregation.FieldAggregations;
import io.millrace.runtime.api.StreamInternals;
import io.millrace.state.AggregatingStateDescriptor;
import io.millrace.state.AppendingState;
import io.millrace.state.ListStateDescriptor;
import io.millrace.state.ReducingStateDescriptor;
import io.millrace.state.StateDescriptor;
import io.millrace.windows.internal.operator.SliceAggregator;
import io.millrace.windows.internal.operator.SlicingWindowOperatorSpec;
import io.millrace.windows.internal.operator.TimestampedValueSerializer;
import io.millrace.windows.internal.operator.WindowFunctions;
import io.millrace.windows.internal.operator.WindowOperatorSpec;
import io.millrace.windows.internal.operator.WindowOperatorSpec.FunctionAdapter;
import java.time.Duration;
import io.millrace.api.windowing.triggers.ProcessingTimeTrigger;
import io.millrace.api.windowing.triggers.ContinuousEventTimeTrigger;
import java.util.Objects;

/**
 * The implementation of {@link WindowedStream}: records the trigger, evictor, lateness and late
 * output, and on a window function adds a window operator to the job. Also serves
 * {@link AllWindowedStreamImpl}, over a stream keyed by a constant.
 *
 * @param <T> element type
 * @param <K> key type
 * @param <W> window type
 */
final class WindowedStreamImpl<T, K, W extends Window> implements WindowedStream<T, K, W> {
  private static final String CONTENTS_STATE = "window-contents";

  private final KeyedStream<T, K> input;
  private final WindowAssigner<? super T, W> assigner;
  private Trigger<? super T, ? super W> trigger;
  private Evictor<? super T, ? super W> evictor;
  private long allowedLateness;
  private OutputTag<T> lateDataTag;

  WindowedStreamImpl(KeyedStream<T, K> input, WindowAssigner<? super T, W> assigner) {
    this.input = Objects.requireNonNull(input, "input stream must not be null");
    this.assigner = Objects.requireNonNull(assigner, "window assigner must not be null");
    this.trigger = assigner.getDefaultTrigger();
  }

  WindowAssigner<? super T, W> assigner() {
    return assigner;
  }

  @Override
  public WindowedStream<T, K, W> trigger(Trigger<? super T, ? super W> trigger) {
    Objects.requireNonNull(trigger, "trigger must not be null for trigger(...)");
    if (assigner instanceof MergingWindowAssigner<?, ?> && !trigger.canMerge()) {
      throw new UnsupportedOperationException("the trigger " + trigger + " does not support merging windows, but "
          + assigner + " merges them: use a trigger whose canMerge() returns true");
    }
    checkTimeDomain(trigger);
    this.trigger = trigger;
    return this;
  }

  /**
   * A trigger of one time domain on time windows of the other fires at a meaningless time
   * (event-time windows closed by the wall clock, or processing-time windows by watermarks):
   * rejected. (These triggers take time windows only, so global windows never meet them.)
   */
  private void checkTimeDomain(Trigger<?, ?> trigger) {
    boolean processingTimeTrigger = trigger instanceof ProcessingTimeTrigger;
    boolean eventTimeTrigger = trigger instanceof EventTimeTrigger || trigger instanceof ContinuousEventTimeTrigger;
    if (assigner.isEventTime() && processingTimeTrigger) {
      throw new IllegalArgumentException("the processing-time trigger " + trigger + " cannot close the event-time windows of "
          + assigner + ": use an EventTimeTrigger, or a processing-time assigner such as TumblingProcessingTimeWindows");
    }
    if (!assigner.isEventTime() && eventTimeTrigger) {
      throw new IllegalArgumentException("the event-time trigger " + trigger + " cannot close the processing-time windows of "
          + assigner + ": use a ProcessingTimeTrigger, or an event-time assigner such as TumblingEventTimeWindows");
    }
  }

  @Override
  public WindowedStream<T, K, W> evictor(Evictor<? super T, ? super W> evictor) {
    this.evictor = Objects.requireNonNull(evictor, "evictor must not be null for evictor(...)");
    return this;
  }

  @Override
  public WindowedStream<T, K, W> allowedLateness(Duration lateness) {
    Objects.requireNonNull(lateness, "allowed lateness must not be null for allowedLateness(...)");
    if (lateness.isNegative()) {
      throw new IllegalArgumentException("allowed lateness must not be negative, got " + lateness + " for allowedLateness(...)");
    }
    this.allowedLateness = lateness.toMillis();
    return this;
  }

  @Override
  public WindowedStream<T, K, W> sideOutputLateData(OutputTag<T> outputTag) {
    this.lateDataTag = Objects.requireNonNull(outputTag, "output tag must not be null for sideOutputLateData(...)");
    return this;
  }

  // ------------------------------------------------------------------------------- reduce

  @Override
  public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> function) {
    requireNotRich(function, "reduce");
    return reduceWith(function, null, f -> WindowFunctions.<T, K, W>passThrough());
  }

  @Override
  public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, ProcessWindowFunction<T, R, K, W> windowFunction) {
    requireNotRich(reduceFunction, "reduce");
    Objects.requireNonNull(windowFunction, "window function must not be null for reduce(...)");
    return reduceWith(reduceFunction, windowFunction, f -> WindowFunctions.process(castProcess(f)));
  }

  @Override
  public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, WindowFunction<T, R, K, W> windowFunction) {
    requireNotRich(reduceFunction, "reduce");
    Objects.requireNonNull(windowFunction, "window function must not be null for reduce(...)");
    return reduceWith(reduceFunction, windowFunction, f -> WindowFunctions.apply(castApply(f)));
  }

  /** Reduce, then {@code adapter}'s function (over the one reduced element). */
  <R> SingleOutputStreamOperator<R> reduceWith(
      ReduceFunction<T> reduceFunction, Function windowFunction, FunctionAdapter<Iterable<T>, R, K, W> adapter) {
    Function named = windowFunction != null ? windowFunction : reduceFunction;
    if (evictor != null) {
      return addOperator(named, evictingContents(), windowFunction,
          f -> WindowFunctions.reduceThen(reduceFunction, adapter.adapt(f)));
    }
    // Flink applies a window's reduce in the order elements arrive; merging slices in time order
    // could change the result of a reduce that is not commutative, so windows of several slices
    // (sliding) reduce on the general path.
    long[] geometry = slicing(false);
    if (geometry != null) {
      return addSlicingOperator(named, geometry, SliceAggregator.reducing(reduceFunction), windowFunction, adapter);
    }
    return addOperator(named, new ReducingStateDescriptor<T>(CONTENTS_STATE, reduceFunction, (Class<T>) null), windowFunction,
        f -> WindowFunctions.<T, R, K, W>singleValue(adapter.adapt(f)));
  }

  // ------------------------------------------------------------------------------- aggregate

  @Override
  public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
    requireNotRich(function, "aggregate");
    return aggregateWith(function, null, f -> WindowFunctions.<R, K, W>passThrough());
  }

  @Override
  public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
      AggregateFunction<T, ACC, V> aggregateFunction, ProcessWindowFunction<V, R, K, W> windowFunction) {
    requireNotRich(aggregateFunction, "aggregate");
    Objects.requireNonNull(windowFunction, "window function must not be null for aggregate(...)");
    return aggregateWith(aggregateFunction, windowFunction, f -> WindowFunctions.process(castProcess(f)));
  }

  @Override
  public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
      AggregateFunction<T, ACC, V> aggregateFunction, WindowFunction<V, R, K, W> windowFunction) {
    requireNotRich(aggregateFunction, "aggregate");
    Objects.requireNonNull(windowFunction, "window function must not be null for aggregate(...)");
    return aggregateWith(aggregateFunction, windowFunction, f -> WindowFunctions.apply(castApply(f)));
  }

  /** Aggregate, then {@code adapter}'s function (over the one result). */
  <ACC, V, R> SingleOutputStreamOperator<R> aggregateWith(
      AggregateFunction<T, ACC, V> aggregateFunction, Function windowFunction, FunctionAdapter<Iterable<V>, R, K, W> adapter) {
    Function named = windowFunction != null ? windowFunction : aggregateFunction;
    if (evictor != null) {
      return addOperator(named, evictingContents(), windowFunction,
          f -> WindowFunctions.aggregateThen(aggregateFunction, adapter.adapt(f)));
    }
    long[] geometry = slicing(true);
    if (geometry != null) {
      return addSlicingOperator(named, geometry, SliceAggregator.aggregating(aggregateFunction), windowFunction, adapter);
    }
    return addOperator(named, new AggregatingStateDescriptor<T, ACC, V>(CONTENTS_STATE, aggregateFunction, (Class<ACC>) null), windowFunction,
        f -> WindowFunctions.<V, R, K, W>singleValue(adapter.adapt(f)));
  }

  // ------------------------------------------------------------------------------- process, apply

  @Override
  public <R> SingleOutputStreamOperator<R> process(ProcessWindowFunction<T, R, K, W> function) {
    Objects.requireNonNull(function, "process window function must not be null for process(...)");
    return iterableWith(function, f -> WindowFunctions.process(castProcess(f)));
  }

  @Override
  public <R> SingleOutputStreamOperator<R> apply(WindowFunction<T, R, K, W> function) {
    Objects.requireNonNull(function, "window function must not be null for apply(...)");
    return iterableWith(function, f -> WindowFunctions.apply(castApply(f)));
  }

  /** The contents of a window with an evictor: the elements with their timestamps. */
  private static <T> ListStateDescriptor<TimestampedValue<T>> evictingContents() {
    return new ListStateDescriptor<>(CONTENTS_STATE, new TimestampedValueSerializer<T>());
  }

  /** A window function over all elements (kept in a list state). */
  <R> SingleOutputStreamOperator<R> iterableWith(Function windowFunction, FunctionAdapter<Iterable<T>, R, K, W> adapter) {
    if (evictor != null) {
      return addOperator(windowFunction, evictingContents(), windowFunction, adapter);
    }
    return addOperator(windowFunction, new ListStateDescriptor<T>(CONTENTS_STATE, (Class<T>) null), windowFunction, adapter);
  }

  // ------------------------------------------------------------------------------- all-window adapters

  /** The adapter of a {@link ProcessAllWindowFunction}. */
  static <V, R, K, W extends Window> FunctionAdapter<Iterable<V>, R, K, W> processAll() {
    return f -> WindowFunctions.processAll(castProcessAll(f));
  }

  /** The adapter of an {@link AllWindowFunction}. */
  static <V, R, K, W extends Window> FunctionAdapter<Iterable<V>, R, K, W> applyAll() {
    return f -> WindowFunctions.applyAll(castApplyAll(f));
  }

  // ------------------------------------------------------------------------------- field aggregations

  @Override
  public SingleOutputStreamOperator<T> sum(String field) {
    return reduce(FieldAggregations.sum(null, field));
  }

  @Override
  public SingleOutputStreamOperator<T> sum(int position) {
    return reduce(FieldAggregations.sum(null, position));
  }

  @Override
  public SingleOutputStreamOperator<T> min(String field) {
    return reduce(FieldAggregations.min(null, field));
  }

  @Override
  public SingleOutputStreamOperator<T> min(int position) {
    return reduce(FieldAggregations.min(null, position));
  }

  @Override
  public SingleOutputStreamOperator<T> max(String field) {
    return reduce(FieldAggregations.max(null, field));
  }

  @Override
  public SingleOutputStreamOperator<T> max(int position) {
    return reduce(FieldAggregations.max(null, position));
  }

  @Override
  public SingleOutputStreamOperator<T> minBy(String field) {
    return reduce(FieldAggregations.minBy(null, field));
  }

  @Override
  public SingleOutputStreamOperator<T> minBy(int position) {
    return reduce(FieldAggregations.minBy(null, position));
  }

  @Override
  public SingleOutputStreamOperator<T> maxBy(String field) {
    return reduce(FieldAggregations.maxBy(null, field));
  }

  @Override
  public SingleOutputStreamOperator<T> maxBy(int position) {
    return reduce(FieldAggregations.maxBy(null, position));
  }

  // ------------------------------------------------------------------------------- the operator

  private <S, V, R> SingleOutputStreamOperator<R> addOperator(
      Function named, StateDescriptor<? extends AppendingState<?, S>, ?> contents,
      Function richFunction, FunctionAdapter<V, R, K, W> adapter) {
    WindowOperatorSpec<K, T, S, V, R, W> spec = new WindowOperatorSpec<>(
        assigner, trigger, evictor, allowedLateness, lateDataTag, input.getKeySelector(), contents, richFunction, adapter);
    SingleOutputStreamOperator<R> window = StreamInternals.addOneInputOperator(input, "window", named, spec, input.getKeySelector());
    if (assigner.isEventTime()) {
      StreamInternals.setNeedsWatermarks(window);
    }
    return window;
  }

  // ------------------------------------------------------------------------------- the slicing operator

  /**
   * The {@code {size, slide, offset}} of the windows when the slicing operator gives exactly the
   * general operator's output, else null: aligned event-time windows (tumbling, sliding), their
   * default trigger, no evictor (the callers have checked it: the function is incremental).
   * Where a slice is smaller than a window, slices merge in time order rather than in the order
   * the elements came, so {@code mayMergeSlices} false limits slicing to windows of one slice.
   */
  private long[] slicing(boolean mayMergeSlices) {
    if (evictor != null || !(trigger instanceof EventTimeTrigger)) {
      // EventTimeTrigger is final and stateless: any instance is the default trigger.
      return null;
    }
    long[] geometry;
    if (assigner instanceof TumblingEventTimeWindows tumbling) {
      geometry = new long[] {tumbling.getSize(), tumbling.getSize(), tumbling.getOffset()};
    } else if (assigner instanceof SlidingEventTimeWindows sliding) {
      geometry = new long[] {sliding.getSize(), sliding.getSlide(), sliding.getOffset()};
    } else {
      return null;
    }
    boolean oneSlicePerWindow = geometry[0] == geometry[1];
    return mayMergeSlices || oneSlicePerWindow ? geometry : null;
  }

  @SuppressWarnings("unchecked")
  private <ACC, V, R> SingleOutputStreamOperator<R> addSlicingOperator(
      Function named, long[] geometry, SliceAggregator<T, ACC, V> aggregator,
      Function richFunction, FunctionAdapter<Iterable<V>, R, K, W> adapter) {
    // slicing() accepted only the time-window assigners, so W is TimeWindow.
    WindowAssigner<? super T, TimeWindow> timeAssigner = (WindowAssigner<? super T, TimeWindow>) (WindowAssigner<?, ?>) assigner;
    FunctionAdapter<Iterable<V>, R, K, TimeWindow> timeAdapter =
        (FunctionAdapter<Iterable<V>, R, K, TimeWindow>) (FunctionAdapter<?, ?, ?, ?>) adapter;
    SlicingWindowOperatorSpec<K, T, ACC, V, R> spec = new SlicingWindowOperatorSpec<>(
        timeAssigner, geometry[0], geometry[1], geometry[2], allowedLateness, lateDataTag, input.getKeySelector(),
        aggregator, richFunction, f -> WindowFunctions.<V, R, K, TimeWindow>singleValue(timeAdapter.adapt(f)));
    SingleOutputStreamOperator<R> window = StreamInternals.addOneInputOperator(input, "window", named, spec, input.getKeySelector());
    StreamInternals.setNeedsWatermarks(window);
    return window;
  }

  static void requireNotRich(Function function, String operation) {
    Objects.requireNonNull(function, operation + " function must not be null for " + operation + "(...)");
    if (function instanceof RichFunction) {
      throw new UnsupportedOperationException("the " + operation + " function of a window cannot be a RichFunction ("
          + function.getClass().getName() + "): pass a ProcessWindowFunction as the second argument of "
          + operation + "(...) for access to state and the runtime context");
    }
  }

  @SuppressWarnings("unchecked")
  private static <A, B, C, D extends Window> ProcessWindowFunction<A, B, C, D> castProcess(Function function) {
    return (ProcessWindowFunction<A, B, C, D>) function;
  }

  @SuppressWarnings("unchecked")
  private static <A, B, C, D extends Window> WindowFunction<A, B, C, D> castApply(Function function) {
    return (WindowFunction<A, B, C, D>) function;
  }

  @SuppressWarnings("unchecked")
  private static <A, B, D extends Window> ProcessAllWindowFunction<A, B, D> castProcessAll(Function function) {
    return (ProcessAllWindowFunction<A, B, D>) function;
  }

  @SuppressWarnings("unchecked")
  private static <A, B, D extends Window> AllWindowFunction<A, B, D> castApplyAll(Function function) {
    return (AllWindowFunction<A, B, D>) function;
  }
}
