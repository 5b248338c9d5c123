package io.millrace.cep.pattern.conditions;

import io.millrace.api.functions.AbstractRichFunction;

/**
 * An {@link IterativeCondition} with the rich-function lifecycle: {@code open} is called once per
 * operator subtask before the first event and {@code close} at the end, with the subtask's
 * runtime context set. Each parallel subtask gets its own copy (made with Java serialization),
 * so fields created in {@code open} are per subtask. Keyed state is not available to
 * conditions (as in Flink): the runtime context's state methods fail.
 *
 * @param <T> the event type
 */
public abstract class RichIterativeCondition<T> extends AbstractRichFunction implements IterativeCondition<T> {
  private static final long serialVersionUID = 1L;

  /** For subclasses. */
  protected RichIterativeCondition() {}
}
