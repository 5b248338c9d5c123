/**
 * Internal: joins of two streams. Window joins and co-groups are built as in Apache Flink —
 * both inputs tagged into a {@link io.millrace.windows.internal.join.TaggedUnion}, unioned,
 * keyed and windowed by the window operator, whose window function splits each window's
 * elements by side — and interval joins run in their own keyed two-input operator,
 * {@link io.millrace.windows.internal.join.IntervalJoinOperator}. Nothing here is public API.
 */
package io.millrace.windows.internal.join;
