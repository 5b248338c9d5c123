package io.millrace.cep.pattern;

/**
 * A pattern that cannot be matched as written: thrown when it is built (by the method that makes
 * it invalid, or by {@link io.millrace.cep.CEP#pattern} for what only the whole pattern shows),
 * with a message that names the stage and the fix.
 */
public class MalformedPatternException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}. */
  public MalformedPatternException(String message) {
    super(message);
  }
}
