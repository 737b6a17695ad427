package org.talkingpiece.session;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.talkingpiece.curriculum.Activity;
import org.talkingpiece.curriculum.Module;
import org.talkingpiece.floor.FloorCommands;
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

/**
 * Decides what a command means for a session: the events to store, or an {@link AppException}
 * naming why not. Pure: reads the state and the pinned module, changes nothing; time comes in as
 * {@code now}. Floor commands ({@code floor.*}) are decided by the session's {@link
 * org.talkingpiece.floor.Floor}.
 */
public final class SessionCommands {
  public static final String FLOOR_PREFIX = "floor.";
  /** Most participants one session takes. */
  static final int MAX_PARTICIPANTS = 2000;

  private final RandomGenerator random;

  public SessionCommands(RandomGenerator random) {
    this.random = random;
  }

  /**
   * @param actor who sends it; {@code null} for the server itself (joins come from the HTTP join route)
   */
  public List<SessionEvent> decide(SessionState s, Module module, Actor actor, String command, JsonObject args, long now) {
    JsonObject a = args == null ? new JsonObject() : args;
    if (command == null || command.isBlank()) {
      throw AppException.invalid("command is missing");
    }
    if (command.startsWith(FLOOR_PREFIX)) {
      return floor(s, actor, command.substring(FLOOR_PREFIX.length()), a, now);
    }
    return switch (command) {
      case "join" -> join(s, actor, a);
      case "start" -> start(s, module, actor, now);
      case "next" -> moveTo(s, module, actor, s.activityIndex() + 1, now);
      case "previous" -> moveTo(s, module, actor, s.activityIndex() - 1, now);
      case "goto" -> moveTo(s, module, actor, integer(a, "index"), now);
      case "pause" -> pause(s, actor, true);
      case "resume" -> pause(s, actor, false);
      case "end" -> end(s, actor, now);
      case "rename" -> rename(s, actor, a);
      case "remove" -> remove(s, actor, a);
      case "self-identify" -> selfIdentify(s, actor, a);
      default -> throw AppException.invalid("Unknown command '" + command + "'");
    };
  }

  private List<SessionEvent> join(SessionState s, Actor actor, JsonObject a) {
    if (actor != null) {
      throw AppException.forbidden("People join through the join page, not by command");
    }
    if (s.status() == SessionStatus.ENDED) {
      throw AppException.wrongState("This session has ended");
    }
    if (s.participants().size() >= MAX_PARTICIPANTS) {
      throw AppException.wrongState("This session is full");
    }
    String id = string(a, "participantId");
    if (s.contains(id)) {
      throw AppException.invalid("participantId is already taken");
    }
    List<String> taken = s.participants().stream().map(Participant::name).toList();
    Object raw = a.getValue("name");
    String name = raw == null || (raw instanceof String text && text.isBlank())
        ? Names.pseudonym(random, taken)
        : Names.unique(Names.clean(raw instanceof String text ? text : null, "name"), taken);
    return List.of(new ParticipantJoined(id, name));
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
      events.addAll(s.floor().decide(FloorCommands.parse("end-turn", null), Actor.facilitator(), s, now));
    }
    events.add(new SessionEnded());
    return events;
  }

  private static List<SessionEvent> rename(SessionState s, Actor actor, JsonObject a) {
    requireActor(actor);
    String id = actor.isFacilitator() ? string(a, "participantId") : actor.participantId();
    Participant p = member(s, id);
    String name = Names.clean(a.getValue("name") instanceof String n ? n : null, "name");
    if (name.equals(p.name())) {
      return List.of();
    }
    List<String> taken = s.participants().stream().filter(o -> !o.id().equals(id)).map(Participant::name).toList();
    return List.of(new ParticipantRenamed(id, Names.unique(name, taken)));
  }

  private static List<SessionEvent> remove(SessionState s, Actor actor, JsonObject a) {
    requireFacilitator(actor);
    Participant p = member(s, string(a, "participantId"));
    return List.of(new ParticipantRemoved(p.id()));
  }

  private static List<SessionEvent> selfIdentify(SessionState s, Actor actor, JsonObject a) {
    requireActor(actor);
    if (actor.isFacilitator()) {
      throw AppException.forbidden("Only participants describe themselves");
    }
    Participant p = member(s, actor.participantId());
    String category = string(a, "category");
    var options = s.settings().selfIdCategories().get(category);
    if (options == null) {
      throw AppException.invalid("category is not one the facilitator offered");
    }
    Object value = a.getValue("value");
    if (value != null && !(value instanceof String v && options.contains(v))) {
      throw AppException.invalid("value must be one of the offered options, or null for prefer not to say");
    }
    String chosen = (String) value;
    if (java.util.Objects.equals(p.selfId().get(category), chosen)) {
      return List.of();
    }
    return List.of(new SelfIdentified(p.id(), category, chosen));
  }

  private static List<SessionEvent> floor(SessionState s, Actor actor, String name, JsonObject a, long now) {
    requireActor(actor);
    requireLive(s);
    if (!FloorCommands.NAMES.contains(name)) {
      throw AppException.invalid("Unknown command 'floor." + name + "'");
    }
    if (!actor.isFacilitator()) {
      member(s, actor.participantId());
    }
    return new ArrayList<>(s.floor().decide(FloorCommands.parse(name, a), actor, s, now));
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

  private static String string(JsonObject a, String field) {
    Object v = a.getValue(field);
    if (!(v instanceof String text) || text.isBlank()) {
      throw AppException.invalid(field + " must be a non-empty string");
    }
    return text;
  }

  private static int integer(JsonObject a, String field) {
    Object v = a.getValue(field);
    if (!(v instanceof Number n) || n.doubleValue() != Math.floor(n.doubleValue())) {
      throw AppException.invalid(field + " must be a whole number");
    }
    return n.intValue();
  }
}
