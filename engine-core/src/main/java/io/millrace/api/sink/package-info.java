/**
 * Sinks: {@code SinkFunction}, the writer-based {@code Sink}, the exactly-once
 * {@code TwoPhaseCommitSink} SPI and the {@code FileSink} built on it. Public API.
 */
package io.millrace.api.sink;
