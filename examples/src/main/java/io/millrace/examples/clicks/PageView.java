package io.millrace.examples.clicks;

import java.io.Serializable;

/**
 * A view of a page by a user at an event time: the input of {@link PageViewCountingJob}.
 *
 * @param page the page viewed, such as {@code "/home"}
 * @param userId the viewing user
 * @param timestamp when the view happened, epoch milliseconds (event time)
 */
public record PageView(String page, String userId, long timestamp) implements Serializable {}
