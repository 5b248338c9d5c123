package io.millrace.runtime.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ChannelTest {

  /** Drains {@code gate} on the calling thread the way a task does, returning the records in order. */
  private static long[] drain(InputGate gate, int expectedRecords, ThreadParker parker) {
    long[] received = new long[expectedRecords];
    int count = 0;
    while (gate.openChannels() > 0) {
      Channel channel = gate.nextAvailable();
      if (channel == null) {
        parker.park(gate::anyAvailable);
        continue;
      }
      Object element = gate.poll(channel);
      if (element instanceof RecordBatch batch) {
        for (int i = 0; i < batch.size(); i++) {
          received[count++] = (Long) batch.record(i);
          assertThat(batch.timestamp(i)).isEqualTo(-(Long) batch.record(i));
        }
        gate.recycle(channel, batch);
      } else if (element == ChannelEvent.EndOfInput.INSTANCE) {
        gate.markEnded(channel);
      }
    }
    assertThat(count).isEqualTo(expectedRecords);
    return received;
  }

  @Test
  void recordsArriveInOrderWithTheirTimestampsAcrossThreads() throws Exception {
    ThreadParker parker = new ThreadParker();
    parker.bindToCurrentThread();
    InputGate gate = new InputGate(parker);
    Channel channel = gate.addChannel(1, 4, 32);
    gate.seal();
    int records = 1_000_000;
    CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
      RecordWriter<Long> writer = new RecordWriter<>(new Channel[] {channel}, Partitioners.forward(), () -> {}, 32);
      for (long i = 0; i < records; i++) {
        writer.emit(i, -i);
      }
      writer.broadcastEvent(ChannelEvent.EndOfInput.INSTANCE);
    });
    long[] received = drain(gate, records, parker);
    producer.get(30, TimeUnit.SECONDS);
    for (int i = 0; i < records; i++) {
      assertThat(received[i]).isEqualTo(i);
    }
  }

  @Test
  void fullChannelBlocksTheProducerUntilTheConsumerTakes() throws Exception {
    InputGate gate = new InputGate(new ThreadParker());
    Channel channel = gate.addChannel(1, 2, 1);
    gate.seal();
    RecordWriter<Long> writer = new RecordWriter<>(new Channel[] {channel}, Partitioners.forward(), () -> {}, 1);
    writer.emit(1L, 0);
    writer.emit(2L, 0);
    assertThat(channel.queued()).isEqualTo(2);

    AtomicBoolean thirdHandedOver = new AtomicBoolean();
    Thread producer = new Thread(() -> {
      writer.emit(3L, 0);
      thirdHandedOver.set(true);
    });
    producer.start();
    awaitState(producer, Thread.State.WAITING);
    assertThat(thirdHandedOver).isFalse();
    assertThat(channel.queued()).isEqualTo(2);

    RecordBatch first = (RecordBatch) gate.poll(channel);
    assertThat(first.record(0)).isEqualTo(1L);
    producer.join(5_000);
    assertThat(thirdHandedOver).isTrue();
    assertThat(channel.queued()).isEqualTo(2);
  }

  @Test
  void cancellationReleasesAProducerBlockedOnAFullChannel() throws Exception {
    InputGate gate = new InputGate(new ThreadParker());
    Channel channel = gate.addChannel(1, 2, 1);
    gate.seal();
    AtomicBoolean cancelled = new AtomicBoolean();
    Cancellation cancellation = () -> {
      if (cancelled.get()) {
        throw new CancelledException();
      }
    };
    RecordWriter<Long> writer = new RecordWriter<>(new Channel[] {channel}, Partitioners.forward(), cancellation, 1);
    writer.emit(1L, 0);
    writer.emit(2L, 0);
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    Thread producer = new Thread(() -> {
      try {
        writer.emit(3L, 0);
      } catch (Throwable t) {
        outcome.set(t);
      }
    });
    producer.start();
    awaitState(producer, Thread.State.WAITING);
    cancelled.set(true);
    gate.wakeProducers();
    producer.join(5_000);
    assertThat(producer.isAlive()).isFalse();
    assertThat(outcome.get()).isInstanceOf(CancelledException.class);
  }

  @Test
  void batchesAreRecycledSoTheProducerAllocatesOnlyWhatIsInFlight() {
    InputGate gate = new InputGate(new ThreadParker());
    Channel channel = gate.addChannel(1, 4, 8);
    gate.seal();
    RecordWriter<Long> writer = new RecordWriter<>(new Channel[] {channel}, Partitioners.forward(), () -> {}, 8);
    java.util.Set<RecordBatch> distinct = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (long i = 0; i < 8_000; i++) {
      writer.emit(i, 0);
      RecordBatch batch = (RecordBatch) gate.poll(channel);
      if (batch != null) {
        distinct.add(batch);
        assertThat(batch.size()).isEqualTo(8);
        gate.recycle(channel, batch);
      }
    }
    assertThat(distinct).hasSizeLessThanOrEqualTo(2);
  }

  @Test
  void markingAChannelEndedTwiceIsAnError() {
    InputGate gate = new InputGate(new ThreadParker());
    Channel channel = gate.addChannel(2, 2, 1);
    gate.seal();
    assertThat(gate.markEnded(channel)).isTrue();
    assertThatThrownBy(() -> gate.markEnded(channel)).isInstanceOf(IllegalStateException.class);
  }

  /** Waits (bounded) until {@code thread} reaches {@code state}: a gauge, not a synchronization. */
  private static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (thread.getState() != state) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("thread did not reach " + state + ", is " + thread.getState());
      }
      Thread.onSpinWait();
    }
  }
}
