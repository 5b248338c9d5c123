package io.millrace.state.heap;

import io.millrace.state.StateBackend;

/**
 * Keeps keyed state as objects on the Java heap, partitioned by key group: the fastest
 * backend, limited by memory. The default.
 *
 * <pre>{@code
 * env.setStateBackend(new HashMapStateBackend());
 * }</pre>
 */
public final class HashMapStateBackend implements StateBackend {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "hashmap";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HashMapStateBackend;
  }

  @Override
  public int hashCode() {
    return HashMapStateBackend.class.hashCode();
  }

  @Override
  public String toString() {
    return "HashMapStateBackend";
  }
}
