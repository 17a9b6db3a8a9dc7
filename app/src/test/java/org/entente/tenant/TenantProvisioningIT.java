package org.entente.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.entente.db.embedded.LocalPostgres;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.TenantScope;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.SuperuserDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** First-login provisioning and the own-tenant reads, on the real database as the app's runtime role. */
class TenantProvisioningIT extends AppIntegrationTest {

    private static final UUID NORWAY = UUID.fromString("0a000000-0000-4000-8000-000000000001");
    private static final UUID KENYA = UUID.fromString("0a000000-0000-4000-8000-000000000002");

    @Autowired
    TenantService tenants;

    @Autowired
    LocalPostgres postgres;

    @Autowired
    DSLContext dsl;

    @Autowired
    PlatformTransactionManager transactionManager;

    SuperuserDatabase database;

    @BeforeEach
    void inspect() {
        database = new SuperuserDatabase(postgres);
    }

    @RepeatedTest(3)
    void twoPeopleOfANewOrganizationSigningInAtTheSameMomentGetOneTenant() throws Exception {
        String alias = "coastguard-" + UUID.randomUUID().toString().substring(0, 8);
        SignIn first = newcomer(alias, "STATE");
        SignIn second = newcomer(alias, "STATE");
        CyclicBarrier together = new CyclicBarrier(2);

        List<Affiliation> affiliations;
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            CompletableFuture<Affiliation> a = CompletableFuture.supplyAsync(() -> await(together, first), pool);
            CompletableFuture<Affiliation> b = CompletableFuture.supplyAsync(() -> await(together, second), pool);
            affiliations = List.of(a.get(), b.get());
        }

        assertThat(affiliations).allSatisfy(a -> assertThat(a).isInstanceOf(Affiliation.Affiliated.class));
        UUID tenantId = ((Affiliation.Affiliated) affiliations.get(0)).tenantId();
        assertThat(((Affiliation.Affiliated) affiliations.get(1)).tenantId()).isEqualTo(tenantId);
        assertThat(database.query("select id, kind, status, name from tenant where alias = ?", alias))
                .containsExactly(List.of(tenantId, "STATE", "ACTIVE", alias));
        assertThat(database.query("select id from member where tenant_id = ? order by username", tenantId))
                .containsExactlyInAnyOrder(List.of(first.memberId()), List.of(second.memberId()));
    }

    @Test
    void signingInAgainUpdatesTheMemberInsteadOfDuplicatingIt() {
        String alias = "coastguard-" + UUID.randomUUID().toString().substring(0, 8);
        SignIn before = newcomer(alias, "ALLIANCE");
        Affiliation.Affiliated first = (Affiliation.Affiliated) tenants.signIn(before);
        SignIn renamed = new SignIn(before.memberId(), before.username(), "Renamed Person", before.email(),
                Set.of("member", "tenant-admin"), before.organizations());

        Affiliation.Affiliated second = (Affiliation.Affiliated) tenants.signIn(renamed);

        assertThat(second.tenantId()).isEqualTo(first.tenantId());
        List<Member> members = TenantScope.callAs(new Actor(first.tenantId(), null), tenants::membersOfCurrentTenant);
        assertThat(members).singleElement().satisfies(m -> {
            assertThat(m.displayName()).isEqualTo("Renamed Person");
            assertThat(m.roles()).containsExactly("member", "tenant-admin");
            assertThat(m.lastSeenAt()).isNotNull();
        });
    }

    @Test
    void aNewOrganizationOfUnknownKindIsNotRegisteredAndNothingIsStored() {
        String alias = "mystery-" + UUID.randomUUID().toString().substring(0, 8);
        SignIn signIn = newcomer(alias, null);

        assertThat(tenants.signIn(signIn)).isEqualTo(new Affiliation.Unregistered(alias));
        assertThat(database.query("select 1 from tenant where alias = ?", alias)).isEmpty();
        assertThat(database.query("select 1 from member where id = ?", signIn.memberId())).isEmpty();
    }

    @Test
    void aTokenNamingSeveralOrganizationsIsRefusedWithoutStoringAnything() {
        UUID memberId = UUID.randomUUID();
        SignIn signIn = new SignIn(memberId, "double.agent", "Double Agent", null, Set.of("member"),
                List.of(new OrganizationRef("norway", Map.of()), new OrganizationRef("kenya", Map.of())));

        assertThat(tenants.signIn(signIn)).isEqualTo(new Affiliation.Ambiguous(List.of("kenya", "norway")));
        assertThat(database.query("select 1 from member where id = ?", memberId)).isEmpty();
    }

    @Test
    void aTenantSeesOnlyItsOwnOrganizationAndMembers() {
        Tenant kenya = TenantScope.callAs(new Actor(KENYA, null), () -> tenants.currentTenant().orElseThrow());
        List<Member> kenyans = TenantScope.callAs(new Actor(KENYA, null), tenants::membersOfCurrentTenant);
        List<Member> norwegians = TenantScope.callAs(new Actor(NORWAY, null), tenants::membersOfCurrentTenant);

        assertThat(kenya.name()).isEqualTo("Republic of Kenya");
        assertThat(kenya.kind()).isEqualTo(TenantKind.STATE);
        assertThat(kenyans).isNotEmpty().allSatisfy(m -> assertThat(m.tenantId()).isEqualTo(KENYA));
        assertThat(kenyans).extracting(Member::username).doesNotContain("ingrid.solberg", "lars.haugen");
        assertThat(norwegians).extracting(Member::username).contains("ingrid.solberg", "lars.haugen")
                .doesNotContain("amina.odhiambo");
    }

    @Test
    void withoutASignedInTenantNothingIsVisible() {
        assertThat(tenants.currentTenant()).isEmpty();
        assertThat(tenants.membersOfCurrentTenant()).isEmpty();
        // Even a query that forgets the tenant filter sees nothing: row-level security is the second wall.
        Integer visible = new TransactionTemplate(transactionManager)
                .execute(status -> dsl.fetchCount(dsl.selectFrom(org.entente.db.jooq.Tables.MEMBER)));
        assertThat(visible).isZero();
        assertThat(database.query("select count(*) from member").getFirst().getFirst()).isNotEqualTo(0L);
    }

    @Test
    void aQueryThatForgetsTheTenantFilterStillSeesOnlyTheActorsTenant() {
        List<UUID> tenantIds = TenantScope.callAs(new Actor(KENYA, null), () -> new TransactionTemplate(transactionManager)
                .execute(status -> dsl.selectDistinct(org.entente.db.jooq.Tables.MEMBER.TENANT_ID)
                        .from(org.entente.db.jooq.Tables.MEMBER).fetch(org.entente.db.jooq.Tables.MEMBER.TENANT_ID)));
        assertThat(tenantIds).containsExactly(KENYA);
    }

    private Affiliation await(CyclicBarrier together, SignIn signIn) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return tenants.signIn(signIn);
    }

    private static SignIn newcomer(String alias, String kind) {
        UUID id = UUID.randomUUID();
        Map<String, List<String>> attributes = kind == null ? Map.of() : Map.of("kind", List.of(kind));
        return new SignIn(id, "user-" + id.toString().substring(0, 8), "New Person", "new@" + alias + ".example",
                Set.of("member"), List.of(new OrganizationRef(alias, attributes)));
    }
}
