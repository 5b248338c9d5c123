package io.millrace.api;

import io.millrace.state.StateBackend;
import io.millrace.state.heap.HashMapStateBackend;
import io.millrace.state.rocksdb.EmbeddedRocksDBStateBackend;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * The state backends the keyed-state suites run on: each such suite (or the {@code @Nested}
 * group of a suite's keyed tests) is a parameterized class ({@code @ParameterizedClass(name =
 * "on {0}")} with {@code @MethodSource("io.millrace.api.StateBackendsUnderTest#all")}) whose
 * {@code @Parameter StateBackend backend} every job of its tests is given with
 * {@code env.setStateBackend(backend)}, so every test runs once per backend and its display name
 * says which.
 */
final class StateBackendsUnderTest {
  private StateBackendsUnderTest() {}

  /**
   * The heap backend (the default) and embedded RocksDB in its default configuration, named
   * "heap" and "RocksDB". New instances on every call: the configurations are mutable.
   */
  static Stream<Named<StateBackend>> all() {
    return Stream.of(
        Named.of("heap", new HashMapStateBackend()),
        Named.of("RocksDB", new EmbeddedRocksDBStateBackend()));
  }

  /**
   * How many of a property test's {@code onHeap} generated events to run on {@code backend}: all
   * on the heap, a fifth on RocksDB. RocksDB serializes every state access, so the heap's million
   * events would take it minutes per module; a fifth still gives every key hundreds of events.
   */
  static long events(StateBackend backend, long onHeap) {
    return backend instanceof EmbeddedRocksDBStateBackend ? onHeap / 5 : onHeap;
  }
}
