package org.talkingpiece.accounts;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A person who signs in: facilitators, authors and admins (participants have no account).
 *
 * @param id random id from {@link org.talkingpiece.shared.Ids#random()}, never a MongoDB ObjectId
 * @param username lower-case, 3–40 characters from {@code [a-z0-9._-]}, unique
 * @param roles at least one role; immutable
 * @param disabled a disabled account cannot sign in and holds no valid token
 * @param createdAt when the account was created
 */
public record Account(String id, String username, Set<Role> roles, boolean disabled, Instant createdAt) {
  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(createdAt, "createdAt");
    if (roles == null || roles.isEmpty()) {
      throw new IllegalArgumentException("an account needs at least one role");
    }
    roles = Set.copyOf(EnumSet.copyOf(roles));
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** True when the account holds at least one of the roles; with none given, true for every account. */
  public boolean hasAny(Role... anyOf) {
    if (anyOf.length == 0) {
      return true;
    }
    for (Role r : anyOf) {
      if (roles.contains(r)) {
        return true;
      }
    }
    return false;
  }

  /** The same account, enabled or disabled. */
  public Account withDisabled(boolean value) {
    return new Account(id, username, roles, value, createdAt);
  }

  /** Roles in declaration order (admin, facilitator, author), for stable output. */
  public java.util.List<Role> sortedRoles() {
    return EnumSet.copyOf(roles).stream().toList();
  }

  /** The public JSON view: {@code {id, username, roles, disabled, createdAt}}. Never includes secrets. */
  public JsonObject toJson() {
    JsonArray roleCodes = new JsonArray();
    sortedRoles().forEach(r -> roleCodes.add(r.code()));
    return new JsonObject()
        .put("id", id)
        .put("username", username)
        .put("roles", roleCodes)
        .put("disabled", disabled)
        .put("createdAt", createdAt.toString());
  }
}
