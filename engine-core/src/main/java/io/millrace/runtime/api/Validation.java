package io.millrace.runtime.api;

import io.millrace.state.internal.KeyGroupRangeAssignment;

/** Checks of user-given settings, with messages that name the setting and the fix. */
final class Validation {
  private Validation() {}

  static int parallelism(int parallelism, String where) {
    if (parallelism < 1) {
      throw new IllegalArgumentException(
          "parallelism must be at least 1, got " + parallelism + " for " + where + "(...)");
    }
    return parallelism;
  }

  static int maxParallelism(int maxParallelism, String where) {
    if (maxParallelism < 1 || maxParallelism > KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM) {
      throw new IllegalArgumentException(
          "max parallelism must be between 1 and " + KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM
              + ", got " + maxParallelism + " for " + where + "(...)");
    }
    return maxParallelism;
  }
}
