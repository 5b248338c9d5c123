/**
 * The RocksDB state backend: keyed state on local disk, larger than the heap. The only package
 * (with its {@code internal} subpackage) that uses RocksDB's classes.
 */
package io.millrace.state.rocksdb;
