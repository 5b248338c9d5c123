package io.millrace.state.internal.snapshot;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A snapshot to restore from, readable at any position: a file, a region of a file (several
 * snapshots written one after the other into one file), or bytes in memory. A restore reads the
 * footer and index first and then only the key groups it owns, so it needs random access, not a
 * stream.
 *
 * <p>Not thread-safe; the restoring subtask uses it from one thread. The caller closes it (a
 * restore never does).
 *
 * <pre>{@code
 * try (SnapshotInput in = SnapshotInput.ofFile(chk.resolve("keyed-2.bin"))) {
 *   backend.restore(List.of(in));
 * }
 * }</pre>
 */
public interface SnapshotInput extends Closeable {

  /** What this input is, for error messages: the file (and region), or the given name. */
  String description();

  /** The number of bytes of the snapshot. */
  long size() throws IOException;

  /**
   * Reads exactly {@code length} bytes starting at {@code position} into {@code buffer} at
   * {@code offset}.
   *
   * @throws EOFException if the input ends before
   */
  void readFully(long position, byte[] buffer, int offset, int length) throws IOException;

  /** An input over {@code bytes} (not copied), called {@code description} in error messages. */
  static SnapshotInput ofBytes(String description, byte[] bytes) {
    Objects.requireNonNull(description, "description must not be null");
    Objects.requireNonNull(bytes, "bytes must not be null");
    return new SnapshotInput() {
      @Override
      public String description() {
        return description;
      }

      @Override
      public long size() {
        return bytes.length;
      }

      @Override
      public void readFully(long position, byte[] buffer, int offset, int length)
          throws EOFException {
        if (position < 0 || position + length > bytes.length) {
          throw new EOFException(
              description + " has " + bytes.length + " bytes; cannot read " + length
                  + " bytes at position " + position);
        }
        System.arraycopy(bytes, (int) position, buffer, offset, length);
      }

      @Override
      public void close() {}

      @Override
      public String toString() {
        return description;
      }
    };
  }

  /** An input over the whole of {@code file}, opened now. */
  static SnapshotInput ofFile(Path file) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      return new FileRegionInput(channel, file.toString(), 0, channel.size());
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * An input over {@code length} bytes of {@code file} starting at {@code offset}, for a snapshot
   * written into a larger file; positions are relative to {@code offset}.
   */
  static SnapshotInput ofFileRegion(Path file, long offset, long length) throws IOException {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException(
          "offset and length must not be negative, got " + offset + " and " + length);
    }
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      if (offset + length > channel.size()) {
        throw new EOFException(
            file + " has " + channel.size() + " bytes, fewer than the region [" + offset + ", +"
                + length + " bytes]: truncated?");
      }
      return new FileRegionInput(
          channel, file + " [" + offset + ", +" + length + " bytes]", offset, length);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }
}
