/**
 * Internal: the RocksDB keyed state backend
 * ({@link io.millrace.state.rocksdb.internal.RocksDBKeyedStateBackend}), its database
 * ({@code RocksDBInstance}), state handles and TTL cleanup. Not public API; may change. Users
 * choose this backend through {@link io.millrace.state.rocksdb.EmbeddedRocksDBStateBackend}.
 * With {@code io.millrace.state.rocksdb}, the only package that uses RocksDB's classes.
 */
package io.millrace.state.rocksdb.internal;
