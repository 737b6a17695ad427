package org.talkingpiece.session;

import org.talkingpiece.shared.Hashes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.HashSet;
import org.talkingpiece.floor.Floor;
import org.talkingpiece.floor.FloorEvent;
import org.talkingpiece.floor.Roster;
import org.talkingpiece.session.LifecycleEvent.ActivityChanged;
import org.talkingpiece.session.LifecycleEvent.SteppedOut;
import org.talkingpiece.session.LifecycleEvent.ParticipantJoined;
import org.talkingpiece.session.LifecycleEvent.ParticipantRemoved;
import org.talkingpiece.session.LifecycleEvent.ParticipantRenamed;
import org.talkingpiece.session.LifecycleEvent.SelfIdentified;
import org.talkingpiece.session.LifecycleEvent.SessionCreated;
import org.talkingpiece.session.LifecycleEvent.SessionEnded;
import org.talkingpiece.session.LifecycleEvent.SessionPaused;
import org.talkingpiece.session.LifecycleEvent.SessionResumed;
import org.talkingpiece.session.LifecycleEvent.SessionStarted;
import org.talkingpiece.session.LifecycleEvent.SettingsChanged;

/**
 * A session's state: a fold over its log, plus presence, which is not logged (who is connected
 * right now is rebuilt from the sockets after a restart, not from history).
 *
 * <p>Not thread-safe: owned by the session's single owner and touched only on its thread.
 * {@link #apply(Commit)} is deterministic, so replaying the log gives the state the owner had.
 */
public final class SessionState implements Roster {
  private String id;
  private String joinCode;
  private String moduleSlug;
  private int moduleVersion;
  private String facilitatorAccountId;
  private SessionSettings settings = SessionSettings.defaults();
  private String salt = "";
  private SessionStatus status = SessionStatus.LOBBY;
  private int activityIndex = -1;
  private boolean paused;
  private long createdAt;
  private long startedAt = -1;
  private long endedAt = -1;
  private long version;
  private final Map<String, Participant> participants = new LinkedHashMap<>();
  private final List<String> joinOrder = new ArrayList<>();
  private final List<ActivityRun> activityRuns = new ArrayList<>();
  private final Floor floor;
  private final Map<String, Integer> connections = new HashMap<>();
  private final Set<String> steppedOut = new HashSet<>();

  /** One stretch of time an activity was current (an activity visited twice has two runs). */
  public record ActivityRun(int index, long startedAt, long endedAt) {}

  /** A session whose rounds shuffle with a fresh random source. */
  public SessionState() {
    this(new Random());
  }

  /** A session whose rounds shuffle with {@code random} (a seeded one makes a test repeatable). */
  public SessionState(Random random) {
    this.floor = new Floor(random);
  }

  public void apply(Commit commit) {
    for (SessionEvent event : commit.events()) {
      apply(event, commit.at());
    }
    version = commit.seq();
  }

  private void apply(SessionEvent event, long at) {
    if (event instanceof FloorEvent f) {
      floor.apply(f);
      return;
    }
    if (event instanceof SessionCreated e) {
      id = e.sessionId();
      joinCode = e.joinCode();
      moduleSlug = e.moduleSlug();
      moduleVersion = e.moduleVersion();
      facilitatorAccountId = e.facilitatorAccountId();
      settings = e.settings();
      salt = e.salt();
      createdAt = at;
    } else if (event instanceof ParticipantJoined e) {
      participants.put(e.participantId(), new Participant(e.participantId(), e.name(), at, tagFor(e.participantId())));
      joinOrder.add(e.participantId());
    } else if (event instanceof ParticipantRenamed e) {
      participants.get(e.participantId()).rename(e.name());
    } else if (event instanceof ParticipantRemoved e) {
      participants.get(e.participantId()).remove();
      connections.remove(e.participantId());
      steppedOut.remove(e.participantId());
    } else if (event instanceof SelfIdentified e) {
      participants.get(e.participantId()).identify(e.category(), e.value());
    } else if (event instanceof SessionStarted) {
      status = SessionStatus.LIVE;
      startedAt = at;
    } else if (event instanceof ActivityChanged e) {
      closeActivityRun(at);
      activityIndex = e.index();
      activityRuns.add(new ActivityRun(e.index(), at, -1));
    } else if (event instanceof SessionPaused) {
      paused = true;
    } else if (event instanceof SessionResumed) {
      paused = false;
    } else if (event instanceof SessionEnded) {
      closeActivityRun(at);
      status = SessionStatus.ENDED;
      endedAt = at;
      paused = false;
    } else if (event instanceof SettingsChanged e) {
      settings = e.settings();
    } else if (event instanceof SteppedOut e) {
      setSteppedOut(e.participantId(), e.out());
    } else {
      throw new IllegalArgumentException("Unknown event " + event.getClass().getName());
    }
  }

  private void closeActivityRun(long at) {
    int last = activityRuns.size() - 1;
    if (last >= 0 && activityRuns.get(last).endedAt() < 0) {
      ActivityRun run = activityRuns.get(last);
      activityRuns.set(last, new ActivityRun(run.index(), run.startedAt(), at));
    }
  }

  private String tagFor(String participantId) {
    return Hashes.sha256Hex(salt + ":" + participantId).substring(0, 12);
  }

  // Presence: not logged.

  /** Records one more (or one fewer) open socket for a participant; returns whether presence changed. */
  public boolean connectionChanged(String participantId, boolean connected) {
    Participant p = participants.get(participantId);
    if (p == null || p.removed()) {
      return false;
    }
    boolean before = isConnected(participantId);
    connections.merge(participantId, connected ? 1 : -1, Integer::sum);
    if (connections.getOrDefault(participantId, 0) <= 0) {
      connections.remove(participantId);
    }
    return before != isConnected(participantId);
  }

  public boolean isConnected(String participantId) {
    return connections.containsKey(participantId);
  }

  /** The private "step out for a moment" (logged as {@code SteppedOut}): skipped in rounds, shown to no one. */
  private void setSteppedOut(String participantId, boolean out) {
    if (out) {
      steppedOut.add(participantId);
    } else {
      steppedOut.remove(participantId);
    }
  }

  public boolean isSteppedOut(String participantId) {
    return steppedOut.contains(participantId);
  }

  // Roster, for the floor.

  @Override
  public List<String> joinOrder() {
    return List.copyOf(joinOrder);
  }

  @Override
  public boolean contains(String participantId) {
    return participants.containsKey(participantId);
  }

  @Override
  public boolean isPresent(String participantId) {
    Participant p = participants.get(participantId);
    return p != null && !p.removed() && isConnected(participantId) && !steppedOut.contains(participantId);
  }

  @Override
  public boolean isRemoved(String participantId) {
    Participant p = participants.get(participantId);
    return p != null && p.removed();
  }

  @Override
  public String displayName(String participantId) {
    Participant p = participants.get(participantId);
    return p == null ? "Someone" : p.name();
  }

  // Reads.

  public String id() {
    return id;
  }

  public String joinCode() {
    return joinCode;
  }

  public String moduleSlug() {
    return moduleSlug;
  }

  public int moduleVersion() {
    return moduleVersion;
  }

  public String facilitatorAccountId() {
    return facilitatorAccountId;
  }

  public SessionSettings settings() {
    return settings;
  }

  public SessionStatus status() {
    return status;
  }

  public int activityIndex() {
    return activityIndex;
  }

  public boolean paused() {
    return paused;
  }

  public long createdAt() {
    return createdAt;
  }

  public long startedAt() {
    return startedAt;
  }

  public long endedAt() {
    return endedAt;
  }

  public long version() {
    return version;
  }

  public Optional<Participant> participant(String participantId) {
    return Optional.ofNullable(participants.get(participantId));
  }

  /** Everyone who joined, in join order, removed ones included. */
  public Collection<Participant> participants() {
    return participants.values();
  }

  /** Participants who were not removed, in join order. */
  public List<Participant> members() {
    return participants.values().stream().filter(p -> !p.removed()).toList();
  }

  public List<ActivityRun> activityRuns() {
    return List.copyOf(activityRuns);
  }

  public Floor floor() {
    return floor;
  }
}
