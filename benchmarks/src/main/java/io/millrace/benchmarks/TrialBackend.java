package io.millrace.benchmarks;

import io.millrace.state.StateBackend;
import io.millrace.state.heap.HashMapStateBackend;
import io.millrace.state.rocksdb.EmbeddedRocksDBStateBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The state backend of one benchmark trial, chosen by a JMH parameter: {@value #HEAP} (the
 * baseline) or {@value #ROCKSDB}. A RocksDB trial gets a fresh local directory, which
 * {@link #close()} deletes with everything in it — after printing what the databases left
 * behind, which should be nothing (the backend deletes a subtask's database when it closes). JMH
 * skips {@code @TearDown} when a benchmark throws, so a shutdown hook of the forked JVM deletes
 * the directory of a trial that never closed.
 */
public final class TrialBackend implements AutoCloseable {
  /** The parameter value of {@link HashMapStateBackend}. */
  public static final String HEAP = "heap";
  /** The parameter value of {@link EmbeddedRocksDBStateBackend}, default memory settings. */
  public static final String ROCKSDB = "rocksdb";

  private final StateBackend config;
  private final Path localDirectory;
  private final Thread deleteAtExit;

  private TrialBackend(StateBackend config, Path localDirectory) {
    this.config = config;
    this.localDirectory = localDirectory;
    if (localDirectory == null) {
      deleteAtExit = null;
    } else {
      deleteAtExit = new Thread(() -> deleteTree(localDirectory), "delete " + localDirectory);
      Runtime.getRuntime().addShutdownHook(deleteAtExit);
    }
  }

  /**
   * The backend named {@code name}; for RocksDB, with a new directory under
   * {@code java.io.tmpdir} whose name starts with {@code prefix}.
   *
   * @throws IllegalArgumentException if {@code name} is neither {@value #HEAP} nor
   *     {@value #ROCKSDB}
   */
  public static TrialBackend of(String name, String prefix) throws IOException {
    switch (name) {
      case HEAP:
        return new TrialBackend(new HashMapStateBackend(), null);
      case ROCKSDB:
        Path directory = Files.createTempDirectory(prefix);
        return new TrialBackend(new EmbeddedRocksDBStateBackend().setLocalDirectory(directory), directory);
      default:
        throw new IllegalArgumentException(
            "backend must be '" + HEAP + "' or '" + ROCKSDB + "', got '" + name + "' (-p backend=...)");
    }
  }

  /** The configuration to give {@code env.setStateBackend} or {@code StateBackends}. */
  public StateBackend config() {
    return config;
  }

  /** Prints what is left in the RocksDB local directory (if anything), then deletes it. */
  @Override
  public void close() throws IOException {
    if (localDirectory == null) {
      return;
    }
    List<Path> leftovers = contents(localDirectory);
    if (!leftovers.isEmpty()) {
      System.out.println("RocksDB local directory " + localDirectory + " still holds " + leftovers.size()
          + " files and directories at the end of the trial, e.g. " + leftovers.get(0));
    }
    Runtime.getRuntime().removeShutdownHook(deleteAtExit);
    deleteTree(localDirectory);
  }

  private static void deleteTree(Path directory) {
    try (Stream<Path> tree = Files.walk(directory)) {
      tree.sorted(Comparator.reverseOrder()).forEach(TrialBackend::delete);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + directory, e);
    }
  }

  private static List<Path> contents(Path directory) throws IOException {
    try (Stream<Path> tree = Files.walk(directory)) {
      return tree.filter(p -> !p.equals(directory)).toList();
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }
}
