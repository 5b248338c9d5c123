package io.millrace.api.source;

/** What {@link SourceReader#pollNext} says about the reader's input. */
public enum InputStatus {
  /** More records are available now: call {@code pollNext} again. */
  MORE_AVAILABLE,
  /** Nothing is available now: wait for {@link SourceReader#isAvailable()}. */
  NOTHING_AVAILABLE,
  /** The reader's input has ended. */
  END_OF_INPUT
}
