package org.talkingpiece.anonymity.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollKeyTest {

  @Test
  @DisplayName("The roll key is made once, readable by its owner only, and the same on every later start")
  void madeOnceAndKept(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("data").resolve(RollKey.FILE_NAME);
    byte[] first = RollKey.readOrCreate(file);
    assertThat(first).hasSize(32);
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(Files.getPosixFilePermissions(file))
          .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
    assertThat(RollKey.readOrCreate(file)).isEqualTo(first);
  }

  @Test
  @DisplayName("By default the key is made in KEY_DIR, not in the data directory; one an older version left there is moved")
  void keptApartFromData(@TempDir Path dir) throws Exception {
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    try {
      Path data = dir.resolve("data");
      org.talkingpiece.Config config = org.talkingpiece.Config.fromEnv(java.util.Map.of("DATA_DIR", data.toString()));
      byte[] made = RollKey.load(vertx, config).await(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(dir.resolve("data-keys").resolve(RollKey.FILE_NAME)).exists();
      assertThat(data.resolve(RollKey.FILE_NAME)).doesNotExist();
      assertThat(RollKey.load(vertx, config).await(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(made);

      Path old = dir.resolve("old");
      Path legacy = old.resolve(RollKey.FILE_NAME);
      byte[] kept = RollKey.readOrCreate(legacy);
      org.talkingpiece.Config upgraded = org.talkingpiece.Config.fromEnv(java.util.Map.of("DATA_DIR", old.toString()));
      assertThat(RollKey.load(vertx, upgraded).await(10, java.util.concurrent.TimeUnit.SECONDS))
          .as("one-per-person rules carry on with the same key").isEqualTo(kept);
      assertThat(legacy).doesNotExist();
      assertThat(dir.resolve("old-keys").resolve(RollKey.FILE_NAME)).exists();
    } finally {
      vertx.close().await(10, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  @Test
  @DisplayName("A damaged key file stops the start with a message saying what to do, without printing the file")
  void damagedFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve(RollKey.FILE_NAME);
    Files.writeString(file, "not*a*key");
    assertThatThrownBy(() -> RollKey.readOrCreate(file)).hasMessageContaining("base64url").hasMessageNotContaining("not*a*key");
    Files.writeString(file, "c2hvcnQ");
    assertThatThrownBy(() -> RollKey.readOrCreate(file)).hasMessageContaining("shorter than 32 bytes");
  }
}
