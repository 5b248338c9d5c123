package io.millrace.benchmarks.suite;

import java.math.BigDecimal;
import java.util.Locale;

/** How check figures are written and compared. */
final class Checks {
  /**
   * How far two floating-point check figures (W4's sum of sums) may stray from each other,
   * relative to them: engines add the same doubles in different orders.
   */
  static final double RELATIVE_TOLERANCE = 1e-9;

  private Checks() {}

  /** A floating-point check figure as a plain number with two decimals. */
  static String decimal(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /**
   * Whether two check figures agree: equal strings, or two decimal numbers (with a point)
   * within {@link #RELATIVE_TOLERANCE} of each other.
   */
  static boolean agree(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    if (!a.contains(".") || !b.contains(".")) {
      return false;
    }
    try {
      double x = new BigDecimal(a).doubleValue();
      double y = new BigDecimal(b).doubleValue();
      return Math.abs(x - y) <= RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
