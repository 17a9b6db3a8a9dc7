package org.entente.api;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One page of a list: {@code items} and the URL of the next page ({@code null} on the last). Keyset pagination over
 * (last change, id): a page never repeats nor skips a record that did not change in between, however many are added,
 * and {@code updatedSince} gives a partner's system only what changed since its last sync (changed at or after that
 * instant: a sync may see a record twice, never miss one).
 *
 * <p>The key is taken over what the feature service returns for the caller (what row-level security lets it see), so
 * a workstream's records are read whole and cut here; the workstream list is the one that could grow long, and it is
 * a few hundred rows per organization.
 */
public record ApiPage<T>(List<T> items, String next) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** The request's paging parameters, checked. */
    public record Request(int limit, Key after, OffsetDateTime updatedSince) {

        public static Request of(Integer limit, String cursor, String updatedSince) {
            int size = limit == null ? DEFAULT_LIMIT : limit;
            if (size < 1 || size > MAX_LIMIT) {
                throw new ApiException.BadParameter("limit", "between 1 and " + MAX_LIMIT);
            }
            OffsetDateTime since = null;
            if (updatedSince != null && !updatedSince.isBlank()) {
                try {
                    since = OffsetDateTime.parse(updatedSince.strip());
                } catch (DateTimeParseException e) {
                    throw new ApiException.BadParameter("updatedSince",
                            "an ISO-8601 date and time with an offset, e.g. 2026-12-01T00:00:00Z");
                }
            }
            return new Request(size, cursor == null || cursor.isBlank() ? null : Key.decode(cursor), since);
        }
    }

    /** Where a page ends: the last record's change time and id. Opaque to the client (base64url). */
    public record Key(OffsetDateTime updatedAt, String id) implements Comparable<Key> {

        private static final Comparator<Key> ORDER = Comparator.comparing((Key k) -> k.updatedAt().toInstant())
                .thenComparing(Key::id);

        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (updatedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Key decode(String cursor) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int bar = text.indexOf('|');
                return new Key(OffsetDateTime.parse(text.substring(0, bar)), text.substring(bar + 1));
            } catch (RuntimeException e) {
                throw new ApiException.BadParameter("cursor", "a cursor from the \"next\" link of an earlier page");
            }
        }

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    /** Cuts one page out of {@code all} (records the caller may see) by the request; {@code map} builds the items. */
    public static <R, T> ApiPage<T> of(List<R> all, Function<R, Key> key, Request request, Function<R, T> map) {
        List<R> sorted = all.stream()
                .filter(r -> key.apply(r).updatedAt() != null)
                .filter(r -> request.updatedSince() == null
                        || !key.apply(r).updatedAt().toInstant().isBefore(request.updatedSince().toInstant()))
                .filter(r -> request.after() == null || key.apply(r).compareTo(request.after()) > 0)
                .sorted(Comparator.comparing(key))
                .toList();
        List<R> page = sorted.subList(0, Math.min(request.limit(), sorted.size()));
        String next = null;
        if (sorted.size() > page.size()) {
            next = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("cursor", key.apply(page.getLast()).encode())
                    .replaceQueryParam("limit", request.limit())
                    .build().toUriString();
        }
        return new ApiPage<>(page.stream().map(map).toList(), next);
    }
}
