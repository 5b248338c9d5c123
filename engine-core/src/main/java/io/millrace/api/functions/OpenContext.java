package io.millrace.api.functions;

/**
 * Passed to {@link RichFunction#open(OpenContext)}; reserved for information about the opening
 * (as in Flink 2.x). Use {@link RichFunction#getRuntimeContext()} for state and subtask info.
 */
public interface OpenContext {}
