package io.millrace.cep;

import io.millrace.api.DataStream;
import io.millrace.cep.pattern.Pattern;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * The entry point of complex event processing: {@code CEP.pattern(stream, pattern)} gives the
 * {@link PatternStream} whose {@code process}/{@code select} adds the matching operator.
 *
 * <pre>{@code
 * DataStream<Alert> alerts = CEP.pattern(transactions.keyBy(Txn::card), smallThenLarge)
 *     .select(match -> new Alert(match.get("small").get(0), match.get("large").get(0)));
 * }</pre>
 *
 * <p>On a {@link io.millrace.api.KeyedStream} every key is matched on its own, in parallel; on a
 * plain stream all events form one sequence, matched by one subtask. The pattern is compiled here:
 * what only the whole pattern shows to be invalid throws a
 * {@link io.millrace.cep.pattern.MalformedPatternException}.
 */
public final class CEP {
  private CEP() {}

  /**
   * The stream {@code input} matched against {@code pattern}.
   *
   * @throws io.millrace.cep.pattern.MalformedPatternException if the pattern cannot be matched
   */
  public static <T> PatternStream<T> pattern(DataStream<T> input, Pattern<T, ?> pattern) {
    Objects.requireNonNull(input, "input stream must not be null for CEP.pattern(...)");
    Objects.requireNonNull(pattern, "pattern must not be null for CEP.pattern(...)");
    return Engine.FACTORY.create(input, pattern);
  }

  /**
   * Builds pattern streams: implemented by the CEP engine, found with {@link ServiceLoader}.
   * Users do not implement it.
   */
  public interface Factory {
    /** The pattern stream of {@code input} and {@code pattern}, the pattern compiled. */
    <T> PatternStream<T> create(DataStream<T> input, Pattern<T, ?> pattern);
  }

  /** Finds the engine once per class loader. */
  private static final class Engine {
    static final Factory FACTORY =
        ServiceLoader.load(Factory.class, CEP.class.getClassLoader())
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(
                "No Millrace CEP engine on the class path: add the dependency io.millrace:millrace-cep"));
  }
}
