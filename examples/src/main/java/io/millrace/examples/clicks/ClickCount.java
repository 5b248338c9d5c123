package io.millrace.examples.clicks;

import java.util.Objects;

/** How many clicks a user has made so far: what {@link ClickCounter} emits per click. */
public class ClickCount {
  private String userId;
  private long count;

  /** An empty count, for frameworks that fill POJOs field by field. */
  public ClickCount() {}

  /** {@code userId} has made {@code count} clicks so far. */
  public ClickCount(String userId, long count) {
    this.userId = userId;
    this.count = count;
  }

  /** The user. */
  public String getUserId() {
    return userId;
  }

  /** Sets the user. */
  public void setUserId(String userId) {
    this.userId = userId;
  }

  /** The user's clicks so far. */
  public long getCount() {
    return count;
  }

  /** Sets the user's clicks so far. */
  public void setCount(long count) {
    this.count = count;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ClickCount that && count == that.count && Objects.equals(userId, that.userId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(userId, count);
  }

  @Override
  public String toString() {
    return "ClickCount{userId=" + userId + ", count=" + count + "}";
  }
}
