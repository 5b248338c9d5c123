package io.millrace.conformance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One output line of the job under test, before it reaches the sink: the file it belongs to and
 * its fields. {@link StampTimestamp} adds {@code ts} (the record timestamp) right before the sink.
 * Immutable once emitted.
 *
 * @param file the golden file the line is compared against
 * @param fields field name to value: {@code Long}, {@code String} or a {@code List<Long>}
 */
record OutputLine(OutputFile file, Map<String, Object> fields) {

  /** A builder for a line of {@code file} from operator {@code op}. */
  static Builder of(OutputFile file, String op) {
    return new Builder(file).put("op", op);
  }

  /** This line with {@code ts} added. */
  OutputLine withTs(Long ts) {
    Map<String, Object> stamped = new LinkedHashMap<>(fields);
    stamped.put("ts", ts);
    return new OutputLine(file, Collections.unmodifiableMap(stamped));
  }

  /** Collects the fields of one line. */
  static final class Builder {
    private final OutputFile file;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Builder(OutputFile file) {
      this.file = file;
    }

    Builder put(String field, Object value) {
      fields.put(field, value);
      return this;
    }

    OutputLine build() {
      return new OutputLine(file, Collections.unmodifiableMap(fields));
    }
  }
}
