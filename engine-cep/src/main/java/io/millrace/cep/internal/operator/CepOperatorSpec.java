package io.millrace.cep.internal.operator;

import io.millrace.api.OutputTag;
import io.millrace.api.functions.KeySelector;
import io.millrace.api.functions.RichFunction;
import io.millrace.cep.functions.PatternProcessFunction;
import io.millrace.cep.internal.nfa.CompiledNfa;
import io.millrace.cep.internal.nfa.State;
import io.millrace.cep.internal.nfa.StateTransition;
import io.millrace.cep.pattern.conditions.CompositeCondition;
import io.millrace.cep.pattern.conditions.IterativeCondition;
import io.millrace.runtime.operators.FunctionInstances;
import io.millrace.runtime.operators.OperatorFactory;
import io.millrace.runtime.operators.StreamOperator;
import io.millrace.state.serialization.TypeSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/**
 * Everything a CEP operator is made of, as the pattern stream recorded it; creates one
 * {@link CepOperator} per subtask, with its own copy of the pattern function and, if the pattern
 * has rich conditions, of the compiled NFA.
 *
 * @param nfa the compiled pattern
 * @param processingTime whether events are matched on arrival rather than in timestamp order
 * @param lateDataTag where late events go in event time, or null to drop them
 * @param keySelector the stream's key selector
 * @param function the pattern function (a {@code TimedOutPartialMatchHandler} gets timeouts)
 * @param eventSerializer how events are written to keyed state
 * @param <K> key type
 * @param <IN> event type
 * @param <OUT> output type
 */
public record CepOperatorSpec<K, IN, OUT>(
    CompiledNfa<IN> nfa,
    boolean processingTime,
    OutputTag<IN> lateDataTag,
    KeySelector<IN, K> keySelector,
    PatternProcessFunction<IN, OUT> function,
    TypeSerializer<IN> eventSerializer) implements OperatorFactory<OUT> {
  private static final long serialVersionUID = 1L;

  @Override
  public StreamOperator<OUT> create(int subtaskIndex, String operatorName) {
    PatternProcessFunction<IN, OUT> instance = FunctionInstances.forSubtask(function, subtaskIndex, operatorName);
    CompiledNfa<IN> compiled = subtaskIndex == 0 || !hasRichConditions(nfa) ? nfa : copy(nfa, operatorName);
    return new CepOperator<>(this, compiled, instance);
  }

  private static boolean hasRichConditions(CompiledNfa<?> nfa) {
    for (State<?> state : nfa.states()) {
      for (StateTransition<?> transition : state.transitions()) {
        if (isRich(transition.condition())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isRich(IterativeCondition<?> condition) {
    if (condition instanceof CompositeCondition<?> composite) {
      for (IterativeCondition<?> nested : composite.getNestedConditions()) {
        if (isRich(nested)) {
          return true;
        }
      }
      return false;
    }
    return condition instanceof RichFunction;
  }

  /** A copy of the compiled pattern made with Java serialization: each subtask gets its own rich conditions. */
  @SuppressWarnings("unchecked")
  private static <T> CompiledNfa<T> copy(CompiledNfa<T> nfa, String operatorName) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(nfa);
      }
      try (ObjectInputStream in = new LoaderAwareInput(new ByteArrayInputStream(bytes.toByteArray()))) {
        return (CompiledNfa<T>) in.readObject();
      }
    } catch (NotSerializableException e) {
      throw new IllegalArgumentException(operatorName + " runs with parallelism above 1, so each subtask needs its own copy"
          + " of the pattern's rich conditions, but a condition holds a value of the non-serializable class " + e.getMessage()
          + ": make that field transient and create it in open(), or run the operator with setParallelism(1)", e);
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalArgumentException(operatorName + ": could not copy the pattern's rich conditions for a parallel subtask: " + e, e);
    }
  }

  /** Resolves classes with the context class loader first (user classes in containers). */
  private static final class LoaderAwareInput extends ObjectInputStream {
    LoaderAwareInput(InputStream in) throws IOException {
      super(in);
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      if (loader != null) {
        try {
          return Class.forName(desc.getName(), false, loader);
        } catch (ClassNotFoundException e) {
          // fall back to the default resolution below
        }
      }
      return super.resolveClass(desc);
    }
  }
}
