package io.millrace.state.internal.snapshot;

import java.util.List;
import java.util.Objects;

/**
 * One operator state in serialized form, as written to and read from an operator snapshot:
 * the elements of a list state, or the keys and values of a broadcast state (pairwise).
 *
 * @param meta the state's meta info
 * @param elements a list's elements, or a broadcast state's keys; each as its serializer wrote
 *     it
 * @param values a broadcast state's values, pairwise with {@code elements}; {@code null} for
 *     lists
 */
public record OperatorStateEntries(OperatorStateMetaInfo meta, List<byte[]> elements, List<byte[]> values) {

  /** Copies the lists and checks keys and values pair up. */
  public OperatorStateEntries {
    Objects.requireNonNull(meta, "meta must not be null");
    elements = List.copyOf(elements);
    values = values == null ? null : List.copyOf(values);
    if ((meta.distribution() == OperatorStateMetaInfo.Distribution.BROADCAST)
        != (values != null && values.size() == elements.size())) {
      throw new IllegalArgumentException(
          "operator state '" + meta.name() + "' needs " + (values == null ? "values" : "no values")
              + " paired with its " + elements.size() + " entries");
    }
  }
}
