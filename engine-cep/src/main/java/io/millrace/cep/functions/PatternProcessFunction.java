package io.millrace.cep.functions;

import io.millrace.api.OutputTag;
import io.millrace.api.functions.AbstractRichFunction;
import io.millrace.api.functions.Collector;
import java.util.List;
import java.util.Map;

/**
 * Receives every match of a {@link io.millrace.cep.PatternStream}: {@code processMatch} is called
 * once per match, with the events of each stage. Implement {@link TimedOutPartialMatchHandler}
 * too to also receive the partial matches that time out.
 *
 * <p>Contract: called on the operator's task thread, with the key of the match current (keyed
 * state of the runtime context is that key's). A match maps each stage name to the events the
 * stage took, in event-time order; stages without events (an optional stage skipped, negative
 * stages) are absent. In event time, what {@code out} emits is stamped with the match's
 * timestamp (see {@link Context#timestamp()}).
 *
 * <pre>{@code
 * patternStream.process(new PatternProcessFunction<Txn, Alert>() {
 *   public void processMatch(Map<String, List<Txn>> match, Context ctx, Collector<Alert> out) {
 *     out.collect(new Alert(match.get("small").get(0), match.get("large").get(0)));
 *   }
 * });
 * }</pre>
 *
 * @param <IN> the event type
 * @param <OUT> the output type
 */
public abstract class PatternProcessFunction<IN, OUT> extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  /** For subclasses. */
  protected PatternProcessFunction() {}

  /**
   * Handles one match.
   *
   * @param match stage name to the events the stage took, in event-time order
   * @param ctx the match's timestamp, processing time and side outputs
   * @param out emits results
   */
  public abstract void processMatch(Map<String, List<IN>> match, Context ctx, Collector<OUT> out) throws Exception;

  /** What a pattern function can see besides the match; valid during the call it is passed to. */
  public interface Context {
    /**
     * The match's timestamp. In event time: the timestamp of the event that completed it (or,
     * for a match found when time passed a window, the time that passed it); for a timed-out
     * partial match, its deadline (first event + within, or last event + within for
     * {@code PREVIOUS_AND_CURRENT}). In processing time: the time the match was found.
     */
    long timestamp();

    /** The current processing time. */
    long currentProcessingTime();

    /** Emits {@code value} to the side output {@code outputTag}, with the match's timestamp in event time. */
    <X> void output(OutputTag<X> outputTag, X value);
  }
}
