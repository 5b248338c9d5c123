package io.millrace.runtime.channel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * A bounded single-producer, single-consumer queue of {@link RecordBatch}es and
 * {@link ChannelEvent}s from one producer subtask to one consumer subtask.
 *
 * <p>A full queue blocks the producer: that is backpressure, and since a blocked task stops
 * reading its own inputs it travels upstream to the sources. At most {@link #capacity()}
 * elements wait in the queue, so the records in flight on a channel are bounded by
 * {@code capacity × batch size}.
 *
 * <p><b>Memory ordering.</b> {@code tail} is written only by the producer, {@code head} only by
 * the consumer. A slot is written before {@code tail} is advanced and read after it is seen
 * advanced, so the batch's contents are visible to the consumer (release/acquire). Both
 * indexes are advanced with volatile (sequentially consistent) stores because each side then
 * reads the other side's "waiting" flag: a release store followed by a load may be reordered,
 * which would lose a wake-up. These are per-batch costs, never per-record ones.
 */
public final class Channel {
  private static final VarHandle HEAD;
  private static final VarHandle TAIL;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      HEAD = lookup.findVarHandle(Channel.class, "head", long.class);
      TAIL = lookup.findVarHandle(Channel.class, "tail", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Object[] slots;
  private final int mask;
  private final InputGate gate;
  private final int indexInGate;
  private final int batchCapacity;

  // Consumer-written; padded away from the producer's fields to avoid false sharing.
  @SuppressWarnings("unused")
  private long p01, p02, p03, p04, p05, p06, p07;
  private volatile long head;
  @SuppressWarnings("unused")
  private long p11, p12, p13, p14, p15, p16, p17;
  // Producer-written.
  private volatile long tail;
  @SuppressWarnings("unused")
  private long p21, p22, p23, p24, p25, p26, p27;

  /** Set by a producer about to park on a full queue; read by the consumer after taking. */
  private volatile boolean producerWaiting;
  private volatile Thread producerThread;

  /** Emptied batches on their way back to the producer; single-producer (consumer) too. */
  private final RecycleQueue recycled;

  Channel(InputGate gate, int indexInGate, int capacity, int batchCapacity) {
    if (Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("channel capacity must be a power of two, got " + capacity);
    }
    this.slots = new Object[capacity];
    this.mask = capacity - 1;
    this.gate = gate;
    this.indexInGate = indexInGate;
    this.batchCapacity = batchCapacity;
    this.recycled = new RecycleQueue(capacity + 4);
  }

  /** The number of elements the queue holds at most. */
  public int capacity() {
    return slots.length;
  }

  /** The index of this channel in its consumer's gate. */
  public int indexInGate() {
    return indexInGate;
  }

  /** The consumer's gate. */
  public InputGate gate() {
    return gate;
  }

  /** The number of elements waiting (approximate when read by a third thread). */
  public int queued() {
    return (int) ((long) TAIL.getVolatile(this) - (long) HEAD.getVolatile(this));
  }

  // ---------------------------------------------------------------- producer side

  /** An empty batch for the producer: a recycled one, or a new one. */
  RecordBatch newBatch() {
    RecordBatch batch = recycled.poll();
    return batch != null ? batch : new RecordBatch(batchCapacity);
  }

  /**
   * Appends {@code element} (a batch or an event), blocking while the queue is full.
   *
   * @param cancellation checked while blocked; the wait ends with {@link CancelledException}
   */
  void put(Object element, Cancellation cancellation) {
    long t = (long) TAIL.get(this);
    if (t - (long) HEAD.getVolatile(this) >= slots.length) {
      awaitSpace(t, cancellation);
    }
    slots[(int) t & mask] = element;
    TAIL.setVolatile(this, t + 1);
    gate.notifyDataAvailable();
  }

  private void awaitSpace(long t, Cancellation cancellation) {
    producerThread = Thread.currentThread();
    while (true) {
      producerWaiting = true;
      if (t - (long) HEAD.getVolatile(this) < slots.length) {
        producerWaiting = false;
        return;
      }
      cancellation.throwIfCancelled();
      LockSupport.park(this);
      producerWaiting = false;
      cancellation.throwIfCancelled();
    }
  }

  // ---------------------------------------------------------------- consumer side

  /** Whether an element is waiting. Consumer only. */
  boolean isAvailable() {
    return (long) HEAD.get(this) != (long) TAIL.getVolatile(this);
  }

  /** Takes the next element, or returns null if none is waiting. Consumer only. */
  Object poll() {
    long h = (long) HEAD.get(this);
    if (h == (long) TAIL.getVolatile(this)) {
      return null;
    }
    int index = (int) h & mask;
    Object element = slots[index];
    slots[index] = null;
    HEAD.setVolatile(this, h + 1);
    if (producerWaiting) {
      Thread producer = producerThread;
      if (producer != null) {
        LockSupport.unpark(producer);
      }
    }
    return element;
  }

  /** Returns a processed batch to the producer for reuse. Consumer only. */
  void recycle(RecordBatch batch) {
    batch.clear();
    recycled.offer(batch);
  }

  /** Wakes a producer blocked on this channel, e.g. to let it see a cancellation. */
  void wakeProducer() {
    Thread producer = producerThread;
    if (producer != null) {
      LockSupport.unpark(producer);
    }
  }
}
