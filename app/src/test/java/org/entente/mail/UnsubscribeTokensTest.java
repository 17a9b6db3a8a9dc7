package org.entente.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import org.entente.workstream.Notifications.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unsubscribe links' tokens: what is signed is what is read back, and nothing else passes. */
class UnsubscribeTokensTest {

    static final UUID TENANT = UUID.fromString("0a000000-0000-4000-8000-000000000001");
    static final UUID MEMBER = UUID.fromString("0b000000-0000-4000-8000-000000000001");

    final UnsubscribeTokens tokens = new UnsubscribeTokens("a server secret of some length", "unused");

    @Test
    void aTokenSaysWhoTurnsOffWhat() {
        assertThat(tokens.verify(tokens.sign(TENANT, MEMBER, Kind.MENTION)))
                .contains(new UnsubscribeTokens.Subject(TENANT, MEMBER, List.of(Kind.MENTION), false));
        UnsubscribeTokens.Subject digest = tokens.verify(tokens.signDigest(TENANT, MEMBER)).orElseThrow();
        assertThat(digest.wholeDigest()).isTrue();
        assertThat(digest.kinds()).containsExactly(Kind.values());
        assertThat(tokens.sign(TENANT, MEMBER, Kind.MENTION)).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
    }

    @Test
    void everyChangedCharacterIsRefused() {
        String token = tokens.sign(TENANT, MEMBER, Kind.MILESTONE_DUE);
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                continue;
            }
            String changed = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
            assertThat(tokens.verify(changed)).as("character %d changed", i).isEmpty();
        }
        for (String nonsense : new String[] {null, "", ".", token + ".", token.replace('.', ':'),
                token.substring(0, token.indexOf('.')), "<script>", "A".repeat(100_001)}) {
            assertThat(tokens.verify(nonsense)).as(String.valueOf(nonsense).length() > 60 ? "long" : String.valueOf(nonsense))
                    .isEmpty();
        }
    }

    @Test
    void anotherSecretsTokenIsRefused() {
        UnsubscribeTokens other = new UnsubscribeTokens("another server secret entirely", "unused");
        assertThat(tokens.verify(other.sign(TENANT, MEMBER, Kind.MENTION))).isEmpty();
        assertThatThrownBy(() -> new UnsubscribeTokens("short", "unused")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutAConfiguredSecretAKeyIsMadeInTheDataDirectoryOnceAndKept(@TempDir Path dataDir) throws Exception {
        UnsubscribeTokens first = new UnsubscribeTokens("", dataDir.toString());
        Path key = dataDir.resolve("mail-unsubscribe.key");
        assertThat(key).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        UnsubscribeTokens restarted = new UnsubscribeTokens("", dataDir.toString());
        assertThat(restarted.verify(first.sign(TENANT, MEMBER, Kind.INVITATION))).isPresent();
        assertThat(tokens.verify(first.sign(TENANT, MEMBER, Kind.INVITATION))).isEmpty();
    }
}
