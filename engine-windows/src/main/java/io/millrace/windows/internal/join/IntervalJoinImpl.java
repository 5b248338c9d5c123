package io.millrace.windows.internal.join;

import io.millrace.api.IntervalJoin;
import io.millrace.api.KeyedStream;
import io.millrace.api.OutputTag;
import io.millrace.api.SingleOutputStreamOperator;
import io.millrace.api.functions.KeySelector;
import io.millrace.api.functions.ProcessJoinFunction;
import io.millrace.runtime.api.StreamInternals;
import io.millrace.runtime.operators.FunctionInstances;
import io.millrace.runtime.operators.OperatorFactory;
import java.time.Duration;
import java.util.Objects;

/** The builder behind {@code left.intervalJoin(right)}; the join runs in {@link IntervalJoinOperator}. */
final class IntervalJoinImpl<T1, T2, KEY> implements IntervalJoin<T1, T2, KEY> {
  private final KeyedStream<T1, KEY> left;
  private final KeyedStream<T2, KEY> right;

  IntervalJoinImpl(KeyedStream<T1, KEY> left, KeyedStream<T2, KEY> right) {
    this.left = Objects.requireNonNull(left, "left stream must not be null");
    this.right = Objects.requireNonNull(right, "right stream must not be null for intervalJoin(...)");
  }

  @Override
  public IntervalJoin<T1, T2, KEY> inEventTime() {
    return this;
  }

  @Override
  public Joined<T1, T2, KEY> between(Duration lowerBound, Duration upperBound) {
    Objects.requireNonNull(lowerBound, "lower bound must not be null for intervalJoin(...).between(lower, upper)");
    Objects.requireNonNull(upperBound, "upper bound must not be null for intervalJoin(...).between(lower, upper)");
    if (lowerBound.compareTo(upperBound) > 0) {
      throw new IllegalArgumentException("interval join lower bound " + lowerBound + " must not be greater than the upper bound "
          + upperBound + " for intervalJoin(...).between(lower, upper)");
    }
    return new JoinedImpl<>(left, right, lowerBound.toMillis(), true, upperBound.toMillis(), true, null, null);
  }

  /** The join with its bounds; immutable, each setting returns a new instance. */
  private record JoinedImpl<T1, T2, KEY>(
      KeyedStream<T1, KEY> left, KeyedStream<T2, KEY> right,
      long lower, boolean lowerInclusive, long upper, boolean upperInclusive,
      OutputTag<T1> leftLateTag, OutputTag<T2> rightLateTag) implements Joined<T1, T2, KEY> {

    @Override
    public Joined<T1, T2, KEY> lowerBoundExclusive() {
      return new JoinedImpl<>(left, right, lower, false, upper, upperInclusive, leftLateTag, rightLateTag);
    }

    @Override
    public Joined<T1, T2, KEY> upperBoundExclusive() {
      return new JoinedImpl<>(left, right, lower, lowerInclusive, upper, false, leftLateTag, rightLateTag);
    }

    @Override
    public Joined<T1, T2, KEY> sideOutputLeftLateData(OutputTag<T1> tag) {
      Objects.requireNonNull(tag, "output tag must not be null for sideOutputLeftLateData(...)");
      return new JoinedImpl<>(left, right, lower, lowerInclusive, upper, upperInclusive, tag, rightLateTag);
    }

    @Override
    public Joined<T1, T2, KEY> sideOutputRightLateData(OutputTag<T2> tag) {
      Objects.requireNonNull(tag, "output tag must not be null for sideOutputRightLateData(...)");
      return new JoinedImpl<>(left, right, lower, lowerInclusive, upper, upperInclusive, leftLateTag, tag);
    }

    @Override
    public <OUT> SingleOutputStreamOperator<OUT> process(ProcessJoinFunction<T1, T2, OUT> function) {
      Objects.requireNonNull(function, "process join function must not be null");
      KeySelector<T1, KEY> leftKey = left.getKeySelector();
      KeySelector<T2, KEY> rightKey = right.getKeySelector();
      long lowerMs = lower;
      boolean lowerIncl = lowerInclusive;
      long upperMs = upper;
      boolean upperIncl = upperInclusive;
      OutputTag<T1> leftTag = leftLateTag;
      OutputTag<T2> rightTag = rightLateTag;
      OperatorFactory<OUT> factory = (subtask, name) -> new IntervalJoinOperator<>(
          FunctionInstances.forSubtask(function, subtask, name),
          lowerMs, lowerIncl, upperMs, upperIncl, leftKey, rightKey, leftTag, rightTag);
      SingleOutputStreamOperator<OUT> joined =
          StreamInternals.addTwoInputOperator(left, right, "intervalJoin", function, factory, true);
      StreamInternals.setNeedsWatermarks(joined);
      return joined;
    }
  }
}
