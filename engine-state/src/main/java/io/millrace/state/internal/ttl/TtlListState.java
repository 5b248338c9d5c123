package io.millrace.state.internal.ttl;

import io.millrace.state.ListState;
import io.millrace.state.internal.InternalMergingState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * {@link ListState} with TTL over a backend list state of {@link TtlValue}s: every element has
 * its own timestamp, set when it is added (and, under {@code OnReadAndWrite}, when the list is
 * read). {@link #get()} returns a snapshot of the live elements (plus the expired ones under
 * {@code ReturnExpiredIfNotCleanedUp}) and writes back the list without its expired elements.
 * Null elements are rejected, as without TTL.
 *
 * @param <T> the element type
 */
public final class TtlListState<T> extends AbstractTtlState
    implements ListState<T>, InternalMergingState<Object> {

  private final ListState<TtlValue<T>> original;
  private final InternalMergingState<Object> originalMerging;
  private final String stateName;

  /** Decorates {@code original} (state {@code stateName}); {@code accessHook} runs first. */
  public <S extends ListState<TtlValue<T>> & InternalMergingState<Object>> TtlListState(
      S original, String stateName, TtlPolicy policy, Runnable accessHook) {
    super(original, policy, accessHook);
    this.original = original;
    this.originalMerging = original;
    this.stateName = stateName;
  }

  @Override
  public Iterable<T> get() throws Exception {
    accessHook.run();
    long now = policy.now();
    List<T> visible = new ArrayList<>();
    List<TtlValue<T>> kept = new ArrayList<>();
    boolean anyExpired = false;
    for (TtlValue<T> element : original.get()) {
      if (policy.isExpired(element, now)) {
        anyExpired = true;
        if (policy.returnExpired()) {
          visible.add(element.userValue());
        }
      } else {
        visible.add(element.userValue());
        kept.add(policy.refreshOnRead() ? policy.wrap(element.userValue(), now) : element);
      }
    }
    if (anyExpired || (policy.refreshOnRead() && !kept.isEmpty())) {
      original.update(kept);
    }
    return visible.isEmpty() ? Collections.emptyList() : Collections.unmodifiableList(visible);
  }

  @Override
  public void add(T value) throws Exception {
    requireElement(value);
    accessHook.run();
    original.add(policy.wrap(value, policy.now()));
  }

  @Override
  public void update(List<T> values) throws Exception {
    List<TtlValue<T>> wrapped = wrapAll(values, "update");
    accessHook.run();
    original.update(wrapped);
  }

  @Override
  public void addAll(List<T> values) throws Exception {
    List<TtlValue<T>> wrapped = wrapAll(values, "addAll");
    accessHook.run();
    original.addAll(wrapped);
  }

  @Override
  public void mergeNamespaces(Object target, Collection<Object> sources) throws Exception {
    originalMerging.mergeNamespaces(target, sources);
  }

  private List<TtlValue<T>> wrapAll(List<T> values, String method) {
    if (values == null) {
      throw new NullPointerException(
          "the list passed to ListState." + method + " must not be null (state '" + stateName
              + "'); pass an empty list instead");
    }
    long now = policy.now();
    List<TtlValue<T>> wrapped = new ArrayList<>(values.size());
    for (T value : values) {
      requireElement(value);
      wrapped.add(policy.wrap(value, now));
    }
    return wrapped;
  }

  private void requireElement(T value) {
    if (value == null) {
      throw new NullPointerException(
          "ListState elements must not be null (state '" + stateName + "')");
    }
  }
}
