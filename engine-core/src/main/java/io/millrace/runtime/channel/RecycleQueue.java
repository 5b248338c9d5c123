package io.millrace.runtime.channel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A bounded single-producer, single-consumer ring carrying empty batches from a channel's
 * consumer back to its producer. Losing a batch (when full) only costs an allocation later, so
 * offer never blocks. Release/acquire on the indexes publishes the slot contents; nobody waits
 * on this queue, so no stronger ordering is needed.
 */
final class RecycleQueue {
  private static final VarHandle HEAD;
  private static final VarHandle TAIL;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      HEAD = lookup.findVarHandle(RecycleQueue.class, "head", long.class);
      TAIL = lookup.findVarHandle(RecycleQueue.class, "tail", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final RecordBatch[] slots;
  private final int capacity;
  @SuppressWarnings("unused")
  private volatile long head;
  @SuppressWarnings("unused")
  private volatile long tail;

  RecycleQueue(int capacity) {
    this.slots = new RecordBatch[capacity];
    this.capacity = capacity;
  }

  void offer(RecordBatch batch) {
    long t = (long) TAIL.get(this);
    if (t - (long) HEAD.getAcquire(this) >= capacity) {
      return;
    }
    slots[(int) (t % capacity)] = batch;
    TAIL.setRelease(this, t + 1);
  }

  RecordBatch poll() {
    long h = (long) HEAD.get(this);
    if (h == (long) TAIL.getAcquire(this)) {
      return null;
    }
    int index = (int) (h % capacity);
    RecordBatch batch = slots[index];
    slots[index] = null;
    HEAD.setRelease(this, h + 1);
    return batch;
  }
}
