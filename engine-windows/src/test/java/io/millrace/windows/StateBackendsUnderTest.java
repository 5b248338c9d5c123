package io.millrace.windows;

import io.millrace.state.StateBackend;
import io.millrace.state.heap.HashMapStateBackend;
import io.millrace.state.rocksdb.EmbeddedRocksDBStateBackend;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * The state backends the window and join suites run on: each such suite is a parameterized
 * class ({@code @ParameterizedClass(name = "on {0}")} with
 * {@code @MethodSource("io.millrace.windows.StateBackendsUnderTest#all")}) whose
 * {@code @Parameter StateBackend backend} the harnesses and jobs of its tests use, so every test
 * runs once per backend and its display name says which.
 */
public final class StateBackendsUnderTest {
  private StateBackendsUnderTest() {}

  /**
   * The heap backend (the default) and embedded RocksDB in its default configuration, named
   * "heap" and "RocksDB". New instances on every call: the configurations are mutable.
   */
  public static Stream<Named<StateBackend>> all() {
    return Stream.of(
        Named.of("heap", new HashMapStateBackend()),
        Named.of("RocksDB", new EmbeddedRocksDBStateBackend()));
  }

  /** Whether {@code backend} is RocksDB, whose every state access serializes: long runs scale down on it. */
  public static boolean isRocksDB(StateBackend backend) {
    return backend instanceof EmbeddedRocksDBStateBackend;
  }
}
