package org.talkingpiece.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PasswordsTest {

  @Test
  @DisplayName("Unknown usernames are checked against a dummy hash of the configured cost that matches no password")
  void dummyHash() {
    BCrypt.Verifyer verifyer = BCrypt.verifyer(BCrypt.Version.VERSION_2A,
        LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A));
    String dummy = Passwords.dummyHash(5);
    assertThat(dummy).startsWith("$2a$05$").hasSize(60).isNotEqualTo(Passwords.dummyHash(5));
    BCrypt.Result result = verifyer.verify("any password at all".getBytes(StandardCharsets.UTF_8),
        dummy.getBytes(StandardCharsets.UTF_8));
    assertThat(result.validFormat).isTrue();
    assertThat(result.details.cost).isEqualTo(5);
    assertThat(result.verified).isFalse();
    assertThat(Passwords.dummyHash(12)).startsWith("$2a$12$");
  }
}
