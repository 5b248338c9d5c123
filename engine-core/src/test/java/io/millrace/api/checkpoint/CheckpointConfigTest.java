package io.millrace.api.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.api.CheckpointConfig;
import io.millrace.api.StreamExecutionEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad checkpoint settings fail when set or when the job starts, naming the problem and the fix. */
class CheckpointConfigTest {
  @TempDir
  Path directory;

  @Test
  void settingsOutOfRangeFailWhenSet() {
    CheckpointConfig config = new CheckpointConfig();
    assertThatThrownBy(() -> config.setCheckpointInterval(Duration.ZERO))
        .hasMessage("checkpoint interval must be positive, got PT0S");
    assertThatThrownBy(() -> config.setCheckpointTimeout(Duration.ofSeconds(-1)))
        .hasMessage("checkpoint timeout must be positive, got PT-1S");
    assertThatThrownBy(() -> config.setMaxConcurrentCheckpoints(0))
        .hasMessage("max concurrent checkpoints must be at least 1, got 0");
    assertThatThrownBy(() -> config.setNumRetainedCheckpoints(0))
        .hasMessage("retained checkpoints must be at least 1, got 0");
    assertThatThrownBy(() -> config.setTolerableCheckpointFailureNumber(-1))
        .hasMessage("tolerable checkpoint failures must not be negative, got -1");
  }

  @Test
  void anIntervalBelowTheMinimumPauseFailsTheStart() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.enableCheckpointing(Duration.ofMillis(100));
    env.getCheckpointConfig().setCheckpointStorage(directory).setMinPauseBetweenCheckpoints(Duration.ofSeconds(1));
    env.fromElements(1, 2, 3).print();
    assertThatThrownBy(() -> env.execute("pause"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the minimum pause between checkpoints (PT1S) is longer than the checkpoint interval (PT0.1S): "
            + "lower the pause or raise the interval");
  }

  @Test
  void aMissingCheckpointDirectoryFailsTheStart() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.enableCheckpointing(Duration.ofMillis(100));
    Path missing = directory.resolve("missing");
    env.getCheckpointConfig().setCheckpointStorage(missing);
    env.fromElements(1, 2, 3).print();
    assertThatThrownBy(() -> env.execute("missing"))
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
  }

  @Test
  void aCheckpointDirectoryThatIsAFileFailsTheStart() throws Exception {
    Path file = Files.writeString(directory.resolve("file"), "x");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.enableCheckpointing(Duration.ofMillis(100));
    env.getCheckpointConfig().setCheckpointStorage(file);
    env.fromElements(1, 2, 3).print();
    assertThatThrownBy(() -> env.execute("file"))
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not a directory");
  }

  @Test
  void withoutAStorageDirectoryCheckpointsGoToTheTemporaryDirectory() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.enableCheckpointing(Duration.ofMillis(100));
    env.fromElements(1, 2, 3).map(value -> value * 2).returns(Integer.class).print();
    env.execute("default storage");
    assertThat(Path.of(System.getProperty("java.io.tmpdir"), "millrace-checkpoints")).isDirectory();
  }
}
