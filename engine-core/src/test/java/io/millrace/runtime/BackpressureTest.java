package io.millrace.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.JobClient;
import io.millrace.api.JobStatus;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.source.DataGeneratorSource;
import io.millrace.runtime.api.LocalStreamEnvironment;
import io.millrace.runtime.channel.Channel;
import io.millrace.runtime.channel.InputGate;
import io.millrace.runtime.execution.LocalJob;
import io.millrace.runtime.execution.LocalJobClient;
import io.millrace.runtime.task.StreamTask;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A fast unbounded source feeding a slow sink: the bounded channels must hold the source back
 * (records in flight never exceed what the channels and the batches in hand can hold), and a
 * cancellation must end every thread of the job promptly even while the source is blocked.
 */
class BackpressureTest {
  private static final int CAPACITY = 4;
  private static final int BATCH = 64;
  /** Records the sink has taken before the test starts sampling. */
  private static final long WARM_UP = 2_000;
  /** Records the sink takes while the test samples. */
  private static final long SAMPLED = 3_000;

  @Test
  void forwardChannelHoldsTheSourceBackToTheChannelCapacityAndCancelEndsAllThreads() throws Exception {
    runAgainstSlowSink(1, false);
  }

  @Test
  void rebalancedChannelsHoldTwoSourcesBackToTheirCapacityAndCancelEndsAllThreads() throws Exception {
    runAgainstSlowSink(2, true);
  }

  /**
   * Runs {@code parallelism} unbounded sources into {@code parallelism} slow sink subtasks over a
   * separate task (chaining disabled; all-to-all if {@code rebalance}), samples the engine's
   * queue gauges and the source's lead over the sink while the sink works, then cancels.
   */
  private void runAgainstSlowSink(int parallelism, boolean rebalance) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    ((LocalStreamEnvironment) env).setChannelShape(CAPACITY, BATCH);
    AtomicLong emitted = new AtomicLong();
    AtomicLong sunk = new AtomicLong();
    CountDownLatch warmedUp = new CountDownLatch(1);
    var counted = env.fromSource(
            new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, Long.class), WatermarkStrategy.noWatermarks(), "endless")
        .map(x -> {
          emitted.incrementAndGet();
          return x;
        });
    (rebalance ? counted.rebalance() : counted)
        .addSink(x -> {
          LockSupport.parkNanos(20_000); // the slow part: tens of microseconds per record
          if (sunk.incrementAndGet() == WARM_UP) {
            warmedUp.countDown();
          }
        })
        .disableChaining();
    String jobName = "backpressure " + UUID.randomUUID();
    JobClient client = env.executeAsync(jobName);
    LocalJob job = ((LocalJobClient) client).job();
    long recordBound;
    try {
      List<Channel> channels = new ArrayList<>();
      List<InputGate> gates = new ArrayList<>();
      for (StreamTask task : job.tasks()) {
        if (task.inputGate() != null) {
          gates.add(task.inputGate());
          channels.addAll(List.of(task.inputGate().channels()));
        }
      }
      int producers = parallelism;
      int consumers = parallelism;
      assertThat(channels).as("channels between source and sink tasks")
          .hasSize(rebalance ? producers * consumers : producers);
      int queueBound = channels.stream().mapToInt(Channel::capacity).sum();
      assertThat(queueBound).isEqualTo(channels.size() * CAPACITY);
      // In flight between the source's counter and the sink's: the queued batches, plus one
      // batch per channel in the producer's hands (partly filled, or full and waiting for
      // space), plus the batch each consumer is working through.
      recordBound = (long) (channels.size() * (CAPACITY + 1) + consumers) * BATCH;

      assertThat(warmedUp.await(10, TimeUnit.SECONDS)).as("sink took %d records", WARM_UP).isTrue();

      long maxQueued = 0;
      long maxLead = 0;
      long samples = 0;
      long stopAt = sunk.get() + SAMPLED;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (sunk.get() < stopAt && System.nanoTime() < deadline) {
        // Emitted first, sunk second: the sink only adds in between, so the lead is never
        // overstated (reading the other way round counts the progress of both in between).
        long emittedCount = emitted.get();
        long lead = emittedCount - sunk.get();
        int queued = 0;
        for (InputGate gate : gates) {
          queued += gate.queuedElements();
        }
        maxQueued = Math.max(maxQueued, queued);
        maxLead = Math.max(maxLead, lead);
        samples++;
        Thread.onSpinWait();
      }
      assertThat(sunk.get()).as("sink progress while sampling").isGreaterThanOrEqualTo(stopAt);
      assertThat(maxQueued).as("most batches queued over %d samples (bound %d)", samples, queueBound)
          .isLessThanOrEqualTo(queueBound);
      assertThat(maxLead).as("most records the source was ahead of the sink over %d samples", samples)
          .isLessThanOrEqualTo(recordBound)
          // A source thousands of times faster than the sink must have filled the channels.
          .isGreaterThanOrEqualTo((long) CAPACITY * BATCH);
    } finally {
      client.cancel().get(1, TimeUnit.SECONDS);
    }

    for (Thread thread : job.threads()) {
      thread.join(1_000);
      assertThat(thread.isAlive()).as("%s ended within a second of the cancellation", thread.getName()).isFalse();
    }
    assertThat(job.status()).isEqualTo(JobStatus.CANCELED);
    assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.CANCELED);
    assertThat(Thread.getAllStackTraces().keySet())
        .as("threads of the job still alive after its cancellation")
        .noneMatch(thread -> thread.getName().contains(jobName) && thread.isAlive());
    assertThat(emitted.get() - sunk.get()).as("the source's lead when the job ended").isLessThanOrEqualTo(recordBound);
  }
}
