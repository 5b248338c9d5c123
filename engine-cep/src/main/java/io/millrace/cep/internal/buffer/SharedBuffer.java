package io.millrace.cep.internal.buffer;

import io.millrace.state.MapState;
import io.millrace.state.ValueState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shared, versioned buffer of one key's partial matches (after Apache Flink's
 * {@code SharedBuffer}): every event a partial match took is stored once, and each partial
 * match is a path of nodes (event + stage) linked by edges labelled with the Dewey version of
 * the run that wrote them, so overlapping partial matches share their common prefix instead of
 * copying events. Nodes, edges and events are reference counted and removed when no partial
 * match reaches them.
 *
 * <p><b>State.</b> Events and nodes live in keyed map states, their counts in one small keyed
 * value ({@link BufferBookkeeping}) — all the current key's. Within one matching step the buffer
 * reads through a small cache and writes back at {@link #flush()}, which the operator calls after
 * every step, so the cache never outlives the key it was filled for. Confined to the operator's
 * task thread.
 *
 * @param <T> the event type
 */
public final class SharedBuffer<T> {
  private final MapState<EventId, BufferedEvent<T>> events;
  private final MapState<NodeId, BufferNode> nodes;
  private final ValueState<BufferBookkeeping> bookkeepingState;
  private final List<String> stageNames;
  private BufferBookkeeping bookkeeping;
  private boolean bookkeepingDirty;

  private final Map<EventId, BufferedEvent<T>> eventCache = new HashMap<>();
  private final Set<EventId> dirtyEvents = new HashSet<>();
  private final Map<NodeId, BufferNode> nodeCache = new HashMap<>();
  private final Set<NodeId> dirtyNodes = new HashSet<>();

  /**
   * A buffer over the given states; {@code stageNames} maps a node's stage index to the stage
   * name used in extracted matches.
   */
  public SharedBuffer(MapState<EventId, BufferedEvent<T>> events, MapState<NodeId, BufferNode> nodes,
      ValueState<BufferBookkeeping> bookkeeping, List<String> stageNames) {
    this.events = events;
    this.nodes = nodes;
    this.bookkeepingState = bookkeeping;
    this.stageNames = stageNames;
  }

  // ------------------------------------------------------------------------------- events

  /**
   * Stores {@code value} under a new id (its timestamp and the number of events of that
   * timestamp registered before it), locked once for the matching step that registers it.
   */
  public EventId registerEvent(T value, long timestamp) throws Exception {
    BufferBookkeeping book = bookkeeping();
    EventId eventId = new EventId(book.nextId(timestamp), timestamp);
    book.eventAdded();
    bookkeepingDirty = true;
    eventCache.put(eventId, new BufferedEvent<>(value, 1));
    dirtyEvents.add(eventId);
    return eventId;
  }

  /** Releases one reference to the event; the event is removed when none is left. */
  public void releaseEvent(EventId eventId) throws Exception {
    BufferedEvent<T> event = event(eventId);
    if (event == null) {
      return;
    }
    if (event.release()) {
      removeEvent(eventId);
    } else {
      markEvent(eventId, event);
    }
  }

  private void lockEvent(EventId eventId) throws Exception {
    BufferedEvent<T> event = event(eventId);
    if (event == null) {
      throw new IllegalStateException("the shared buffer refers to the missing event " + eventId);
    }
    event.lock();
    markEvent(eventId, event);
  }

  /**
   * Forgets the event counters of timestamps before {@code timestamp}: no event of those
   * timestamps will be registered any more.
   */
  public void advanceTime(long timestamp) throws Exception {
    if (bookkeeping().forgetBefore(timestamp)) {
      bookkeepingDirty = true;
    }
  }

  // ------------------------------------------------------------------------------- nodes

  /**
   * Adds the node of event {@code eventId} taken by {@code stage} (if new) with an edge to
   * {@code previous} (null for the first event of a match) labelled {@code version}, and locks
   * {@code previous} for it.
   */
  public NodeId put(int stage, EventId eventId, NodeId previous, DeweyNumber version) throws Exception {
    if (previous != null) {
      lockNode(previous, version);
    }
    NodeId id = new NodeId(eventId, stage);
    BufferNode node = node(id);
    if (node == null) {
      node = new BufferNode();
      lockEvent(eventId);
    }
    node.edges().add(new BufferEdge(previous, version, 0));
    markNode(id, node);
    return id;
  }

  /** Locks {@code id} and the edges of it that {@code version} can follow. */
  public void lockNode(NodeId id, DeweyNumber version) throws Exception {
    BufferNode node = node(id);
    if (node == null) {
      return;
    }
    node.lock();
    for (BufferEdge edge : node.edges()) {
      if (version.isCompatibleWith(edge.version())) {
        edge.lock();
      }
    }
    markNode(id, node);
  }

  /**
   * Releases the reference of the run {@code version} to {@code id}: its edges and, transitively,
   * the nodes they lead to, removing what no partial match reaches any more (and the events of
   * removed nodes).
   */
  public void releaseNode(NodeId id, DeweyNumber version) throws Exception {
    Deque<NodeId> nodesToExamine = new ArrayDeque<>();
    Deque<DeweyNumber> versionsToExamine = new ArrayDeque<>();
    nodesToExamine.push(id);
    versionsToExamine.push(version);
    while (!nodesToExamine.isEmpty()) {
      NodeId current = nodesToExamine.pop();
      BufferNode node = node(current);
      if (node == null) {
        // As Flink does: a missing node ends the whole release.
        break;
      }
      DeweyNumber currentVersion = versionsToExamine.pop();
      Iterator<BufferEdge> edges = node.edges().iterator();
      while (edges.hasNext()) {
        BufferEdge edge = edges.next();
        if (currentVersion.isCompatibleWith(edge.version()) && edge.release()) {
          edges.remove();
          if (edge.target() != null) {
            nodesToExamine.push(edge.target());
            versionsToExamine.push(edge.version());
          }
        }
      }
      if (node.release()) {
        removeNode(current);
        releaseEvent(current.eventId());
      } else {
        markNode(current, node);
      }
    }
  }

  // ------------------------------------------------------------------------------- matches

  /**
   * The paths from node {@code id} back to the start of their matches that the run
   * {@code version} can follow, each as stage name to event ids in event-time order (the first
   * stage first). A partial match has exactly one.
   */
  public List<Map<String, List<EventId>>> extractPatterns(NodeId id, DeweyNumber version) throws Exception {
    List<Map<String, List<EventId>>> result = new ArrayList<>();
    BufferNode start = node(id);
    if (start == null) {
      return result;
    }
    Deque<Extraction> extractions = new ArrayDeque<>();
    extractions.push(new Extraction(id, start, version, new ArrayList<>()));
    while (!extractions.isEmpty()) {
      Extraction extraction = extractions.pop();
      List<NodeId> path = extraction.path;
      if (extraction.nodeId == null) {
        Map<String, List<EventId>> match = new LinkedHashMap<>();
        for (int i = path.size() - 1; i >= 0; i--) {
          NodeId step = path.get(i);
          match.computeIfAbsent(stageNames.get(step.stage()), stage -> new ArrayList<>()).add(step.eventId());
        }
        result.add(match);
        continue;
      }
      path.add(extraction.nodeId);
      boolean first = true;
      for (BufferEdge edge : extraction.node.edges()) {
        if (!extraction.version.isCompatibleWith(edge.version())) {
          continue;
        }
        List<NodeId> nextPath = first ? path : new ArrayList<>(path);
        first = false;
        NodeId target = edge.target();
        BufferNode targetNode = null;
        if (target != null) {
          targetNode = node(target);
          if (targetNode == null) {
            throw new IllegalStateException("the shared buffer refers to the missing node " + target);
          }
        }
        extractions.push(new Extraction(target, targetNode, edge.version(), nextPath));
      }
    }
    return result;
  }

  /** The events of {@code match}, stage by stage in the same order. */
  public Map<String, List<T>> materialize(Map<String, List<EventId>> match) throws Exception {
    Map<String, List<T>> events = new LinkedHashMap<>(Math.max(4, match.size() * 2));
    for (Map.Entry<String, List<EventId>> stage : match.entrySet()) {
      List<T> stageEvents = new ArrayList<>(stage.getValue().size());
      for (EventId eventId : stage.getValue()) {
        BufferedEvent<T> event = event(eventId);
        if (event == null) {
          throw new IllegalStateException("the shared buffer refers to the missing event " + eventId);
        }
        stageEvents.add(event.event());
      }
      events.put(stage.getKey(), stageEvents);
    }
    return events;
  }

  /** One step of the depth-first extraction: the node to visit, the version followed and the path so far. */
  private record Extraction(NodeId nodeId, BufferNode node, DeweyNumber version, List<NodeId> path) {}

  // ------------------------------------------------------------------------------- state access

  /** Writes what the last matching step changed to keyed state and empties the cache. */
  public void flush() throws Exception {
    for (EventId id : dirtyEvents) {
      BufferedEvent<T> event = eventCache.get(id);
      if (event != null) {
        events.put(id, event);
      }
    }
    for (NodeId id : dirtyNodes) {
      BufferNode node = nodeCache.get(id);
      if (node != null) {
        nodes.put(id, node);
      }
    }
    eventCache.clear();
    dirtyEvents.clear();
    nodeCache.clear();
    dirtyNodes.clear();
    if (bookkeepingDirty) {
      if (bookkeeping.isEmpty()) {
        bookkeepingState.clear();
      } else {
        bookkeepingState.update(bookkeeping);
      }
    }
    bookkeeping = null;
    bookkeepingDirty = false;
  }

  /** Whether the current key's buffer holds no event (and so no node); between steps (after {@link #flush()}). */
  public boolean isEmpty() throws Exception {
    if (bookkeeping != null) {
      throw new IllegalStateException("isEmpty() is asked between matching steps, after flush()");
    }
    BufferBookkeeping stored = bookkeepingState.value();
    return stored == null || stored.liveEvents() == 0;
  }

  /** The number of events the current key's buffer holds (for tests and metrics; after {@link #flush()}). */
  public int numEvents() throws Exception {
    int count = 0;
    for (EventId ignored : events.keys()) {
      count++;
    }
    return count;
  }

  /** The number of nodes the current key's buffer holds (after {@link #flush()}). */
  public int numNodes() throws Exception {
    int count = 0;
    for (NodeId ignored : nodes.keys()) {
      count++;
    }
    return count;
  }

  private BufferBookkeeping bookkeeping() throws Exception {
    if (bookkeeping == null) {
      BufferBookkeeping stored = bookkeepingState.value();
      bookkeeping = stored != null ? stored : BufferBookkeeping.empty();
    }
    return bookkeeping;
  }

  private BufferedEvent<T> event(EventId id) throws Exception {
    BufferedEvent<T> event = eventCache.get(id);
    if (event == null) {
      event = events.get(id);
      if (event != null) {
        eventCache.put(id, event);
      }
    }
    return event;
  }

  private void markEvent(EventId id, BufferedEvent<T> event) {
    eventCache.put(id, event);
    dirtyEvents.add(id);
  }

  private void removeEvent(EventId id) throws Exception {
    eventCache.remove(id);
    dirtyEvents.remove(id);
    events.remove(id);
    bookkeeping().eventRemoved();
    bookkeepingDirty = true;
  }

  private BufferNode node(NodeId id) throws Exception {
    BufferNode node = nodeCache.get(id);
    if (node == null) {
      node = nodes.get(id);
      if (node != null) {
        nodeCache.put(id, node);
      }
    }
    return node;
  }

  private void markNode(NodeId id, BufferNode node) {
    nodeCache.put(id, node);
    dirtyNodes.add(id);
  }

  private void removeNode(NodeId id) throws Exception {
    nodeCache.remove(id);
    dirtyNodes.remove(id);
    nodes.remove(id);
  }
}
