package io.millrace.state.internal.ttl;

import io.millrace.state.MapState;
import io.millrace.state.internal.InternalKvState;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link MapState} with TTL over a backend map state of {@link TtlValue}s: every entry has its
 * own timestamp. Reading an entry ({@link #get}, {@link #contains}) removes it if expired and
 * refreshes it under {@code OnReadAndWrite}. {@link #entries()}, {@link #keys()} and
 * {@link #values()} return snapshots taken at the call (expired entries removed, included only
 * under {@code ReturnExpiredIfNotCleanedUp}); their iterators' {@code remove()} removes the
 * entry from the state; {@code Map.Entry.setValue} is not supported (use {@link #put}).
 *
 * @param <UK> the user key type
 * @param <UV> the user value type
 */
public final class TtlMapState<UK, UV> extends AbstractTtlState implements MapState<UK, UV> {

  private final MapState<UK, TtlValue<UV>> original;

  /** Decorates {@code original}; {@code accessHook} runs before every access. */
  public <S extends MapState<UK, TtlValue<UV>> & InternalKvState<Object>> TtlMapState(
      S original, TtlPolicy policy, Runnable accessHook) {
    super(original, policy, accessHook);
    this.original = original;
  }

  @Override
  public UV get(UK key) throws Exception {
    accessHook.run();
    TtlValue<UV> stored = original.get(key);
    if (stored == null) {
      return null;
    }
    long now = policy.now();
    if (policy.isExpired(stored, now)) {
      original.remove(key);
      return policy.returnExpired() ? stored.userValue() : null;
    }
    if (policy.refreshOnRead()) {
      original.put(key, policy.wrap(stored.userValue(), now));
    }
    return stored.userValue();
  }

  @Override
  public boolean contains(UK key) throws Exception {
    accessHook.run();
    TtlValue<UV> stored = original.get(key);
    if (stored == null) {
      return false;
    }
    long now = policy.now();
    if (policy.isExpired(stored, now)) {
      original.remove(key);
      return policy.returnExpired();
    }
    if (policy.refreshOnRead()) {
      original.put(key, policy.wrap(stored.userValue(), now));
    }
    return true;
  }

  @Override
  public void put(UK key, UV value) throws Exception {
    accessHook.run();
    original.put(key, policy.wrap(value, policy.now()));
  }

  @Override
  public void putAll(Map<UK, UV> map) throws Exception {
    if (map == null || map.isEmpty()) {
      return;
    }
    accessHook.run();
    long now = policy.now();
    Map<UK, TtlValue<UV>> wrapped = new HashMap<>();
    for (Map.Entry<UK, UV> entry : map.entrySet()) {
      wrapped.put(entry.getKey(), policy.wrap(entry.getValue(), now));
    }
    original.putAll(wrapped);
  }

  @Override
  public void remove(UK key) throws Exception {
    accessHook.run();
    original.remove(key);
  }

  @Override
  public Iterable<Map.Entry<UK, UV>> entries() throws Exception {
    return view(snapshot(), Function.identity());
  }

  @Override
  public Iterable<UK> keys() throws Exception {
    return view(snapshot(), Map.Entry::getKey);
  }

  @Override
  public Iterable<UV> values() throws Exception {
    return view(snapshot(), Map.Entry::getValue);
  }

  @Override
  public boolean isEmpty() throws Exception {
    return snapshot().isEmpty();
  }

  /**
   * The visible entries of the current map; removes the expired ones and refreshes the live
   * ones under {@code OnReadAndWrite}.
   */
  private List<Map.Entry<UK, UV>> snapshot() throws Exception {
    accessHook.run();
    long now = policy.now();
    List<Map.Entry<UK, UV>> visible = new ArrayList<>();
    List<UK> expired = new ArrayList<>();
    Map<UK, TtlValue<UV>> refreshed = policy.refreshOnRead() ? new HashMap<>() : null;
    for (Map.Entry<UK, TtlValue<UV>> entry : original.entries()) {
      TtlValue<UV> stored = entry.getValue();
      boolean isExpired = policy.isExpired(stored, now);
      if (isExpired) {
        expired.add(entry.getKey());
      } else if (refreshed != null) {
        refreshed.put(entry.getKey(), policy.wrap(stored.userValue(), now));
      }
      if (!isExpired || policy.returnExpired()) {
        visible.add(new AbstractMap.SimpleImmutableEntry<>(entry.getKey(), stored.userValue()));
      }
    }
    for (UK key : expired) {
      original.remove(key);
    }
    if (refreshed != null && !refreshed.isEmpty()) {
      original.putAll(refreshed);
    }
    return visible;
  }

  /** An iterable over {@code entries} whose iterators' {@code remove()} writes through. */
  private <E> Iterable<E> view(
      List<Map.Entry<UK, UV>> entries, Function<Map.Entry<UK, UV>, E> project) {
    return () -> {
      Iterator<Map.Entry<UK, UV>> iterator = entries.iterator();
      return new Iterator<E>() {
        private Map.Entry<UK, UV> last;

        @Override
        public boolean hasNext() {
          return iterator.hasNext();
        }

        @Override
        public E next() {
          last = iterator.next();
          return project.apply(last);
        }

        @Override
        public void remove() {
          if (last == null) {
            throw new IllegalStateException("next() was not called before remove()");
          }
          try {
            original.remove(last.getKey());
          } catch (Exception e) {
            throw new IllegalStateException("could not remove map state key " + last.getKey(), e);
          }
          last = null;
        }
      };
    };
  }
}
