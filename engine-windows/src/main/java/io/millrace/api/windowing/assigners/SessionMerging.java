package io.millrace.api.windowing.assigners;

import io.millrace.api.windowing.MergingWindowAssigner;
import io.millrace.api.windowing.TimeWindow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Merges time windows that overlap or touch ({@link TimeWindow#intersects}), as Flink's
 * {@code TimeWindow.mergeWindows}: sorted by start, each run of intersecting windows becomes
 * their cover. Only runs of more than one distinct window are reported. The merged sets keep the
 * windows in start order (Flink uses a hash set), so which window's state survives a merge is
 * the earliest one, deterministically.
 */
final class SessionMerging {
  private SessionMerging() {}

  static void mergeWindows(Collection<TimeWindow> windows, MergingWindowAssigner.MergeCallback<TimeWindow> callback) {
    List<TimeWindow> sorted = new ArrayList<>(windows);
    sorted.sort(Comparator.comparingLong(TimeWindow::getStart));
    List<Set<TimeWindow>> runs = new ArrayList<>();
    List<TimeWindow> covers = new ArrayList<>();
    TimeWindow cover = null;
    Set<TimeWindow> run = null;
    for (TimeWindow candidate : sorted) {
      if (cover != null && cover.intersects(candidate)) {
        cover = cover.cover(candidate);
        run.add(candidate);
      } else {
        if (cover != null) {
          runs.add(run);
          covers.add(cover);
        }
        cover = candidate;
        run = new LinkedHashSet<>();
        run.add(candidate);
      }
    }
    if (cover != null) {
      runs.add(run);
      covers.add(cover);
    }
    for (int i = 0; i < runs.size(); i++) {
      if (runs.get(i).size() > 1) {
        callback.merge(runs.get(i), covers.get(i));
      }
    }
  }
}
