package io.millrace.runtime.task;

import io.millrace.runtime.channel.CancelledException;
import io.millrace.runtime.channel.Channel;
import io.millrace.runtime.channel.ChannelEvent;
import io.millrace.runtime.channel.InputGate;
import io.millrace.runtime.channel.RecordBatch;
import io.millrace.runtime.channel.RecordWriter;
import io.millrace.runtime.channel.ThreadParker;
import io.millrace.runtime.checkpoint.PendingCheckpoint;
import io.millrace.runtime.operators.OneInputStreamOperator;
import io.millrace.runtime.operators.StreamOperator;
import io.millrace.runtime.operators.TwoInputStreamOperator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One parallel instance of a chain, on its own thread: the mailbox loop.
 *
 * <p>The loop takes the next batch from any input channel and pushes its records through the
 * head operator (and, by method calls, the rest of the chain); between batches it runs mail
 * (timers, split assignments) and flushes outputs when the buffer timeout asked for it. When
 * no input is waiting it flushes every output — so a lightly loaded job hands records on at
 * once — and parks until a producer, the mailbox or a cancellation wakes it. A source task
 * runs its source instead and checks the same flags between records.
 *
 * <p>Lifecycle: CREATED → RUNNING → FINISHED | FAILED | CANCELED; operators are opened tail
 * first, finished head first, and always closed.
 */
public final class StreamTask implements Runnable {

  /** The states of a task; each moves forward only. */
  public enum State {
    CREATED,
    RUNNING,
    FINISHED,
    FAILED,
    CANCELED
  }

  /** Told about the end of each task. */
  public interface Listener {
    /** {@code task} failed with {@code failure} (its resources are released after). */
    void taskFailed(StreamTask task, Throwable failure);

    /** {@code task}'s thread is about to end, whatever the outcome. */
    void taskEnded(StreamTask task);
  }

  private final String name;
  private final int subtaskIndex;
  private final int parallelism;
  private final ThreadParker parker = new ThreadParker();
  private final TaskMailbox mailbox = new TaskMailbox(this);
  private final Listener listener;

  // Set while the job is wired, before the thread starts.
  private InputGate gate;
  private List<StreamOperator<?>> operators = List.of();
  private StreamOperator<?> head;
  private SourceDriver sourceDriver;
  private final List<RecordWriter<?>> writers = new ArrayList<>();
  private final List<AutoCloseable> resources = new ArrayList<>();

  /**
   * Set (after the specific flag) by anyone who needs the task's attention: the mailbox, the
   * buffer-timeout ticker, cancellation. Read once per batch (once per record in sources);
   * a volatile read of a rarely written field costs about as much as a plain one.
   */
  private volatile boolean attention;
  private volatile boolean flushRequested;
  private volatile boolean cancelled;
  private volatile State state = State.CREATED;
  private volatile Thread thread;

  // Checkpoints; task thread only, except the responder.
  private CheckpointResponder checkpoints;
  private List<ChainSnapshot.ChainedOperator> snapshotChain = List.of();
  /** The barrier being aligned, or null. */
  private ChannelEvent.CheckpointBarrier aligning;
  /** The highest checkpoint id this task took or abandoned. */
  private long lastCheckpointId = -1;
  /** Set when a stop-with-savepoint barrier passed this source: it emits nothing more. */
  private boolean stopped;

  private long[] channelWatermarks;
  private boolean[] channelIdle;
  private long currentWatermark = Long.MIN_VALUE;
  /** Whether this task told its consumers it is idle. */
  private boolean outputIdle;

  public StreamTask(String name, int subtaskIndex, int parallelism, Listener listener) {
    this.name = name;
    this.subtaskIndex = subtaskIndex;
    this.parallelism = parallelism;
    this.listener = listener;
  }

  // ---------------------------------------------------------------- wiring

  /** The parker that producers and the mailbox wake. */
  public ThreadParker parker() {
    return parker;
  }

  /** The task's mailbox. */
  public TaskMailbox mailbox() {
    return mailbox;
  }

  /** Sets the task's input gate (none for source tasks). */
  public void setInputGate(InputGate gate) {
    this.gate = gate;
  }

  /** Sets the chain's operators, head first (empty for a source whose chain is only the source). */
  public void setOperators(List<StreamOperator<?>> chain, StreamOperator<?> head) {
    this.operators = List.copyOf(chain);
    this.head = head;
  }

  /** Makes this a source task driven by {@code driver}. */
  public void setSourceDriver(SourceDriver driver) {
    this.sourceDriver = driver;
  }

  /** Registers a writer to flush and to end with the task. */
  public void addWriter(RecordWriter<?> writer) {
    writers.add(writer);
  }

  /** Registers a resource (a state backend) to close when the task ends. */
  public void addResource(AutoCloseable resource) {
    resources.add(resource);
  }

  /** Takes part in checkpoints: snapshots {@code chain} (the operators with their uids) into checkpoints of {@code responder}. */
  public void setCheckpointing(CheckpointResponder responder, List<ChainSnapshot.ChainedOperator> chain) {
    this.checkpoints = responder;
    this.snapshotChain = List.copyOf(chain);
  }

  public String name() {
    return name;
  }

  public int subtaskIndex() {
    return subtaskIndex;
  }

  public int parallelism() {
    return parallelism;
  }

  public State state() {
    return state;
  }

  /** The thread running the task, once started. */
  public Thread thread() {
    return thread;
  }

  /** The head operator of the chain. */
  public StreamOperator<?> headOperator() {
    return head;
  }

  /** The task's input gate, or null for a source task. */
  public InputGate inputGate() {
    return gate;
  }

  // ---------------------------------------------------------------- signals from other threads

  void requestAttention() {
    attention = true;
    parker.wake();
  }

  /** Asks the task to hand over its partly filled batches soon (buffer timeout). */
  public void requestFlush() {
    flushRequested = true;
    attention = true;
  }

  /** Asks the task to stop; it unwinds at the next record, batch or wait. */
  public void cancel() {
    cancelled = true;
    attention = true;
    if (sourceDriver != null) {
      sourceDriver.cancel();
    }
    parker.wakeUnconditionally();
    Thread running = thread;
    if (running != null) {
      java.util.concurrent.locks.LockSupport.unpark(running);
    }
    if (gate != null) {
      gate.wakeProducers();
    }
  }

  /** Whether {@link #cancel()} was called. */
  public boolean isCancelled() {
    return cancelled;
  }

  /** Throws {@link CancelledException} if the task was cancelled. */
  public void throwIfCancelled() {
    if (cancelled) {
      throw new CancelledException();
    }
  }

  // ---------------------------------------------------------------- the loop

  @Override
  public void run() {
    thread = Thread.currentThread();
    parker.bindToCurrentThread();
    state = State.RUNNING;
    Throwable failure = null;
    try {
      throwIfCancelled();
      for (int i = operators.size() - 1; i >= 0; i--) {
        operators.get(i).open();
      }
      if (sourceDriver != null) {
        sourceDriver.run(this);
        throwIfCancelled();
        // As in Flink: a source that ends declares that no earlier event follows, so every
        // pending event-time timer and window downstream fires before the job ends.
        head.output().emitWatermark(Long.MAX_VALUE);
      } else {
        processInput();
      }
      throwIfCancelled();
      for (StreamOperator<?> operator : operators) {
        operator.finish();
      }
      for (RecordWriter<?> writer : writers) {
        writer.broadcastEvent(ChannelEvent.EndOfInput.INSTANCE);
      }
      state = State.FINISHED;
    } catch (CancelledException e) {
      state = State.CANCELED;
    } catch (Throwable t) {
      // After a cancellation, failures are its echoes (interrupted user code), not causes.
      failure = cancelled ? null : t;
      state = cancelled ? State.CANCELED : State.FAILED;
    }
    failure = closeAll(failure);
    if (failure != null && !cancelled) {
      state = State.FAILED;
      listener.taskFailed(this, failure);
    }
    listener.taskEnded(this);
  }

  private Throwable closeAll(Throwable failure) {
    for (StreamOperator<?> operator : operators) {
      try {
        operator.close();
      } catch (Throwable t) {
        failure = addFailure(failure, t);
      }
    }
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Throwable t) {
        failure = addFailure(failure, t);
      }
    }
    return failure;
  }

  private static Throwable addFailure(Throwable first, Throwable next) {
    if (first == null) {
      return next;
    }
    if (first != next) {
      first.addSuppressed(next);
    }
    return first;
  }

  private void processInput() throws Exception {
    InputGate input = gate;
    channelWatermarks = new long[input.channels().length];
    Arrays.fill(channelWatermarks, Long.MIN_VALUE);
    channelIdle = new boolean[input.channels().length];
    while (input.openChannels() > 0) {
      Channel channel = input.nextAvailable();
      if (channel == null) {
        if (attention) {
          handleAttention();
        } else {
          flushOutputs();
          parker.park(() -> attention || input.anyAvailable());
        }
        continue;
      }
      Object element = channel.gate().poll(channel);
      if (element instanceof RecordBatch batch) {
        processBatch(input.inputIndexOf(channel.indexInGate()), batch);
        input.recycle(channel, batch);
      } else {
        processEvent(channel, (ChannelEvent) element);
      }
      if (attention) {
        handleAttention();
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void processBatch(int inputIndex, RecordBatch batch) throws Exception {
    int size = batch.size();
    if (head instanceof OneInputStreamOperator<?, ?> oneInput) {
      OneInputStreamOperator<Object, ?> operator = (OneInputStreamOperator<Object, ?>) oneInput;
      for (int i = 0; i < size; i++) {
        operator.processElement(batch.record(i), batch.timestamp(i));
      }
    } else {
      TwoInputStreamOperator<Object, Object, ?> operator = (TwoInputStreamOperator<Object, Object, ?>) head;
      if (inputIndex == 1) {
        for (int i = 0; i < size; i++) {
          operator.processElement1(batch.record(i), batch.timestamp(i));
        }
      } else {
        for (int i = 0; i < size; i++) {
          operator.processElement2(batch.record(i), batch.timestamp(i));
        }
      }
    }
  }

  private void processEvent(Channel channel, ChannelEvent event) throws Exception {
    int index = channel.indexInGate();
    if (event instanceof ChannelEvent.Watermark watermark) {
      channelWatermarks[index] = Math.max(channelWatermarks[index], watermark.timestamp());
      channelIdle[index] = false;
      advanceWatermark();
    } else if (event instanceof ChannelEvent.WatermarkStatus status) {
      channelIdle[index] = status == ChannelEvent.WatermarkStatus.IDLE;
      advanceWatermark();
    } else if (event == ChannelEvent.EndOfInput.INSTANCE) {
      boolean inputEnded = gate.markEnded(channel);
      channelWatermarks[index] = Long.MAX_VALUE;
      channelIdle[index] = false;
      if (inputEnded && head instanceof TwoInputStreamOperator<?, ?, ?> twoInput) {
        twoInput.endInput(gate.inputIndexOf(index));
      }
      advanceWatermark();
      completeAlignmentIfDone();
    } else if (event instanceof ChannelEvent.CheckpointBarrier barrier) {
      onBarrier(channel, barrier);
    }
  }

  /**
   * Aligns barriers: a channel that delivered barrier n is not read again until every channel
   * did (or ended); then the task snapshots and forwards the barrier. A newer barrier while
   * aligning means the older checkpoint cannot complete on this path (a producer declined it):
   * the older alignment is abandoned.
   */
  private void onBarrier(Channel channel, ChannelEvent.CheckpointBarrier barrier) throws Exception {
    long id = barrier.checkpointId();
    if (aligning == null || id > aligning.checkpointId()) {
      if (id <= lastCheckpointId) {
        return; // a late barrier of an abandoned alignment
      }
      if (aligning != null) {
        gate.unblockAll();
      }
      aligning = barrier;
      lastCheckpointId = id;
    } else if (id < aligning.checkpointId()) {
      return;
    }
    gate.block(channel);
    completeAlignmentIfDone();
  }

  private void completeAlignmentIfDone() throws Exception {
    if (aligning != null && gate.blockedChannels() + (gate.channels().length - gate.openChannels()) == gate.channels().length) {
      ChannelEvent.CheckpointBarrier barrier = aligning;
      aligning = null;
      gate.unblockAll();
      performCheckpoint(barrier);
    }
  }

  /**
   * Starts checkpoint {@code barrier} at this source task (through its mailbox, between two
   * records); with a stop barrier the source emits nothing after it.
   */
  public void triggerCheckpoint(ChannelEvent.CheckpointBarrier barrier) throws Exception {
    if (barrier.checkpointId() <= lastCheckpointId || stopped) {
      return;
    }
    lastCheckpointId = barrier.checkpointId();
    performCheckpoint(barrier);
    if (barrier.stop()) {
      stopped = true;
    }
  }

  /** An action for the task's thread that may throw. */
  @FunctionalInterface
  public interface CheckedAction {
    void run() throws Exception;
  }

  /** Runs {@code action} on the task's thread between two records; a failure fails the task. */
  public void executeInMailbox(CheckedAction action) {
    mailbox.execute(() -> {
      try {
        action.run();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(this + ": " + e, e);
      }
    });
  }

  /** Whether a stop-with-savepoint barrier passed this source task. */
  boolean isStopped() {
    return stopped;
  }

  /** Processes mail (checkpoint notifications) until the task is cancelled: a stopped source. */
  void idleUntilCancelled() {
    while (true) {
      handleAttention();
      awaitWork(() -> false);
    }
  }

  /**
   * The task's part of a checkpoint: the operators' synchronous snapshot work, the barrier to
   * every consumer, the backends' synchronous snapshot; then the files are written on the
   * responder's executor, which acknowledges (or declines) when done.
   */
  private void performCheckpoint(ChannelEvent.CheckpointBarrier barrier) throws Exception {
    long id = barrier.checkpointId();
    if (checkpoints == null) {
      broadcastBarrier(barrier);
      return;
    }
    for (StreamOperator<?> operator : operators) {
      operator.snapshotState(id, barrier.timestamp());
    }
    if (sourceDriver != null) {
      sourceDriver.snapshotState(id);
    }
    broadcastBarrier(barrier);
    PendingCheckpoint pending = checkpoints.pendingCheckpoint(id);
    if (pending == null) {
      return; // aborted meanwhile: the operators' work above is harmless, nothing to write
    }
    ChainSnapshot snapshot = ChainSnapshot.capture(snapshotChain, subtaskIndex, barrier.savepoint());
    CheckpointResponder responder = checkpoints;
    responder.asyncExecutor().execute(() -> {
      try {
        responder.acknowledge(id, this, snapshot.writeTo(pending));
      } catch (Throwable t) {
        snapshot.discard();
        responder.decline(id, this, t);
      }
    });
  }

  private void broadcastBarrier(ChannelEvent.CheckpointBarrier barrier) {
    for (RecordWriter<?> writer : writers) {
      writer.broadcastEvent(barrier);
    }
  }

  /** Checkpoint {@code checkpointId} completed: tells the operators (through the mailbox). */
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    for (StreamOperator<?> operator : operators) {
      operator.notifyCheckpointComplete(checkpointId);
    }
    if (sourceDriver != null) {
      sourceDriver.notifyCheckpointComplete(checkpointId);
    }
  }

  /** Checkpoint {@code checkpointId} was aborted: tells the operators (through the mailbox). */
  public void notifyCheckpointAborted(long checkpointId) throws Exception {
    for (StreamOperator<?> operator : operators) {
      operator.notifyCheckpointAborted(checkpointId);
    }
  }

  /**
   * The task's watermark is the minimum over its active channels (idle ones do not hold it
   * back; ended ones count as {@code Long.MAX_VALUE}), and never goes back. When every channel
   * that has not ended is idle, the task advances to the highest watermark among them and
   * tells its consumers it is idle, as Flink's watermark valve does.
   */
  private void advanceWatermark() throws Exception {
    long minActive = Long.MAX_VALUE;
    long maxIdle = Long.MIN_VALUE;
    boolean anyActive = false;
    boolean anyIdle = false;
    for (int i = 0; i < channelWatermarks.length; i++) {
      if (channelIdle[i]) {
        anyIdle = true;
        maxIdle = Math.max(maxIdle, channelWatermarks[i]);
      } else {
        anyActive = true;
        minActive = Math.min(minActive, channelWatermarks[i]);
      }
    }
    boolean allIdle = anyIdle && (!anyActive || minActive == Long.MAX_VALUE);
    long next = allIdle ? maxIdle : minActive;
    if (next > currentWatermark && next != Long.MIN_VALUE) {
      currentWatermark = next;
      head.processWatermark(next);
    }
    if (allIdle != outputIdle) {
      emitIdle(allIdle);
    }
  }

  /** Tells every consumer that this task's output is idle (or active again). */
  public void emitIdle(boolean idle) {
    outputIdle = idle;
    for (RecordWriter<?> writer : writers) {
      writer.broadcastEvent(idle ? ChannelEvent.WatermarkStatus.IDLE : ChannelEvent.WatermarkStatus.ACTIVE);
    }
  }

  /** Runs mail and flushes as asked; throws if cancelled. Task thread only. */
  void handleAttention() {
    attention = false;
    throwIfCancelled();
    mailbox.runAll();
    if (flushRequested) {
      flushRequested = false;
      flushOutputs();
    }
  }

  /** Whether the task has mail or a request pending (for sources' hot loops). */
  boolean needsAttention() {
    return attention;
  }

  /** Hands over every partly filled batch. */
  void flushOutputs() {
    for (RecordWriter<?> writer : writers) {
      writer.flush();
    }
  }

  /** Parks until {@code ready} holds or the task needs attention. */
  void awaitWork(java.util.function.BooleanSupplier ready) {
    flushOutputs();
    parker.park(() -> attention || ready.getAsBoolean());
  }

  @Override
  public String toString() {
    return name + " (" + (subtaskIndex + 1) + "/" + parallelism + ")";
  }
}
