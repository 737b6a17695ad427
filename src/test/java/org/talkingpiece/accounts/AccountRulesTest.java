package org.talkingpiece.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.talkingpiece.shared.AppException;

class AccountRulesTest {

  @Test
  @DisplayName("Usernames are trimmed and lower-cased; 3–40 characters of a–z, digits, '.', '_' or '-'")
  void usernames() {
    assertThat(AccountRules.username("  Ada.L_ove-1 ")).isEqualTo("ada.l_ove-1");
    assertThat(AccountRules.username("abc")).isEqualTo("abc");
    assertThat(AccountRules.username("a".repeat(40))).hasSize(40);
    for (String bad : new String[] {"ab", "a".repeat(41), "has space", "émile", "semi;colon", "a@b.c"}) {
      assertThatThrownBy(() -> AccountRules.username(bad)).as(bad)
          .isInstanceOf(AppException.class).hasMessageStartingWith("username must be");
    }
    assertThatThrownBy(() -> AccountRules.username(null)).hasMessage("username is required");
  }

  @Test
  @DisplayName("New passwords are 10–200 characters and not only spaces")
  void passwords() {
    assertThat(AccountRules.newPassword("0123456789")).isEqualTo("0123456789");
    assertThat(AccountRules.newPassword("x".repeat(200))).hasSize(200);
    assertThatThrownBy(() -> AccountRules.newPassword("012345678")).hasMessageStartingWith("password must be 10–200");
    assertThatThrownBy(() -> AccountRules.newPassword("x".repeat(201))).hasMessageStartingWith("password must be 10–200");
    assertThatThrownBy(() -> AccountRules.newPassword(" ".repeat(12))).hasMessageStartingWith("password must not");
  }

  @Test
  @DisplayName("Roles are read from their codes; at least one, and no unknown ones")
  void roles() {
    assertThat(AccountRules.roles(List.of("admin", "Facilitator"))).isEqualTo(Set.of(Role.ADMIN, Role.FACILITATOR));
    assertThatThrownBy(() -> AccountRules.roles(List.of())).hasMessageStartingWith("roles must include");
    assertThatThrownBy(() -> AccountRules.roles(List.of("root"))).hasMessageContaining("'root'");
  }

  @Test
  @DisplayName("Generated passwords are four groups of four readable characters, different every time")
  void generated() {
    String a = AccountRules.generatedPassword();
    assertThat(a).matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}").doesNotContain("0", "1", "l", "o", "i");
    assertThat(AccountRules.newPassword(a)).isEqualTo(a);
    assertThat(AccountRules.generatedPassword()).isNotEqualTo(a);
  }

  @Test
  @DisplayName("Only plain local paths are accepted as the page to return to after signing in")
  void localPaths() {
    assertThat(LocalPaths.safe("/admin/users?x=1")).isEqualTo("/admin/users?x=1");
    assertThat(LocalPaths.safe("/")).isEqualTo("/");
    for (String bad : new String[] {null, "", "admin", "//evil.example", "/\\evil.example", "https://evil.example",
        "/ok\r\nSet-Cookie: x=y", "/a\\b"}) {
      assertThat(LocalPaths.safe(bad)).as(String.valueOf(bad)).isNull();
    }
  }
}
