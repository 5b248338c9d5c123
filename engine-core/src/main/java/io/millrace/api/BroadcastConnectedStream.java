package io.millrace.api;

import io.millrace.api.functions.BroadcastProcessFunction;
import io.millrace.api.functions.KeyedBroadcastProcessFunction;

/**
 * A stream connected with a broadcast stream.
 *
 * <pre>{@code
 * MapStateDescriptor<String, Rule> rules = new MapStateDescriptor<>("rules", String.class, Rule.class);
 * events.keyBy(Event::userId)
 *     .connect(ruleUpdates.broadcast(rules))
 *     .process(new ApplyRules());
 * }</pre>
 *
 * @param <IN1> the non-broadcast input's type
 * @param <IN2> the broadcast input's type
 */
public interface BroadcastConnectedStream<IN1, IN2> {

  /** Applies a {@link BroadcastProcessFunction}; the first input must not be keyed. */
  <R> SingleOutputStreamOperator<R> process(BroadcastProcessFunction<IN1, IN2, R> function);

  /** Applies a {@link KeyedBroadcastProcessFunction}; the first input must be keyed. */
  <K, R> SingleOutputStreamOperator<R> process(KeyedBroadcastProcessFunction<K, IN1, IN2, R> function);
}
