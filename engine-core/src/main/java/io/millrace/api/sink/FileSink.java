package io.millrace.api.sink;

import io.millrace.state.serialization.TypeSerializer;
import io.millrace.state.serialization.TypeSerializers;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exactly-once sink that writes elements as lines of text into part files of a directory,
 * one part file per transaction, made visible when the checkpoint that covers it completes
 * (see {@link TwoPhaseCommitSink}).
 *
 * <p>A part file goes through three names in the directory; only the last is visible (readers
 * should skip names starting with a dot):
 * <ol>
 *   <li>{@code .part-<subtask>-<uuid>.inprogress} while the transaction is open;</li>
 *   <li>{@code .part-<subtask>-<uuid>.pending} after the checkpoint barrier: flushed, fsynced
 *       and renamed (pre-commit);</li>
 *   <li>{@code part-<subtask>-<uuid>} when the checkpoint completed: renamed atomically
 *       (commit), so a reader sees the whole file or nothing.</li>
 * </ol>
 * A transaction without elements leaves no file. An aborted transaction's hidden file is
 * deleted. Hidden files of transactions that no restored checkpoint knows (pre-committed after
 * the checkpoint a job was restored from) are left behind: they never become visible and may be
 * deleted once no job writes to the directory.
 *
 * <p>The directory is created if missing; a path that is not a directory, or a directory the
 * job cannot write to, fails the job when the first transaction begins. Lines are UTF-8, each
 * ending with {@code '\n'}.
 *
 * <p><b>Threading.</b> A {@code FileSink} is not a rich function, so one instance is shared by
 * all parallel instances of the sink. It keeps the open part files' writers in a concurrent map
 * keyed by transaction (each transaction is used by one subtask thread only); the transaction
 * handle itself, stored in checkpoints, holds only names.
 *
 * <pre>{@code
 * env.enableCheckpointing(Duration.ofSeconds(10));
 * orders.sinkTo(FileSink.forRowFormat(Path.of("/data/orders"), order -> order.id() + "," + order.amount()));
 * }</pre>
 *
 * @param <T> element type
 */
public final class FileSink<T> implements TwoPhaseCommitSink<T, FileSink.Transaction> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(FileSink.class);
  private static final int BUFFER_SIZE = 64 * 1024;

  /** Absolute; a String because {@link Path} is not serializable. */
  private final String directory;
  private final Encoder<T> encoder;
  /** The open part files, by transaction; concurrent because the instance is shared by subtasks. */
  private final transient Map<Transaction, PartWriter> writers = new ConcurrentHashMap<>();

  private FileSink(String directory, Encoder<T> encoder) {
    this.directory = directory;
    this.encoder = encoder;
  }

  /**
   * A sink writing each element as the line {@code encoder} makes of it, into part files in
   * {@code directory} (a relative path is resolved now, against the working directory).
   */
  public static <T> FileSink<T> forRowFormat(Path directory, Encoder<T> encoder) {
    Objects.requireNonNull(directory, "directory must not be null in FileSink.forRowFormat(directory, encoder)");
    Objects.requireNonNull(encoder, "encoder must not be null in FileSink.forRowFormat(directory, encoder)");
    return new FileSink<>(directory.toAbsolutePath().normalize().toString(), encoder);
  }

  /** The directory the part files are written to (absolute). */
  public Path getDirectory() {
    return Path.of(directory);
  }

  /**
   * The handle of one part file, as stored in checkpoints: where it is and how it is named.
   *
   * @param directory the absolute directory of the part file
   * @param subtask the index of the sink instance that wrote it
   * @param uuid makes the name unique across subtasks, attempts and runs
   */
  public record Transaction(String directory, int subtask, String uuid) {
    /** Checks the components are non-null. */
    public Transaction {
      Objects.requireNonNull(directory, "directory must not be null");
      Objects.requireNonNull(uuid, "uuid must not be null");
    }

    /** The visible name of the committed part file: {@code part-<subtask>-<uuid>}. */
    public String partName() {
      return "part-" + subtask + "-" + uuid;
    }

    /** Where the part file is written while the transaction is open (hidden). */
    public Path inProgressFile() {
      return Path.of(directory, "." + partName() + ".inprogress");
    }

    /** Where the pre-committed part file waits for its commit (hidden). */
    public Path pendingFile() {
      return Path.of(directory, "." + partName() + ".pending");
    }

    /** The committed, visible part file. */
    public Path committedFile() {
      return Path.of(directory, partName());
    }
  }

  /** Creates the directory if needed and opens a new hidden in-progress part file in it. */
  @Override
  public Transaction beginTransaction(Context context) throws IOException {
    Path dir = Path.of(directory);
    prepareDirectory(dir);
    Transaction transaction = new Transaction(directory, context.getSubtaskId(), UUID.randomUUID().toString());
    FileChannel channel;
    try {
      channel = FileChannel.open(transaction.inProgressFile(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (AccessDeniedException e) {
      throw notWritable(dir, e);
    }
    writers.put(transaction, new PartWriter(channel));
    return transaction;
  }

  private static void prepareDirectory(Path dir) throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IOException(
          "FileSink directory " + dir + " exists but is not a directory: give FileSink.forRowFormat(...)"
              + " the path of a directory, or remove that file");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IOException(
          "cannot create the FileSink directory " + dir + " (" + e + "): create it, or give"
              + " FileSink.forRowFormat(...) a directory the job can create and write to", e);
    }
    if (!Files.isWritable(dir)) {
      throw notWritable(dir, null);
    }
  }

  private static IOException notWritable(Path dir, IOException cause) {
    return new IOException(
        "FileSink directory " + dir + " is not writable: grant the user running the job write permission"
            + " on it, or give FileSink.forRowFormat(...) another directory", cause);
  }

  @Override
  public void write(Transaction transaction, T element, Long timestamp) throws Exception {
    PartWriter part = writers.get(transaction);
    if (part == null) {
      throw new IllegalStateException("FileSink transaction " + transaction.partName() + " is not open");
    }
    String line = encoder.encode(element);
    if (line == null) {
      throw new NullPointerException("the FileSink's encoder returned null for the element " + element);
    }
    part.writer.write(line);
    part.writer.write('\n');
    part.empty = false;
  }

  /**
   * Flushes and fsyncs the in-progress file and renames it to its hidden pending name; an empty
   * one is deleted instead. Pre-committing again is a no-op.
   */
  @Override
  public void preCommit(Transaction transaction) throws IOException {
    PartWriter part = writers.remove(transaction);
    if (part == null) {
      if (Files.exists(transaction.pendingFile())) {
        return;
      }
      throw new IllegalStateException("FileSink transaction " + transaction.partName() + " is not open");
    }
    try (Writer writer = part.writer) {
      writer.flush();
      part.channel.force(true);
    }
    if (part.empty) {
      Files.delete(transaction.inProgressFile());
      return;
    }
    Files.move(transaction.inProgressFile(), transaction.pendingFile(), StandardCopyOption.ATOMIC_MOVE);
    syncDirectory(transaction);
  }

  /**
   * Renames the pending file atomically to its visible name. Idempotent: a transaction already
   * committed, or one that was empty, is left as it is.
   *
   * @throws IllegalStateException if the transaction is still open (not pre-committed)
   */
  @Override
  public void commit(Transaction transaction) throws IOException {
    Path pending = transaction.pendingFile();
    if (!Files.exists(pending)) {
      if (Files.exists(transaction.inProgressFile())) {
        throw new IllegalStateException(
            "FileSink transaction " + transaction.partName() + " is committed before it was pre-committed");
      }
      return; // committed before (perhaps before a failure), or empty
    }
    Files.move(pending, transaction.committedFile(), StandardCopyOption.ATOMIC_MOVE);
    syncDirectory(transaction);
    LOG.debug("FileSink committed {}", transaction.committedFile());
  }

  /**
   * Deletes the transaction's in-progress or pending file, unflushed data included. Idempotent;
   * a committed file is never touched.
   */
  @Override
  public void abort(Transaction transaction) throws IOException {
    PartWriter part = writers.remove(transaction);
    try {
      if (part != null) {
        part.channel.close(); // drops what the writer still buffers
      }
    } finally {
      Files.deleteIfExists(transaction.inProgressFile());
      Files.deleteIfExists(transaction.pendingFile());
    }
  }

  @Override
  public TypeSerializer<Transaction> getTransactionSerializer() {
    return TypeSerializers.forClass(Transaction.class);
  }

  /** Makes a rename durable: fsyncs the directory where the file system allows it (POSIX). */
  private static void syncDirectory(Transaction transaction) throws IOException {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return; // e.g. Windows, where a directory cannot be opened as a channel
    }
    try (FileChannel dir = FileChannel.open(Path.of(transaction.directory()), StandardOpenOption.READ)) {
      dir.force(true);
    }
  }

  /** A copy (made by Java serialization) gets a map of its own. */
  private Object readResolve() {
    return new FileSink<>(directory, encoder);
  }

  @Override
  public String toString() {
    return "FileSink[" + directory + "]";
  }

  /** An open part file: the channel (to fsync) under a buffered UTF-8 writer. */
  private static final class PartWriter {
    final FileChannel channel;
    final Writer writer;
    /** Written and read by the transaction's subtask thread only. */
    boolean empty = true;

    PartWriter(FileChannel channel) {
      this.channel = channel;
      this.writer = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), BUFFER_SIZE);
    }
  }
}
