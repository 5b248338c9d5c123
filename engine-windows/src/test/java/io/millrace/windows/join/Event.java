package io.millrace.windows.join;

import java.io.Serializable;

/**
 * A test event of either side of a join: an id unique over both sides, a key and a timestamp.
 *
 * @param id unique id
 * @param key join key
 * @param ts event timestamp
 */
record Event(int id, String key, long ts) implements Serializable {}
