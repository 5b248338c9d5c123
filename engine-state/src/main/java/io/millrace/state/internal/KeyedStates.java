package io.millrace.state.internal;

import io.millrace.state.State;
import io.millrace.state.StateDescriptor;
import io.millrace.state.serialization.TypeSerializer;
import java.util.Objects;

/** Checks shared by the keyed state backends: their key groups, the current key, re-requested states. */
public final class KeyedStates {
  private KeyedStates() {}

  /**
   * Fails unless {@code requested} (with {@code requestedNamespaces}) describes the same state
   * as the {@code registered} one: one name must mean one state, of one kind, value type, TTL
   * and namespace type. The message names the state, the operator, the difference and the fix.
   *
   * @throws IllegalStateException if they differ
   */
  public static void checkCompatible(
      StateDescriptor<?, ?> registered, TypeSerializer<?> registeredNamespaces,
      StateDescriptor<?, ?> requested, TypeSerializer<?> requestedNamespaces,
      String operatorDescription) {
    if (registered == requested && registeredNamespaces == requestedNamespaces) {
      return;
    }
    String difference = null;
    if (registered.getKind() != requested.getKind()) {
      difference = "registered as " + registered.getKind() + " state and is now requested as "
          + requested.getKind() + " state";
    } else if (!registered.getSerializer().equals(requested.getSerializer())) {
      difference = "registered with values written by " + registered.getSerializer()
          + " and is now requested with " + requested.getSerializer();
    } else if (!Objects.equals(registered.getTtlConfig(), requested.getTtlConfig())) {
      difference = "registered with TTL " + registered.getTtlConfig()
          + " and is now requested with TTL " + requested.getTtlConfig();
    } else if (!registeredNamespaces.equals(requestedNamespaces)) {
      difference = "registered with namespaces written by " + registeredNamespaces
          + " and is now requested with " + requestedNamespaces
          + " (e.g. once per window and once globally)";
    }
    if (difference != null) {
      throw new IllegalStateException(
          "state '" + requested.getName() + "' of " + operatorDescription + " was " + difference
              + ": use a different name for each state");
    }
  }

  /**
   * The key group of {@code key}, checked against the backend's {@code range}: what every
   * backend's {@code setCurrentKey} starts with.
   *
   * @throws NullPointerException if {@code key} is null, naming the key selector as the cause
   * @throws IllegalStateException if the key's group is outside {@code range} (a key whose hash
   *     code is not deterministic)
   */
  public static int keyGroupOf(
      Object key, KeyGroupRange range, int numberOfKeyGroups, String operatorDescription) {
    if (key == null) {
      throw new NullPointerException(
          "key must not be null in " + operatorDescription
              + ": the key selector of keyBy(...) returned null for a record");
    }
    int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key, numberOfKeyGroups);
    if (!range.contains(keyGroup)) {
      throw new IllegalStateException(
          "key " + key + " belongs to key group " + keyGroup + ", outside " + range
              + " of " + operatorDescription
              + ": is the key's hashCode() deterministic and consistent with equals()?");
    }
    return keyGroup;
  }

  /**
   * Checks a backend's key groups: {@code numberOfKeyGroups} within Flink's bounds and
   * {@code range} inside it.
   *
   * @throws IllegalArgumentException naming the bad value
   */
  public static void checkKeyGroups(KeyGroupRange range, int numberOfKeyGroups) {
    if (numberOfKeyGroups < 1
        || numberOfKeyGroups > KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM) {
      throw new IllegalArgumentException(
          "numberOfKeyGroups must be in [1, " + KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM
              + "], got " + numberOfKeyGroups);
    }
    if (range.endKeyGroup() >= numberOfKeyGroups) {
      throw new IllegalArgumentException(
          "keyGroupRange " + range + " exceeds numberOfKeyGroups " + numberOfKeyGroups);
    }
  }

  /** The error for a descriptor class no backend knows, naming the state and the fix. */
  public static IllegalArgumentException unsupportedDescriptor(StateDescriptor<?, ?> descriptor) {
    return new IllegalArgumentException(
        "unsupported state descriptor " + descriptor.getClass().getName() + " for state '"
            + descriptor.getName() + "': use one of the descriptors in io.millrace.state");
  }

  /**
   * {@code handle} typed as {@code descriptor}'s state interface. A backend builds the handle of
   * each descriptor class for exactly that class, and a {@code StateDescriptor<S, ?>} of each of
   * those classes has {@code S} = the handle's interface (e.g. {@code ValueStateDescriptor<T>}
   * extends {@code StateDescriptor<ValueState<T>, T>}); registered handles are only returned for
   * a descriptor that passed {@link #checkCompatible}.
   */
  @SuppressWarnings("unchecked")
  public static <S extends State> S asHandle(State handle, StateDescriptor<S, ?> descriptor) {
    return (S) handle;
  }
}
