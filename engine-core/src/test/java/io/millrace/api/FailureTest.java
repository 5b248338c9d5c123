package io.millrace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.KeyedProcessFunction;
import io.millrace.api.functions.MapFunction;
import io.millrace.api.functions.RichMapFunction;
import io.millrace.api.sink.RichSinkFunction;
import io.millrace.api.source.DataGeneratorSource;
import io.millrace.api.source.RichParallelSourceFunction;
import io.millrace.api.source.SourceFunction;
import io.millrace.runtime.api.LocalStreamEnvironment;
import io.millrace.runtime.execution.LocalJob;
import io.millrace.runtime.execution.LocalJobClient;
import io.millrace.runtime.time.ManualProcessingClock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A failure anywhere in a job — source, operator, timer, sink — reaches the caller of
 * {@code execute()} as a {@link JobExecutionException} naming the operator and subtask, with the
 * very exception user code threw as its cause, and the job leaves no thread behind.
 */
class FailureTest {
  /**
   * Where copies of rich functions (one per parallel subtask, made by serialization) leave the
   * exception they threw, so the test can check identity. Keyed by a per-test id.
   */
  private static final Map<String, RuntimeException> THROWN = new ConcurrentHashMap<>();

  private final String testId = UUID.randomUUID().toString();
  private JobThreads threads;

  @BeforeEach
  void snapshotThreads() {
    threads = JobThreads.snapshot();
  }

  @AfterEach
  void forgetThrown() {
    THROWN.remove(testId);
  }

  @Test
  void mapThrowingMidStreamInSubtaskOneFailsExecuteNamingMapAndSubtaskWithTheThrownCause() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.addSource(new EachSubtaskCounts(10_000)).map(new Exploding(testId, 5_000)).addSink(value -> {});

    JobExecutionException failure = JobFailures.executionFailureOf(env);

    assertThat(failure.getMessage()).contains("map@2 (Exploding), subtask 1 of 2");
    assertThat(failure.getOperatorName()).isEqualTo("map@2 (Exploding)");
    assertThat(failure.getSubtaskIndex()).isEqualTo(1);
    assertThat(failure.getCause()).isSameAs(THROWN.get(testId)).hasMessage("element 5000 of subtask 1");
    assertThat(failure.getJobId()).isNotBlank();
    threads.assertNoneLeftBehind();
  }

  @Test
  void plainMapFunctionFailureKeepsTheVeryExceptionAsCause() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    IllegalArgumentException thrown = new IllegalArgumentException("bad record 7");
    env.fromSequence(1, 100).map(new ThrowsOn(7, thrown)).addSink(value -> {});

    JobExecutionException failure = JobFailures.executionFailureOf(env);

    assertThat(failure.getMessage())
        .isEqualTo("Job 'Millrace job' failed: map@2 (ThrowsOn), subtask 0 of 1, threw " + thrown);
    assertThat(failure.getCause()).isSameAs(thrown);
    threads.assertNoneLeftBehind();
  }

  @Test
  void keyedProcessElementThrowingFailsExecuteNamingTheProcessOperatorAndSubtask() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSequence(1, 10_000)
        .keyBy(n -> n % 100)
        .process(new ExplodingKeyed(testId, 100))
        .addSink(value -> {});

    JobExecutionException failure = JobFailures.executionFailureOf(env);

    assertThat(failure.getMessage()).contains("process@3 (ExplodingKeyed), subtask 1 of 2");
    assertThat(failure.getOperatorName()).isEqualTo("process@3 (ExplodingKeyed)");
    assertThat(failure.getSubtaskIndex()).isEqualTo(1);
    assertThat(failure.getCause()).isSameAs(THROWN.get(testId));
    threads.assertNoneLeftBehind();
  }

  @Test
  void eventTimeOnTimerThrowingFailsExecuteNamingTheProcessOperator() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    IllegalStateException thrown = new IllegalStateException("timer exploded");
    env.addSource(new ElementThenWatermark())
        .keyBy(s -> s)
        .process(new ExplodingTimer(thrown, false))
        .addSink(value -> {});

    JobExecutionException failure = JobFailures.executionFailureOf(env);

    assertThat(failure.getMessage()).contains("process@3 (ExplodingTimer), subtask 0 of 1");
    assertThat(failure.getOperatorName()).isEqualTo("process@3 (ExplodingTimer)");
    assertThat(failure.getSubtaskIndex()).isEqualTo(0);
    assertThat(failure.getCause()).isSameAs(thrown);
    threads.assertNoneLeftBehind();
  }

  @Test
  void processingTimeOnTimerThrowingFailsExecuteNamingTheProcessOperator() {
    LocalStreamEnvironment env = (LocalStreamEnvironment) StreamExecutionEnvironment.createLocalEnvironment(1);
    env.setProcessingClock(new ManualProcessingClock(1_000));
    IllegalStateException thrown = new IllegalStateException("processing timer exploded");
    // The timer is due at once (500 < 1000), so it fires while the source still holds the job open.
    env.addSource(new ElementThenWaitForCancel())
        .keyBy(s -> s)
        .process(new ExplodingTimer(thrown, true))
        .addSink(value -> {});

    JobExecutionException failure = JobFailures.executionFailureOf(env);

    assertThat(failure.getMessage()).contains("process@3 (ExplodingTimer), subtask 0 of 1");
    assertThat(failure.getCause()).isSameAs(thrown);
    threads.assertNoneLeftBehind();
  }

  @Test
  void sinkThrowingFailsExecuteNamingTheSinkAndSubtask() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.addSource(new EachSubtaskCounts(10_000)).addSink(new ExplodingSink(testId, 1_000));

    JobExecutionException failure = JobFailures.executionFailureOf(env);

    assertThat(failure.getMessage()).contains("sink@2 (ExplodingSink), subtask 1 of 2");
    assertThat(failure.getOperatorName()).isEqualTo("sink@2 (ExplodingSink)");
    assertThat(failure.getSubtaskIndex()).isEqualTo(1);
    assertThat(failure.getCause()).isSameAs(THROWN.get(testId));
    threads.assertNoneLeftBehind();
  }

  @Test
  void sourceFunctionThrowingFailsExecuteNamingTheSourceAndSubtask() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.addSource(new ExplodingParallelSource(testId, 1_000)).map(n -> n + 1).addSink(value -> {});

    JobExecutionException failure = JobFailures.executionFailureOf(env);

    assertThat(failure.getMessage()).contains("source@1 (ExplodingParallelSource), subtask 1 of 2");
    assertThat(failure.getOperatorName()).isEqualTo("source@1 (ExplodingParallelSource)");
    assertThat(failure.getSubtaskIndex()).isEqualTo(1);
    assertThat(failure.getCause()).isSameAs(THROWN.get(testId));
    threads.assertNoneLeftBehind();
  }

  @Test
  void generatorOfASplitSourceThrowingFailsExecuteNamingTheSource() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    IllegalStateException thrown = new IllegalStateException("cannot generate 500");
    env.fromSource(new DataGeneratorSource<>(index -> {
          if (index == 500) {
            throw thrown;
          }
          return index;
        }, 10_000, Long.class), WatermarkStrategy.noWatermarks(), "numbers")
        .addSink(value -> {});

    JobExecutionException failure = JobFailures.executionFailureOf(env);

    assertThat(failure.getMessage()).contains("source@1 (numbers), subtask 0 of 1");
    assertThat(failure.getOperatorName()).isEqualTo("source@1 (numbers)");
    assertThat(failure.getCause()).isSameAs(thrown);
    threads.assertNoneLeftBehind();
  }

  @Test
  void failureWithAnUnboundedSourceEndsEveryThreadOfTheJob() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    IllegalStateException thrown = new IllegalStateException("enough");
    env.fromSource(new DataGeneratorSource<>(index -> index, Long.MAX_VALUE, Long.class),
            WatermarkStrategy.noWatermarks(), "endless")
        .rebalance()
        .map(new ThrowsOn(50_000L, thrown))
        .addSink(value -> {});

    JobExecutionException failure = JobFailures.executionFailureOf(env);

    assertThat(failure.getOperatorName()).isEqualTo("map@3 (ThrowsOn)");
    assertThat(failure.getCause()).isSameAs(thrown);
    threads.assertNoneLeftBehind();
  }

  @Test
  void threadCountIsTheSameBeforeAndAfterAFailedJob() {
    int before = JobThreads.liveEngineThreads().size();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
    env.fromSequence(1, 30_000).rebalance().map(new ThrowsOn(20_000L, new IllegalStateException("x")))
        .keyBy(n -> n % 7).reduce(Long::sum).addSink(value -> {});

    JobFailures.executionFailureOf(env);

    assertThat(JobThreads.liveEngineThreads()).hasSize(before);
  }

  /** Every job, even a tiny one, ends its timer thread before execute() returns. */
  @Test
  void executeReturnsOnlyAfterEveryThreadOfTheJobHasEndedJobAfterJob() throws Exception {
    for (int i = 0; i < 100; i++) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
      env.fromSequence(1, 10).map(n -> n + 1).addSink(value -> {});
      env.execute("tiny job " + i);
      threads.assertNoneLeftBehind();
    }
  }

  @Test
  void cancellingAnUnboundedJobEndsItAsCanceledWithEveryThreadEnded() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    AtomicLong seen = new AtomicLong();
    CountDownLatch running = new CountDownLatch(1000);
    env.fromSource(new DataGeneratorSource<>(index -> index, Long.MAX_VALUE, Long.class),
            WatermarkStrategy.noWatermarks(), "endless")
        .map(n -> n * 2)
        .addSink(value -> {
          seen.incrementAndGet();
          running.countDown();
        });
    LocalJobClient client = (LocalJobClient) env.executeAsync("endless");
    assertThat(running.await(10, TimeUnit.SECONDS)).as("the job produced 1000 elements").isTrue();
    assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);

    client.cancel().get(10, TimeUnit.SECONDS);

    LocalJob job = client.job();
    assertThat(job.status()).isEqualTo(JobStatus.CANCELED);
    assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.CANCELED);
    assertThat(client.getJobExecutionResult()).isCompletedExceptionally();
    assertThatThrownBy(() -> client.getJobExecutionResult().get())
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(JobExecutionException.class)
        .hasMessage("Job 'endless' was cancelled");
    for (Thread thread : job.threads()) {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    }
    assertThat(job.threads()).hasSize(job.tasks().size()).noneMatch(Thread::isAlive);
    assertThat(seen.get()).isGreaterThanOrEqualTo(1000);
  }

  /**
   * JobClient promises that cancel()'s future completes when all of the job's threads have
   * ended (and LocalJob that no thread outlives the result). Whoever waits on the result must
   * find every task thread ended.
   */
  @Test
  void jobResultCompletesOnlyAfterEveryOtherTaskThreadHasEndedAndTheLastEndsRightAfter() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    CountDownLatch running = new CountDownLatch(100);
    env.fromSource(new DataGeneratorSource<>(index -> index, Long.MAX_VALUE, Long.class),
            WatermarkStrategy.noWatermarks(), "endless")
        .addSink(value -> running.countDown());
    LocalJobClient client = (LocalJobClient) env.executeAsync("endless");
    LocalJob job = client.job();
    List<String> aliveAtCompletion = new CopyOnWriteArrayList<>();
    CountDownLatch completed = new CountDownLatch(1);
    client.getJobExecutionResult().whenComplete((result, error) -> {
      // The last task thread completes the result after joining every other one.
      aliveAtCompletion.addAll(job.threads().stream()
          .filter(thread -> thread != Thread.currentThread())
          .filter(Thread::isAlive).map(Thread::getName).collect(Collectors.toList()));
      completed.countDown();
    });
    assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

    client.cancel().get(10, TimeUnit.SECONDS);

    assertThat(completed.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(aliveAtCompletion).as("task threads alive when the job's result completed").isEmpty();
    for (Thread thread : job.threads()) {
      thread.join(1_000);
      assertThat(thread.isAlive()).as(thread.getName() + " alive a second after the job ended").isFalse();
    }
  }

  @Test
  void cancellingAFinishedJobChangesNothing() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromElements(1, 2, 3).addSink(value -> {});
    LocalJobClient client = (LocalJobClient) env.executeAsync("short");
    JobExecutionResult result = client.getJobExecutionResult().get(10, TimeUnit.SECONDS);

    client.cancel().get(10, TimeUnit.SECONDS);

    assertThat(client.job().status()).isEqualTo(JobStatus.FINISHED);
    assertThat(result.jobName()).isEqualTo("short");
  }

  // ---------------------------------------------------------------- functions

  /** Throws on its {@code failAt}-th element in subtask 1; a copy per subtask. */
  private static final class Exploding extends RichMapFunction<Long, Long> {
    private static final long serialVersionUID = 1L;
    private final String testId;
    private final int failAt;
    private int count;

    Exploding(String testId, int failAt) {
      this.testId = testId;
      this.failAt = failAt;
    }

    @Override
    public Long map(Long value) {
      count++;
      int subtask = getRuntimeContext().getIndexOfThisSubtask();
      if (subtask == 1 && count == failAt) {
        RuntimeException failure = new IllegalStateException("element " + count + " of subtask " + subtask);
        THROWN.put(testId, failure);
        throw failure;
      }
      return value;
    }
  }

  /** Throws {@code failure} on the element equal to {@code value}; shared by all subtasks. */
  private static final class ThrowsOn implements MapFunction<Long, Long> {
    private static final long serialVersionUID = 1L;
    private final long value;
    private final RuntimeException failure;

    ThrowsOn(long value, RuntimeException failure) {
      this.value = value;
      this.failure = failure;
    }

    @Override
    public Long map(Long element) {
      if (element == value) {
        throw failure;
      }
      return element;
    }
  }

  private static final class ExplodingKeyed extends KeyedProcessFunction<Long, Long, Long> {
    private static final long serialVersionUID = 1L;
    private final String testId;
    private final int failAt;
    private int count;

    ExplodingKeyed(String testId, int failAt) {
      this.testId = testId;
      this.failAt = failAt;
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<Long> out) {
      count++;
      if (getRuntimeContext().getIndexOfThisSubtask() == 1 && count == failAt) {
        RuntimeException failure = new IllegalStateException("key " + ctx.getCurrentKey());
        THROWN.put(testId, failure);
        throw failure;
      }
      out.collect(value);
    }
  }

  private static final class ExplodingTimer extends KeyedProcessFunction<String, String, String> {
    private static final long serialVersionUID = 1L;
    private final RuntimeException failure;
    private final boolean processingTime;

    ExplodingTimer(RuntimeException failure, boolean processingTime) {
      this.failure = failure;
      this.processingTime = processingTime;
    }

    @Override
    public void processElement(String value, Context ctx, Collector<String> out) {
      if (processingTime) {
        ctx.timerService().registerProcessingTimeTimer(500);
      } else {
        ctx.timerService().registerEventTimeTimer(50);
      }
      out.collect(value);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
      throw failure;
    }
  }

  private static final class ExplodingSink extends RichSinkFunction<Long> {
    private static final long serialVersionUID = 1L;
    private final String testId;
    private final int failAt;
    private int count;

    ExplodingSink(String testId, int failAt) {
      this.testId = testId;
      this.failAt = failAt;
    }

    @Override
    public void invoke(Long value) {
      count++;
      if (getRuntimeContext().getIndexOfThisSubtask() == 1 && count == failAt) {
        RuntimeException failure = new IllegalStateException("sink full");
        THROWN.put(testId, failure);
        throw failure;
      }
    }
  }

  private static final class ExplodingParallelSource extends RichParallelSourceFunction<Long> {
    private static final long serialVersionUID = 1L;
    private final String testId;
    private final int failAt;
    private volatile boolean running = true;

    ExplodingParallelSource(String testId, int failAt) {
      this.testId = testId;
      this.failAt = failAt;
    }

    @Override
    public void run(SourceContext<Long> ctx) {
      int subtask = getRuntimeContext().getIndexOfThisSubtask();
      for (long i = 1; running && i <= 100_000; i++) {
        if (subtask == 1 && i == failAt) {
          RuntimeException failure = new IllegalStateException("connection lost");
          THROWN.put(testId, failure);
          throw failure;
        }
        ctx.collect(i);
      }
    }

    @Override
    public void cancel() {
      running = false;
    }
  }

  /** Each parallel subtask emits 1..count (splits of fromSequence go to whoever asks first). */
  private static final class EachSubtaskCounts extends RichParallelSourceFunction<Long> {
    private static final long serialVersionUID = 1L;
    private final long count;
    private volatile boolean running = true;

    EachSubtaskCounts(long count) {
      this.count = count;
    }

    @Override
    public void run(SourceContext<Long> ctx) {
      for (long i = 1; running && i <= count; i++) {
        ctx.collect(i);
      }
    }

    @Override
    public void cancel() {
      running = false;
    }
  }

  /** Emits "a" at time 10, then the watermark 100. */
  private static final class ElementThenWatermark implements SourceFunction<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void run(SourceContext<String> ctx) {
      ctx.collectWithTimestamp("a", 10);
      ctx.emitWatermark(100);
    }

    @Override
    public void cancel() {}
  }

  /** Emits "a", then holds the job open until it is cancelled. */
  private static final class ElementThenWaitForCancel implements SourceFunction<String> {
    private static final long serialVersionUID = 1L;
    private final transient CountDownLatch cancelled = new CountDownLatch(1);

    @Override
    public void run(SourceContext<String> ctx) throws InterruptedException {
      ctx.collect("a");
      ctx.markAsTemporarilyIdle();
      cancelled.await();
    }

    @Override
    public void cancel() {
      cancelled.countDown();
    }
  }
}
