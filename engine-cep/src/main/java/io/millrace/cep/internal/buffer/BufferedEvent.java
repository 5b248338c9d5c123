package io.millrace.cep.internal.buffer;

/**
 * An event stored once in the shared buffer, with the number of nodes (and the matching step
 * registering it) that reference it. Mutable count.
 *
 * @param <T> the event type
 */
public final class BufferedEvent<T> {
  private final T event;
  private int references;

  BufferedEvent(T event, int references) {
    this.event = event;
    this.references = references;
  }

  /** The event. */
  public T event() {
    return event;
  }

  int references() {
    return references;
  }

  void lock() {
    references++;
  }

  boolean release() {
    if (references <= 0) {
      return true;
    }
    references--;
    return references == 0;
  }
}
