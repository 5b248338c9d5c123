package io.millrace.examples.clicks;

import java.io.Serializable;

/**
 * The views of one page in one event-time window {@code [windowStart, windowEnd)}, as
 * {@link PageViewCountingJob} emits them. A window fires once when the watermark passes its
 * end, and again with the updated count for each late view within the allowed lateness.
 *
 * @param page the page
 * @param windowStart the window's first millisecond
 * @param windowEnd the first millisecond after the window
 * @param count views of {@code page} in the window so far
 */
public record PageViewCount(String page, long windowStart, long windowEnd, long count) implements Serializable {}
