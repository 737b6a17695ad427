package org.talkingpiece.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.talkingpiece.curriculum.Module;
import org.talkingpiece.curriculum.ModuleValidator;
import org.talkingpiece.session.LifecycleEvent.SessionCreated;
import org.talkingpiece.shared.Actor;

/** A session driven purely, without a server: decide, then apply, as the owner does. */
final class SessionFixtures {
  static final Actor FACILITATOR = Actor.facilitator();

  final Module module;
  final SessionState state = new SessionState();
  final SessionCommands commands = new SessionCommands(new Random(7));
  final List<Commit> log = new ArrayList<>();
  long now = 1_000_000;

  SessionFixtures(String slug) {
    this(slug, SessionSettings.defaults());
  }

  SessionFixtures(String slug, SessionSettings settings) {
    this.module = module(slug);
    apply(List.of(new SessionCreated("session-0001", "ACDEFH", module.slug(), module.version(), "acct-1",
        settings, "salt")));
  }

  static Module module(String slug) {
    try {
      String yaml = Files.readString(Path.of("content/modules/" + slug + ".yaml"));
      return ModuleValidator.create().validateYaml(slug + ".yaml", yaml).orElseThrow();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Decides and applies a command; returns the events. */
  List<SessionEvent> run(Actor actor, String command, io.vertx.core.json.JsonObject args) {
    List<SessionEvent> events = commands.decide(state, module, actor, command, args, now);
    if (!events.isEmpty()) {
      apply(events);
    }
    return events;
  }

  void apply(List<SessionEvent> events) {
    Commit c = new Commit(state.id() == null ? "session-0001" : state.id(), state.version() + 1, now, events);
    // Round-trip through JSON as the store does, so tests cover the codec too.
    List<SessionEvent> decoded = c.events().stream().map(e -> EventCodec.decode(EventCodec.encode(e))).toList();
    Commit stored = new Commit(c.sessionId(), c.seq(), c.at(), decoded);
    log.add(stored);
    state.apply(stored);
  }

  String join(String name) {
    String id = "participant-" + (state.participants().size() + 1) + "-id";
    run(null, "join", new io.vertx.core.json.JsonObject().put("participantId", id).put("name", name));
    state.connectionChanged(id, true);
    return id;
  }
}
