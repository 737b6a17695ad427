package org.talkingpiece.session;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.talkingpiece.curriculum.Activity;
import org.talkingpiece.curriculum.Module;
import org.talkingpiece.floor.FloorCommand;
import org.talkingpiece.floor.FloorSettings;
import org.talkingpiece.session.LifecycleEvent.ActivityChanged;
import org.talkingpiece.session.LifecycleEvent.ParticipantJoined;
import org.talkingpiece.session.LifecycleEvent.ParticipantRemoved;
import org.talkingpiece.session.LifecycleEvent.ParticipantRenamed;
import org.talkingpiece.session.LifecycleEvent.SelfIdentified;
import org.talkingpiece.session.LifecycleEvent.SessionEnded;
import org.talkingpiece.session.LifecycleEvent.SessionPaused;
import org.talkingpiece.session.LifecycleEvent.SessionResumed;
import org.talkingpiece.session.LifecycleEvent.SessionStarted;
import org.talkingpiece.shared.Actor;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.Args;
import org.talkingpiece.session.LifecycleEvent.SteppedOut;
import org.talkingpiece.session.SessionCommand.End;
import org.talkingpiece.session.SessionCommand.Feature;
import org.talkingpiece.session.SessionCommand.Floor;
import org.talkingpiece.session.SessionCommand.GoTo;
import org.talkingpiece.session.SessionCommand.Join;
import org.talkingpiece.session.SessionCommand.Next;
import org.talkingpiece.session.SessionCommand.Pause;
import org.talkingpiece.session.SessionCommand.Previous;
import org.talkingpiece.session.SessionCommand.Remove;
import org.talkingpiece.session.SessionCommand.Rename;
import org.talkingpiece.session.SessionCommand.Resume;
import org.talkingpiece.session.SessionCommand.SelfIdentify;
import org.talkingpiece.session.SessionCommand.Start;
import org.talkingpiece.session.SessionCommand.StepOut;
import org.talkingpiece.session.SessionCommand.Sync;

/**
 * Decides what a command means for a session: the events to store, or an {@link AppException}
 * naming why not. Pure: reads the state and the pinned module, changes nothing; time comes in as
 * {@code now}. Floor commands ({@code floor.*}) are decided by the session's {@link
 * org.talkingpiece.floor.Floor}.
 */
public final class SessionCommands {
  /** Most participants one session takes. */
  static final int MAX_PARTICIPANTS = 2000;

  private final RandomGenerator random;

  public SessionCommands(RandomGenerator random) {
    this.random = random;
  }

  /** As {@link #decide(SessionState, Module, Actor, SessionCommand, long)} for a command still on the wire. */
  public List<SessionEvent> decide(SessionState s, Module module, Actor actor, String command, JsonObject args, long now) {
    return decide(s, module, actor, SessionCommand.parse(command, args), now);
  }

  /**
   * The rule of each command: who may send it, in which state, and what it records.
   *
   * @param actor who sends it; {@code null} for the server itself (joins come from the HTTP join route)
   */
  public List<SessionEvent> decide(SessionState s, Module module, Actor actor, SessionCommand command, long now) {
    if (command instanceof Sync) {
      return List.of();
    } else if (command instanceof Join c) {
      return join(s, actor, c);
    } else if (command instanceof Start) {
      return start(s, module, actor, now);
    } else if (command instanceof Next) {
      return moveTo(s, module, actor, s.activityIndex() + 1, now);
    } else if (command instanceof Previous) {
      return moveTo(s, module, actor, s.activityIndex() - 1, now);
    } else if (command instanceof GoTo c) {
      return moveTo(s, module, actor, c.index(), now);
    } else if (command instanceof Pause) {
      return pause(s, actor, true);
    } else if (command instanceof Resume) {
      return pause(s, actor, false);
    } else if (command instanceof End) {
      return end(s, actor, now);
    } else if (command instanceof Rename c) {
      return rename(s, actor, c);
    } else if (command instanceof Remove c) {
      return remove(s, actor, c);
    } else if (command instanceof SelfIdentify c) {
      return selfIdentify(s, actor, c);
    } else if (command instanceof StepOut c) {
      return stepOut(s, actor, c.out());
    } else if (command instanceof Floor c) {
      return floor(s, actor, c.command(), now);
    } else if (command instanceof Feature c) {
      // The owner offers these to its live features first; one that reaches here has no taker.
      throw AppException.invalid("Unknown command '" + c.name() + "'");
    }
    throw new IllegalStateException("No rule for " + command.getClass().getSimpleName());
  }

  private List<SessionEvent> join(SessionState s, Actor actor, Join c) {
    if (actor != null) {
      throw AppException.forbidden("People join through the join page, not by command");
    }
    if (s.status() == SessionStatus.ENDED) {
      throw AppException.wrongState("This session has ended");
    }
    if (s.participants().size() >= MAX_PARTICIPANTS) {
      throw AppException.wrongState("This session is full");
    }
    if (s.contains(c.participantId())) {
      throw AppException.invalid("participantId is already taken");
    }
    List<String> taken = s.participants().stream().map(Participant::name).toList();
    String name = c.name() == null ? Names.pseudonym(random, taken) : Names.unique(Names.clean(c.name(), "name"), taken);
    return List.of(new ParticipantJoined(c.participantId(), name));
  }

  private List<SessionEvent> start(SessionState s, Module module, Actor actor, long now) {
    requireFacilitator(actor);
    if (s.status() != SessionStatus.LOBBY) {
      throw AppException.wrongState("The session has already " + (s.status() == SessionStatus.LIVE ? "started" : "ended"));
    }
    List<SessionEvent> events = new ArrayList<>();
    events.add(new SessionStarted());
    events.addAll(activityEvents(s, module, 0, now));
    return events;
  }

  private List<SessionEvent> moveTo(SessionState s, Module module, Actor actor, int index, long now) {
    requireFacilitator(actor);
    requireLive(s);
    if (index < 0 || index >= module.activities().size()) {
      throw AppException.wrongState(index < 0 ? "This is the first activity" : "This is the last activity; end the session instead");
    }
    if (index == s.activityIndex()) {
      return List.of();
    }
    return activityEvents(s, module, index, now);
  }

  /**
   * Moving to an activity also sets the floor up for it (and ends any open turn): as the module says,
   * with the session's default turn limit and queue mode applied.
   */
  private static List<SessionEvent> activityEvents(SessionState s, Module module, int index, long now) {
    Activity activity = module.activities().get(index);
    FloorSettings fromModule = FloorSettings.forActivity(activity.id(), activity.type().wireName(), activity.settings());
    List<SessionEvent> events = new ArrayList<>();
    events.add(new ActivityChanged(index));
    events.addAll(s.floor().configureFor(s.settings().floorFor(fromModule), now));
    return events;
  }

  private static List<SessionEvent> pause(SessionState s, Actor actor, boolean pause) {
    requireFacilitator(actor);
    requireLive(s);
    if (s.paused() == pause) {
      return List.of();
    }
    return List.of(pause ? new SessionPaused() : new SessionResumed());
  }

  private static List<SessionEvent> end(SessionState s, Actor actor, long now) {
    requireFacilitator(actor);
    if (s.status() == SessionStatus.ENDED) {
      throw AppException.wrongState("The session has already ended");
    }
    List<SessionEvent> events = new ArrayList<>();
    if (s.floor().speakerId().isPresent()) {
      events.addAll(s.floor().decide(new FloorCommand.EndTurn(), Actor.facilitator(), s, now));
    }
    events.add(new SessionEnded());
    return events;
  }

  private static List<SessionEvent> rename(SessionState s, Actor actor, Rename c) {
    requireActor(actor);
    String id = actor.isFacilitator() ? required(c.participantId(), "rename", "participantId") : actor.participantId();
    Participant p = member(s, id);
    String name = Names.clean(c.name(), "name");
    if (name.equals(p.name())) {
      return List.of();
    }
    List<String> taken = s.participants().stream().filter(o -> !o.id().equals(id)).map(Participant::name).toList();
    return List.of(new ParticipantRenamed(id, Names.unique(name, taken)));
  }

  private static List<SessionEvent> remove(SessionState s, Actor actor, Remove c) {
    requireFacilitator(actor);
    Participant p = member(s, c.participantId());
    return List.of(new ParticipantRemoved(p.id()));
  }

  private static List<SessionEvent> selfIdentify(SessionState s, Actor actor, SelfIdentify c) {
    requireActor(actor);
    if (actor.isFacilitator()) {
      throw AppException.forbidden("Only participants describe themselves");
    }
    Participant p = member(s, actor.participantId());
    var options = s.settings().selfIdCategories().get(c.category());
    if (options == null) {
      throw AppException.invalid("category is not one the facilitator offered");
    }
    if (c.value() != null && !options.contains(c.value())) {
      throw AppException.invalid("value must be one of the offered options, or null for prefer not to say");
    }
    if (java.util.Objects.equals(p.selfId().get(c.category()), c.value())) {
      return List.of();
    }
    return List.of(new SelfIdentified(p.id(), c.category(), c.value()));
  }

  /**
   * Stepping out is logged so it survives a restart, but no view shows it to anyone but the person
   * themself: the round just skips them, as it skips someone whose phone went away.
   */
  private static List<SessionEvent> stepOut(SessionState s, Actor actor, boolean out) {
    if (actor == null || !actor.role().equals(Actor.Role.PARTICIPANT)) {
      throw AppException.forbidden("Only participants step out");
    }
    member(s, actor.participantId());
    if (s.isSteppedOut(actor.participantId()) == out) {
      return List.of();
    }
    return List.of(new SteppedOut(actor.participantId(), out));
  }

  private static List<SessionEvent> floor(SessionState s, Actor actor, FloorCommand command, long now) {
    requireActor(actor);
    requireLive(s);
    if (!actor.isFacilitator()) {
      member(s, actor.participantId());
    }
    return new ArrayList<>(s.floor().decide(command, actor, s, now));
  }

  private static Participant member(SessionState s, String id) {
    return s.participant(id).filter(p -> !p.removed())
        .orElseThrow(() -> AppException.notFound("No such participant in this session"));
  }

  private static void requireActor(Actor actor) {
    if (actor == null) {
      throw AppException.forbidden("This command needs a participant or the facilitator");
    }
  }

  private static void requireFacilitator(Actor actor) {
    if (actor == null || !actor.isFacilitator()) {
      throw AppException.forbidden("Only the facilitator can do this");
    }
  }

  private static void requireLive(SessionState s) {
    if (s.status() != SessionStatus.LIVE) {
      throw AppException.wrongState(s.status() == SessionStatus.LOBBY
          ? "The session has not started yet" : "The session has ended");
    }
  }

  private static String required(String value, String where, String field) {
    if (value == null) {
      throw Args.bad(where, field, "must be a non-empty string");
    }
    return value;
  }
}
