package io.millrace.conformance;

import java.io.Serializable;

/** A non-comment line of {@code input.jsonl}: what one source channel of one stream emits, in order. */
sealed interface InputLine extends Serializable {

  /** The stream the line belongs to. */
  Stream stream();

  /** The channel (source subtask) of that stream the line goes to. */
  int channel();

  /** An event, emitted with its {@code ts} as record timestamp. */
  record EventLine(Event event, Stream stream, int channel) implements InputLine {}

  /** An explicit watermark, forwarded if it is above the channel's last forwarded one. */
  record WatermarkLine(long watermark, Stream stream, int channel) implements InputLine {}

  /** The two input streams of a scenario; single-stream operators read the left one. */
  enum Stream {
    LEFT,
    RIGHT
  }
}
