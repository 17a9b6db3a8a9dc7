package org.entente.briefing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Other organizations' contributions a workbook holds, by workstream, collected while it is written and recorded in
 * their access ledgers only once it is complete. Two longs per contribution, so a million rows take about 16 MB.
 * Used by the one thread that writes the workbook.
 */
final class ExportedContributions {

    /** Workstream ids (tenant, id) as one key. */
    record Workstream(UUID tenantId, UUID id) {
    }

    private final Map<Workstream, Ids> byWorkstream = new LinkedHashMap<>();
    private long count;

    void add(UUID workstreamTenantId, UUID workstreamId, UUID contributionId) {
        byWorkstream.computeIfAbsent(new Workstream(workstreamTenantId, workstreamId), w -> new Ids()).add(contributionId);
        count++;
    }

    long count() {
        return count;
    }

    /** Hands the ids over workstream by workstream, at most {@code batch} at a time. */
    void forEachBatch(int batch, BiConsumer<Workstream, UUID[]> consumer) {
        byWorkstream.forEach((workstream, ids) -> {
            for (int from = 0; from < ids.size; from += batch) {
                consumer.accept(workstream, ids.slice(from, Math.min(ids.size, from + batch)));
            }
        });
    }

    List<Workstream> workstreams() {
        return new ArrayList<>(byWorkstream.keySet());
    }

    private static final class Ids {
        private long[] bits = new long[16];
        private int size;

        void add(UUID id) {
            if (2 * size + 2 > bits.length) {
                bits = Arrays.copyOf(bits, bits.length * 2);
            }
            bits[2 * size] = id.getMostSignificantBits();
            bits[2 * size + 1] = id.getLeastSignificantBits();
            size++;
        }

        UUID[] slice(int from, int to) {
            UUID[] ids = new UUID[to - from];
            for (int i = from; i < to; i++) {
                ids[i - from] = new UUID(bits[2 * i], bits[2 * i + 1]);
            }
            return ids;
        }
    }
}
