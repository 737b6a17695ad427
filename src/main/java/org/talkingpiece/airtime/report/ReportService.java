package org.talkingpiece.airtime.report;

import io.vertx.core.Future;
import java.time.InstantSource;
import java.util.List;
import org.talkingpiece.airtime.AnonymousResults;
import org.talkingpiece.airtime.ReportDocument;
import org.talkingpiece.curriculum.Activity;
import org.talkingpiece.curriculum.Module;
import org.talkingpiece.session.Commit;
import org.talkingpiece.session.EventStore;
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
 * <p>Thread-safe: every call folds its own state and keeps nothing.
 */
public final class ReportService {
  /** How the service finds a pinned module version ({@code ModuleStore::get}). */
  @FunctionalInterface
  interface ModuleLookup {
    Future<Module> get(String slug, int version);
  }

  private final EventStore events;
  private final ModuleLookup modules;
  private final List<LiveFeature.Factory> features;
  private final InstantSource clock;

  ReportService(EventStore events, ModuleLookup modules, List<LiveFeature.Factory> features, InstantSource clock) {
    this.events = events;
    this.modules = modules;
    this.features = List.copyOf(features);
    this.clock = clock;
  }

  public static ReportService create(SessionServices services) {
    return new ReportService(services.events(), services.modules()::get, services.features(), services.clock());
  }

  /** The report of the session {@code entry} describes (its title stands in if the module cannot be read). */
  public Future<ReportDocument> report(SessionDirectory.Entry entry) {
    return report(entry.id(), entry.title());
  }

  Future<ReportDocument> report(String sessionId, String fallbackTitle) {
    return events.load(sessionId).compose(commits -> {
      if (commits.isEmpty()) {
        return Future.failedFuture(AppException.notFound("This session has no record left to report on"));
      }
      SessionState state = fold(commits);
      Future<Module> module = modules.get(state.moduleSlug(), state.moduleVersion())
          .recover(e -> Future.succeededFuture(null)); // activities are then named by id
      return Future.all(module, anonymous(sessionId)).map(both -> {
        Module m = both.resultAt(0);
        AnonymousResults anonymous = both.resultAt(1);
        String title = m == null ? fallbackTitle : m.title();
        List<Activity> agenda = m == null ? List.of() : m.activities();
        return ReportDocument.build(ReportInputs.from(state, title, agenda, anonymous), clock.millis());
      });
    });
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
