package io.millrace.state.internal.ttl;

import io.millrace.state.internal.InternalKvState;
import java.util.Objects;

/**
 * The common part of the TTL decorators: the original (backend) handle, which stores
 * {@link TtlValue}s, the {@link TtlPolicy}, and the backend's access hook (its incremental
 * cleanup, run before every access; a no-op where the backend has none).
 */
abstract class AbstractTtlState implements InternalKvState<Object> {

  private final InternalKvState<Object> originalKv;
  final TtlPolicy policy;
  final Runnable accessHook;

  AbstractTtlState(InternalKvState<Object> originalKv, TtlPolicy policy, Runnable accessHook) {
    this.originalKv = Objects.requireNonNull(originalKv, "original state must not be null");
    this.policy = Objects.requireNonNull(policy, "policy must not be null");
    this.accessHook = Objects.requireNonNull(accessHook, "accessHook must not be null");
  }

  @Override
  public final void setCurrentNamespace(Object namespace) {
    originalKv.setCurrentNamespace(namespace);
  }

  @Override
  public final void clear() {
    accessHook.run();
    originalKv.clear();
  }
}
