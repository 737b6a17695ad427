package org.talkingpiece.report.web;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.talkingpiece.curriculum.Module;
import org.talkingpiece.curriculum.ModuleValidator;
import org.talkingpiece.session.Commit;
import org.talkingpiece.session.EventCodec;
import org.talkingpiece.session.LifecycleEvent.SessionCreated;
import org.talkingpiece.session.SessionCommands;
import org.talkingpiece.session.SessionEvent;
import org.talkingpiece.session.SessionSettings;
import org.talkingpiece.session.SessionState;
import org.talkingpiece.shared.Actor;

/**
 * A session's log written by deciding real commands at chosen times, exactly as an owner would, without a
 * server: the commits come out as the store would hand them back (through the event codec), so a report
 * built from them sees what a report of a real session sees.
 */
final class LoggedSession {
  static final String ID = "session-report-1";
  static final Actor FACILITATOR = Actor.facilitator();

  final Module module;
  final List<Commit> log = new ArrayList<>();
  private final SessionState state = new SessionState();
  private final SessionCommands commands = new SessionCommands(new Random(7));
  long now;

  LoggedSession(String slug, SessionSettings settings, long createdAt) {
    this.module = module(slug);
    this.now = createdAt;
    append(List.of(new SessionCreated(ID, "ACDEFH", module.slug(), module.version(), "acct-1", settings, "salt")));
  }

  static Module module(String slug) {
    try {
      String yaml = Files.readString(Path.of("content/modules/" + slug + ".yaml"));
      return ModuleValidator.create().validateYaml(slug + ".yaml", yaml).orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  LoggedSession at(long millis) {
    now = millis;
    return this;
  }

  /** Decides {@code command} at the current time and logs what it produced. */
  LoggedSession run(Actor actor, String command, JsonObject args) {
    List<SessionEvent> events = commands.decide(state, module, actor, command, args, now);
    if (!events.isEmpty()) {
      append(events);
    }
    return this;
  }

  LoggedSession facilitator(String command) {
    return run(FACILITATOR, command, null);
  }

  LoggedSession give(String participantId) {
    return run(FACILITATOR, "floor.give-floor", new JsonObject().put("participantId", participantId));
  }

  /** Someone joins (the server's own command) and is connected, as after opening the link. */
  LoggedSession join(String participantId, String name) {
    run(null, "join", new JsonObject().put("participantId", participantId).put("name", name));
    state.connectionChanged(participantId, true);
    return this;
  }

  /** A fresh state folded from the log, as the report service builds it. */
  SessionState fold() {
    return ReportService.fold(log);
  }

  private void append(List<SessionEvent> events) {
    List<SessionEvent> stored = events.stream().map(e -> EventCodec.decode(EventCodec.encode(e))).toList();
    Commit commit = new Commit(ID, state.version() + 1, now, stored);
    log.add(commit);
    state.apply(commit);
  }
}
