package io.millrace.runtime.task;

import io.millrace.runtime.checkpoint.DurableFiles;
import io.millrace.runtime.checkpoint.PendingCheckpoint;
import io.millrace.runtime.operators.OperatorContext;
import io.millrace.runtime.operators.StreamOperator;
import io.millrace.runtime.time.InternalTimerService;
import io.millrace.runtime.time.TimerSnapshots;
import io.millrace.state.internal.KeyedStateBackend;
import io.millrace.state.internal.snapshot.KeyedStateSnapshot;
import io.millrace.state.internal.snapshot.StateSnapshot;
import io.millrace.state.rocksdb.internal.NativeCheckpoint;
import io.millrace.state.rocksdb.internal.RocksDBKeyedStateBackend;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one task's operator chain at one checkpoint: captured on the task's thread
 * between two records ({@link #capture}, short), written to the checkpoint's files on another
 * thread ({@link #writeTo}).
 *
 * <p>Per operator (by uid) and subtask the files are: {@value #KEYED} (the keyed state in the
 * backend-independent format) or, for an incremental RocksDB checkpoint, the database's small
 * files as {@code native.<name>} plus its SST files shared between checkpoints;
 * {@value #OPERATOR} (operator state, always written, so a restore sees every old subtask);
 * {@value #TIMERS} (the timers, if the operator has timer services).
 */
public final class ChainSnapshot {
  /** The logical name of a keyed state file. */
  public static final String KEYED = "keyed";
  /** The logical name of an operator state file. */
  public static final String OPERATOR = "operator";
  /** The logical name of a timers file. */
  public static final String TIMERS = "timers";
  /** The prefix of the logical names of a native RocksDB checkpoint's own files. */
  public static final String NATIVE_PREFIX = "native.";

  /** One operator of the chain, with its uid and, for incremental RocksDB checkpoints, its shared-file prefix. */
  public record ChainedOperator(String uid, StreamOperator<?> operator, String sharedFilePrefix) {}

  private record OperatorParts(
      String uid, KeyedStateSnapshot keyed, NativeCheckpoint nativeCheckpoint, String sharedFilePrefix,
      StateSnapshot operatorState, TimerSnapshots.Captured timers) {}

  private final int subtask;
  private final List<OperatorParts> parts;

  private ChainSnapshot(int subtask, List<OperatorParts> parts) {
    this.subtask = subtask;
    this.parts = parts;
  }

  /**
   * The synchronous part: snapshots every backend of the chain (operators have run their
   * {@code snapshotState} already). Incremental RocksDB backends make a native checkpoint in a
   * temporary directory unless this is a savepoint.
   */
  public static ChainSnapshot capture(List<ChainedOperator> chain, int subtask, boolean savepoint) throws IOException {
    List<OperatorParts> parts = new ArrayList<>();
    try {
      for (ChainedOperator chained : chain) {
        OperatorContext context = chained.operator().context();
        KeyedStateBackend<?> keyed = context.keyedStateBackend();
        KeyedStateSnapshot keyedSnapshot = null;
        NativeCheckpoint nativeCheckpoint = null;
        if (keyed != null) {
          if (!savepoint && chained.sharedFilePrefix() != null && keyed instanceof RocksDBKeyedStateBackend<?> rocks) {
            nativeCheckpoint = rocks.createNativeCheckpoint(Files.createTempDirectory("millrace-native-").resolve("db"));
          } else {
            keyedSnapshot = keyed.snapshot();
          }
        }
        List<InternalTimerService<?, ?>> services = context.services().timerServices();
        parts.add(new OperatorParts(chained.uid(), keyedSnapshot, nativeCheckpoint, chained.sharedFilePrefix(),
            context.operatorStateBackend().snapshot(), services.isEmpty() ? null : TimerSnapshots.capture(services)));
      }
    } catch (IOException | RuntimeException e) {
      new ChainSnapshot(subtask, parts).discard();
      throw e;
    }
    return new ChainSnapshot(subtask, parts);
  }

  /** The asynchronous part: writes every file into {@code checkpoint}; returns the bytes written. */
  public long writeTo(PendingCheckpoint checkpoint) throws IOException {
    long bytes = 0;
    try {
      for (OperatorParts part : parts) {
        if (part.keyed() != null) {
          bytes += write(checkpoint, part.uid(), KEYED, part.keyed()::writeTo);
        }
        if (part.nativeCheckpoint() != null) {
          bytes += writeNative(checkpoint, part);
        }
        bytes += write(checkpoint, part.uid(), OPERATOR, part.operatorState()::writeTo);
        if (part.timers() != null) {
          bytes += write(checkpoint, part.uid(), TIMERS, part.timers()::writeTo);
        }
      }
    } finally {
      discard();
    }
    return bytes;
  }

  /** Releases what the snapshot holds (temporary directories, copies); idempotent. */
  public void discard() {
    for (OperatorParts part : parts) {
      if (part.keyed() != null) {
        part.keyed().close();
      }
      part.operatorState().close();
      if (part.nativeCheckpoint() != null) {
        deleteRecursively(part.nativeCheckpoint().directory().getParent());
      }
    }
  }

  @FunctionalInterface
  private interface Writer {
    void writeTo(OutputStream out) throws IOException;
  }

  private long write(PendingCheckpoint checkpoint, String uid, String name, Writer writer) throws IOException {
    Path file = checkpoint.newStateFile(uid, subtask, name);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      writer.writeTo(out);
    }
    return Files.size(file);
  }

  private long writeNative(PendingCheckpoint checkpoint, OperatorParts part) throws IOException {
    NativeCheckpoint nativeCheckpoint = part.nativeCheckpoint();
    long bytes = 0;
    for (String sst : nativeCheckpoint.sstFiles()) {
      checkpoint.addSharedFile(part.uid(), subtask, nativeCheckpoint.directory().resolve(sst),
          part.sharedFilePrefix() + "-" + sst);
    }
    for (String other : nativeCheckpoint.otherFiles()) {
      Path target = checkpoint.newStateFile(part.uid(), subtask, NATIVE_PREFIX + other);
      Files.copy(nativeCheckpoint.directory().resolve(other), target);
      bytes += Files.size(target);
    }
    return bytes;
  }

  private static void deleteRecursively(Path directory) {
    if (directory == null) {
      return;
    }
    try {
      DurableFiles.deleteRecursively(directory);
    } catch (IOException e) {
      org.slf4j.LoggerFactory.getLogger(ChainSnapshot.class).warn("Could not delete {}: {}", directory, e.toString());
    }
  }

}
