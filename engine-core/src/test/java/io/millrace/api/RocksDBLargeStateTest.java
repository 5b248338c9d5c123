package io.millrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.functions.Collector;
import io.millrace.api.functions.KeyedProcessFunction;
import io.millrace.api.functions.OpenContext;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import io.millrace.state.rocksdb.EmbeddedRocksDBStateBackend;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several gigabytes of keyed state on RocksDB under a 512 MiB heap, all read back. Runs in its
 * own surefire execution ({@code large-state} in this module's POM) with {@code -Xmx512m}.
 *
 * <p>The source emits every key twice: the first pass stores a kilobyte of pseudo-random bytes
 * per key (derived from the key), the second reads the value back and checks it byte for byte,
 * so the state is complete before the first read.
 */
class RocksDBLargeStateTest {
  private static final long KEYS = 3_000_000;
  private static final int VALUE_BYTES = 1024;
  private static final long MAX_HEAP = 512L << 20;
  /** Largest database size seen on disk while the job ran, over all subtasks. */
  private static final AtomicLong LARGEST_ON_DISK = new AtomicLong();
  /** Keys whose value came back intact, over all subtasks. */
  private static final AtomicLong VERIFIED = new AtomicLong();

  @Test
  void threeGigabytesOfStateAreReadBackUnderAHalfGigabyteHeap(@TempDir Path directory) throws Exception {
    assertThat(Runtime.getRuntime().maxMemory())
        .as("this test runs in the large-state surefire execution, with -Xmx512m")
        .isLessThanOrEqualTo(MAX_HEAP);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.setStateBackend(new EmbeddedRocksDBStateBackend().setLocalDirectory(directory).setMemoryPerSlot(64L << 20));
    env.fromSequence(0, 2 * KEYS - 1)
        .setParallelism(1)   // in order, so each key's write reaches its subtask before its read
        .keyBy(n -> n % KEYS)
        .process(new StoreThenVerify(directory.toString()))
        .addSink(nothing -> {});   // the function checks; nothing is emitted
    env.execute("large state");

    assertThat(VERIFIED.get()).as("keys read back intact").isEqualTo(KEYS);
    assertThat(LARGEST_ON_DISK.get()).as("bytes of state on disk").isGreaterThan(2_500_000_000L);
    try (Stream<Path> left = Files.list(directory)) {
      assertThat(left).as("databases left after the job").isEmpty();
    }
  }

  static byte[] valueOf(long key) {
    byte[] value = new byte[VALUE_BYTES];
    new SplittableRandom(key).nextBytes(value);
    return value;
  }

  /** Stores each key's value on its first element and verifies it on the second. */
  static final class StoreThenVerify extends KeyedProcessFunction<Long, Long, Void> {
    private static final long serialVersionUID = 1L;
    private final String directory;
    private transient ValueState<byte[]> values;

    StoreThenVerify(String directory) {
      this.directory = directory;
    }

    @Override
    public void open(OpenContext openContext) {
      values = getRuntimeContext().getState(new ValueStateDescriptor<>("values", byte[].class));
    }

    @Override
    public void processElement(Long n, Context ctx, Collector<Void> out) throws Exception {
      long key = ctx.getCurrentKey();
      if (n < KEYS) {
        values.update(valueOf(key));
        return;
      }
      if (n == KEYS || n == KEYS + 1) {
        LARGEST_ON_DISK.accumulateAndGet(sizeOf(Path.of(directory)), Math::max);
      }
      byte[] stored = values.value();
      if (!Arrays.equals(stored, valueOf(key))) {
        throw new AssertionError("the state of key " + key + " came back different");
      }
      if (VERIFIED.incrementAndGet() % 500_000 == 0) {
        LARGEST_ON_DISK.accumulateAndGet(sizeOf(Path.of(directory)), Math::max);
      }
    }

    /** The bytes of the files under {@code root}; RocksDB deletes files while compacting, which count as 0. */
    private static long sizeOf(Path root) {
      File[] children = root.toFile().listFiles();
      long total = 0;
      for (File child : children == null ? new File[0] : children) {
        total += child.isDirectory() ? sizeOf(child.toPath()) : child.length();
      }
      return total;
    }
  }
}
