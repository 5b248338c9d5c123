package io.millrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.functions.Collector;
import io.millrace.api.functions.KeyedProcessFunction;
import io.millrace.api.functions.OpenContext;
import io.millrace.state.ListState;
import io.millrace.state.ListStateDescriptor;
import io.millrace.state.MapState;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import io.millrace.state.rocksdb.EmbeddedRocksDBStateBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many jobs in one JVM on RocksDB leave nothing behind: after 200 jobs (each opening two
 * databases with three column families) the process has no more open file descriptors and no
 * more native threads than after the first few, and no database directory is left. Linux only:
 * it counts {@code /proc/self/fd} and {@code /proc/self/task}.
 */
class RocksDBResourceLeakTest {
  private static final int JOBS = 200;
  private static final int WARM_UP_JOBS = 5;
  private static final String EXITED = "(exited)";

  @Test
  void twoHundredJobsLeakNoFileHandlesNativeThreadsOrDirectories(@TempDir Path directory) throws Exception {
    EmbeddedRocksDBStateBackend backend = new EmbeddedRocksDBStateBackend().setLocalDirectory(directory);
    for (int i = 0; i < WARM_UP_JOBS; i++) {
      runSmallJob(backend, i);
    }
    long fdsBefore = openFileDescriptors();
    List<String> threadsBefore = nativeThreads();

    for (int i = WARM_UP_JOBS; i < JOBS; i++) {
      runSmallJob(backend, i);
    }

    assertThat(openFileDescriptors()).as("open file descriptors after %d jobs", JOBS).isLessThanOrEqualTo(fdsBefore);
    List<String> threadsAfter = nativeThreads();
    assertThat(threadsAfter.size())
        .as("native threads after %d jobs: %s, after the warm-up: %s", JOBS, threadsAfter, threadsBefore)
        .isLessThanOrEqualTo(threadsBefore.size());
    try (Stream<Path> left = Files.list(directory)) {
      assertThat(left).as("database directories left").isEmpty();
    }
  }

  private static void runSmallJob(EmbeddedRocksDBStateBackend backend, int job) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.setStateBackend(backend);
    Queue<String> out = new ConcurrentLinkedQueue<>();
    env.fromSequence(0, 99)
        .keyBy(n -> n % 10)
        .process(new EveryStateKind())
        .addSink(out::add);
    env.execute("job " + job);   // returns after every thread of the job ended
    assertThat(out).as("output of job %d", job).hasSize(100).contains("9:10:10:10");
  }

  /** Touches value, list and map state, so each database has three column families. */
  static final class EveryStateKind extends KeyedProcessFunction<Long, Long, String> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Long> count;
    private transient ListState<Long> seen;
    private transient MapState<Long, Boolean> distinct;

    @Override
    public void open(OpenContext openContext) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
      seen = getRuntimeContext().getListState(new ListStateDescriptor<>("seen", Long.class));
      distinct = getRuntimeContext().getMapState(new MapStateDescriptor<>("distinct", Long.class, Boolean.class));
    }

    @Override
    public void processElement(Long n, Context ctx, Collector<String> out) throws Exception {
      long c = count.value() == null ? 1 : count.value() + 1;
      count.update(c);
      seen.add(n);
      distinct.put(n, true);
      long listed = 0;
      for (Long ignored : seen.get()) {
        listed++;
      }
      long mapped = 0;
      for (Long ignored : distinct.keys()) {
        mapped++;
      }
      out.collect(ctx.getCurrentKey() + ":" + c + ":" + listed + ":" + mapped);
    }
  }

  private static long openFileDescriptors() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }

  /**
   * The names of the process's threads, without those the JVM starts and stops by itself as load
   * varies (JIT compiler threads, parallel GC workers, common fork-join pool workers): a leak of
   * the engine or of RocksDB would show up among the others, once per job.
   */
  private static List<String> nativeThreads() throws IOException {
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      return tasks.map(RocksDBResourceLeakTest::threadName)
          .filter(name -> !name.contains("CompilerThre") && !name.startsWith("GC Thread")
              && !name.startsWith("ForkJoinPool") && !name.equals(EXITED))
          .sorted()
          .toList();
    }
  }

  private static String threadName(Path task) {
    try {
      return Files.readString(task.resolve("comm")).trim();
    } catch (IOException exited) {
      return EXITED;   // gone between the listing and the read: not counted
    }
  }
}
