package org.talkingpiece.session;

import java.util.List;

/** Facts about a session's lifecycle and its participants, as stored in its log. */
public sealed interface LifecycleEvent extends SessionEvent {

  /**
   * The first event of every session: the pinned module version and the settings. {@code salt} is a
   * random value from which public tags for participants are derived; it never leaves the server.
   */
  record SessionCreated(String sessionId, String joinCode, String moduleSlug, int moduleVersion,
      String facilitatorAccountId, SessionSettings settings, String salt) implements LifecycleEvent {}

  record ParticipantJoined(String participantId, String name) implements LifecycleEvent {}

  record ParticipantRenamed(String participantId, String name) implements LifecycleEvent {}

  /** The facilitator removed someone: their token is revoked and they leave the floor for good. */
  record ParticipantRemoved(String participantId) implements LifecycleEvent {}

  /** A participant's optional self-identification (category → value); absent values mean "prefer not to say". */
  record SelfIdentified(String participantId, String category, String value) implements LifecycleEvent {}

  record SessionStarted() implements LifecycleEvent {}

  /** The agenda moved to the activity at {@code index} (0-based). */
  record ActivityChanged(int index) implements LifecycleEvent {}

  record SessionPaused() implements LifecycleEvent {}

  record SessionResumed() implements LifecycleEvent {}

  record SessionEnded() implements LifecycleEvent {}

  /** The facilitator changed settings during the lobby or the session. */
  record SettingsChanged(SessionSettings settings) implements LifecycleEvent {}

  /**
   * A participant stepped out for a moment ({@code out}) or came back. Logged so a restart keeps it;
   * shown to nobody but the participant themself (rounds skip them as they skip someone away).
   */
  record SteppedOut(String participantId, boolean out) implements LifecycleEvent {}

  /** Every record of this family, for the codec. */
  List<Class<? extends LifecycleEvent>> TYPES = List.of(SessionCreated.class, ParticipantJoined.class,
      ParticipantRenamed.class, ParticipantRemoved.class, SelfIdentified.class, SessionStarted.class,
      ActivityChanged.class, SessionPaused.class, SessionResumed.class, SessionEnded.class, SettingsChanged.class,
      SteppedOut.class);
}
