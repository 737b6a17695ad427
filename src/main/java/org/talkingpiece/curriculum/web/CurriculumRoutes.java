package org.talkingpiece.curriculum.web;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.talkingpiece.accounts.Auth;
import org.talkingpiece.accounts.Role;
import org.talkingpiece.curriculum.ModuleStore;
import org.talkingpiece.curriculum.ModuleValidator;
import org.talkingpiece.web.Routes;

/**
 * The curriculum feature's HTTP routes: the modules API ({@code /api/modules...}, see
 * {@link ModuleApi}) and the authoring pages under {@code /author}, which need the author role.
 * Holds no per-request state; one instance serves every HTTP verticle.
 */
public final class CurriculumRoutes implements Routes {
  private final List<Routes> parts;

  /**
   * @param uploadsDir where an uploaded module file waits while it is read (deleted after each request)
   */
  public CurriculumRoutes(ModuleStore store, Path uploadsDir) {
    ModuleValidator validator = ModuleValidator.create();
    Clock clock = Clock.systemUTC();
    this.parts = List.of(
        new ModuleApi(store, validator),
        new AuthorListPages(store, validator, uploadsDir, clock),
        new AuthorModulePages(store),
        new AuthorEditPages(store, validator, clock));
  }

  @Override
  public void mount(Router router, Vertx vertx) {
    router.route("/author").handler(Auth.require(Role.AUTHOR));
    router.route("/author/*").handler(Auth.require(Role.AUTHOR));
    for (Routes part : parts) {
      part.mount(router, vertx);
    }
  }
}
