package io.millrace.state.internal;

import io.millrace.state.StateBackend;
import io.millrace.state.heap.HashMapStateBackend;
import io.millrace.state.internal.heap.HeapKeyedStateBackend;
import io.millrace.state.internal.heap.HeapOperatorStateBackend;
import io.millrace.state.rocksdb.EmbeddedRocksDBStateBackend;
import io.millrace.state.rocksdb.internal.RocksDBKeyedStateBackend;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Builds the state backend instances of one operator subtask from the user's
 * {@link StateBackend} configuration object. Called by the runtime when it opens an operator.
 */
public final class StateBackends {

  private StateBackends() {}

  /**
   * A keyed state backend for the key groups {@code range} of a job with
   * {@code numberOfKeyGroups} key groups (the operator's max parallelism).
   *
   * @param operatorDescription the operator and subtask, e.g. {@code "map@2 (ClickCounter)"},
   *     for error messages
   * @throws IllegalArgumentException if {@code config} is not a supported backend or the range
   *     does not fit {@code numberOfKeyGroups}
   */
  public static <K> KeyedStateBackend<K> createKeyedStateBackend(
      StateBackend config, KeyGroupRange range, int numberOfKeyGroups, String operatorDescription) {
    return createKeyedStateBackend(
        config, range, numberOfKeyGroups, operatorDescription, System::currentTimeMillis);
  }

  /**
   * A keyed state backend as {@link #createKeyedStateBackend(StateBackend, KeyGroupRange, int,
   * String)}, whose state TTL reads processing time (epoch milliseconds) from {@code clock} —
   * the operator's processing clock.
   *
   * @throws IllegalArgumentException if {@code config} is not a supported backend or the range
   *     does not fit {@code numberOfKeyGroups}
   * @throws IllegalStateException if the RocksDB backend cannot start (native library, local
   *     directory); the message names the fix
   */
  public static <K> KeyedStateBackend<K> createKeyedStateBackend(
      StateBackend config, KeyGroupRange range, int numberOfKeyGroups, String operatorDescription,
      LongSupplier clock) {
    Objects.requireNonNull(config, "state backend must not be null");
    Objects.requireNonNull(clock, "clock must not be null");
    if (config instanceof HashMapStateBackend) {
      return new HeapKeyedStateBackend<>(range, numberOfKeyGroups, operatorDescription, clock);
    }
    if (config instanceof EmbeddedRocksDBStateBackend rocksdb) {
      return new RocksDBKeyedStateBackend<>(
          rocksdb, range, numberOfKeyGroups, operatorDescription, clock);
    }
    throw unsupported(config);
  }

  /**
   * An operator (non-keyed) state backend. All supported backends keep operator state on the
   * heap.
   *
   * @throws IllegalArgumentException if {@code config} is not a supported backend
   */
  public static OperatorStateBackend createOperatorStateBackend(StateBackend config) {
    return createOperatorStateBackend(config, "an unnamed operator", 0, 1);
  }

  /**
   * An operator (non-keyed) state backend of subtask {@code subtaskIndex} of
   * {@code parallelism}: what its snapshots record, and which share of the operator state a
   * restore gives it. All supported backends keep operator state on the heap.
   *
   * @param operatorDescription the operator and subtask, for error messages
   * @throws IllegalArgumentException if {@code config} is not a supported backend, or the index
   *     is not in {@code [0, parallelism)}
   */
  public static OperatorStateBackend createOperatorStateBackend(
      StateBackend config, String operatorDescription, int subtaskIndex, int parallelism) {
    Objects.requireNonNull(config, "state backend must not be null");
    if (config instanceof HashMapStateBackend || config instanceof EmbeddedRocksDBStateBackend) {
      return new HeapOperatorStateBackend(operatorDescription, subtaskIndex, parallelism);
    }
    throw unsupported(config);
  }

  private static IllegalArgumentException unsupported(StateBackend config) {
    return new IllegalArgumentException(
        "Unsupported state backend " + config.getClass().getName() + " ('" + config.name()
            + "'): use HashMapStateBackend (env.setStateBackend(new HashMapStateBackend()))"
            + " or EmbeddedRocksDBStateBackend");
  }
}
