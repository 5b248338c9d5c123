/**
 * Internal: the window operator (Flink's {@code WindowOperator} and {@code EvictingWindowOperator}
 * semantics), its merging window set for sessions, and the adapters that run the user's window
 * functions. Not public API.
 */
package io.millrace.windows.internal.operator;
