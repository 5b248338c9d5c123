package io.millrace.cep.internal.nfa;

import io.millrace.cep.internal.buffer.EventId;
import io.millrace.cep.internal.buffer.SharedBuffer;
import io.millrace.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import io.millrace.cep.nfa.aftermatch.SkipPastLastStrategy;
import io.millrace.cep.nfa.aftermatch.SkipToElementStrategy;
import io.millrace.cep.nfa.aftermatch.SkipToNextStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * What an after-match skip strategy discards once a match is emitted (Flink's
 * {@code AfterMatchSkipStrategy.prune}): from the match it derives a pruning event, and every
 * run that started before it (at or before, for skip-to-next and skip-past-last) is released.
 */
final class SkipPruning {
  private final AfterMatchSkipStrategy strategy;

  SkipPruning(AfterMatchSkipStrategy strategy) {
    this.strategy = strategy;
  }

  /** Releases and removes the runs of {@code runs} that {@code match} prunes. */
  void prune(PriorityQueue<ComputationState> runs, List<Map<String, List<EventId>>> match, SharedBuffer<?> buffer)
      throws Exception {
    EventId pruningId = pruningId(match);
    if (pruningId == null) {
      return;
    }
    List<ComputationState> discarded = new ArrayList<>();
    for (ComputationState run : runs) {
      if (run.startEventId() != null && shouldPrune(run.startEventId(), pruningId)) {
        if (run.previousBufferEntry() != null) {
          buffer.releaseNode(run.previousBufferEntry(), run.version());
        }
        discarded.add(run);
      }
    }
    // The queue's bulk removal re-heapifies it, as in Flink: the order of what remains depends on it.
    runs.removeAll(discarded);
  }

  private boolean shouldPrune(EventId start, EventId pruningId) {
    if (strategy instanceof SkipToElementStrategy) {
      return start.compareTo(pruningId) < 0;
    }
    return start.compareTo(pruningId) <= 0;
  }

  private EventId pruningId(List<Map<String, List<EventId>>> match) {
    EventId pruningId = null;
    if (strategy instanceof SkipToNextStrategy) {
      for (Map<String, List<EventId>> result : match) {
        for (List<EventId> events : result.values()) {
          pruningId = min(pruningId, events.get(0));
        }
      }
    } else if (strategy instanceof SkipPastLastStrategy) {
      for (Map<String, List<EventId>> result : match) {
        for (List<EventId> events : result.values()) {
          pruningId = max(pruningId, events.get(events.size() - 1));
        }
      }
    } else if (strategy instanceof SkipToElementStrategy toElement) {
      String stage = toElement.getPatternName().orElseThrow();
      for (Map<String, List<EventId>> result : match) {
        List<EventId> events = result.get(stage);
        if (events == null || events.isEmpty()) {
          if (toElement.shouldThrowException()) {
            throw new IllegalStateException("could not skip to stage \"" + stage + "\" with " + strategy
                + ": the match " + result + " has no event for it (the strategy was made with throwExceptionOnMiss())");
          }
        } else {
          pruningId = max(pruningId, events.get(toElement.skipsToFirst() ? 0 : events.size() - 1));
        }
        if (toElement.shouldThrowException()) {
          EventId first = null;
          for (List<EventId> events2 : result.values()) {
            for (EventId id : events2) {
              first = min(first, id);
            }
          }
          if (pruningId != null && pruningId.equals(first)) {
            throw new IllegalStateException("could not skip to the first event of a match with " + strategy
                + ": it would start the same match again (the strategy was made with throwExceptionOnMiss())");
          }
        }
      }
    }
    return pruningId;
  }

  private static EventId min(EventId a, EventId b) {
    if (a == null) {
      return b;
    }
    return b == null || a.compareTo(b) <= 0 ? a : b;
  }

  private static EventId max(EventId a, EventId b) {
    if (a == null) {
      return b;
    }
    return b == null || a.compareTo(b) >= 0 ? a : b;
  }
}
