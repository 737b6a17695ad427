package org.talkingpiece.report.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.talkingpiece.curriculum.Activity;
import org.talkingpiece.curriculum.Module;
import org.talkingpiece.report.AnonymousResults;
import org.talkingpiece.report.ReportDocument;
import org.talkingpiece.session.Commit;
import org.talkingpiece.session.EventStore;
import org.talkingpiece.session.LifecycleEvent.SessionCreated;
import org.talkingpiece.session.LiveFeature;
import org.talkingpiece.session.SessionDirectory;
import org.talkingpiece.session.SessionServices;
import org.talkingpiece.session.SessionState;
import org.talkingpiece.shared.AppException;

/**
 * Builds a session's report from what is stored: its log folded into a fresh {@link SessionState}, its
 * pinned module for activity titles, and each live feature's released anonymous results. It never asks
 * the session's owner, so it works the same for a running session (figures up to now), an ended one, and
 * one whose owner is on another node or not running at all.
 *
 * <p>Folding the log, computing the figures and rendering them take long enough for a large session
 * (thousands of turns) to stall an event loop, and the HTTP event loops also carry the live bridge, so
 * that work runs on a {@link Worker}: Vert.x's worker pool in production. Only the reads stay on the
 * caller's event loop.
 *
 * <p>Thread-safe: every call folds its own state and keeps nothing.
 */
public final class ReportService {
  /** How the service finds a pinned module version ({@code ModuleStore::get}). */
  @FunctionalInterface
  interface ModuleLookup {
    Future<Module> get(String slug, int version);
  }

  /** Where the heavy part of a report runs. */
  interface Worker {
    <T> Future<T> run(Callable<T> work);

    /** Vert.x's worker pool, unordered, so reports for different people do not queue behind each other. */
    static Worker pool(Vertx vertx) {
      return new Worker() {
        @Override
        public <T> Future<T> run(Callable<T> work) {
          return vertx.executeBlocking(work, false);
        }
      };
    }

    /** The calling thread, for tests without Vert.x. */
    Worker CALLER = new Worker() {
      @Override
      public <T> Future<T> run(Callable<T> work) {
        try {
          return Future.succeededFuture(work.call());
        } catch (Exception e) {
          return Future.failedFuture(e);
        }
      }
    };
  }

  private final EventStore events;
  private final ModuleLookup modules;
  private final List<LiveFeature.Factory> features;
  private final InstantSource clock;
  private final Worker worker;

  ReportService(EventStore events, ModuleLookup modules, List<LiveFeature.Factory> features, InstantSource clock,
      Worker worker) {
    this.events = events;
    this.modules = modules;
    this.features = List.copyOf(features);
    this.clock = clock;
    this.worker = worker;
  }

  public static ReportService create(Vertx vertx, SessionServices services) {
    return new ReportService(services.events(), services.modules()::get, services.features(), services.clock(),
        Worker.pool(vertx));
  }

  /**
   * The report of the session {@code entry} describes, passed through {@code render} on the worker (the
   * session's listed title stands in if its module cannot be read).
   *
   * @param render turns the report into what is served (JSON, CSV, a page model); runs off the event loop
   */
  public <T> Future<T> report(SessionDirectory.Entry entry, Function<ReportDocument, T> render) {
    return report(entry.id(), entry.title(), render);
  }

  <T> Future<T> report(String sessionId, String fallbackTitle, Function<ReportDocument, T> render) {
    return events.load(sessionId).compose(commits -> {
      if (commits.isEmpty()) {
        return Future.failedFuture(AppException.notFound("This session has no record left to report on"));
      }
      Future<Module> module = pinned(commits).map(c -> modules.get(c.moduleSlug(), c.moduleVersion()))
          .orElseGet(() -> Future.failedFuture("the log does not name its module"))
          .recover(e -> Future.succeededFuture(null)); // activities are then named by id
      return Future.all(module, anonymous(sessionId)).compose(both -> {
        Module m = both.resultAt(0);
        AnonymousResults anonymous = both.resultAt(1);
        String title = m == null ? fallbackTitle : m.title();
        List<Activity> agenda = m == null ? List.of() : m.activities();
        return worker.run(() -> render.apply(ReportDocument.build(
            ReportInputs.from(fold(commits), title, agenda, anonymous), clock.millis())));
      });
    });
  }

  /** The session's first event names the module version it runs. */
  private static Optional<SessionCreated> pinned(List<Commit> commits) {
    return commits.get(0).events().stream().filter(SessionCreated.class::isInstance).map(SessionCreated.class::cast)
        .findFirst();
  }

  static SessionState fold(List<Commit> commits) {
    SessionState state = new SessionState();
    commits.forEach(state::apply);
    return state;
  }

  private Future<AnonymousResults> anonymous(String sessionId) {
    List<Future<AnonymousResults>> parts = features.stream().map(f -> f.results(sessionId)).toList();
    return Future.all(parts).map(all -> ReportInputs.merge(all.list()));
  }
}
