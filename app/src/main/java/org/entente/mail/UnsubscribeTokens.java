package org.entente.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.entente.workstream.Notifications;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The signed tokens of the one-click unsubscribe links (RFC 8058): who (tenant, member) turns off what (one kind, or
 * every kind of their daily digest), with an HMAC-SHA256 over exactly that, keyed by a server secret. Anyone holding
 * the link may turn that one thing off for that one person, nothing else; a changed character anywhere fails the check.
 *
 * <p>The secret is {@code entente.mail.unsubscribe-secret} when set (several instances: set the same on all), else a
 * random key kept in {@code <data-dir>/mail-unsubscribe.key}, made on first use, readable by the app's user only.
 * Tokens do not expire: an unsubscribe link in an old mail must still work.
 */
@Component
public class UnsubscribeTokens {

    /** The scope of the digest's own link (List-Unsubscribe of a digest): every kind now delivered in the digest. */
    static final String DIGEST = "DIGEST";

    /** payload.signature, both base64url without padding; the payload is tenant:member:scope. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,200}\\.[A-Za-z0-9_-]{43}");

    /** Who turns off what; {@code wholeDigest}: the digest's link, else {@code kinds} is the one kind. */
    public record Subject(UUID tenantId, UUID memberId, List<Notifications.Kind> kinds, boolean wholeDigest) {
    }

    private final byte[] secret;

    UnsubscribeTokens(@Value("${entente.mail.unsubscribe-secret:}") String configured,
            @Value("${entente.data-dir:.data}") String dataDir) {
        this.secret = configured.isBlank() ? keptKey(Path.of(dataDir, "mail-unsubscribe.key"))
                : configured.getBytes(StandardCharsets.UTF_8);
        if (secret.length < 16) {
            throw new IllegalArgumentException("entente.mail.unsubscribe-secret must be at least 16 characters");
        }
    }

    /** The token turning {@code kind} off for the member. */
    public String sign(UUID tenantId, UUID memberId, Notifications.Kind kind) {
        return token(tenantId + ":" + memberId + ":" + kind.name());
    }

    /** The token turning the member's whole daily digest off. */
    String signDigest(UUID tenantId, UUID memberId) {
        return token(tenantId + ":" + memberId + ":" + DIGEST);
    }

    /** What a genuine token says; empty for anything else (forged, changed, cut, not a token at all). */
    public Optional<Subject> verify(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        byte[] payload;
        byte[] signature;
        try {
            payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // One spelling per token: the decoder ignores the unused low bits of a last character, so a token with them
        // changed would decode the same. Only the canonical form (what sign() writes) is a token.
        Base64.Encoder canonical = Base64.getUrlEncoder().withoutPadding();
        if (!canonical.encodeToString(payload).equals(token.substring(0, dot))
                || !canonical.encodeToString(signature).equals(token.substring(dot + 1))
                || !MessageDigest.isEqual(mac(payload), signature)) {
            return Optional.empty();
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split(":", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            UUID tenant = UUID.fromString(parts[0]);
            UUID member = UUID.fromString(parts[1]);
            if (parts[2].equals(DIGEST)) {
                return Optional.of(new Subject(tenant, member, List.of(Notifications.Kind.values()), true));
            }
            return MailPreferences.parse(parts[2]).map(kind -> new Subject(tenant, member, List.of(kind), false));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String token(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString(bytes) + "." + encoder.encodeToString(mac(bytes));
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The key in the data directory, made (32 random bytes) if there is none yet. */
    private static byte[] keptKey(Path file) {
        try {
            if (Files.notExists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                try {
                    Files.write(file, Base64.getEncoder().encode(key), StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
                    try {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException e) {
                        // Not a POSIX file system (Windows): the directory's own permissions protect it.
                    }
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // Another instance sharing the data directory made it first: use theirs.
                }
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            return Arrays.copyOf(key, key.length);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or make the unsubscribe key " + file, e);
        }
    }
}
