package io.millrace.state.internal.snapshot;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes one keyed snapshot in the format of this package (see the package comment): the
 * header and metadata at construction, then one block per key group of the metadata's range in
 * ascending order — {@link #beginKeyGroup}, the entries of each state grouped by state in
 * ascending state index, {@link #endKeyGroup} — then {@link #finish()} writes the index and
 * footer.
 *
 * <p>An entry is {@code key} (the serialized {@code key | namespace}, plus the map user key for
 * map state) and {@code value} (the value in the canonical encoding of its kind). The writer
 * does not interpret either; the backends produce them (see {@link StateSerializers}).
 *
 * <p>Used by one thread at a time (the asynchronous part of a snapshot). Streams: only the
 * current block's checksum and the index (a few bytes per key group) are held in memory. Never
 * closes the stream.
 */
public final class KeyedSnapshotWriter {

  private final SnapshotOutput out;
  private final KeyedSnapshotMeta meta;
  private final long metaOffset;
  private final int metaLength;

  private final int[] blockKeyGroups;
  private final long[] blockOffsets;
  private final int[] blockLengths;
  private int blocks;

  private int currentKeyGroup = -1;
  private long blockStart;
  private int currentState = -1;
  private long entries;
  private boolean finished;

  /**
   * Starts a snapshot described by {@code meta} on {@code out}: writes the header and the
   * metadata section.
   */
  public KeyedSnapshotWriter(OutputStream out, KeyedSnapshotMeta meta) throws IOException {
    this.out = new SnapshotOutput(out);
    this.meta = meta;
    int groups = meta.keyGroupRange().size();
    this.blockKeyGroups = new int[groups];
    this.blockOffsets = new long[groups];
    this.blockLengths = new int[groups];
    this.out.writeInt(SnapshotFormat.KEYED_MAGIC);
    this.out.writeInt(SnapshotFormat.VERSION);
    byte[] metaBytes = meta.toBytes();
    this.metaOffset = this.out.position();
    this.metaLength = metaBytes.length;
    this.out.writeSection(metaBytes);
  }

  /**
   * Starts the block of {@code keyGroup}: the next key group of the metadata's range.
   *
   * @throws IllegalStateException if blocks are written out of order or the previous one is
   *     open
   */
  public void beginKeyGroup(int keyGroup) throws IOException {
    checkNotFinished();
    if (currentKeyGroup != -1) {
      throw new IllegalStateException("key group " + currentKeyGroup + " is still open");
    }
    int expected = meta.keyGroupRange().startKeyGroup() + blocks;
    if (keyGroup != expected) {
      throw new IllegalStateException(
          "key group " + keyGroup + " written out of order: expected " + expected + " in "
              + meta.keyGroupRange());
    }
    currentKeyGroup = keyGroup;
    blockStart = out.position();
    out.resetChecksum();
    out.writeInt(keyGroup);
    currentState = -1;
  }

  /**
   * Writes one entry of state {@code stateIndex}: the first {@code keyLength} bytes of
   * {@code key} and the first {@code valueLength} bytes of {@code value}. Entries of one block
   * come grouped by state, in ascending state index.
   */
  public void writeEntry(
      int stateIndex, byte[] key, int keyLength, byte[] value, int valueLength)
      throws IOException {
    writeEntry(stateIndex, key, 0, keyLength, value, 0, valueLength);
  }

  /**
   * Writes one entry of state {@code stateIndex}: {@code keyLength} bytes of {@code key} from
   * {@code keyOffset} and {@code valueLength} bytes of {@code value} from {@code valueOffset}.
   */
  public void writeEntry(
      int stateIndex, byte[] key, int keyOffset, int keyLength, byte[] value, int valueOffset,
      int valueLength) throws IOException {
    enterState(stateIndex);
    out.writeVarInt(keyLength + 1);
    out.write(key, keyOffset, keyLength);
    out.writeVarInt(valueLength);
    out.write(value, valueOffset, valueLength);
    entries++;
  }

  /**
   * Writes {@code count} entries of state {@code stateIndex} that are already in the format's
   * entry encoding (bytes read from another snapshot by {@link SnapshotEntries}).
   */
  public void writeRawEntries(int stateIndex, byte[] bytes, int offset, int length, int count)
      throws IOException {
    if (count == 0) {
      return;
    }
    enterState(stateIndex);
    out.write(bytes, offset, length);
    entries += count;
  }

  private void enterState(int stateIndex) throws IOException {
    if (currentKeyGroup == -1) {
      throw new IllegalStateException("no key group is open");
    }
    if (stateIndex == currentState) {
      return;
    }
    if (stateIndex < currentState || stateIndex >= meta.states().size()) {
      throw new IllegalStateException(
          "state index " + stateIndex + " after " + currentState + ": states must come in"
              + " ascending order, below " + meta.states().size());
    }
    if (currentState != -1) {
      out.writeVarInt(0);
    }
    out.writeVarInt(stateIndex + 1);
    currentState = stateIndex;
  }

  /** Ends the current key group's block: its end marker and checksum. */
  public void endKeyGroup() throws IOException {
    if (currentKeyGroup == -1) {
      throw new IllegalStateException("no key group is open");
    }
    if (currentState != -1) {
      out.writeVarInt(0);
    }
    out.writeVarInt(0);
    long length = out.position() - blockStart;
    if (length > Integer.MAX_VALUE - 8) {
      throw new IOException(
          "key group " + currentKeyGroup + " of " + meta.writer() + " holds " + length
              + " bytes; a key group's block is limited to 2 GiB: raise the max parallelism so"
              + " that state spreads over more key groups");
    }
    out.writeInt(out.checksum());
    blockKeyGroups[blocks] = currentKeyGroup;
    blockOffsets[blocks] = blockStart;
    blockLengths[blocks] = (int) length;
    blocks++;
    currentKeyGroup = -1;
  }

  /**
   * Writes the index and the footer and flushes the stream; returns the snapshot's size in
   * bytes.
   *
   * @throws IllegalStateException if a key group of the range was not written
   */
  public long finish() throws IOException {
    checkNotFinished();
    if (currentKeyGroup != -1 || blocks != blockKeyGroups.length) {
      throw new IllegalStateException(
          "the snapshot of " + meta.keyGroupRange() + " is incomplete: " + blocks + " of "
              + blockKeyGroups.length + " key groups written");
    }
    finished = true;
    byte[] index = new byte[8 + 4 + 4 + blocks * 16];
    putLong(index, 0, metaOffset);
    SnapshotFormat.putInt(index, 8, metaLength);
    SnapshotFormat.putInt(index, 12, blocks);
    for (int i = 0; i < blocks; i++) {
      int at = 16 + i * 16;
      SnapshotFormat.putInt(index, at, blockKeyGroups[i]);
      putLong(index, at + 4, blockOffsets[i]);
      SnapshotFormat.putInt(index, at + 12, blockLengths[i]);
    }
    long indexOffset = out.position();
    out.writeSection(index);
    out.writeLong(indexOffset);
    out.writeInt(SnapshotFormat.KEYED_FOOTER_MAGIC);
    out.flush();
    return out.position();
  }

  /** The number of entries written so far. */
  public long entriesWritten() {
    return entries;
  }

  private void checkNotFinished() {
    if (finished) {
      throw new IllegalStateException("the snapshot is finished");
    }
  }

  private static void putLong(byte[] bytes, int offset, long value) {
    SnapshotFormat.putInt(bytes, offset, (int) (value >>> 32));
    SnapshotFormat.putInt(bytes, offset + 4, (int) value);
  }

  @Override
  public String toString() {
    return "KeyedSnapshotWriter{" + meta.writer() + ", " + blocks + " of "
        + blockKeyGroups.length + " key groups written}";
  }
}
