package io.millrace.runtime.operators;

import io.millrace.state.serialization.DataInputView;
import io.millrace.state.serialization.DataOutputView;
import io.millrace.state.serialization.SchemaCompatibility;
import io.millrace.state.serialization.TypeSerializer;
import io.millrace.state.serialization.TypeSerializerSnapshot;
import java.io.IOException;
import java.util.Objects;

/**
 * One transaction of a {@link TwoPhaseCommitSinkOperator} as stored in its operator list state.
 * Each entry is self-contained, because a restore with another parallelism deals the entries of
 * all old subtasks round-robin over the new ones: a new subtask commits or aborts whatever it
 * gets, knowing nothing of the subtask that wrote it.
 *
 * @param checkpointId for {@link Kind#PENDING}, the checkpoint whose completion commits it
 *     ({@link Long#MAX_VALUE} for the last transaction, committed when the job finished); for
 *     {@link Kind#OPEN}, the checkpoint at whose barrier it was begun
 * @param kind pre-committed or still open
 * @param transaction the sink's transaction handle
 * @param <TXN> the transaction handle type
 */
record TransactionEntry<TXN>(long checkpointId, Kind kind, TXN transaction) {

  /** What a restore does with the transaction. */
  enum Kind {
    /** Pre-committed: a restore commits it (its checkpoint is complete, so its data counts). */
    PENDING,
    /** Open at the checkpoint: a restore aborts it (its data is replayed from the sources). */
    OPEN
  }

  TransactionEntry {
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(transaction, "transaction must not be null");
  }

  /**
   * Writes entries as checkpoint id, kind and the transaction in the sink's own serializer,
   * whose snapshot it nests, so that a restore checks the sink's transaction schema.
   */
  static final class Serializer<TXN> extends TypeSerializer<TransactionEntry<TXN>> {
    private static final long serialVersionUID = 1L;
    private static final Kind[] KINDS = Kind.values();

    private final TypeSerializer<TXN> transactionSerializer;

    Serializer(TypeSerializer<TXN> transactionSerializer) {
      this.transactionSerializer = transactionSerializer;
    }

    @Override
    public void serialize(TransactionEntry<TXN> entry, DataOutputView out) throws IOException {
      out.writeLong(entry.checkpointId());
      out.writeByte(entry.kind().ordinal());
      transactionSerializer.serialize(entry.transaction(), out);
    }

    @Override
    public TransactionEntry<TXN> deserialize(DataInputView in) throws IOException {
      long checkpointId = in.readLong();
      int kind = in.readUnsignedByte();
      if (kind >= KINDS.length) {
        throw new IOException("unknown transaction kind " + kind + " in a two-phase commit sink's state");
      }
      return new TransactionEntry<>(checkpointId, KINDS[kind], transactionSerializer.deserialize(in));
    }

    @Override
    public TransactionEntry<TXN> copy(TransactionEntry<TXN> entry) {
      return transactionSerializer.isImmutableType()
          ? entry
          : new TransactionEntry<>(entry.checkpointId(), entry.kind(), transactionSerializer.copy(entry.transaction()));
    }

    @Override
    public boolean isImmutableType() {
      return transactionSerializer.isImmutableType();
    }

    @Override
    public TypeSerializerSnapshot<TransactionEntry<TXN>> snapshotConfiguration() {
      return new SerializerSnapshot<>(transactionSerializer.snapshotConfiguration());
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Serializer<?> that && transactionSerializer.equals(that.transactionSerializer);
    }

    @Override
    public int hashCode() {
      return transactionSerializer.hashCode();
    }

    @Override
    public String toString() {
      return "TransactionEntry.Serializer[" + transactionSerializer + "]";
    }
  }

  /** The schema of a {@link Serializer}: the nested snapshot of the transaction serializer. */
  static final class SerializerSnapshot<TXN> implements TypeSerializerSnapshot<TransactionEntry<TXN>> {
    private TypeSerializerSnapshot<TXN> transaction;

    @SuppressWarnings("unused") // instantiated by TypeSerializerSnapshot.readVersionedSnapshot
    private SerializerSnapshot() {}

    SerializerSnapshot(TypeSerializerSnapshot<TXN> transaction) {
      this.transaction = transaction;
    }

    @Override
    public int getCurrentVersion() {
      return 1;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
      TypeSerializerSnapshot.writeVersionedSnapshot(out, transaction);
    }

    @Override
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader) throws IOException {
      if (readVersion != 1) {
        throw new IOException("unknown version " + readVersion + " of a two-phase commit sink's state schema");
      }
      transaction = TypeSerializerSnapshot.readVersionedSnapshot(in, classLoader);
    }

    @Override
    public TypeSerializer<TransactionEntry<TXN>> restoreSerializer() {
      return new Serializer<>(transaction.restoreSerializer());
    }

    @Override
    public SchemaCompatibility resolveSchemaCompatibility(TypeSerializer<TransactionEntry<TXN>> newSerializer) {
      if (!(newSerializer instanceof Serializer<TXN> entries)) {
        return SchemaCompatibility.incompatible(
            "the state holds two-phase commit transactions but the new serializer is " + newSerializer);
      }
      SchemaCompatibility nested = transaction.resolveSchemaCompatibility(entries.transactionSerializer);
      return nested.isCompatibleAsIs()
          ? nested
          : new SchemaCompatibility(nested.outcome(), "the sink's transaction serializer: " + nested.reason());
    }
  }
}
