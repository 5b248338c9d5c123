package io.millrace.cep.internal.buffer;

/**
 * The identity of a node of the shared buffer: an event as taken by one stage. Partial matches
 * that took the same event for the same stage share the node (and its event).
 *
 * @param eventId the event
 * @param stage the stage's index in the compiled pattern's stage names
 */
public record NodeId(EventId eventId, int stage) {
  @Override
  public String toString() {
    return eventId + "@" + stage;
  }
}
