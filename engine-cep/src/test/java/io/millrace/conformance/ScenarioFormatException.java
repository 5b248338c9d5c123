package io.millrace.conformance;

/** A scenario folder that does not follow the format of the conformance README. */
final class ScenarioFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ScenarioFormatException(String message) {
    super(message);
  }

  ScenarioFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
