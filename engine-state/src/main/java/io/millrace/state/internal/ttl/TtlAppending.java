package io.millrace.state.internal.ttl;

import io.millrace.state.internal.InternalAppendingState;

/** The read path shared by the reducing and aggregating TTL decorators. */
final class TtlAppending {

  private TtlAppending() {}

  /**
   * The user value of {@code stored} as a read sees it: {@code null} if absent; if expired,
   * removed and returned only under {@code ReturnExpiredIfNotCleanedUp}; otherwise refreshed
   * under {@code OnReadAndWrite}.
   */
  static <T> T readAndMaintain(
      TtlValue<T> stored, InternalAppendingState<TtlValue<T>> state, TtlPolicy policy) {
    if (stored == null) {
      return null;
    }
    long now = policy.now();
    if (policy.isExpired(stored, now)) {
      state.updateInternal(null);
      return policy.returnExpired() ? stored.userValue() : null;
    }
    if (policy.refreshOnRead()) {
      state.updateInternal(policy.wrap(stored.userValue(), now));
    }
    return stored.userValue();
  }
}
