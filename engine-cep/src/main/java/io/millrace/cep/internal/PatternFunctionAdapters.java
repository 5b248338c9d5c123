package io.millrace.cep.internal;

import io.millrace.api.OutputTag;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.Function;
import io.millrace.api.functions.OpenContext;
import io.millrace.api.functions.RichFunction;
import io.millrace.api.functions.RuntimeContext;
import io.millrace.cep.PatternFlatSelectFunction;
import io.millrace.cep.PatternFlatTimeoutFunction;
import io.millrace.cep.PatternSelectFunction;
import io.millrace.cep.PatternTimeoutFunction;
import io.millrace.cep.functions.PatternProcessFunction;
import io.millrace.cep.functions.TimedOutPartialMatchHandler;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The pattern process functions behind {@code select} and {@code flatSelect}: they call the
 * user's select (and timeout) functions and pass the rich lifecycle on to them.
 */
final class PatternFunctionAdapters {
  private PatternFunctionAdapters() {}

  /** Passes the rich-function lifecycle on to the wrapped user functions. */
  private abstract static class Delegating<IN, OUT> extends PatternProcessFunction<IN, OUT> {
    private static final long serialVersionUID = 1L;
    private final Function[] delegates;

    Delegating(Function... delegates) {
      this.delegates = delegates;
    }

    @Override
    public void setRuntimeContext(RuntimeContext runtimeContext) {
      super.setRuntimeContext(runtimeContext);
      for (Function delegate : delegates) {
        if (delegate instanceof RichFunction rich) {
          rich.setRuntimeContext(runtimeContext);
        }
      }
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
      for (Function delegate : delegates) {
        if (delegate instanceof RichFunction rich) {
          rich.open(openContext);
        }
      }
    }

    @Override
    public void close() throws Exception {
      for (Function delegate : delegates) {
        if (delegate instanceof RichFunction rich) {
          rich.close();
        }
      }
    }
  }

  /** {@code select(function)}: one result per match. */
  static final class Select<IN, OUT> extends Delegating<IN, OUT> {
    private static final long serialVersionUID = 1L;
    private final PatternSelectFunction<IN, OUT> select;

    Select(PatternSelectFunction<IN, OUT> select) {
      super(select);
      this.select = select;
    }

    @Override
    public void processMatch(Map<String, List<IN>> match, Context ctx, Collector<OUT> out) throws Exception {
      out.collect(select.select(match));
    }
  }

  /** {@code flatSelect(function)}: any number of results per match. */
  static final class FlatSelect<IN, OUT> extends Delegating<IN, OUT> {
    private static final long serialVersionUID = 1L;
    private final PatternFlatSelectFunction<IN, OUT> select;

    FlatSelect(PatternFlatSelectFunction<IN, OUT> select) {
      super(select);
      this.select = select;
    }

    @Override
    public void processMatch(Map<String, List<IN>> match, Context ctx, Collector<OUT> out) throws Exception {
      select.flatSelect(match, out);
    }
  }

  /** {@code select(tag, timeoutFunction, selectFunction)}: timed-out partial matches to the side output. */
  static final class SelectWithTimeout<IN, OUT, L> extends Delegating<IN, OUT> implements TimedOutPartialMatchHandler<IN> {
    private static final long serialVersionUID = 1L;
    private final PatternSelectFunction<IN, OUT> select;
    private final PatternTimeoutFunction<IN, L> timeout;
    private final OutputTag<L> timedOutTag;

    SelectWithTimeout(PatternSelectFunction<IN, OUT> select, PatternTimeoutFunction<IN, L> timeout, OutputTag<L> timedOutTag) {
      super(select, timeout);
      this.select = select;
      this.timeout = timeout;
      this.timedOutTag = timedOutTag;
    }

    @Override
    public void processMatch(Map<String, List<IN>> match, Context ctx, Collector<OUT> out) throws Exception {
      out.collect(select.select(match));
    }

    @Override
    public void processTimedOutMatch(Map<String, List<IN>> match, Context ctx) throws Exception {
      L record = timeout.timeout(match, ctx.timestamp());
      ctx.output(timedOutTag, Objects.requireNonNull(record, "the timeout function returned null: streams cannot carry null"));
    }
  }

  /** {@code flatSelect(tag, timeoutFunction, selectFunction)}: timed-out partial matches to the side output. */
  static final class FlatSelectWithTimeout<IN, OUT, L> extends Delegating<IN, OUT> implements TimedOutPartialMatchHandler<IN> {
    private static final long serialVersionUID = 1L;
    private final PatternFlatSelectFunction<IN, OUT> select;
    private final PatternFlatTimeoutFunction<IN, L> timeout;
    private final OutputTag<L> timedOutTag;

    FlatSelectWithTimeout(PatternFlatSelectFunction<IN, OUT> select, PatternFlatTimeoutFunction<IN, L> timeout, OutputTag<L> timedOutTag) {
      super(select, timeout);
      this.select = select;
      this.timeout = timeout;
      this.timedOutTag = timedOutTag;
    }

    @Override
    public void processMatch(Map<String, List<IN>> match, Context ctx, Collector<OUT> out) throws Exception {
      select.flatSelect(match, out);
    }

    @Override
    public void processTimedOutMatch(Map<String, List<IN>> match, Context ctx) throws Exception {
      timeout.timeout(match, ctx.timestamp(), record -> ctx.output(timedOutTag,
          Objects.requireNonNull(record, "the timeout function emitted null: streams cannot carry null")));
    }
  }
}
