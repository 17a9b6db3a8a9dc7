package org.entente.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.db.Collaboration.assertRowLevelSecurityViolation;
import static org.entente.db.Collaboration.countAs;
import static org.entente.db.Collaboration.failureAs;
import static org.entente.db.Collaboration.memberOf;
import static org.entente.db.Collaboration.run;
import static org.entente.db.Collaboration.tenant;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * V65: an organization's API clients are its own: another tenant neither sees, changes nor adds one in its partition,
 * and no one deletes a row (a revoked client keeps it).
 */
class ApiClientTableTest {

    private static final String INSERT = "insert into api_client (tenant_id, id, keycloak_client_id, client_id,"
            + " display_name, created_by) values (?, ?, ?, ?, 'Sync', ?)";

    @Test
    void anotherTenantSeesAndChangesNothing() {
        UUID norway = tenant("api-own");
        UUID outsider = tenant("api-outsider");
        UUID client = UUID.randomUUID();
        run(norway, sql -> sql.update(INSERT, norway, client, UUID.randomUUID(), "entente-api-" + client.toString().substring(0, 8),
                memberOf(norway)));

        assertThat(countAs(norway, "select count(*) from api_client where id = ?", client)).isOne();
        assertThat(countAs(outsider, "select count(*) from api_client where tenant_id = ?", norway)).isZero();
        assertThat(Collaboration.<Integer>as(outsider, sql -> sql.update(
                "update api_client set revoked_at = now() where id = ?", client))).isZero();
        assertRowLevelSecurityViolation(failureAs(outsider, sql -> sql.update(INSERT, norway, UUID.randomUUID(),
                UUID.randomUUID(), "entente-api-intruder", memberOf(outsider))));
        assertThat(countAs(norway, "select count(*) from api_client where id = ? and revoked_at is null", client))
                .as("the outsider revoked nothing").isOne();
    }

    @Test
    void aRevokedClientKeepsItsRow() {
        UUID norway = tenant("api-keep");
        UUID client = UUID.randomUUID();
        run(norway, sql -> sql.update(INSERT, norway, client, UUID.randomUUID(), "entente-api-keep", memberOf(norway)));
        Throwable delete = catchThrowable(() -> run(norway, sql -> sql.update("delete from api_client where id = ?", client)));
        assertThat(delete).as("the runtime role may not delete").isNotNull();
        assertThat(countAs(norway, "select count(*) from api_client where id = ?", client)).isOne();
    }
}
