package io.millrace.state.rocksdb.internal;

import java.util.Arrays;
import java.util.function.LongSupplier;
import org.rocksdb.RocksIterator;

/**
 * The RocksDB backend's incremental TTL cleanup of one state: each {@link #run()} checks the
 * next {@code cleanupSize} entries of the state's column family and removes the expired ones
 * (or rewrites a list without its expired elements), continuing where the previous run stopped.
 * Runs before every access of the state, and for every record when
 * {@code runCleanupForEveryRecord} is set — the same triggers as on the heap.
 *
 * <p><b>Why not a compaction filter.</b> Apache Flink removes expired RocksDB state in
 * compactions with a filter that calls back into Java; that needs Flink's fork of RocksDB, and
 * stock rocksdbjni has no such hook. This sweep is the substitute: it costs a few iterator steps
 * per access, and expired entries of a state that is not accessed stay on disk until it is (or
 * until they are read).
 *
 * <p><b>The cursor.</b> A RocksDB iterator kept open between runs: one pass walks the column
 * family from its first key to its end, then the iterator is closed and the next run starts a
 * new pass (so a run checks at most the rest of the current pass). An iterator sees the state
 * as of its creation, so after {@value #REFRESH_INTERVAL} entries the cursor is refreshed and
 * re-positioned after the last key it checked, which also bounds how long it pins old
 * memtables and files. An entry the cursor sees as expired is read again before it is
 * deleted, so a write since the cursor's view is never lost; an entry it sees as live is live
 * (writes only make timestamps newer). Closed with the backend.
 */
final class RocksDBTtlIncrementalCleanup implements Runnable {

  /** The number of entries after which the cursor is renewed to the latest state. */
  static final int REFRESH_INTERVAL = 1024;

  /** Removes the expired parts of one serialized stored value. */
  @FunctionalInterface
  interface ExpiredFilter {
    /**
     * Returns {@code value} itself if nothing in it has expired at {@code now}, {@code null} if
     * everything has, else the bytes of what remains.
     */
    byte[] removeExpired(byte[] value, long now);
  }

  private final AbstractRocksDBState<?> state;
  private final ExpiredFilter filter;
  private final LongSupplier clock;
  private final int cleanupSize;

  private RocksIterator cursor;
  private byte[] lastCheckedKey;
  private int checkedSinceRefresh;

  RocksDBTtlIncrementalCleanup(
      AbstractRocksDBState<?> state, ExpiredFilter filter, LongSupplier clock, int cleanupSize) {
    this.state = state;
    this.filter = filter;
    this.clock = clock;
    this.cleanupSize = cleanupSize;
  }

  @Override
  public void run() {
    if (state.db.isClosed()) {
      return; // the access that triggered this run fails with the backend's message
    }
    long now = clock.getAsLong();
    for (int checked = 0; checked < cleanupSize; checked++) {
      if (cursor == null) {
        cursor = state.db.newIterator(state.columnFamily, state.name);
        cursor.seekToFirst();
        checkedSinceRefresh = 0;
      } else if (checkedSinceRefresh == REFRESH_INTERVAL) {
        renewCursor();
      }
      if (!cursor.isValid()) {
        state.db.checkStatus(cursor, state.name);
        close(); // end of the pass; the next run starts the next one
        return;
      }
      byte[] key = cursor.key();
      check(key, cursor.value(), now);
      lastCheckedKey = key;
      checkedSinceRefresh++;
      cursor.next();
    }
  }

  private void renewCursor() {
    state.db.refresh(cursor, state.name);
    cursor.seek(lastCheckedKey);
    if (cursor.isValid() && Arrays.equals(cursor.key(), lastCheckedKey)) {
      cursor.next();
    }
    checkedSinceRefresh = 0;
  }

  /** Cleans one entry; {@code seen} is its value as the cursor sees it. */
  private void check(byte[] key, byte[] seen, long now) {
    if (filter.removeExpired(seen, now) == seen) {
      return;
    }
    RocksDBInstance db = state.db;
    byte[] value = db.get(state.columnFamily, key, key.length, state.name);
    if (value == null) {
      return;
    }
    byte[] remaining = filter.removeExpired(value, now);
    if (remaining == null) {
      db.delete(state.columnFamily, key, key.length, state.name);
    } else if (remaining != value) {
      db.put(state.columnFamily, key, key.length, remaining, remaining.length, state.name);
    }
  }

  /** Closes the cursor; a later run opens a new one at the start. */
  void close() {
    if (cursor != null) {
      cursor.close();
      cursor = null;
      lastCheckedKey = null;
    }
  }
}
