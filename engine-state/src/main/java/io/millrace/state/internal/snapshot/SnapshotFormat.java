package io.millrace.state.internal.snapshot;

import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Constants and byte-level helpers shared by the snapshot formats (see the package comment for
 * the layouts): magic numbers, the format version, big-endian ints, variable-length ints and
 * checksummed sections.
 */
public final class SnapshotFormat {

  /** "MRKS": the first four bytes of a keyed state snapshot. */
  static final int KEYED_MAGIC = 0x4D524B53;

  /** "MRKE": the last four bytes of a keyed state snapshot. */
  static final int KEYED_FOOTER_MAGIC = 0x4D524B45;

  /** "MROS": the first four bytes of an operator state snapshot. */
  static final int OPERATOR_MAGIC = 0x4D524F53;

  /** "MROE": the last four bytes of an operator state snapshot. */
  static final int OPERATOR_FOOTER_MAGIC = 0x4D524F45;

  /** "MRKM": the first four bytes of the metadata file of a native RocksDB checkpoint. */
  static final int NATIVE_META_MAGIC = 0x4D524B4D;

  /** The version of the formats this code writes and the only one it reads. */
  static final int VERSION = 1;

  /**
   * The byte between two elements of a list state's value, in snapshots as in the RocksDB
   * backend (whose merge operator appends with it).
   */
  public static final byte LIST_DELIMITER = ',';

  /** Magic and version. */
  static final int HEADER_BYTES = 8;

  /** A section's length before it and its CRC32C after it. */
  static final int SECTION_OVERHEAD = 8;

  private SnapshotFormat() {}

  static void putInt(byte[] bytes, int offset, int value) {
    bytes[offset] = (byte) (value >>> 24);
    bytes[offset + 1] = (byte) (value >>> 16);
    bytes[offset + 2] = (byte) (value >>> 8);
    bytes[offset + 3] = (byte) value;
  }

  static int getInt(byte[] bytes, int offset) {
    return ((bytes[offset] & 0xFF) << 24)
        | ((bytes[offset + 1] & 0xFF) << 16)
        | ((bytes[offset + 2] & 0xFF) << 8)
        | (bytes[offset + 3] & 0xFF);
  }

  static long getLong(byte[] bytes, int offset) {
    return ((long) getInt(bytes, offset) << 32) | (getInt(bytes, offset + 4) & 0xFFFFFFFFL);
  }

  /** The CRC32C of {@code length} bytes of {@code bytes} from {@code offset}. */
  static int crc32c(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }

  /**
   * Reads the section whose length field is at {@code position} and checks its CRC32C: returns
   * its content.
   *
   * @param what the section's name in error messages ("metadata", "key group 17", ...)
   * @throws CorruptSnapshotException if the section does not fit in the input or its checksum
   *     does not match
   */
  static byte[] readSection(SnapshotInput input, long position, String what) throws IOException {
    long size = input.size();
    if (position < 0 || position + SECTION_OVERHEAD > size) {
      throw new CorruptSnapshotException(
          input.description(),
          "the " + what + " section at offset " + position + " lies outside the " + size
              + " bytes of the input: truncated?");
    }
    byte[] lengthBytes = new byte[4];
    input.readFully(position, lengthBytes, 0, 4);
    int length = getInt(lengthBytes, 0);
    if (length < 0 || position + SECTION_OVERHEAD + length > size) {
      throw new CorruptSnapshotException(
          input.description(),
          "the " + what + " section at offset " + position + " claims " + length
              + " bytes, more than the " + size + " bytes of the input hold: truncated or corrupt");
    }
    byte[] content = readChecked(input, position + 4, length, what);
    return Arrays.copyOf(content, length);
  }

  /**
   * Reads {@code length} bytes at {@code position} followed by their CRC32C and checks it;
   * returns an array of {@code length + 4} bytes whose first {@code length} are the content.
   */
  static byte[] readChecked(SnapshotInput input, long position, int length, String what)
      throws IOException {
    byte[] content = new byte[length + 4];
    try {
      input.readFully(position, content, 0, length + 4);
    } catch (EOFException e) {
      throw new CorruptSnapshotException(
          input.description(), "the " + what + " section is cut off: truncated", e);
    }
    int stored = getInt(content, length);
    int actual = crc32c(content, 0, length);
    if (stored != actual) {
      throw new CorruptSnapshotException(
          input.description(),
          "checksum mismatch in the " + what + " section (offset " + position + ", " + length
              + " bytes): the file is corrupt");
    }
    return content;
  }

  /** Reads a non-negative variable-length int at {@code cursor[0]}, advancing it. */
  static int readVarInt(byte[] bytes, int[] cursor, int end) {
    int value = 0;
    for (int shift = 0; shift < 32; shift += 7) {
      if (cursor[0] >= end) {
        throw new IllegalArgumentException("variable-length int runs past the end of its section");
      }
      int b = bytes[cursor[0]++];
      value |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        if (value < 0) {
          throw new IllegalArgumentException("negative variable-length int " + value);
        }
        return value;
      }
    }
    throw new IllegalArgumentException("malformed variable-length int");
  }
}
