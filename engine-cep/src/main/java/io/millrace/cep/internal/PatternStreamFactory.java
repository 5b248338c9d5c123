package io.millrace.cep.internal;

import io.millrace.api.DataStream;
import io.millrace.cep.CEP;
import io.millrace.cep.PatternStream;
import io.millrace.cep.internal.nfa.CompiledNfa;
import io.millrace.cep.internal.nfa.NfaCompiler;
import io.millrace.cep.pattern.Pattern;

/** The CEP engine {@link CEP#pattern} finds with {@link java.util.ServiceLoader}: compiles the pattern. */
public final class PatternStreamFactory implements CEP.Factory {
  /** Public for the service loader. */
  public PatternStreamFactory() {}

  @Override
  public <T> PatternStream<T> create(DataStream<T> input, Pattern<T, ?> pattern) {
    CompiledNfa<T> compiled = NfaCompiler.compile(pattern);
    return new PatternStreamImpl<>(input, compiled, false, null);
  }
}
