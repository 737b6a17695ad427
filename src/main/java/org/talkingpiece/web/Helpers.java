package org.talkingpiece.web;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Options;
import java.util.Collection;
import java.util.Objects;

/** The few template helpers pages use; all output stays escaped unless a helper says otherwise. */
final class Helpers {
  private Helpers() {}

  static void register(Handlebars hb) {
    hb.registerHelper("eq", (Object a, Options o) -> Objects.equals(String.valueOf(a), String.valueOf((Object) o.param(0))));
    hb.registerHelper("contains", (Object list, Options o) ->
        list instanceof Collection<?> c && c.stream().anyMatch(x -> Objects.equals(String.valueOf(x), String.valueOf((Object) o.param(0)))));
    hb.registerHelper("plural", (Object n, Options o) -> {
      long count = n instanceof Number num ? num.longValue() : 0;
      return count == 1 ? o.param(0) : o.param(1);
    });
  }
}
