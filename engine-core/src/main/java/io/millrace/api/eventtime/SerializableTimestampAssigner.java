package io.millrace.api.eventtime;

import java.io.Serializable;

/**
 * A {@link TimestampAssigner} that is {@link Serializable}, so a lambda can be given to
 * {@link WatermarkStrategy#withTimestampAssigner(SerializableTimestampAssigner)}.
 *
 * @param <T> element type
 */
@FunctionalInterface
public interface SerializableTimestampAssigner<T> extends TimestampAssigner<T>, Serializable {}
