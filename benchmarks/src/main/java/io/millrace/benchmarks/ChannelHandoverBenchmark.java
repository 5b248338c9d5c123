package io.millrace.benchmarks;

import io.millrace.runtime.channel.Channel;
import io.millrace.runtime.channel.ChannelEvent;
import io.millrace.runtime.channel.InputGate;
import io.millrace.runtime.channel.Partitioners;
import io.millrace.runtime.channel.RecordBatch;
import io.millrace.runtime.channel.RecordWriter;
import io.millrace.runtime.channel.ThreadParker;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Records handed from one thread to another: through a Millrace channel (a {@link RecordWriter}
 * filling batches of {@code batchSize} into a bounded single-producer single-consumer
 * {@link Channel}, the consumer polling its {@link InputGate} and parking when it is empty), beside
 * the baseline a user would write, one {@link ArrayBlockingQueue} put/take per record. One
 * invocation moves {@value #RECORDS} records (and an end-of-input event) and waits until the
 * consumer has seen them all; the score is records/second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Benchmark)
public class ChannelHandoverBenchmark {
  static final int RECORDS = 1_000_000;
  private static final Object END = new Object();

  /** Records per batch (the engine's default is 256; 1 is a buffer timeout of zero). */
  @Param({"256", "1"})
  public int batchSize;

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long millraceChannel() throws Exception {
    ThreadParker parker = new ThreadParker();
    InputGate gate = new InputGate(parker);
    Channel channel = gate.addChannel(1, 8, batchSize);
    gate.seal();
    long[] consumed = new long[1];
    Thread consumer = new Thread(() -> {
      parker.bindToCurrentThread();
      long sum = 0;
      while (gate.openChannels() > 0) {
        Channel next = gate.nextAvailable();
        if (next == null) {
          parker.park(gate::anyAvailable);
          continue;
        }
        Object element = gate.poll(next);
        if (element instanceof RecordBatch batch) {
          for (int i = 0; i < batch.size(); i++) {
            sum += (Long) batch.record(i);
          }
          gate.recycle(next, batch);
        } else if (element == ChannelEvent.EndOfInput.INSTANCE) {
          gate.markEnded(next);
        }
      }
      consumed[0] = sum;
    }, "handover-consumer");
    consumer.start();
    RecordWriter<Long> writer = new RecordWriter<>(new Channel[] {channel}, Partitioners.forward(), () -> {}, batchSize);
    for (long i = 0; i < RECORDS; i++) {
      writer.emit(i, i);
    }
    writer.broadcastEvent(ChannelEvent.EndOfInput.INSTANCE);
    consumer.join();
    return check(consumed[0]);
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long blockingQueue() throws Exception {
    BlockingQueue<Object> queue = new ArrayBlockingQueue<>(8 * 256);
    long[] consumed = new long[1];
    Thread consumer = new Thread(() -> {
      long sum = 0;
      try {
        Object element;
        while ((element = queue.take()) != END) {
          sum += (Long) element;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      consumed[0] = sum;
    }, "handover-consumer");
    consumer.start();
    for (long i = 0; i < RECORDS; i++) {
      queue.put(i);
    }
    queue.put(END);
    consumer.join();
    return check(consumed[0]);
  }

  private static long check(long sum) {
    long expected = (long) RECORDS * (RECORDS - 1) / 2;
    if (sum != expected) {
      throw new IllegalStateException("the consumer saw a sum of " + sum + ", expected " + expected);
    }
    return sum;
  }
}
