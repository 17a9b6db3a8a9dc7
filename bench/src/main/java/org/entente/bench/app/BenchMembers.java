package org.entente.bench.app;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.entente.bench.BenchContext;
import org.entente.bench.data.Dataset;

/** Who acts in P4 and P5: members of the bench tenants, signed in through the app's own provisioning. */
final class BenchMembers {

    private BenchMembers() {
    }

    /**
     * Up to {@code tenants} active bench tenants, those with members first (most members first), and up to
     * {@code perTenant} of each one's members, signed in. A tenant without any member gets one bench member,
     * provisioned exactly as that person's first login would.
     */
    static List<List<SignedInMember>> signIn(BenchContext context, BenchApp app, int tenants, int perTenant)
            throws SQLException {
        Set<UUID> active = new HashSet<>();
        try (Connection connection = context.database().superuser(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("select id from tenant where status = 'ACTIVE'")) {
            while (row.next()) {
                active.add(row.getObject(1, UUID.class));
            }
        }
        List<Dataset.Tenant> chosen = context.dataset().tenants().stream()
                .filter(t -> active.contains(t.id()))
                .sorted(Comparator.comparingInt((Dataset.Tenant t) -> -t.members().size()).thenComparing(Dataset.Tenant::alias))
                .limit(tenants)
                .toList();
        List<List<SignedInMember>> signedIn = new ArrayList<>();
        for (Dataset.Tenant tenant : chosen) {
            List<Dataset.Member> members = tenant.members().isEmpty()
                    ? List.of(new Dataset.Member(UUID.nameUUIDFromBytes(("bench:" + tenant.alias()).getBytes(StandardCharsets.UTF_8)),
                            "bench." + tenant.alias(), "Bench Member " + tenant.alias()))
                    : tenant.members();
            signedIn.add(members.stream().limit(perTenant)
                    .map(member -> SignedInMember.signIn(app.tenants(), tenant, member)).toList());
        }
        if (signedIn.isEmpty()) {
            throw new IllegalStateException("The bench data has no active tenant to act in");
        }
        return signedIn;
    }
}
