package org.entente.bench.data;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.bench.Scale;

/**
 * What the generator put into the benchmark database.
 *
 * @param scale     the scale factor it was generated for
 * @param seed      the seed: the same seed and scale give the same rows
 * @param tenants   the organizations the generated data belongs to (a subset of the demo organizations), with the
 *                  generated members of each
 * @param rows      rows per table in the whole database after loading (demo data included)
 * @param generated time to draw the data in memory
 * @param loaded    time to COPY it into PostgreSQL, build indexes and ANALYZE
 */
public record Dataset(Scale scale, long seed, List<Tenant> tenants, Map<String, Long> rows, Duration generated,
        Duration loaded) {

    public Dataset {
        tenants = List.copyOf(tenants);
        rows = Map.copyOf(rows);
    }

    /** A partner organization of the generated data. */
    public record Tenant(UUID id, String alias, String name, String kind, List<Member> members) {

        public Tenant {
            members = List.copyOf(members);
        }
    }

    /** A member of a tenant (a row of {@code member}; not a Keycloak user). */
    public record Member(UUID id, String username, String displayName) {
    }

    public long rows(String table) {
        return rows.getOrDefault(table, 0L);
    }

    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }
}
