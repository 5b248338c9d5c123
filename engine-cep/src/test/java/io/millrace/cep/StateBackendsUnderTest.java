package io.millrace.cep;

import io.millrace.state.StateBackend;
import io.millrace.state.heap.HashMapStateBackend;
import io.millrace.state.rocksdb.EmbeddedRocksDBStateBackend;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * The state backends the CEP suites run on: each such suite is a parameterized class
 * ({@code @ParameterizedClass(name = "on {0}")} with
 * {@code @MethodSource("io.millrace.cep.StateBackendsUnderTest#all")}), so every test runs on the
 * heap and on RocksDB — which serializes every state access, and so also checks that the operator
 * writes back everything it changes.
 */
public final class StateBackendsUnderTest {
  private StateBackendsUnderTest() {}

  /** The heap backend and embedded RocksDB, named "heap" and "RocksDB"; new instances on every call. */
  public static Stream<Named<StateBackend>> all() {
    return Stream.of(
        Named.of("heap", new HashMapStateBackend()),
        Named.of("RocksDB", new EmbeddedRocksDBStateBackend()));
  }

  /** Whether {@code backend} is RocksDB. */
  public static boolean isRocksDB(StateBackend backend) {
    return backend instanceof EmbeddedRocksDBStateBackend;
  }
}
