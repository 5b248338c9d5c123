/**
 * Internal: the window operator (Flink's {@code WindowOperator} and {@code EvictingWindowOperator}
 * semantics), its merging window set for sessions, the slicing operator that gives the same
 * output for aligned event-time windows with the default trigger and an incremental function
 * while updating one slice per element, and the adapters that run the user's window functions.
 * Not public API.
 */
package io.millrace.windows.internal.operator;
