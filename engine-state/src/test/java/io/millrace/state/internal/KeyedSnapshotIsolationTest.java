package io.millrace.state.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import io.millrace.state.internal.snapshot.KeyedStateSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;

/**
 * The asynchronous part of a snapshot writes the state as it was when the synchronous part
 * returned, whatever the subtask changes meanwhile: on the heap by copy on write, on RocksDB by
 * a native snapshot.
 */
class KeyedSnapshotIsolationTest extends KeyedStateBackendTestBase {

  private static final int KEYS = 50;

  private final ExecutorService writerThread = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopWriter() {
    writerThread.shutdownNow();
  }

  /** A mutable value that user code changes in place. */
  public static final class Counter {
    public long count;

    public Counter() {}
  }

  /** Changes every state of every key (in place where the heap allows), and adds keys. */
  private static void changeEverything(KeyedStateBackend<Long> backend, SnapshotFixture states, ValueState<Counter> counter)
      throws Exception {
    for (long key = 0; key < KEYS; key++) {
      backend.setCurrentKey(key);
      states.value.update("changed");
      states.list.add(-1L);
      states.map.put("x", 1000L);
      states.map.remove("nothing");
      states.average.add(1_000_000L);
      states.ttlList.add("late");
      internal(states.windowList).setCurrentNamespace("w1");
      states.windowList.add(-5L);
      merging(states.sum).mergeNamespaces("w1", List.of("w2"));
      internal(states.windowMap).setCurrentNamespace("w2");
      states.windowMap.clear();
      Counter value = counter.value();
      value.count += 100;
      counter.update(value);
      if (key % 5 == 0) {
        states.ttlValue.clear();
      }
    }
    for (long key = KEYS; key < KEYS + 10; key++) {
      states.fill(key);
    }
  }

  private static ValueState<Counter> counter(KeyedStateBackend<Long> backend) {
    return backend.getOrCreateKeyedState(new ValueStateDescriptor<>("counter", Counter.class));
  }

  private void assertHoldsTheOriginalState(byte[] snapshot, Backend kind) throws Exception {
    KeyedStateBackend<Long> restored = open(kind);
    restored.restore(SnapshotFixture.inputs(List.of(snapshot)));
    SnapshotFixture states = new SnapshotFixture(restored);
    ValueState<Counter> counter = counter(restored);
    for (long key = 0; key < KEYS; key++) {
      assertThat(states.read(key)).as("key %d", key).isEqualTo(SnapshotFixture.expected(key));
      assertThat(counter.value().count).isEqualTo(key);
    }
    assertThat(restored.getKeys("value", VoidNamespace.INSTANCE)).hasSize(KEYS);
  }

  private KeyedStateBackend<Long> filled(Backend kind) throws Exception {
    KeyedStateBackend<Long> backend = open(kind);
    SnapshotFixture states = new SnapshotFixture(backend);
    ValueState<Counter> counter = counter(backend);
    for (long key = 0; key < KEYS; key++) {
      states.fill(key);
      Counter value = new Counter();
      value.count = key;
      counter.update(value);
    }
    return backend;
  }

  @OnEveryBackend
  void changesAfterTheSynchronousPartAreNotInTheWrittenSnapshot(Backend kind) throws Exception {
    KeyedStateBackend<Long> backend = filled(kind);
    KeyedStateSnapshot snapshot = backend.snapshot();

    changeEverything(backend, new SnapshotFixture(backend), counter(backend));
    byte[] written = CompletableFuture.supplyAsync(() -> SnapshotFixture.write(snapshot), writerThread).get();

    assertHoldsTheOriginalState(written, kind);
    SnapshotFixture live = new SnapshotFixture(backend);
    backend.setCurrentKey(3L);
    assertThat(live.value.value()).isEqualTo("changed");
    assertThat(counter(backend).value().count).isEqualTo(103);
    assertThat(live.average.get()).isEqualTo((3 + 5 + 1_000_000) / 3.0);
  }

  @OnEveryBackend
  void aSnapshotWrittenWhileTheSubtaskChangesStateHoldsTheStateOfItsSynchronousPart(Backend kind)
      throws Exception {
    KeyedStateBackend<Long> backend = filled(kind);
    KeyedStateSnapshot snapshot = backend.snapshot();

    CompletableFuture<byte[]> written = CompletableFuture.supplyAsync(() -> SnapshotFixture.write(snapshot), writerThread);
    SnapshotFixture states = new SnapshotFixture(backend);
    ValueState<Counter> counter = counter(backend);
    for (int round = 0; round < 20; round++) {
      changeEverything(backend, states, counter);
    }

    assertHoldsTheOriginalState(written.get(), kind);
  }

  @OnEveryBackend
  void concurrentSnapshotsEachKeepTheirOwnView(Backend kind) throws Exception {
    KeyedStateBackend<Long> backend = filled(kind);
    SnapshotFixture states = new SnapshotFixture(backend);
    KeyedStateSnapshot first = backend.snapshot();
    backend.setCurrentKey(7L);
    states.value.update("second");
    states.average.add(7L);
    KeyedStateSnapshot second = backend.snapshot();
    changeEverything(backend, states, counter(backend));

    byte[] secondBytes = SnapshotFixture.write(second);
    assertHoldsTheOriginalState(SnapshotFixture.write(first), kind);

    KeyedStateBackend<Long> restored = open(kind);
    restored.restore(SnapshotFixture.inputs(List.of(secondBytes)));
    SnapshotFixture fromSecond = new SnapshotFixture(restored);
    restored.setCurrentKey(7L);
    assertThat(fromSecond.value.value()).isEqualTo("second");
    assertThat(fromSecond.average.get()).isEqualTo((7 + 9 + 7) / 3.0);
    assertThat(fromSecond.read(8L)).isEqualTo(SnapshotFixture.expected(8L));
  }

  @OnEveryBackend
  void aSnapshotIsWrittenOnceAndNotAfterItWasClosed(Backend kind) throws Exception {
    KeyedStateBackend<Long> backend = filled(kind);
    KeyedStateSnapshot written = backend.snapshot();
    written.writeTo(new ByteArrayOutputStream());
    assertThatThrownBy(() -> written.writeTo(new ByteArrayOutputStream()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("written already");
    written.close();
    written.close();

    KeyedStateSnapshot closed = backend.snapshot();
    closed.close();
    assertThatThrownBy(() -> closed.writeTo(new ByteArrayOutputStream()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @OnEveryBackend
  void closingTheBackendWhileASnapshotIsPendingNeverCorruptsIt(Backend kind) throws Exception {
    KeyedStateBackend<Long> backend = filled(kind);
    KeyedStateSnapshot snapshot = backend.snapshot();
    backend.close();

    if (kind == Backend.ROCKSDB) {
      assertThatThrownBy(() -> snapshot.writeTo(new ByteArrayOutputStream()))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("test@0")
          .hasMessageContaining("closed meanwhile");
      snapshot.close();
    } else {
      // The heap snapshot owns its frozen key groups: closing the backend does not touch them.
      assertHoldsTheOriginalState(SnapshotFixture.write(snapshot), kind);
    }
  }
}
