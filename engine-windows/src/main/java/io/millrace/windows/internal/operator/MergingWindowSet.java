package io.millrace.windows.internal.operator;

import io.millrace.api.windowing.MergingWindowAssigner;
import io.millrace.api.windowing.Window;
import io.millrace.state.ListState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-flight merging windows (sessions) of one key, as Flink's {@code MergingWindowSet}: maps
 * each window to its <em>state window</em>, the namespace its contents and trigger state live in.
 * When windows merge, the merged window keeps the state window of one of them and the other state
 * windows are merged into it, so merging never moves the surviving window's state. Loaded from
 * the key's state for each element or timer and written back by {@link #persist()} if it changed.
 *
 * @param <W> window type
 */
final class MergingWindowSet<W extends Window> {

  /** What the operator does when windows merge. */
  @FunctionalInterface
  interface MergeFunction<W> {
    /**
     * {@code mergedWindows} (not containing the new window) became {@code mergeResult}, whose state
     * window is {@code stateWindowResult}; the contents of {@code mergedStateWindows} must be merged into it.
     */
    void merge(W mergeResult, Collection<W> mergedWindows, W stateWindowResult, Collection<W> mergedStateWindows)
        throws Exception;
  }

  private final MergingWindowAssigner<?, W> assigner;
  /** The mapping as a flat list {@code window, stateWindow, window, stateWindow, ...}, so that
   * the assigner's window serializer alone writes it. */
  private final ListState<W> state;
  private final Map<W, W> mapping = new LinkedHashMap<>();
  private final Map<W, W> initialMapping;

  MergingWindowSet(MergingWindowAssigner<?, W> assigner, ListState<W> state) throws Exception {
    this.assigner = assigner;
    this.state = state;
    Iterator<W> windows = state.get().iterator();
    while (windows.hasNext()) {
      mapping.put(windows.next(), windows.next());
    }
    this.initialMapping = new LinkedHashMap<>(mapping);
  }

  /** Writes the mapping back to the key's state if it changed (an empty mapping clears it). */
  void persist() throws Exception {
    if (!mapping.equals(initialMapping)) {
      List<W> pairs = new ArrayList<>(2 * mapping.size());
      mapping.forEach((window, stateWindow) -> {
        pairs.add(window);
        pairs.add(stateWindow);
      });
      state.update(pairs);
    }
  }

  /** The state window of {@code window}, or null if it is not in flight. */
  W getStateWindow(W window) {
    return mapping.get(window);
  }

  /** Removes {@code window} (it was purged or is late). */
  void retireWindow(W window) {
    if (mapping.remove(window) == null) {
      throw new IllegalStateException("Window " + window + " is not in the in-flight window set.");
    }
  }

  /**
   * Adds {@code newWindow}, merging it (and any windows it bridges) with the in-flight windows;
   * calls {@code mergeFunction} for every merge. Returns the window {@code newWindow} ended up in.
   */
  W addWindow(W newWindow, MergeFunction<W> mergeFunction) throws Exception {
    List<W> windows = new ArrayList<>(mapping.keySet());
    windows.add(newWindow);
    Map<W, Collection<W>> mergeResults = new LinkedHashMap<>();
    assigner.mergeWindows(windows, (toBeMerged, mergeResult) -> mergeResults.put(mergeResult, new ArrayList<>(toBeMerged)));

    W resultWindow = newWindow;
    boolean mergedNewWindow = false;
    for (Map.Entry<W, Collection<W>> merge : mergeResults.entrySet()) {
      W mergeResult = merge.getKey();
      Collection<W> mergedWindows = merge.getValue();
      if (mergedWindows.remove(newWindow)) {
        mergedNewWindow = true;
        resultWindow = mergeResult;
      }
      W mergedStateWindow = mapping.get(mergedWindows.iterator().next());
      List<W> mergedStateWindows = new ArrayList<>();
      for (W mergedWindow : mergedWindows) {
        W stateWindow = mapping.remove(mergedWindow);
        if (stateWindow != null) {
          mergedStateWindows.add(stateWindow);
        }
      }
      mapping.put(mergeResult, mergedStateWindow);
      mergedStateWindows.remove(mergedStateWindow);
      // A new window that merely falls inside an existing one changes nothing.
      if (!(mergedWindows.contains(mergeResult) && mergedWindows.size() == 1)) {
        mergeFunction.merge(mergeResult, mergedWindows, mapping.get(mergeResult), mergedStateWindows);
      }
    }
    if (mergeResults.isEmpty() || (resultWindow.equals(newWindow) && !mergedNewWindow)) {
      mapping.put(resultWindow, resultWindow);
    }
    return resultWindow;
  }

  @Override
  public String toString() {
    return "MergingWindowSet" + mapping;
  }
}
