package org.entente.db.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * The one tenant-context mechanism: every transaction's first statement sets the transaction-local
 * settings {@code app.tenant_id} and {@code app.user_id} that the row-level security policies read.
 *
 * <p>The actor is {@link TenantScope#current()} if a scope is active, else
 * {@link ActorSource#currentActor()}. Without an actor both settings are set to the empty string,
 * which the policies treat as "no tenant": the transaction sees no tenant-owned rows. Because the
 * settings are transaction-local ({@code SET LOCAL}), they end with the transaction
 * and never leak to the next user of a pooled connection.
 *
 * <p>Every transaction of a signed-in actor (from the {@link ActorSource}, not an explicit scope), read-only or
 * not, also checks that the actor's tenant is ACTIVE: a suspended or offboarded organization's open sessions (and,
 * later, its API clients) neither read nor change anything through the services ({@link TenantNotActiveException}).
 * The UI's guard only stops navigation; this is the wall behind it. Explicit scopes are exempt: sign-in provisioning,
 * background work, and the one read that explains the situation to such a member (their own tenant's row and
 * status, read by the tenant service in a scope of its own).
 */
public class TenantTransactionManager extends JdbcTransactionManager {

    /**
     * {@code SET LOCAL}: transaction-local, as {@code set_config(..., true)} is, and the one form Citus forwards to its
     * workers (deploy/citus.sql). The values are UUIDs (hex digits and dashes) or empty, so the literals are safe.
     */
    private static final String SET_CONTEXT = "SET LOCAL app.tenant_id = '%s'; SET LOCAL app.user_id = '%s'";

    private static final String TENANT_STATUS = "select status from tenant where id = ?";

    private final ActorSource actorSource;

    public TenantTransactionManager(DataSource dataSource, ActorSource actorSource) {
        super(dataSource);
        this.actorSource = actorSource;
    }

    /** The actor a transaction begun now on this thread acts as. */
    public Optional<Actor> effectiveActor() {
        Optional<Actor> scoped = TenantScope.current();
        return scoped.isPresent() ? scoped : actorSource.currentActor();
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        boolean scoped = TenantScope.current().isPresent();
        Optional<Actor> actor = effectiveActor();
        try (Statement setContext = connection.createStatement()) {
            setContext.execute(SET_CONTEXT.formatted(actor.map(Actor::tenantId).map(UUID::toString).orElse(""),
                    actor.map(Actor::memberId).map(UUID::toString).orElse("")));
        }
        if (!scoped && actor.isPresent()) {
            requireActive(connection, actor.get().tenantId());
        }
    }

    private static void requireActive(Connection connection, UUID tenantId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(TENANT_STATUS)) {
            query.setObject(1, tenantId);
            try (ResultSet row = query.executeQuery()) {
                String status = row.next() ? row.getString(1) : null;
                if (!"ACTIVE".equals(status)) {
                    throw new TenantNotActiveException(tenantId, status);
                }
            }
        }
    }
}
