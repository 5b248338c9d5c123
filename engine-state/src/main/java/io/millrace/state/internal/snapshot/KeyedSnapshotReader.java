package io.millrace.state.internal.snapshot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one keyed snapshot (see the package comment for the format): {@link #open} reads and
 * checks the header, footer, index and metadata; {@link #readKeyGroup} then reads one key
 * group's block, checks its checksum and the structure of every entry before anything is
 * handed out. Whatever is wrong is reported as a {@link CorruptSnapshotException} naming the
 * input, the part and the offset.
 */
public final class KeyedSnapshotReader {

  private static final int FOOTER_BYTES = 12;

  private final SnapshotInput input;
  private final KeyedSnapshotMeta meta;
  /** Key group → {offset, length} of its block. */
  private final Map<Integer, long[]> blocks;

  private KeyedSnapshotReader(SnapshotInput input, KeyedSnapshotMeta meta, Map<Integer, long[]> blocks) {
    this.input = input;
    this.meta = meta;
    this.blocks = blocks;
  }

  /** One checked block: its bytes and the state sections in it. */
  public record KeyGroupBlock(int keyGroup, byte[] bytes, List<Section> sections) {}

  /**
   * The entries of one state in a block: bytes {@code [from, to)} of the block, in the
   * format's entry encoding, to be read with {@link SnapshotEntries}.
   *
   * @param stateIndex the state's index in the snapshot's metadata
   * @param from the first byte of the first entry
   * @param to the end of the last entry
   * @param entries the number of entries
   */
  public record Section(int stateIndex, int from, int to, int entries) {}

  /**
   * Opens {@code input}: checks that it is a keyed snapshot of a known version, not truncated,
   * with a valid index and metadata; serializer snapshot classes load from {@code classLoader}.
   */
  public static KeyedSnapshotReader open(SnapshotInput input, ClassLoader classLoader)
      throws IOException {
    String name = input.description();
    long size = input.size();
    if (size < SnapshotFormat.HEADER_BYTES + FOOTER_BYTES) {
      throw new CorruptSnapshotException(
          name, "it has " + size + " bytes, too few for a keyed state snapshot: truncated or empty");
    }
    byte[] header = new byte[SnapshotFormat.HEADER_BYTES];
    input.readFully(0, header, 0, header.length);
    int magic = SnapshotFormat.getInt(header, 0);
    if (magic != SnapshotFormat.KEYED_MAGIC) {
      throw new CorruptSnapshotException(
          name, "it is not a keyed state snapshot (it starts with 0x" + Integer.toHexString(magic)
              + ", not 0x" + Integer.toHexString(SnapshotFormat.KEYED_MAGIC) + ")");
    }
    int version = SnapshotFormat.getInt(header, 4);
    if (version != SnapshotFormat.VERSION) {
      throw new CorruptSnapshotException(
          name, "it is in keyed snapshot format version " + version + "; this version of"
              + " Millrace reads version " + SnapshotFormat.VERSION);
    }
    byte[] footer = new byte[FOOTER_BYTES];
    input.readFully(size - FOOTER_BYTES, footer, 0, FOOTER_BYTES);
    if (SnapshotFormat.getInt(footer, 8) != SnapshotFormat.KEYED_FOOTER_MAGIC) {
      throw new CorruptSnapshotException(
          name, "it does not end with the keyed snapshot footer: it is truncated (" + size
              + " bytes) or was not completely written");
    }
    long indexOffset = SnapshotFormat.getLong(footer, 0);
    byte[] index = SnapshotFormat.readSection(input, indexOffset, "index");
    if (indexOffset + SnapshotFormat.SECTION_OVERHEAD + index.length != size - FOOTER_BYTES) {
      throw new CorruptSnapshotException(
          name, "its index (offset " + indexOffset + ") does not end at the footer");
    }
    if (index.length < 16) {
      throw new CorruptSnapshotException(name, "its index is too short");
    }
    long metaOffset = SnapshotFormat.getLong(index, 0);
    int metaLength = SnapshotFormat.getInt(index, 8);
    int count = SnapshotFormat.getInt(index, 12);
    if (count < 0 || index.length != 16 + (long) count * 16) {
      throw new CorruptSnapshotException(name, "its index lists " + count + " key groups in "
          + index.length + " bytes");
    }
    byte[] metaBytes = SnapshotFormat.readSection(input, metaOffset, "metadata");
    if (metaBytes.length != metaLength) {
      throw new CorruptSnapshotException(name, "its metadata section has " + metaBytes.length
          + " bytes, the index says " + metaLength);
    }
    KeyedSnapshotMeta meta = KeyedSnapshotMeta.fromBytes(metaBytes, name, classLoader);
    Map<Integer, long[]> blocks = new HashMap<>();
    for (int i = 0; i < count; i++) {
      int at = 16 + i * 16;
      int keyGroup = SnapshotFormat.getInt(index, at);
      long offset = SnapshotFormat.getLong(index, at + 4);
      int length = SnapshotFormat.getInt(index, at + 12);
      if (!meta.keyGroupRange().contains(keyGroup) || offset < SnapshotFormat.HEADER_BYTES
          || length < 0 || offset + length + 4 > indexOffset
          || blocks.put(keyGroup, new long[] {offset, length}) != null) {
        throw new CorruptSnapshotException(
            name, "its index entry for key group " + keyGroup + " (offset " + offset + ", "
                + length + " bytes) is invalid for " + meta.keyGroupRange());
      }
    }
    if (blocks.size() != meta.keyGroupRange().size()) {
      throw new CorruptSnapshotException(
          name, "its index lists " + blocks.size() + " key groups, its range "
              + meta.keyGroupRange() + " has " + meta.keyGroupRange().size());
    }
    return new KeyedSnapshotReader(input, meta, blocks);
  }

  /** The snapshot's metadata. */
  public KeyedSnapshotMeta meta() {
    return meta;
  }

  /** The input's description. */
  public String description() {
    return input.description();
  }

  /** Whether the snapshot has a block for {@code keyGroup}. */
  public boolean hasKeyGroup(int keyGroup) {
    return blocks.containsKey(keyGroup);
  }

  /**
   * Reads and checks the block of {@code keyGroup}.
   *
   * @throws IllegalArgumentException if the snapshot has no such block
   * @throws CorruptSnapshotException if its checksum or structure is wrong
   */
  public KeyGroupBlock readKeyGroup(int keyGroup) throws IOException {
    long[] location = blocks.get(keyGroup);
    if (location == null) {
      throw new IllegalArgumentException(
          input.description() + " has no key group " + keyGroup + " (it has " + meta.keyGroupRange() + ")");
    }
    int length = (int) location[1];
    String what = "key group " + keyGroup;
    byte[] bytes = SnapshotFormat.readChecked(input, location[0], length, what);
    try {
      return parse(keyGroup, bytes, length);
    } catch (IllegalArgumentException e) {
      throw new CorruptSnapshotException(
          input.description(), "the " + what + " section is malformed: " + e.getMessage(), e);
    }
  }

  private KeyGroupBlock parse(int keyGroup, byte[] bytes, int length) {
    if (length < 5 || SnapshotFormat.getInt(bytes, 0) != keyGroup) {
      throw new IllegalArgumentException("it does not start with its key group number");
    }
    int[] cursor = {4};
    List<Section> sections = new ArrayList<>();
    int previousState = -1;
    while (true) {
      int state = SnapshotFormat.readVarInt(bytes, cursor, length) - 1;
      if (state < 0) {
        break;
      }
      if (state <= previousState || state >= meta.states().size()) {
        throw new IllegalArgumentException(
            "state index " + state + " after " + previousState + " (the snapshot has "
                + meta.states().size() + " states)");
      }
      previousState = state;
      int from = cursor[0];
      int entries = 0;
      while (true) {
        int key = SnapshotFormat.readVarInt(bytes, cursor, length);
        if (key == 0) {
          break;
        }
        skip(cursor, key - 1, length);
        skip(cursor, SnapshotFormat.readVarInt(bytes, cursor, length), length);
        entries++;
      }
      sections.add(new Section(state, from, cursor[0] - 1, entries));
    }
    if (cursor[0] != length) {
      throw new IllegalArgumentException((length - cursor[0]) + " bytes after the end marker");
    }
    return new KeyGroupBlock(keyGroup, bytes, sections);
  }

  private static void skip(int[] cursor, int bytes, int end) {
    if (bytes > end - cursor[0]) {
      throw new IllegalArgumentException(
          "an entry of " + bytes + " bytes at offset " + cursor[0] + " runs past the block's end");
    }
    cursor[0] += bytes;
  }

  @Override
  public String toString() {
    return "KeyedSnapshotReader{" + input.description() + ", " + meta.keyGroupRange() + "}";
  }
}
