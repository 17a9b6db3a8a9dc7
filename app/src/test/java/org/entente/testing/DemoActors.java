package org.entente.testing;

import java.util.UUID;
import java.util.function.Supplier;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.TenantScope;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Demo members acting for their tenants in service tests, each call in its own transaction. */
public final class DemoActors {

    public static final Actor NORWAY = new Actor(UUID.fromString("0a000000-0000-4000-8000-000000000001"),
            UUID.fromString("0b000000-0000-4000-8000-000000000001"));
    public static final Actor KENYA = new Actor(UUID.fromString("0a000000-0000-4000-8000-000000000002"),
            UUID.fromString("0b000000-0000-4000-8000-000000000003"));
    public static final Actor NATO = new Actor(UUID.fromString("0a000000-0000-4000-8000-000000000003"),
            UUID.fromString("0b000000-0000-4000-8000-000000000004"));

    private final PlatformTransactionManager transactionManager;

    public DemoActors(PlatformTransactionManager transactionManager) {
        this.transactionManager = transactionManager;
    }

    public <T> T as(Actor actor, Supplier<T> work) {
        return TenantScope.callAs(actor, () -> new TransactionTemplate(transactionManager).execute(status -> work.get()));
    }

    public void run(Actor actor, Runnable work) {
        as(actor, () -> {
            work.run();
            return null;
        });
    }
}
