package io.millrace.cep.internal;

import io.millrace.api.DataStream;
import io.millrace.api.KeyedStream;
import io.millrace.api.OutputTag;
import io.millrace.api.SingleOutputStreamOperator;
import io.millrace.api.functions.Function;
import io.millrace.api.functions.KeySelector;
import io.millrace.cep.PatternFlatSelectFunction;
import io.millrace.cep.PatternFlatTimeoutFunction;
import io.millrace.cep.PatternSelectFunction;
import io.millrace.cep.PatternStream;
import io.millrace.cep.PatternTimeoutFunction;
import io.millrace.cep.functions.PatternProcessFunction;
import io.millrace.cep.internal.nfa.CompiledNfa;
import io.millrace.cep.internal.operator.CepOperatorSpec;
import io.millrace.runtime.api.StreamInternals;
import io.millrace.state.serialization.TypeSerializers;
import java.util.Objects;

/**
 * The implementation of {@link PatternStream}: an immutable record of the input, the compiled
 * pattern and the time settings; a terminal method adds the CEP operator — on a keyed stream
 * keyed by its key, on a plain stream keyed by a constant and run by one subtask.
 *
 * @param <T> the event type
 */
final class PatternStreamImpl<T> implements PatternStream<T> {
  private final DataStream<T> input;
  private final CompiledNfa<T> nfa;
  private final boolean processingTime;
  private final OutputTag<T> lateDataTag;

  PatternStreamImpl(DataStream<T> input, CompiledNfa<T> nfa, boolean processingTime, OutputTag<T> lateDataTag) {
    this.input = input;
    this.nfa = nfa;
    this.processingTime = processingTime;
    this.lateDataTag = lateDataTag;
  }

  @Override
  public PatternStream<T> inProcessingTime() {
    return new PatternStreamImpl<>(input, nfa, true, lateDataTag);
  }

  @Override
  public PatternStream<T> inEventTime() {
    return new PatternStreamImpl<>(input, nfa, false, lateDataTag);
  }

  @Override
  public PatternStream<T> sideOutputLateData(OutputTag<T> lateDataOutputTag) {
    Objects.requireNonNull(lateDataOutputTag, "output tag must not be null for sideOutputLateData(...)");
    return new PatternStreamImpl<>(input, nfa, processingTime, lateDataOutputTag);
  }

  @Override
  public <R> SingleOutputStreamOperator<R> process(PatternProcessFunction<T, R> function) {
    Objects.requireNonNull(function, "pattern process function must not be null for process(...)");
    return addOperator(function, function);
  }

  @Override
  public <R> SingleOutputStreamOperator<R> select(PatternSelectFunction<T, R> function) {
    Objects.requireNonNull(function, "select function must not be null for select(...)");
    return addOperator(new PatternFunctionAdapters.Select<>(function), function);
  }

  @Override
  public <L, R> SingleOutputStreamOperator<R> select(
      OutputTag<L> timedOutPartialMatchesTag, PatternTimeoutFunction<T, L> timeoutFunction, PatternSelectFunction<T, R> selectFunction) {
    Objects.requireNonNull(timedOutPartialMatchesTag, "output tag must not be null for select(tag, timeoutFunction, selectFunction)");
    Objects.requireNonNull(timeoutFunction, "timeout function must not be null for select(tag, timeoutFunction, selectFunction)");
    Objects.requireNonNull(selectFunction, "select function must not be null for select(tag, timeoutFunction, selectFunction)");
    return addOperator(new PatternFunctionAdapters.SelectWithTimeout<>(selectFunction, timeoutFunction, timedOutPartialMatchesTag),
        selectFunction);
  }

  @Override
  public <R> SingleOutputStreamOperator<R> flatSelect(PatternFlatSelectFunction<T, R> function) {
    Objects.requireNonNull(function, "flat select function must not be null for flatSelect(...)");
    return addOperator(new PatternFunctionAdapters.FlatSelect<>(function), function);
  }

  @Override
  public <L, R> SingleOutputStreamOperator<R> flatSelect(
      OutputTag<L> timedOutPartialMatchesTag, PatternFlatTimeoutFunction<T, L> timeoutFunction,
      PatternFlatSelectFunction<T, R> selectFunction) {
    Objects.requireNonNull(timedOutPartialMatchesTag, "output tag must not be null for flatSelect(tag, timeoutFunction, selectFunction)");
    Objects.requireNonNull(timeoutFunction, "timeout function must not be null for flatSelect(tag, timeoutFunction, selectFunction)");
    Objects.requireNonNull(selectFunction, "flat select function must not be null for flatSelect(tag, timeoutFunction, selectFunction)");
    return addOperator(new PatternFunctionAdapters.FlatSelectWithTimeout<>(selectFunction, timeoutFunction, timedOutPartialMatchesTag),
        selectFunction);
  }

  private <K, R> SingleOutputStreamOperator<R> addOperator(PatternProcessFunction<T, R> function, Function named) {
    boolean keyed = input instanceof KeyedStream<?, ?>;
    @SuppressWarnings("unchecked")
    KeyedStream<T, K> keyedInput = keyed
        ? (KeyedStream<T, K>) input
        : (KeyedStream<T, K>) (KeyedStream<T, ?>) input.keyBy(new ConstantKeySelector<T>());
    KeySelector<T, K> keySelector = keyedInput.getKeySelector();
    CepOperatorSpec<K, T, R> spec = new CepOperatorSpec<>(
        nfa, processingTime, lateDataTag, keySelector, function, TypeSerializers.generic());
    SingleOutputStreamOperator<R> operator = StreamInternals.addOneInputOperator(keyedInput, "cep", named, spec, keySelector);
    if (!processingTime) {
      StreamInternals.setNeedsWatermarks(operator);
    }
    if (!keyed) {
      StreamInternals.setParallelism(operator, 1);
    }
    return operator;
  }

  /** Keys every event of a plain stream by the same constant: one sequence, one subtask. */
  private static final class ConstantKeySelector<T> implements KeySelector<T, Byte> {
    private static final long serialVersionUID = 1L;
    private static final Byte KEY = 0;

    @Override
    public Byte getKey(T value) {
      return KEY;
    }

    @Override
    public String toString() {
      return "CEP on a non-keyed stream";
    }
  }
}
