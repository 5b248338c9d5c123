package io.millrace.api;

/**
 * The stream produced by a source.
 *
 * @param <T> element type
 */
public interface DataStreamSource<T> extends SingleOutputStreamOperator<T> {}
