package io.millrace.state.internal.snapshot;

/**
 * A cursor over the entries of one state's section of a key-group block (bytes a
 * {@link KeyedSnapshotReader} has checked): {@link #next()} moves to the next entry, whose key
 * and value are then the byte ranges given by the accessors. Allocates nothing per entry.
 *
 * <pre>{@code
 * SnapshotEntries entries = new SnapshotEntries(block.bytes(), section.from(), section.to());
 * while (entries.next()) {
 *   put(entries.bytes(), entries.keyOffset(), entries.keyLength(), entries.valueOffset(), entries.valueLength());
 * }
 * }</pre>
 */
public final class SnapshotEntries {
  private final byte[] bytes;
  private final int end;
  private final int[] cursor;
  private int keyOffset;
  private int keyLength;
  private int valueOffset;
  private int valueLength;

  /** The entries in bytes {@code [from, to)} of {@code bytes}. */
  public SnapshotEntries(byte[] bytes, int from, int to) {
    this.bytes = bytes;
    this.end = to;
    this.cursor = new int[] {from};
  }

  /** Moves to the next entry; {@code false} at the end. */
  public boolean next() {
    if (cursor[0] >= end) {
      return false;
    }
    keyLength = SnapshotFormat.readVarInt(bytes, cursor, end) - 1;
    keyOffset = cursor[0];
    cursor[0] += keyLength;
    valueLength = SnapshotFormat.readVarInt(bytes, cursor, end);
    valueOffset = cursor[0];
    cursor[0] += valueLength;
    return true;
  }

  /** The array holding the entries. */
  public byte[] bytes() {
    return bytes;
  }

  /** Where the current entry's key ({@code key | namespace [| user key]}) starts. */
  public int keyOffset() {
    return keyOffset;
  }

  /** The length of the current entry's key. */
  public int keyLength() {
    return keyLength;
  }

  /** Where the current entry's value starts. */
  public int valueOffset() {
    return valueOffset;
  }

  /** The length of the current entry's value. */
  public int valueLength() {
    return valueLength;
  }
}
