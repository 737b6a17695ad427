package org.talkingpiece.session;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.talkingpiece.accounts.Account;
import org.talkingpiece.accounts.Role;
import org.talkingpiece.curriculum.Module;
import org.talkingpiece.curriculum.ModuleStatus;
import org.talkingpiece.session.LifecycleEvent.SessionCreated;
import org.talkingpiece.shared.Actor;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.BusFailure;
import org.talkingpiece.shared.ErrorCode;
import org.talkingpiece.shared.Ids;

/**
 * What the HTTP routes do with sessions: create, join, look, delete. Commands go to the session's
 * owner over the event bus (wherever it runs), so any node can serve any request. Thread-safe.
 */
public final class SessionService {
  private static final long REQUEST_TIMEOUT_MS = 10_000;
  private static final int CODE_ATTEMPTS = 8;

  private final Vertx vertx;
  private final SessionServices s;

  public SessionService(Vertx vertx, SessionServices services) {
    this.vertx = vertx;
    this.s = services;
  }

  public SessionServices services() {
    return s;
  }

  /** What a new session hands back: where people join, where the facilitator runs it, the projector link. */
  public record Created(String id, String joinCode, String joinUrl, String facilitatorUrl, String displayUrl) {
    public JsonObject toJson() {
      return new JsonObject().put("id", id).put("joinCode", JoinCodes.display(joinCode)).put("joinUrl", joinUrl)
          .put("facilitatorUrl", facilitatorUrl).put("displayUrl", displayUrl);
    }
  }

  public Future<Created> create(Account facilitator, String slug, Integer version, JsonObject settingsJson) {
    if (slug == null || slug.isBlank()) {
      return Future.failedFuture(AppException.invalid("module is required: the slug of a published module"));
    }
    Future<Module> module = version == null ? s.modules().latestPublished(slug) : s.modules().get(slug, version);
    return module.compose(m -> {
      if (m.status() != ModuleStatus.PUBLISHED) {
        return Future.failedFuture(AppException.invalid("Only published modules can be run; "
            + slug + " version " + m.version() + " is " + m.status().name().toLowerCase(java.util.Locale.ROOT)));
      }
      SessionSettings settings = SessionSettings.fromJson(settingsJson, m.anonymityThreshold());
      return createWithCode(facilitator, m, settings, Ids.random(), 0);
    }).compose(id -> open(id).compose(v -> s.directory().get(id)))
        .compose(entry -> displayToken(entry.id()).map(display -> new Created(entry.id(), entry.joinCode(),
            joinUrl(entry.joinCode()), s.publicUrl() + "/console/sessions/" + entry.id(),
            s.publicUrl() + "/display/" + entry.id() + "?key=" + display)));
  }

  private Future<String> createWithCode(Account facilitator, Module m, SessionSettings settings, String id, int attempt) {
    String code = JoinCodes.generate();
    long now = s.clock().millis();
    Commit first = new Commit(id, 1, now, List.of(new SessionCreated(id, code, m.slug(), m.version(),
        facilitator.id(), settings, Ids.secret())));
    SessionDirectory.Entry entry = new SessionDirectory.Entry(id, code, SessionStatus.LOBBY.wire(), facilitator.id(),
        m.slug(), m.version(), m.title(), now, -1);
    return s.events().append(first)
        .compose(v -> s.directory().add(entry).map(id).recover(e -> {
          if (e instanceof AppException app && app.code() == ErrorCode.CONFLICT && attempt < CODE_ATTEMPTS) {
            // The join code was taken: drop this log and draw a new id and code.
            return s.events().deleteSession(id)
                .compose(x -> createWithCode(facilitator, m, settings, Ids.random(), attempt + 1));
          }
          return Future.failedFuture(e);
        }));
  }

  private Future<Void> open(String sessionId) {
    return vertx.eventBus().<JsonObject>request(SessionHost.OPEN, new JsonObject().put("sessionId", sessionId),
            new DeliveryOptions().setSendTimeout(REQUEST_TIMEOUT_MS))
        .recover(SessionService::fromReply).mapEmpty();
  }

  /** A participant joins by code; completes with {@code {sessionId, participantKey, token, name}}. */
  public Future<JsonObject> join(String typedCode, String name) {
    String code = JoinCodes.normalise(typedCode)
        .orElseThrow(() -> AppException.notFound("There is no session with that code"));
    return s.directory().byCode(code).compose(entry -> {
      if (SessionStatus.ENDED.wire().equals(entry.status())) {
        return Future.failedFuture(AppException.wrongState("This session has ended"));
      }
      String participantId = Ids.random();
      JsonObject args = new JsonObject().put("participantId", participantId).put("name", name);
      return s.tokens().issue(entry.id(), Actor.Role.PARTICIPANT, participantId)
          .compose(token -> command(entry.id(), "join", args)
              .map(reply -> new JsonObject().put("sessionId", entry.id()).put("participantKey", participantId)
                  .put("token", token).put("name", reply.getString("name")))
              .onFailure(e -> s.tokens().revokeParticipant(entry.id(), participantId)));
    });
  }

  /** The session as its facilitator (or an admin) may see it; fails FORBIDDEN for anyone else. */
  public Future<SessionDirectory.Entry> forFacilitator(String sessionId, Account who, boolean adminToo) {
    return s.directory().get(sessionId).compose(entry -> {
      boolean mine = entry.facilitatorAccountId().equals(who.id());
      if (mine && who.has(Role.FACILITATOR) || adminToo && who.has(Role.ADMIN)) {
        return Future.succeededFuture(entry);
      }
      return Future.failedFuture(AppException.forbidden("Only this session's facilitator can see it"));
    });
  }

  /** The facilitator's full snapshot, with its version. */
  public Future<JsonObject> snapshot(String sessionId) {
    return command(sessionId, "sync", null).map(reply -> reply.getJsonObject("views").getJsonObject("facilitator")
        .put("version", reply.getLong("version")));
  }

  public Future<String> consoleToken(String sessionId) {
    return s.tokens().issue(sessionId, Actor.Role.FACILITATOR, null);
  }

  public Future<String> displayToken(String sessionId) {
    return s.tokens().issue(sessionId, Actor.Role.DISPLAY, null);
  }

  /** Removes the session and everything in it: its log, its tokens and its entry. */
  public Future<Void> delete(String sessionId) {
    return vertx.eventBus().request(Addresses.control(sessionId), new JsonObject().put("action", "delete"),
            new DeliveryOptions().setSendTimeout(5_000))
        .recover(e -> Future.succeededFuture())
        .compose(v -> Future.all(s.features().stream().map(f -> f.deleteSession(sessionId)).toList()))
        .compose(v -> s.events().deleteSession(sessionId))
        .compose(v -> s.tokens().deleteSession(sessionId))
        .compose(v -> s.directory().delete(sessionId));
  }

  public Future<List<SessionDirectory.Entry>> list(Account facilitator) {
    return s.directory().forFacilitator(facilitator.id());
  }

  public String joinUrl(String joinCode) {
    return s.publicUrl() + "/j/" + joinCode;
  }

  /** Sends a command to the session's owner as the server itself. */
  Future<JsonObject> command(String sessionId, String command, JsonObject args) {
    JsonObject body = new JsonObject().put("command", command);
    if (args != null) {
      body.put("args", args);
    }
    return vertx.eventBus().<JsonObject>request(Addresses.command(sessionId), body, Identity.asServer(new DeliveryOptions()
            .setSendTimeout(REQUEST_TIMEOUT_MS)))
        .recover(SessionService::fromReply)
        .map(msg -> msg.body());
  }

  /** Turns an event-bus failure back into the error it stands for. */
  static <T> Future<T> fromReply(Throwable e) {
    return Future.failedFuture(BusFailure.decode(e));
  }
}
