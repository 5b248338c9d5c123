/**
 * Internal: snapshots of state for checkpoints and savepoints — the backend-independent file
 * formats, their writers and readers, and what a restore checks. The runtime (barriers, the
 * checkpoint coordinator, files per checkpoint, recovery) builds on this; the backends
 * implement the two halves ({@link io.millrace.state.internal.KeyedStateBackend#snapshot()} and
 * {@link io.millrace.state.internal.KeyedStateBackend#restore}). Not public API; may change.
 *
 * <h2>Using it from a runtime</h2>
 *
 * <pre>{@code
 * // subtask thread, between two records (aligned barrier n):
 * KeyedStateSnapshot keyed = keyedBackend.snapshot();      // short: see the backends for costs
 * StateSnapshot operator = operatorBackend.snapshot();
 * // any thread, while the subtask goes on:
 * try (keyed; OutputStream out = Files.newOutputStream(tmp)) { keyed.writeTo(out); }
 * // restore (new subtask i of p, any backend kind, any p, same max parallelism):
 * keyedBackend.restore(List.of(SnapshotInput.ofFile(f0), SnapshotInput.ofFile(f1), ...));
 * operatorBackend.restore(filesOfOldSubtasksInSubtaskOrder);
 * }</pre>
 *
 * Writers never close the stream; durability (fsync, rename, deleting what is not referenced)
 * is the runtime's. Incremental RocksDB checkpoints are a separate primitive:
 * {@link io.millrace.state.rocksdb.internal.RocksDBKeyedStateBackend#createNativeCheckpoint}.
 *
 * <h2>Keyed snapshot format, version 1</h2>
 *
 * All integers are big-endian; {@code varint} is an unsigned LEB128 int (7 bits per byte, low
 * bits first); a <em>checksummed block</em> is its bytes followed by their CRC32C (4 bytes).
 *
 * <pre>
 * snapshot  := header metadata block* index footer
 * header    := "MRKS" (0x4D524B53)  int version (1)
 * metadata  := int length  content[length]  int crc32c(content)
 *   content := utf writer  int numberOfKeyGroups  int firstKeyGroup  int lastKeyGroup
 *              bool hasKeySerializer  [versioned serializer snapshot of the keys]
 *              int stateCount  stateMeta*
 *   stateMeta := utf name  byte kind (VALUE, LIST, MAP, REDUCING, AGGREGATING)  bool ttl
 *              namespace serializer snapshot  value serializer snapshot
 *              bool isMap  [user key serializer snapshot]
 * block     := content  int crc32c(content)         one per key group of the range, ascending
 *   content := int keyGroup  section*  varint 0
 *   section := varint (stateIndex + 1)  entry*  varint 0     states ascending, none empty
 *   entry   := varint (keyLength + 1)  key[keyLength]  varint valueLength  value[valueLength]
 * index     := int length  content[length]  int crc32c(content)
 *   content := long metadataOffset  int metadataLength  int blockCount
 *              (int keyGroup  long offset  int length)*  per block: its content's offset/length
 * footer    := long indexOffset  "MRKE" (0x4D524B45)
 * </pre>
 *
 * Serializer snapshots are written with
 * {@link io.millrace.state.serialization.TypeSerializerSnapshot#writeVersionedSnapshot}; they
 * are the user's serializers (see {@link io.millrace.state.internal.snapshot.KeyedStateMetaInfo}).
 *
 * <p><b>Entries: the canonical encoding.</b> Both backends write and read exactly this, which is
 * the RocksDB backend's storage layout minus the key-group prefix, so RocksDB copies entries in
 * both directions without deserializing, and the heap serializes its objects into it:
 *
 * <ul>
 *   <li>key: the key (key serializer), then the namespace (namespace serializer; nothing for
 *       the void namespace), then for map state the user key (user key serializer, with a
 *       {@code null} marker byte);
 *   <li>value of value, reducing and aggregating state: the value or accumulator;
 *   <li>value of list state: the elements, separated by one byte {@code ','} (elements are
 *       self-delimiting; the delimiter is the RocksDB merge operator's);
 *   <li>map state: one entry per mapping; value: the user value with a {@code null} marker.
 * </ul>
 *
 * With TTL, each value, list element and map value is preceded by its last-access timestamp
 * (8 bytes, {@link io.millrace.state.internal.ttl.TtlValueSerializer}); with
 * {@code cleanupFullSnapshot()} expired ones are left out.
 *
 * <p><b>Reading.</b> A reader checks, in this order, size, header magic and version, footer
 * magic (a missing one means truncated), the index (its checksum, and that it ends at the
 * footer), the metadata (checksum), and then, only for the key groups it restores, each
 * block's checksum and entry structure before any entry is used: corrupt or truncated input is
 * a {@link io.millrace.state.internal.snapshot.CorruptSnapshotException} naming the input and
 * the part, never garbage. Offsets are relative to the snapshot's start, so a snapshot may sit
 * inside a larger file ({@link io.millrace.state.internal.snapshot.SnapshotInput#ofFileRegion}).
 *
 * <h2>Operator snapshot format, version 1</h2>
 *
 * <pre>
 * snapshot := "MROS" (0x4D524F53)  int version  int length  content[length]  int crc32c  "MROE"
 *   content := utf writer  int subtaskIndex  int parallelism  int stateCount
 *              (stateMeta  int entryCount  entry*)*
 *   stateMeta := utf name  byte distribution (SPLIT_DISTRIBUTE, UNION, BROADCAST)
 *              element (or broadcast key) serializer snapshot  [broadcast value serializer snapshot]
 *   entry   := varint length  element[length]                    list and union list state
 *            | varint length  key[length]  varint length  value[length]      broadcast state
 * </pre>
 *
 * Broadcast keys and values carry a {@code null} marker byte. Redistribution on restore:
 * {@link io.millrace.state.internal.snapshot.OperatorStateRedistribution}.
 *
 * <h2>Native RocksDB checkpoints</h2>
 *
 * A directory of RocksDB's files (hard-linked SST files, MANIFEST, CURRENT, OPTIONS) plus
 * {@link io.millrace.state.internal.snapshot.MetaFile#NAME}: "MRKM", version, and the keyed
 * metadata above as one checksummed block.
 */
package io.millrace.state.internal.snapshot;
