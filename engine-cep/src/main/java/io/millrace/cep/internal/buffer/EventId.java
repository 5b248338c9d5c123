package io.millrace.cep.internal.buffer;

/**
 * The identity of an event in the shared buffer: its timestamp and its number among the events
 * of that timestamp registered so far. Ordered by timestamp, then number — the order in which the
 * events were matched.
 *
 * @param id the event's number among those of its timestamp (0, 1, ...)
 * @param timestamp the event's timestamp
 */
public record EventId(int id, long timestamp) implements Comparable<EventId> {
  @Override
  public int compareTo(EventId other) {
    int byTime = Long.compare(timestamp, other.timestamp);
    return byTime != 0 ? byTime : Integer.compare(id, other.id);
  }

  @Override
  public String toString() {
    return timestamp + "#" + id;
  }
}
