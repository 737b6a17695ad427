package org.talkingpiece.anonymity.live;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.talkingpiece.anonymity.AnonymousStore;
import org.talkingpiece.anonymity.PromptChange;
import org.talkingpiece.anonymity.PromptRef;
import org.talkingpiece.anonymity.PromptSettings;
import org.talkingpiece.anonymity.ScreenState;
import org.talkingpiece.anonymity.SignalBoard;
import org.talkingpiece.curriculum.Activity;
import org.talkingpiece.curriculum.Module;
import org.talkingpiece.shared.AppException;

/**
 * The anonymous input of one session as its owner holds it: every prompt, what the screens show, and
 * the signal board. Each change is stored first and adopted only once the store has it, so a failed
 * write leaves everything as it was.
 *
 * <p>Threading: used on the session owner's thread only, one command at a time.
 */
final class AnonSession {
  private final String sessionId;
  private final AnonymousStore store;
  private final Map<PromptRef, LivePrompt> prompts = new HashMap<>();
  private ScreenState screen;
  private SignalBoard signals;

  AnonSession(String sessionId, AnonymousStore store, List<LivePrompt> loaded, ScreenState screen, SignalBoard signals) {
    this.sessionId = sessionId;
    this.store = store;
    loaded.forEach(p -> prompts.put(p.ref(), p));
    this.screen = screen;
    this.signals = signals;
  }

  String sessionId() {
    return sessionId;
  }

  ScreenState screen() {
    return screen;
  }

  SignalBoard signals() {
    return signals;
  }

  /** The prompt every screen shows, or null. */
  LivePrompt current() {
    return screen.current() == null ? null : prompts.get(screen.current());
  }

  /** The prompt on screen; fails wrong-state when there is none. */
  LivePrompt requireCurrent() {
    LivePrompt p = current();
    if (p == null) {
      throw AppException.wrongState("Nothing is being asked right now.");
    }
    return p;
  }

  Optional<LivePrompt> prompt(PromptRef ref) {
    return Optional.ofNullable(prompts.get(ref));
  }

  List<LivePrompt> all() {
    return List.copyOf(prompts.values());
  }

  /** The latest round of a prompt, if it was ever opened. */
  Optional<PromptRef> latestRound(String promptId) {
    return prompts.keySet().stream().filter(r -> r.promptId().equals(promptId))
        .max(Comparator.comparingInt(PromptRef::round));
  }

  /** Stores a prompt's change, then adopts {@code next}. */
  Future<Void> apply(PromptChange change, LivePrompt next) {
    return store.apply(next.ref(), change).map(v -> {
      prompts.put(next.ref(), next);
      return null;
    });
  }

  /** Creates a prompt in the store, then holds it. Opening one that exists changes nothing. */
  Future<LivePrompt> open(PromptRef ref, PromptSettings settings) {
    LivePrompt known = prompts.get(ref);
    if (known != null) {
      return Future.succeededFuture(known);
    }
    return store.openPrompt(ref, settings).map(v -> {
      LivePrompt fresh = LivePrompt.of(ref, settings);
      prompts.put(ref, fresh);
      return fresh;
    });
  }

  /** Stores what the screens show, then adopts it. Saving an unchanged screen writes nothing. */
  Future<Void> show(ScreenState next) {
    if (next.equals(screen)) {
      return Future.succeededFuture();
    }
    return store.saveScreen(sessionId, next).map(v -> {
      screen = next;
      return null;
    });
  }

  Future<Void> apply(SignalBoard.SignalStep step) {
    return store.applySignal(sessionId, step.change()).map(v -> {
      signals = step.next();
      return null;
    });
  }

  /** What a prompt is called on screens: the facilitator's words when asked on the spot, else the activity's title. */
  String title(LivePrompt p, Module module) {
    if (p == null) {
      return null;
    }
    String ask = screen.askFor(p.ref().promptId());
    return ask != null ? ask : module.activity(p.ref().promptId()).map(Activity::title).orElse(p.ref().promptId());
  }

  /** Every prompt of the session for the facilitator to choose from: agenda order, then asks in order, rounds ascending. */
  JsonArray list(Module module) {
    List<String> order = new ArrayList<>();
    module.activities().forEach(a -> order.add(a.id()));
    screen.asks().forEach(a -> order.add(a.promptId()));
    JsonArray out = new JsonArray();
    for (String promptId : order) {
      prompts.values().stream().filter(p -> p.ref().promptId().equals(promptId))
          .sorted(Comparator.comparingInt(p -> p.ref().round()))
          .forEach(p -> out.add(new JsonObject().put("promptId", promptId).put("round", p.ref().round())
              .put("kind", p.kind().wire()).put("title", title(p, module)).put("adHoc", screen.askFor(promptId) != null)
              .put("open", p.isOpen()).put("count", p.summary().count())
              .put("current", p.ref().equals(screen.current()))));
    }
    return out;
  }
}
