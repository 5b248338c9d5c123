package io.millrace.api;

import io.millrace.api.functions.CoFlatMapFunction;
import io.millrace.api.functions.CoMapFunction;
import io.millrace.api.functions.CoProcessFunction;
import io.millrace.api.functions.KeySelector;
import io.millrace.api.functions.KeyedCoProcessFunction;

/**
 * Two streams connected for a two-input operator; the operator sees the elements of both
 * inputs, in no particular order between them.
 *
 * <pre>{@code
 * orders.connect(payments)
 *     .keyBy(Order::id, Payment::orderId)
 *     .process(new MatchOrdersWithPayments());
 * }</pre>
 *
 * @param <IN1> first input's type
 * @param <IN2> second input's type
 */
public interface ConnectedStreams<IN1, IN2> {

  /** The first input. */
  DataStream<IN1> getFirstInput();

  /** The second input. */
  DataStream<IN2> getSecondInput();

  /** Keys both inputs, so equal keys of both meet on the same parallel instance. */
  <K> ConnectedStreams<IN1, IN2> keyBy(KeySelector<IN1, K> keySelector1, KeySelector<IN2, K> keySelector2);

  /** Applies a {@link CoMapFunction}. */
  <R> SingleOutputStreamOperator<R> map(CoMapFunction<IN1, IN2, R> mapper);

  /** Applies a {@link CoFlatMapFunction}. */
  <R> SingleOutputStreamOperator<R> flatMap(CoFlatMapFunction<IN1, IN2, R> flatMapper);

  /** Applies a {@link CoProcessFunction}. */
  <R> SingleOutputStreamOperator<R> process(CoProcessFunction<IN1, IN2, R> function);

  /** Applies a {@link KeyedCoProcessFunction}; both inputs must be keyed. */
  <K, R> SingleOutputStreamOperator<R> process(KeyedCoProcessFunction<K, IN1, IN2, R> function);
}
