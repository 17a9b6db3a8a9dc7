package org.entente.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.TenantScope;
import org.junit.jupiter.api.Test;

class TenantScopeTest {

    private final Actor outer = new Actor(UUID.randomUUID(), UUID.randomUUID());
    private final Actor inner = Actor.system(UUID.randomUUID());

    @Test
    void scopesNestAndRestoreThePreviousActor() {
        assertThat(TenantScope.current()).isEmpty();
        TenantScope.runAs(outer, () -> {
            assertThat(TenantScope.current()).contains(outer);
            assertThat(TenantScope.callAs(inner, TenantScope::current)).contains(inner);
            assertThat(TenantScope.current()).contains(outer);
        });
        assertThat(TenantScope.current()).isEmpty();
    }

    @Test
    void restoresThePreviousActorWhenTheWorkFails() {
        TenantScope.runAs(outer, () -> {
            assertThatThrownBy(() -> TenantScope.runAs(inner, () -> {
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            assertThat(TenantScope.current()).contains(outer);
        });
        assertThat(TenantScope.current()).isEmpty();
    }

    @Test
    void anActorAlwaysHasATenant() {
        assertThatThrownBy(() -> new Actor(null, UUID.randomUUID())).isInstanceOf(NullPointerException.class);
    }
}
