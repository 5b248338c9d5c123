/**
 * Internal: the heap keyed state backend ({@link io.millrace.state.internal.heap.HeapKeyedStateBackend}),
 * its state tables and handles, and the heap operator state backend. Not public API; may change.
 * Users choose this backend through {@link io.millrace.state.heap.HashMapStateBackend}.
 */
package io.millrace.state.internal.heap;
