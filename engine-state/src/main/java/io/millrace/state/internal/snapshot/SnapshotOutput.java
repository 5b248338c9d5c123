package io.millrace.state.internal.snapshot;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32C;

/**
 * The byte sink of the snapshot writers: buffers writes to the caller's stream, counts the
 * position (offsets in the index are positions) and keeps a running CRC32C that a writer
 * resets at the start of each checksummed section. Never closes the stream.
 */
final class SnapshotOutput {
  private static final int BUFFER_SIZE = 64 << 10;

  private final OutputStream out;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private int buffered;
  private long position;
  private final CRC32C checksum = new CRC32C();
  private final byte[] scratch = new byte[8];

  SnapshotOutput(OutputStream out) {
    this.out = out;
  }

  /** The number of bytes written so far. */
  long position() {
    return position;
  }

  /** Starts a new checksum. */
  void resetChecksum() {
    checksum.reset();
  }

  /** The CRC32C of the bytes written since {@link #resetChecksum()}. */
  int checksum() {
    return (int) checksum.getValue();
  }

  void write(byte[] bytes, int offset, int length) throws IOException {
    checksum.update(bytes, offset, length);
    position += length;
    if (length >= BUFFER_SIZE) {
      flushBuffer();
      out.write(bytes, offset, length);
      return;
    }
    if (buffered + length > BUFFER_SIZE) {
      flushBuffer();
    }
    System.arraycopy(bytes, offset, buffer, buffered, length);
    buffered += length;
  }

  void writeByte(int value) throws IOException {
    scratch[0] = (byte) value;
    write(scratch, 0, 1);
  }

  void writeInt(int value) throws IOException {
    SnapshotFormat.putInt(scratch, 0, value);
    write(scratch, 0, 4);
  }

  void writeLong(long value) throws IOException {
    SnapshotFormat.putInt(scratch, 0, (int) (value >>> 32));
    SnapshotFormat.putInt(scratch, 4, (int) value);
    write(scratch, 0, 8);
  }

  /** Writes a non-negative int in 1 to 5 bytes. */
  void writeVarInt(int value) throws IOException {
    int length = 0;
    while ((value & ~0x7F) != 0) {
      scratch[length++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    scratch[length++] = (byte) value;
    write(scratch, 0, length);
  }

  /** Writes a section: its length, {@code content}, and the content's CRC32C. */
  void writeSection(byte[] content) throws IOException {
    writeInt(content.length);
    resetChecksum();
    write(content, 0, content.length);
    writeInt(checksum());
  }

  /** Hands every buffered byte to the stream and flushes it. */
  void flush() throws IOException {
    flushBuffer();
    out.flush();
  }

  private void flushBuffer() throws IOException {
    if (buffered > 0) {
      out.write(buffer, 0, buffered);
      buffered = 0;
    }
  }
}
