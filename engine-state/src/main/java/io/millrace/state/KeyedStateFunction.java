package io.millrace.state;

/**
 * A function applied to the state of every key, e.g. by
 * {@code KeyedBroadcastProcessFunction.Context.applyToKeyedState}.
 *
 * @param <K> the key type
 * @param <S> the state type
 */
@FunctionalInterface
public interface KeyedStateFunction<K, S extends State> {
  /** Called once per key that has a value in the state; {@code state} is scoped to {@code key}. */
  void process(K key, S state) throws Exception;
}
