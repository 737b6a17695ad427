package org.talkingpiece.anonymity.live;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.talkingpiece.anonymity.AnonymousStore;
import org.talkingpiece.anonymity.ParticipantRefs;
import org.talkingpiece.curriculum.Activity;
import org.talkingpiece.curriculum.Module;
import org.talkingpiece.curriculum.ModuleValidator;
import org.talkingpiece.session.Commit;
import org.talkingpiece.session.LifecycleEvent;
import org.talkingpiece.session.LiveFeature;
import org.talkingpiece.session.SessionContext;
import org.talkingpiece.session.SessionEvent;
import org.talkingpiece.session.SessionSettings;
import org.talkingpiece.session.SessionState;
import org.talkingpiece.shared.Actor;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.shared.Ids;

/**
 * One session's anonymity feature driven the way a session owner drives it, without a server: a
 * session state folded from lifecycle events, a real store on an in-memory MongoDB wire server, and
 * a seeded shuffle. Blocking; use from the test thread.
 */
final class FeatureHarness implements AutoCloseable {
  private static final Logger QUIET_SERVER = Logger.getLogger("de.bwaldvogel");

  static {
    QUIET_SERVER.setLevel(Level.OFF);
  }

  final Vertx vertx = Vertx.vertx();
  final MongoServer mongoServer;
  final MongoClient mongo;
  final AnonymousStore store;
  final Module module;
  final SessionState state = new SessionState();
  final String sessionId = Ids.random();
  final ParticipantRefs refs = ParticipantRefs.withKey(Ids.secret().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  final AnonymityFeature.Factory factory;
  final List<String> people = new ArrayList<>();
  int publishes;
  LiveFeature feature;

  private FeatureHarness(String slug, int k, long seed) {
    mongoServer = new MongoServer(new MemoryBackend());
    mongoServer.bind("127.0.0.1", 0);
    int port = ((InetSocketAddress) mongoServer.getLocalAddress()).getPort();
    mongo = MongoClient.createShared(vertx, new JsonObject().put("connection_string", "mongodb://127.0.0.1:" + port)
        .put("db_name", "feature"), Ids.random());
    store = AnonymousStore.create(mongo);
    await(store.init());
    module = module(slug);
    factory = new AnonymityFeature.Factory(store, refs, new SplittableRandom(seed), id -> Future.succeededFuture(module));
    commit(new LifecycleEvent.SessionCreated(sessionId, "ACDEFH", module.slug(), module.version(), "acct-1",
        new SessionSettings(k, Map.of(), false), "salt"));
    feature = await(factory.open(context()));
  }

  static FeatureHarness start(String slug, int k) {
    return new FeatureHarness(slug, k, 7);
  }

  static Module module(String slug) {
    try {
      String yaml = Files.readString(Path.of("content/modules/" + slug + ".yaml"));
      return ModuleValidator.create().validateYaml(slug + ".yaml", yaml).orElseThrow();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  SessionContext context() {
    return new SessionContext() {
      @Override
      public String sessionId() {
        return sessionId;
      }

      @Override
      public SessionState state() {
        return state;
      }

      @Override
      public Module module() {
        return module;
      }

      @Override
      public InstantSource clock() {
        return InstantSource.system();
      }

      @Override
      public Vertx vertx() {
        return vertx;
      }

      @Override
      public void publishSoon() {
        publishes++;
      }
    };
  }

  void commit(SessionEvent... events) {
    state.apply(new Commit(sessionId, state.version() + 1, 1_000_000 + state.version(), List.of(events)));
  }

  /** Joins {@code n} participants; returns their ids. */
  List<String> join(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = Ids.random();
      commit(new LifecycleEvent.ParticipantJoined(id, "Person " + (people.size() + 1)));
      people.add(id);
      ids.add(id);
    }
    return ids;
  }

  /** Starts the session on the first activity, as the owner would tell the feature. */
  void startSession() {
    commit(new LifecycleEvent.SessionStarted(), new LifecycleEvent.ActivityChanged(0));
    await(feature.activityChanged(module.activities().get(0)));
  }

  /** Moves the agenda to the first activity of this type. */
  Activity goTo(String type) {
    List<Activity> all = module.activities();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).type().wireName().equals(type)) {
        commit(new LifecycleEvent.ActivityChanged(i));
        await(feature.activityChanged(all.get(i)));
        return all.get(i);
      }
    }
    throw new IllegalArgumentException("no " + type + " activity in " + module.slug());
  }

  void end() {
    commit(new LifecycleEvent.SessionEnded());
    await(feature.ended());
  }

  /** As after a restart: a fresh feature from what the store holds, told the current activity. */
  void restart() {
    feature = await(factory.open(context()));
    if (state.activityIndex() >= 0) {
      await(feature.activityChanged(module.activities().get(state.activityIndex())));
    }
  }

  JsonObject run(Actor actor, String command, JsonObject args) {
    return await(feature.handle(actor, command, args == null ? new JsonObject() : args));
  }

  JsonObject asFacilitator(String command, JsonObject args) {
    return run(Actor.facilitator(), command, args);
  }

  JsonObject as(String participantId, String command, JsonObject args) {
    return run(Actor.participant(participantId), command, args);
  }

  JsonObject view(LiveFeature.Audience audience, String participantId) {
    JsonObject view = new JsonObject();
    feature.addTo(view, audience, participantId);
    return view.getJsonObject("anonymous");
  }

  JsonObject publicView() {
    return view(LiveFeature.Audience.PUBLIC, null);
  }

  JsonObject facilitatorView() {
    return view(LiveFeature.Audience.FACILITATOR, null);
  }

  JsonObject displayView() {
    return view(LiveFeature.Audience.DISPLAY, null);
  }

  JsonObject privateView(String participantId) {
    return view(LiveFeature.Audience.PARTICIPANT, participantId);
  }

  static JsonObject args(Object... kv) {
    JsonObject o = new JsonObject();
    for (int i = 0; i < kv.length; i += 2) {
      o.put((String) kv[i], kv[i + 1]);
    }
    return o;
  }

  /** Waits for a future; a failure is rethrown as the {@link AppException} it carries. */
  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    mongo.close();
    vertx.close().toCompletionStage().toCompletableFuture().join();
    mongoServer.shutdownNow();
  }
}
