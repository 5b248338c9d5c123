package io.millrace.state.rocksdb.internal;

import io.millrace.state.StateDescriptor;
import io.millrace.state.internal.snapshot.SnapshotFormat;
import io.millrace.state.internal.snapshot.StateSerializers;
import io.millrace.state.serialization.DataInputDeserializer;
import io.millrace.state.serialization.DataOutputSerializer;
import io.millrace.state.serialization.TypeSerializer;
import java.io.IOException;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * Rewrites the values of a restored state whose value serializer changed compatibly (a record
 * that gained a field, an enum that gained a constant): every value — or every element of a
 * list, every map value — is read with the serializer restored from the snapshot and written
 * with the new one, under the same key (keys and namespaces are never migrated). Runs once,
 * when the operator registers the state, on the subtask's thread; writes go out in batches of
 * a few MiB. The iterator reads the column family as of its creation, so rewritten entries are
 * not seen again.
 */
final class RocksDBStateMigration {
  private static final int FLUSH_BYTES = 4 << 20;

  private final RocksDBInstance db;
  private final ColumnFamilyHandle columnFamily;
  private final String stateName;
  private final StateDescriptor.Kind kind;
  private final String operatorDescription;

  RocksDBStateMigration(
      RocksDBInstance db, ColumnFamilyHandle columnFamily, String stateName,
      StateDescriptor.Kind kind, String operatorDescription) {
    this.db = db;
    this.columnFamily = columnFamily;
    this.stateName = stateName;
    this.kind = kind;
    this.operatorDescription = operatorDescription;
  }

  /**
   * Reads every value with {@code read.value()} and writes it back with {@code write.value()}.
   *
   * @throws IllegalStateException if a value cannot be read or RocksDB fails; the message names
   *     the state and the operator
   */
  void migrate(StateSerializers read, StateSerializers write) {
    DataInputDeserializer in = new DataInputDeserializer();
    DataOutputSerializer out = new DataOutputSerializer(256);
    long migrated = 0;
    try (RocksIterator iterator = db.newIterator(columnFamily, stateName);
        WriteBatch batch = new WriteBatch()) {
      for (iterator.seekToFirst(); iterator.isValid(); iterator.next()) {
        byte[] value = iterator.value();
        in.setBuffer(value, 0, value.length);
        out.clear();
        if (kind == StateDescriptor.Kind.LIST) {
          migrateList(in, out, read.value(), write.value());
        } else {
          write.value().serialize(read.value().deserialize(in), out);
        }
        if (in.available() != 0) {
          throw new IOException(in.available() + " bytes left after reading a value");
        }
        batch.put(columnFamily, iterator.key(), out.getCopyOfBuffer());
        migrated++;
        if (batch.getDataSize() >= FLUSH_BYTES) {
          db.write(batch, stateName);
          batch.clear();
        }
      }
      db.checkStatus(iterator, stateName);
      if (batch.count() > 0) {
        db.write(batch, stateName);
      }
    } catch (IOException | RocksDBException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot migrate restored state '" + stateName + "' of " + operatorDescription
              + " to its new value serializer (after " + migrated + " entries): " + e.getMessage(), e);
    }
  }

  private static void migrateList(
      DataInputDeserializer in, DataOutputSerializer out, TypeSerializer<Object> read,
      TypeSerializer<Object> write) throws IOException {
    while (true) {
      write.serialize(read.deserialize(in), out);
      if (in.available() == 0) {
        return;
      }
      byte delimiter = in.readByte();
      if (delimiter != SnapshotFormat.LIST_DELIMITER) {
        throw new IOException("expected the list delimiter, found byte " + delimiter);
      }
      out.write(SnapshotFormat.LIST_DELIMITER);
    }
  }
}
