package io.millrace.runtime.operators;

import io.millrace.api.functions.FilterFunction;

/** {@code filter}: passes the inputs the function accepts. */
public final class StreamFilter<T> extends AbstractStreamOperator<FilterFunction<T>, T>
    implements OneInputStreamOperator<T, T> {

  public StreamFilter(FilterFunction<T> filter) {
    super(filter);
  }

  @Override
  public void processElement(T record, long timestamp) {
    boolean keep;
    try {
      keep = userFunction.filter(record);
    } catch (Throwable t) {
      throw failure(t);
    }
    if (keep) {
      output.collect(record, timestamp);
    }
  }
}
