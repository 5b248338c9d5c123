package io.millrace.state.internal.snapshot;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file holding only a {@link KeyedSnapshotMeta}: what a native RocksDB checkpoint needs
 * beside RocksDB's own files (RocksDB keeps no serializers). Layout: magic {@code "MRKM"},
 * version, one checksummed section with the metadata.
 */
public final class MetaFile {

  /** The file's name inside a native checkpoint directory. */
  public static final String NAME = "MILLRACE-KEYED-STATE-META";

  private MetaFile() {}

  /** Writes {@code meta} to {@code file} (created; it must not exist). */
  public static void write(Path file, KeyedSnapshotMeta meta) throws IOException {
    try (OutputStream stream = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
      SnapshotOutput out = new SnapshotOutput(stream);
      out.writeInt(SnapshotFormat.NATIVE_META_MAGIC);
      out.writeInt(SnapshotFormat.VERSION);
      out.writeSection(meta.toBytes());
      out.flush();
    }
  }

  /**
   * Reads the metadata in {@code file}.
   *
   * @throws CorruptSnapshotException if it is missing parts, corrupt or not such a file
   */
  public static KeyedSnapshotMeta read(Path file) throws IOException {
    try (SnapshotInput input = SnapshotInput.ofFile(file)) {
      String name = input.description();
      if (input.size() < SnapshotFormat.HEADER_BYTES + SnapshotFormat.SECTION_OVERHEAD) {
        throw new CorruptSnapshotException(name, "it is too short for a state metadata file");
      }
      byte[] header = new byte[SnapshotFormat.HEADER_BYTES];
      input.readFully(0, header, 0, header.length);
      if (SnapshotFormat.getInt(header, 0) != SnapshotFormat.NATIVE_META_MAGIC
          || SnapshotFormat.getInt(header, 4) != SnapshotFormat.VERSION) {
        throw new CorruptSnapshotException(
            name, "it is not a state metadata file of format version " + SnapshotFormat.VERSION);
      }
      byte[] content = SnapshotFormat.readSection(input, SnapshotFormat.HEADER_BYTES, "metadata");
      if (SnapshotFormat.HEADER_BYTES + SnapshotFormat.SECTION_OVERHEAD + content.length != input.size()) {
        throw new CorruptSnapshotException(name, "it has bytes after its metadata");
      }
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      return KeyedSnapshotMeta.fromBytes(
          content, name, context != null ? context : MetaFile.class.getClassLoader());
    }
  }
}
