package org.talkingpiece.floor;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.talkingpiece.floor.FloorCommand.EndRound;
import org.talkingpiece.floor.FloorCommand.EndTurn;
import org.talkingpiece.floor.FloorCommand.Extend;
import org.talkingpiece.floor.FloorCommand.GiveFloor;
import org.talkingpiece.floor.FloorCommand.LowerHand;
import org.talkingpiece.floor.FloorCommand.MoveInQueue;
import org.talkingpiece.floor.FloorCommand.Next;
import org.talkingpiece.floor.FloorCommand.Pass;
import org.talkingpiece.floor.FloorCommand.PauseTimer;
import org.talkingpiece.floor.FloorCommand.RaiseHand;
import org.talkingpiece.floor.FloorCommand.RemoveFromQueue;
import org.talkingpiece.floor.FloorCommand.ResumeTimer;
import org.talkingpiece.floor.FloorCommand.SetQueueVisibility;
import org.talkingpiece.floor.FloorCommand.SetTurnLimit;
import org.talkingpiece.floor.FloorCommand.StartRound;
import org.talkingpiece.floor.FloorCommand.SwitchMode;
import org.talkingpiece.floor.FloorCommand.Yield;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.Args;

/**
 * Floor commands from outside: a command name and a JSON body, as sent by a browser. Every refusal is
 * INVALID_INPUT with a message naming the command and the field. Stateless; safe from any thread.
 *
 * <table>
 *   <caption>Commands and their bodies</caption>
 *   <tr><td>{@code raise-hand}, {@code lower-hand}, {@code pass}, {@code yield}</td><td>none</td></tr>
 *   <tr><td>{@code next}, {@code end-turn}, {@code pause-timer}, {@code resume-timer}, {@code end-round}</td>
 *       <td>none</td></tr>
 *   <tr><td>{@code give-floor}</td><td>{@code {participantId}}; {@code "facilitator"} for the facilitator</td></tr>
 *   <tr><td>{@code extend}</td><td>{@code {seconds}} 1–900</td></tr>
 *   <tr><td>{@code switch-mode}</td><td>{@code {mode}}: open, queue, progressive, round</td></tr>
 *   <tr><td>{@code set-turn-limit}</td><td>{@code {seconds, overtime?, warnSeconds?}}; omitted ones keep
 *       their current value</td></tr>
 *   <tr><td>{@code set-queue-visibility}</td><td>{@code {showNames}}</td></tr>
 *   <tr><td>{@code move-in-queue}</td><td>{@code {participantId, toIndex}} (0-based)</td></tr>
 *   <tr><td>{@code remove-from-queue}</td><td>{@code {participantId}}</td></tr>
 *   <tr><td>{@code start-round}</td><td>{@code {order?, arranged?, secondPass?}}</td></tr>
 * </table>
 */
public final class FloorCommands {
  /** Every command name {@link #parse} accepts. */
  public static final Set<String> NAMES = Set.of(
      "raise-hand", "lower-hand", "pass", "yield", "next", "end-turn", "pause-timer", "resume-timer",
      "end-round", "give-floor", "extend", "switch-mode", "set-turn-limit", "set-queue-visibility",
      "move-in-queue", "remove-from-queue", "start-round");

  private FloorCommands() {}

  /**
   * The command {@code name} with {@code body} (may be {@code null} for commands without one).
   */
  public static FloorCommand parse(String name, JsonObject body) {
    JsonObject b = Args.orEmpty(body);
    if (name == null) {
      throw AppException.invalid("floor command: name is missing");
    }
    return switch (name) {
      case "raise-hand" -> new RaiseHand();
      case "lower-hand" -> new LowerHand();
      case "pass" -> new Pass();
      case "yield" -> new Yield();
      case "next" -> new Next();
      case "end-turn" -> new EndTurn();
      case "pause-timer" -> new PauseTimer();
      case "resume-timer" -> new ResumeTimer();
      case "end-round" -> new EndRound();
      case "give-floor" -> new GiveFloor(Args.string(b, name, "participantId"));
      case "extend" -> new Extend(Args.integer(b, name, "seconds"));
      case "switch-mode" -> new SwitchMode(FloorMode.parse(name + ": mode", Args.string(b, name, "mode")));
      case "set-turn-limit" -> setTurnLimit(b);
      case "set-queue-visibility" -> new SetQueueVisibility(Args.bool(b, name, "showNames"));
      case "move-in-queue" -> new MoveInQueue(Args.string(b, name, "participantId"),
          Args.integer(b, name, "toIndex"));
      case "remove-from-queue" -> new RemoveFromQueue(Args.string(b, name, "participantId"));
      case "start-round" -> startRound(b);
      default -> throw AppException.invalid("floor command: unknown command name");
    };
  }

  private static SetTurnLimit setTurnLimit(JsonObject b) {
    String w = "set-turn-limit";
    Overtime overtime = b.getValue("overtime") == null ? null
        : Overtime.parse(w + ": overtime", Args.string(b, w, "overtime"));
    Integer warn = b.getValue("warnSeconds") == null ? null : Args.integer(b, w, "warnSeconds");
    return new SetTurnLimit(Args.integer(b, w, "seconds"), overtime, warn);
  }

  private static StartRound startRound(JsonObject b) {
    String w = "start-round";
    RoundOrder order = b.getValue("order") == null ? null
        : RoundOrder.parse(w + ": order", Args.string(b, w, "order"));
    List<String> arranged = b.getValue("arranged") == null ? List.of() : Args.strings(b, w, "arranged");
    Boolean secondPass = b.getValue("secondPass") == null ? null : Args.bool(b, w, "secondPass");
    return new StartRound(order, arranged, secondPass);
  }
}
