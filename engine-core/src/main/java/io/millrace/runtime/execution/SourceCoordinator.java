package io.millrace.runtime.execution;

import io.millrace.api.source.Source;
import io.millrace.api.source.SourceSplit;
import io.millrace.api.source.SplitEnumerator;
import io.millrace.api.source.SplitEnumeratorContext;
import io.millrace.runtime.channel.ChannelEvent;
import io.millrace.runtime.checkpoint.JavaSerialization;
import io.millrace.runtime.checkpoint.PendingCheckpoint;
import io.millrace.runtime.task.SourceReaderDriver;
import io.millrace.runtime.task.StreamTask;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs the split enumerator of one split-based source for the job. Readers call in from their
 * own threads; the enumerator's calls are serialized by this object's lock. Assignments reach
 * a reader through its task's mailbox, so the reader is only touched by its own thread.
 *
 * @param <SplitT> split type
 */
final class SourceCoordinator<SplitT extends SourceSplit> implements AutoCloseable {
  /** The logical name of the enumerator's state file (subtask 0 of the source). */
  static final String ENUMERATOR_STATE = "enumerator";

  private final String sourceName;
  private final int parallelism;
  private final StreamTask[] tasks;
  private final SourceReaderDriver<?, SplitT>[] readers;
  private final Set<Integer> registered = new TreeSet<>();
  private SplitEnumerator<SplitT, ?> enumerator;

  @SuppressWarnings("unchecked")
  SourceCoordinator(String sourceName, int parallelism) {
    this.sourceName = sourceName;
    this.parallelism = parallelism;
    this.tasks = new StreamTask[parallelism];
    this.readers = (SourceReaderDriver<?, SplitT>[]) new SourceReaderDriver<?, ?>[parallelism];
  }

  /**
   * Creates (or, with {@code restoredState}, restores) and starts the enumerator; called once
   * before the tasks start.
   */
  synchronized <EnumT> void start(Source<?, SplitT, EnumT> source, byte[] restoredState) throws Exception {
    SplitEnumeratorContext<SplitT> context = new SplitEnumeratorContext<>() {
      @Override
      public int currentParallelism() {
        return parallelism;
      }

      @Override
      public Set<Integer> registeredReaders() {
        return Set.copyOf(registered);
      }

      @Override
      public void assignSplit(SplitT split, int subtaskId) {
        SourceReaderDriver<?, SplitT> reader = readerOf(subtaskId);
        tasks[subtaskId].mailbox().execute(() -> reader.addSplits(List.of(split)));
      }

      @Override
      public void signalNoMoreSplits(int subtaskId) {
        SourceReaderDriver<?, SplitT> reader = readerOf(subtaskId);
        tasks[subtaskId].mailbox().execute(reader::notifyNoMoreSplits);
      }
    };
    if (restoredState != null) {
      EnumT state = JavaSerialization.deserialize(restoredState, source.getClass().getClassLoader(),
          "split enumerator state of " + sourceName);
      enumerator = source.restoreEnumerator(context, state);
    } else {
      enumerator = source.createEnumerator(context);
    }
    enumerator.start();
  }

  /**
   * Snapshots the enumerator into {@code checkpoint} and starts the checkpoint at every reader,
   * atomically with respect to split assignments: an assignment made before the snapshot
   * reaches its reader's mailbox before the barrier does, one made after it comes after the
   * barrier and is in the snapshot as unassigned.
   *
   * @return the bytes of the enumerator's state file
   */
  synchronized long triggerCheckpoint(PendingCheckpoint checkpoint, String uid, ChannelEvent.CheckpointBarrier barrier)
      throws Exception {
    Object state = enumerator.snapshotState(barrier.checkpointId());
    byte[] bytes = JavaSerialization.serialize(state, "split enumerator state of " + sourceName);
    try (OutputStream out = checkpoint.openStateFile(uid, 0, ENUMERATOR_STATE)) {
      out.write(bytes);
    }
    for (StreamTask task : tasks) {
      task.executeInMailbox(() -> task.triggerCheckpoint(barrier));
    }
    return bytes.length;
  }

  /** Tells the enumerator that checkpoint {@code checkpointId} completed. */
  synchronized void notifyCheckpointComplete(long checkpointId) {
    try {
      enumerator.notifyCheckpointComplete(checkpointId);
    } catch (Exception e) {
      throw new IllegalStateException(sourceName + ": the split enumerator failed on checkpoint completion: " + e, e);
    }
  }

  private SourceReaderDriver<?, SplitT> readerOf(int subtaskId) {
    if (subtaskId < 0 || subtaskId >= parallelism || readers[subtaskId] == null) {
      throw new IllegalArgumentException(
          "The split enumerator of " + sourceName + " assigned to reader " + subtaskId
              + ", but the source has readers 0.." + (parallelism - 1));
    }
    return readers[subtaskId];
  }

  /** Makes reader {@code subtaskId} known before the job starts. */
  synchronized void attach(int subtaskId, StreamTask task, SourceReaderDriver<?, SplitT> reader) {
    tasks[subtaskId] = task;
    readers[subtaskId] = reader;
  }

  /** The reader of {@code subtaskId} started. */
  synchronized void registerReader(int subtaskId) {
    registered.add(subtaskId);
    enumerator.addReader(subtaskId);
  }

  /** The reader of {@code subtaskId} asked for a split. */
  synchronized void handleSplitRequest(int subtaskId) {
    enumerator.handleSplitRequest(subtaskId);
  }

  @Override
  public synchronized void close() throws java.io.IOException {
    if (enumerator != null) {
      enumerator.close();
    }
  }
}
