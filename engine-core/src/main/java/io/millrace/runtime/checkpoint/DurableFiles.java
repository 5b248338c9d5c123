package io.millrace.runtime.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The file operations checkpoints need to be durable: fsync of files and directories, atomic
 * rename, checksums, recursive deletion. Stateless.
 */
public final class DurableFiles {
  private DurableFiles() {}

  /** The size and CRC32C of a file's content. */
  record Digest(long size, String crc32c) {}

  /** Reads {@code file} once: its size and CRC32C. */
  static Digest digest(Path file) throws IOException {
    CRC32C crc = new CRC32C();
    long size = 0;
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        crc.update(buffer, 0, n);
        size += n;
      }
    }
    return new Digest(size, hex(crc.getValue()));
  }

  /** The CRC32C of {@code bytes}, 8 lowercase hex digits. */
  static String crc32c(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    return hex(crc.getValue());
  }

  private static String hex(long value) {
    return String.format("%08x", value);
  }

  /** Forces {@code file}'s content to the device. */
  static void fsync(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  /**
   * Forces {@code directory}'s entries (creations, renames) to the device where the platform
   * allows opening a directory (Linux, macOS); elsewhere a no-op.
   */
  static void fsyncDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (FileSystemException | UnsupportedOperationException e) {
      // Windows cannot open a directory; its rename is durable by itself with NTFS journaling.
    }
  }

  /** Writes {@code bytes} to {@code target} atomically: temporary file, fsync, rename, fsync dir. */
  static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path temp = target.resolveSibling(target.getFileName() + ".inprogress");
    Files.write(temp, bytes);
    fsync(temp);
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    fsyncDirectory(target.getParent());
  }

  /**
   * Puts {@code source}'s content at {@code target} durably and atomically: hard link when the
   * file system allows (SST files are immutable), else a copy; via a temporary name.
   */
  public static void linkOrCopy(Path source, Path target) throws IOException {
    Path temp = target.resolveSibling(target.getFileName() + ".inprogress");
    Files.deleteIfExists(temp);
    try {
      Files.createLink(temp, source);
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
    }
    fsync(temp);
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Copies {@code source} to {@code target} (a new, independent file) and fsyncs it. */
  static void copy(Path source, Path target) throws IOException {
    Files.copy(source, target);
    fsync(target);
  }

  /** Deletes {@code path} and, if a directory, everything under it; absent is fine. */
  public static void deleteRecursively(Path path) throws IOException {
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
        for (Path entry : entries) {
          deleteRecursively(entry);
        }
      } catch (NoSuchFileException e) {
        return;
      }
    }
    Files.deleteIfExists(path);
  }
}
