/** Sinks: {@code SinkFunction} and the writer-based {@code Sink}. Public API. */
package io.millrace.api.sink;
