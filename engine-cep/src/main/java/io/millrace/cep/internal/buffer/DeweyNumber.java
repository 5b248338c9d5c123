package io.millrace.cep.internal.buffer;

import java.util.Arrays;

/**
 * The version of a partial match's path through the shared buffer (a Dewey decimal number such
 * as {@code 1.0.2}): each run of the NFA that branches off increases a digit or adds a stage, so
 * that the edges of one buffer node can be told apart by the run that wrote them. An edge
 * belongs to a run if the run's version {@link #isCompatibleWith is compatible} with the edge's.
 * Immutable.
 */
public final class DeweyNumber {
  private final int[] digits;

  /** The one-digit number {@code start}. */
  public DeweyNumber(int start) {
    this.digits = new int[] {start};
  }

  DeweyNumber(int[] digits) {
    this.digits = digits;
  }

  /** This number with its last digit increased by {@code times}. */
  public DeweyNumber increase(int times) {
    int[] next = Arrays.copyOf(digits, digits.length);
    next[digits.length - 1] += times;
    return new DeweyNumber(next);
  }

  /** This number with a new last digit 0. */
  public DeweyNumber addStage() {
    return new DeweyNumber(Arrays.copyOf(digits, digits.length + 1));
  }

  /**
   * Whether this version descends from {@code other}: {@code other} is a proper prefix of it, or
   * both have the same length, the same digits but the last, and this last digit is at least the
   * other's.
   */
  public boolean isCompatibleWith(DeweyNumber other) {
    int[] theirs = other.digits;
    if (digits.length > theirs.length) {
      for (int i = 0; i < theirs.length; i++) {
        if (theirs[i] != digits[i]) {
          return false;
        }
      }
      return true;
    }
    if (digits.length == theirs.length) {
      int last = digits.length - 1;
      for (int i = 0; i < last; i++) {
        if (theirs[i] != digits[i]) {
          return false;
        }
      }
      return digits[last] >= theirs[last];
    }
    return false;
  }

  int length() {
    return digits.length;
  }

  int digit(int index) {
    return digits[index];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DeweyNumber that && Arrays.equals(digits, that.digits);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(digits);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < digits.length; i++) {
      if (i > 0) {
        text.append('.');
      }
      text.append(digits[i]);
    }
    return text.toString();
  }
}
