package io.millrace.state.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.state.StateBackend;
import io.millrace.state.heap.HashMapStateBackend;
import io.millrace.state.internal.heap.HeapKeyedStateBackend;
import io.millrace.state.internal.heap.HeapOperatorStateBackend;
import io.millrace.state.rocksdb.EmbeddedRocksDBStateBackend;
import io.millrace.state.rocksdb.internal.RocksDBKeyedStateBackend;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateBackendsTest {

  /** A backend configuration Millrace does not know. */
  private static final class UnknownBackend implements StateBackend {
    private static final long serialVersionUID = 1L;

    @Override
    public String name() {
      return "unknown";
    }
  }

  @Test
  void hashMapStateBackendCreatesHeapBackendsForTheGivenRange() {
    KeyedStateBackend<String> keyed =
        StateBackends.createKeyedStateBackend(
            new HashMapStateBackend(), new KeyGroupRange(32, 63), 128, "map@1 (Test)");

    assertThat(keyed).isInstanceOf(HeapKeyedStateBackend.class);
    assertThat(keyed.keyGroupRange()).isEqualTo(new KeyGroupRange(32, 63));
    assertThat(keyed.numberOfKeyGroups()).isEqualTo(128);
    assertThat(StateBackends.createOperatorStateBackend(new HashMapStateBackend()))
        .isInstanceOf(HeapOperatorStateBackend.class);
  }

  @Test
  void embeddedRocksDbStateBackendCreatesRocksDbKeyedAndHeapOperatorBackends(@TempDir Path directory) {
    EmbeddedRocksDBStateBackend config = new EmbeddedRocksDBStateBackend().setLocalDirectory(directory);
    try (KeyedStateBackend<String> keyed =
        StateBackends.createKeyedStateBackend(config, new KeyGroupRange(32, 63), 128, "map@1 (Test)")) {

      assertThat(keyed).isInstanceOf(RocksDBKeyedStateBackend.class);
      assertThat(keyed.keyGroupRange()).isEqualTo(new KeyGroupRange(32, 63));
      assertThat(keyed.numberOfKeyGroups()).isEqualTo(128);
    }
    assertThat(StateBackends.createOperatorStateBackend(config))
        .isInstanceOf(HeapOperatorStateBackend.class);
  }

  @Test
  void rocksDbRangeBeyondTheNumberOfKeyGroupsIsRejectedBeforeAnythingOpens(@TempDir Path directory) {
    EmbeddedRocksDBStateBackend config = new EmbeddedRocksDBStateBackend().setLocalDirectory(directory);

    assertThatThrownBy(
            () -> StateBackends.createKeyedStateBackend(config, new KeyGroupRange(0, 128), 128, "map@0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("KeyGroupRange[0..128]")
        .hasMessageContaining("numberOfKeyGroups 128");
    assertThat(directory).isEmptyDirectory();
  }

  @Test
  void unknownStateBackendIsRejectedWithTheFix() {
    assertThatThrownBy(
            () ->
                StateBackends.createKeyedStateBackend(
                    new UnknownBackend(), new KeyGroupRange(0, 127), 128, "map@0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Unsupported state backend " + UnknownBackend.class.getName())
        .hasMessageContaining("use HashMapStateBackend")
        .hasMessageContaining("or EmbeddedRocksDBStateBackend");
    assertThatThrownBy(() -> StateBackends.createOperatorStateBackend(new UnknownBackend()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use HashMapStateBackend");
  }

  @Test
  void rangeBeyondTheNumberOfKeyGroupsIsRejected() {
    assertThatThrownBy(
            () ->
                StateBackends.createKeyedStateBackend(
                    new HashMapStateBackend(), new KeyGroupRange(0, 128), 128, "map@0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("KeyGroupRange[0..128]")
        .hasMessageContaining("numberOfKeyGroups 128");
  }
}
