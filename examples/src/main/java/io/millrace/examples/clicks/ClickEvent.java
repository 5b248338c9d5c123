package io.millrace.examples.clicks;

import java.util.Objects;

/**
 * A click of a user on an ad: a plain POJO (public no-argument constructor, getters and
 * setters), as in the Flink notes the examples port. Never changed after it is emitted.
 */
public class ClickEvent {
  private String userId;
  private String adId;

  /** An empty click, for frameworks that fill POJOs field by field. */
  public ClickEvent() {}

  /** A click of {@code userId} on {@code adId}. */
  public ClickEvent(String userId, String adId) {
    this.userId = userId;
    this.adId = adId;
  }

  /** The user who clicked. */
  public String getUserId() {
    return userId;
  }

  /** Sets the user who clicked. */
  public void setUserId(String userId) {
    this.userId = userId;
  }

  /** The ad that was clicked. */
  public String getAdId() {
    return adId;
  }

  /** Sets the ad that was clicked. */
  public void setAdId(String adId) {
    this.adId = adId;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ClickEvent that
        && Objects.equals(userId, that.userId)
        && Objects.equals(adId, that.adId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(userId, adId);
  }

  @Override
  public String toString() {
    return "ClickEvent{userId=" + userId + ", adId=" + adId + "}";
  }
}
