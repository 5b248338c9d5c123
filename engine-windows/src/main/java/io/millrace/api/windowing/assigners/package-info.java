/**
 * The built-in window assigners: tumbling, sliding and session windows in event time and
 * processing time, and the global window. They behave exactly as Apache Flink's assigners of
 * the same names. Public API.
 */
package io.millrace.api.windowing.assigners;
