package io.millrace.state.rocksdb.internal;

import io.millrace.state.StateDescriptor;
import io.millrace.state.internal.snapshot.AbstractKeyedStateSnapshot;
import io.millrace.state.internal.snapshot.KeyedSnapshotMeta;
import io.millrace.state.internal.snapshot.KeyedSnapshotWriter;
import io.millrace.state.internal.snapshot.SnapshotFormat;
import io.millrace.state.internal.ttl.TtlPolicy;
import io.millrace.state.internal.ttl.TtlValue;
import io.millrace.state.internal.ttl.TtlValueSerializer;
import io.millrace.state.serialization.DataInputDeserializer;
import io.millrace.state.serialization.DataOutputSerializer;
import io.millrace.state.serialization.TypeSerializer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;

/**
 * A full snapshot of a {@link RocksDBKeyedStateBackend}: a RocksDB {@link Snapshot} taken in
 * the synchronous part (O(1): RocksDB only pins the current sequence number), read in the
 * asynchronous part with one iterator per state (column family), sought to each key group's
 * prefix in turn. Entries are copied as they are stored — the backend's layout is the
 * snapshot format's minus the key-group prefix — except that states with TTL and
 * {@code cleanupFullSnapshot()} leave out values (list elements, map entries) expired at the
 * time of the synchronous part. Releasing it releases the native snapshot.
 *
 * <p>The reader enters the database's snapshot-reader guard for the whole write and checks
 * {@link RocksDBInstance#isClosing()} between entries, so a backend closed meanwhile makes the
 * write fail promptly with an {@link IOException} instead of reading freed memory.
 */
final class RocksDBFullSnapshot extends AbstractKeyedStateSnapshot {

  /**
   * How to read one state: its column family; for TTL cleanup, the policy and (lists) the
   * serializer of one stamped element.
   */
  record StateScan(
      String name,
      ColumnFamilyHandle columnFamily,
      StateDescriptor.Kind kind,
      TtlPolicy cleanup,
      TypeSerializer<Object> stampedElements) {}

  private final RocksDBInstance db;
  private final Snapshot snapshot;
  private final List<StateScan> states;
  private final int keyGroupPrefixBytes;
  private final long now;
  private final String operatorDescription;

  RocksDBFullSnapshot(
      KeyedSnapshotMeta meta, RocksDBInstance db, Snapshot snapshot, List<StateScan> states,
      int keyGroupPrefixBytes, long now, String operatorDescription) {
    super(meta);
    this.db = db;
    this.snapshot = snapshot;
    this.states = List.copyOf(states);
    this.keyGroupPrefixBytes = keyGroupPrefixBytes;
    this.now = now;
    this.operatorDescription = operatorDescription;
  }

  @Override
  protected long write(OutputStream out) throws IOException {
    if (!db.enterSnapshotReader()) {
      throw closedWhileWriting();
    }
    try (ReadOptions options = new ReadOptions().setSnapshot(snapshot).setFillCache(false)) {
      RocksIterator[] iterators = new RocksIterator[states.size()];
      try {
        for (int i = 0; i < iterators.length; i++) {
          iterators[i] = db.newIterator(states.get(i).columnFamily(), options);
        }
        return write(out, iterators);
      } finally {
        for (RocksIterator iterator : iterators) {
          if (iterator != null) {
            iterator.close();
          }
        }
      }
    } finally {
      db.exitSnapshotReader();
    }
  }

  private long write(OutputStream out, RocksIterator[] iterators) throws IOException {
    KeyedSnapshotWriter writer = new KeyedSnapshotWriter(out, meta());
    byte[] prefix = new byte[keyGroupPrefixBytes];
    ListFilter listFilter = new ListFilter();
    for (int keyGroup = meta().keyGroupRange().startKeyGroup();
        keyGroup <= meta().keyGroupRange().endKeyGroup(); keyGroup++) {
      if (keyGroupPrefixBytes == 1) {
        prefix[0] = (byte) keyGroup;
      } else {
        prefix[0] = (byte) (keyGroup >>> 8);
        prefix[1] = (byte) keyGroup;
      }
      writer.beginKeyGroup(keyGroup);
      for (int state = 0; state < iterators.length; state++) {
        RocksIterator iterator = iterators[state];
        StateScan scan = states.get(state);
        for (iterator.seek(prefix); iterator.isValid(); iterator.next()) {
          byte[] key = iterator.key();
          if (!RocksDBInstance.startsWith(key, prefix)) {
            break;
          }
          if (db.isClosing()) {
            throw closedWhileWriting();
          }
          byte[] value = iterator.value();
          if (scan.cleanup() != null) {
            value = scan.kind() == StateDescriptor.Kind.LIST
                ? listFilter.unexpired(value, scan)
                : unexpired(value, scan.cleanup());
            if (value == null) {
              continue;
            }
          }
          writer.writeEntry(
              state, key, keyGroupPrefixBytes, key.length - keyGroupPrefixBytes, value, 0,
              value.length);
        }
        db.checkStatus(iterator, scan.name());
      }
      writer.endKeyGroup();
    }
    return writer.finish();
  }

  /** {@code value} if its timestamp (the first 8 bytes) has not expired, else {@code null}. */
  private byte[] unexpired(byte[] value, TtlPolicy policy) {
    long timestamp = TtlValueSerializer.readTimestamp(value, 0);
    return policy.expirationTime(timestamp) <= now ? null : value;
  }

  /** Keeps the unexpired elements of a serialized list, as bytes. */
  private final class ListFilter {
    private final DataInputDeserializer in = new DataInputDeserializer();
    private final DataOutputSerializer kept = new DataOutputSerializer(256);

    byte[] unexpired(byte[] list, StateScan scan) throws IOException {
      in.setBuffer(list, 0, list.length);
      kept.clear();
      boolean removed = false;
      boolean any = false;
      while (true) {
        int start = list.length - in.available();
        TtlValue<?> element = (TtlValue<?>) scan.stampedElements().deserialize(in);
        int end = list.length - in.available();
        if (scan.cleanup().isExpired(element, now)) {
          removed = true;
        } else {
          if (any) {
            kept.write(SnapshotFormat.LIST_DELIMITER);
          }
          kept.write(list, start, end - start);
          any = true;
        }
        if (in.available() == 0) {
          break;
        }
        if (in.readByte() != SnapshotFormat.LIST_DELIMITER) {
          throw new IOException(
              "a list of state '" + scan.name() + "' of " + operatorDescription
                  + " lacks a delimiter: its element serializer does not read what it wrote");
        }
      }
      if (!removed) {
        return list;
      }
      return any ? kept.getCopyOfBuffer() : null;
    }
  }

  private IOException closedWhileWriting() {
    return new IOException(
        "the snapshot of " + operatorDescription + " was not written: the RocksDB state backend"
            + " was closed meanwhile (the subtask ended or failed)");
  }

  @Override
  protected void release() {
    db.releaseSnapshot(snapshot);
  }
}
