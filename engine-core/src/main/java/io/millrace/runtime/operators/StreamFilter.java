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

  @Override
  public ChainedInput<T> chainedInput() {
    return new FilterInput();
  }

  /** This operator's own chained input: a monomorphic call into {@link #processElement}. */
  private final class FilterInput extends ChainedInput<T> {
    FilterInput() {
      super(StreamFilter.this);
    }

    @Override
    public void collect(T record, long timestamp) {
      processElement(record, timestamp);
    }
  }
}
