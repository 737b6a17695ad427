package org.talkingpiece.session;

import io.vertx.core.json.JsonObject;
import org.talkingpiece.floor.FloorCommand;
import org.talkingpiece.floor.FloorCommands;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.Args;

/**
 * Everything someone can ask of a live session, parsed once where it arrives ({@link #parse}): the
 * values are checked here (INVALID_INPUT naming the command and the field); who may send it and in
 * which state is the rule's business ({@link SessionCommands}). The wire names and arguments are in
 * docs/protocol.md.
 *
 * <p>To add a command: add its record here and its name to {@link #parse}, then its rule to
 * {@link SessionCommands#decide(SessionState, org.talkingpiece.curriculum.Module,
 * org.talkingpiece.shared.Actor, SessionCommand, long)}.
 */
public sealed interface SessionCommand {

  /** Anyone: the current views for the sender (the display may send only this). Changes nothing. */
  record Sync() implements SessionCommand {}

  /**
   * The server, for the join page: a new participant.
   *
   * @param name as typed, or {@code null} for a pseudonym
   */
  record Join(String participantId, String name) implements SessionCommand {}

  record Start() implements SessionCommand {}

  record Next() implements SessionCommand {}

  record Previous() implements SessionCommand {}

  /** @param index the activity, 0-based */
  record GoTo(int index) implements SessionCommand {}

  record Pause() implements SessionCommand {}

  record Resume() implements SessionCommand {}

  record End() implements SessionCommand {}

  /** @param participantId whom the facilitator renames; {@code null} when participants rename themselves */
  record Rename(String participantId, String name) implements SessionCommand {}

  record Remove(String participantId) implements SessionCommand {}

  /** @param value one of the offered options, or {@code null} for "prefer not to say" */
  record SelfIdentify(String category, String value) implements SessionCommand {}

  /** Participant: step out for a moment ({@code out}) or come back. Private: shown to nobody else. */
  record StepOut(boolean out) implements SessionCommand {}

  /** A floor command, {@code floor.<name>}. */
  record Floor(FloorCommand command) implements SessionCommand {}

  /**
   * A command for a live feature plugged into the session (anonymous input: {@code anon.*},
   * {@code signal.*}); the feature reads its own arguments. A name no feature answers is refused.
   */
  record Feature(String name, JsonObject args) implements SessionCommand {}

  String FLOOR_PREFIX = "floor.";

  /**
   * The command {@code name} with {@code args} ({@code null} for none), or INVALID_INPUT naming what
   * is wrong with it.
   */
  static SessionCommand parse(String name, JsonObject args) {
    JsonObject a = Args.orEmpty(args);
    if (name == null || name.isBlank()) {
      throw AppException.invalid("command is missing");
    }
    if (name.startsWith(FLOOR_PREFIX)) {
      String floor = name.substring(FLOOR_PREFIX.length());
      if (!FloorCommands.NAMES.contains(floor)) {
        throw AppException.invalid("Unknown command '" + name + "'");
      }
      return new Floor(FloorCommands.parse(floor, a));
    }
    return switch (name) {
      case "sync" -> new Sync();
      case "join" -> new Join(Args.string(a, name, "participantId"), typedName(a));
      case "start" -> new Start();
      case "next" -> new Next();
      case "previous" -> new Previous();
      case "goto" -> new GoTo(Args.integer(a, name, "index"));
      case "pause" -> new Pause();
      case "resume" -> new Resume();
      case "end" -> new End();
      case "rename" -> new Rename(Args.optionalString(a, name, "participantId"), Args.text(a, name, "name"));
      case "remove" -> new Remove(Args.string(a, name, "participantId"));
      case "self-identify" -> new SelfIdentify(Args.string(a, name, "category"), optionOrNull(a));
      case "step-out" -> new StepOut(true);
      case "step-back" -> new StepOut(false);
      default -> new Feature(name, a);
    };
  }

  /** A join's name: absent or blank means "give me a pseudonym". */
  private static String typedName(JsonObject a) {
    String name = Args.optionalText(a, "join", "name");
    return name == null || name.isBlank() ? null : name;
  }

  private static String optionOrNull(JsonObject a) {
    Object value = a.getValue("value");
    if (value != null && !(value instanceof String)) {
      throw AppException.invalid("value must be one of the offered options, or null for prefer not to say");
    }
    return (String) value;
  }
}
