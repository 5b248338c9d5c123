package io.millrace.state.internal.ttl;

import io.millrace.api.functions.ReduceFunction;

/**
 * Reduces {@link TtlValue}s with the user's function, ignoring expired inputs and stamping the
 * result with the current time; {@code null} when both inputs have expired. Built at runtime
 * for a backend handle and never serialized.
 *
 * @param <T> the user value type
 */
public final class TtlReduceFunction<T> implements ReduceFunction<TtlValue<T>> {
  private static final long serialVersionUID = 1L;

  private final transient ReduceFunction<T> original;
  private final transient TtlPolicy policy;

  /** Wraps {@code original} under {@code policy}. */
  public TtlReduceFunction(ReduceFunction<T> original, TtlPolicy policy) {
    this.original = original;
    this.policy = policy;
  }

  @Override
  public TtlValue<T> reduce(TtlValue<T> value1, TtlValue<T> value2) throws Exception {
    long now = policy.now();
    T user1 = policy.unexpiredOrNull(value1, now);
    T user2 = policy.unexpiredOrNull(value2, now);
    if (user1 != null && user2 != null) {
      return policy.wrap(original.reduce(user1, user2), now);
    } else if (user1 != null) {
      return policy.wrap(user1, now);
    } else if (user2 != null) {
      return policy.wrap(user2, now);
    }
    return null;
  }
}
