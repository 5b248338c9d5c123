package io.millrace.state.internal.ttl;

import io.millrace.state.ValueState;
import io.millrace.state.internal.InternalKvState;

/**
 * {@link ValueState} with TTL over a backend value state of {@link TtlValue}s. A read of an
 * expired value removes it (and returns it only under {@code ReturnExpiredIfNotCleanedUp}); a
 * read of a live value refreshes it under {@code OnReadAndWrite}; {@code update(null)} clears.
 *
 * @param <T> the value type
 */
public final class TtlValueState<T> extends AbstractTtlState implements ValueState<T> {

  private final ValueState<TtlValue<T>> original;

  /** Decorates {@code original}; {@code accessHook} runs before every access. */
  public <S extends ValueState<TtlValue<T>> & InternalKvState<Object>> TtlValueState(
      S original, TtlPolicy policy, Runnable accessHook) {
    super(original, policy, accessHook);
    this.original = original;
  }

  @Override
  public T value() throws Exception {
    accessHook.run();
    TtlValue<T> stored = original.value();
    if (stored == null) {
      return null;
    }
    long now = policy.now();
    if (policy.isExpired(stored, now)) {
      original.update(null);
      return policy.returnExpired() ? stored.userValue() : null;
    }
    if (policy.refreshOnRead()) {
      original.update(policy.wrap(stored.userValue(), now));
    }
    return stored.userValue();
  }

  @Override
  public void update(T value) throws Exception {
    accessHook.run();
    original.update(value == null ? null : policy.wrap(value, policy.now()));
  }
}
