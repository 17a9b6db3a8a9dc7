package org.entente.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.entente.analytics.ConsentUsed;
import org.entente.db.embedded.LocalPostgres;
import org.entente.keycloak.EntenteRealm;
import org.entente.platform.security.SignedInAs;
import org.entente.platform.security.SignedInUser;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.tenant.TenantService;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.SuperuserDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publication consent through its services, against the real database: who may change it, versions and the refusal of
 * a stale one, history and audit, what another organization sees of it, and the ledger of its use. Every test starts
 * from whatever the (shared, persistent) test database holds and sets up the state it needs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicationConsentIT extends AppIntegrationTest {

    static final UUID NORWAY = UUID.fromString("0a000000-0000-4000-8000-000000000001");
    static final UUID KENYA = UUID.fromString("0a000000-0000-4000-8000-000000000002");
    static final UUID NATO_ACT = UUID.fromString("0a000000-0000-4000-8000-000000000003");
    static final UUID OLIVIA = UUID.fromString("0b000000-0000-4000-8000-000000000005");

    @Autowired
    TenantService tenants;
    @Autowired
    PublicationConsent consent;
    @Autowired
    ConsentLedger ledger;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    LocalPostgres postgres;

    SuperuserDatabase database;
    SignedInUser lars;
    SignedInUser ingrid;
    SignedInUser olivia;
    SignedInUser kenyaAdmin;

    @BeforeAll
    void signIn() {
        database = new SuperuserDatabase(postgres);
        lars = demo("0b000000-0000-4000-8000-000000000002", "lars.haugen", "Lars Haugen", "norway",
                EntenteRealm.ROLE_MEMBER, EntenteRealm.ROLE_TENANT_ADMIN);
        ingrid = demo("0b000000-0000-4000-8000-000000000001", "ingrid.solberg", "Ingrid Solberg", "norway",
                EntenteRealm.ROLE_MEMBER);
        olivia = demo(OLIVIA.toString(), "olivia.grant", "Olivia Grant", "nato-act", EntenteRealm.ROLE_MEMBER,
                EntenteRealm.ROLE_COORDINATOR);
        // Kenya's member acting as its tenant administrator (the realm gives Kenya none); restored afterwards.
        kenyaAdmin = demo("0b000000-0000-4000-8000-000000000003", "amina.odhiambo", "Amina Odhiambo", "kenya",
                EntenteRealm.ROLE_MEMBER, EntenteRealm.ROLE_TENANT_ADMIN);
    }

    @AfterAll
    void restoreRoles() {
        demo("0b000000-0000-4000-8000-000000000003", "amina.odhiambo", "Amina Odhiambo", "kenya",
                EntenteRealm.ROLE_MEMBER);
    }

    @Test
    void aMemberWhoIsNoTenantAdminReadsButCannotChangeWhatTheOrganizationPublishes() {
        Publication seen = SignedInAs.call(ingrid, consent::current);
        assertThat(seen.mayChange()).isFalse();
        assertThat(seen.recipients()).extracting(Recipient::id).contains(NATO_ACT).doesNotContain(NORWAY);
        String before = fingerprint(NORWAY);

        Set<UUID> flipped = flip(seen.granted(), NATO_ACT);
        assertThatThrownBy(() -> SignedInAs.call(ingrid, () -> consent.save(seen.version(), flipped)))
                .isInstanceOf(NotAllowed.class).hasMessageContaining("tenant administrators");
        assertThat(fingerprint(NORWAY)).isEqualTo(before);
    }

    @Test
    void eachSaveIsOneNewVersionWithItsHistoryAndAnAuditEventPerChangeInTheChain() {
        Publication start = SignedInAs.call(lars, consent::current);
        assertThat(start.mayChange()).isTrue();
        // Whatever the demo data or an earlier run left: first not published to NATO ACT, then published.
        Publication revoked = start.granted().contains(NATO_ACT)
                ? SignedInAs.call(lars, () -> consent.save(start.version(), without(start.granted(), NATO_ACT)))
                : start;
        assertThat(revoked.granted()).doesNotContain(NATO_ACT);

        Publication granted = SignedInAs.call(lars, () -> consent.save(revoked.version(),
                with(revoked.granted(), NATO_ACT)));
        assertThat(granted.version()).isEqualTo(revoked.version() + 1);
        assertThat(granted.granted()).isEqualTo(with(revoked.granted(), NATO_ACT));
        assertThat(granted.lastChange().by()).isEqualTo("Lars Haugen");
        Recipient nato = granted.recipients().stream().filter(r -> r.id().equals(NATO_ACT)).findFirst().orElseThrow();
        assertThat(nato.granted()).isTrue();
        assertThat(nato.grantedBy()).isEqualTo("Lars Haugen");

        List<ConsentChange> history = SignedInAs.call(ingrid, () -> consent.history(10));
        assertThat(history.getFirst()).satisfies(change -> {
            assertThat(change.version()).isEqualTo(granted.version());
            assertThat(change.grantee()).isEqualTo(NATO_ACT);
            assertThat(change.granteeName()).isEqualTo("NATO Allied Command Transformation");
            assertThat(change.action()).isEqualTo(ConsentChange.Action.GRANT);
            assertThat(change.changedBy()).isEqualTo("Lars Haugen");
        });

        // The same set again changes nothing: no new version.
        assertThat(SignedInAs.call(lars, () -> consent.save(granted.version(), granted.granted())).version())
                .isEqualTo(granted.version());

        Publication again = SignedInAs.call(lars, () -> consent.save(granted.version(),
                without(granted.granted(), NATO_ACT)));
        assertThat(again.version()).isEqualTo(granted.version() + 1);
        assertThat(SignedInAs.call(lars, () -> consent.history(1)).getFirst().action())
                .isEqualTo(ConsentChange.Action.REVOKE);

        List<List<Object>> audited = database.query("""
                select e.action, e.details -> 'after' ->> 'version', e.actor_id, e.hash is not null,
                       exists (select 1 from audit_chain_breaks() b where b.tenant_id = e.tenant_id and b.event_id = e.id)
                  from audit_event e
                 where e.tenant_id = ? and e.entity_type = 'publication_consent' and e.entity_id = ?
                   and (e.details -> 'after' ->> 'version')::int in (?, ?)
                 order by e.id""", NORWAY, NATO_ACT.toString(), granted.version(), again.version());
        assertThat(audited).containsExactly(
                List.of("CONSENT_GRANTED", String.valueOf(granted.version()), lars.memberId(), true, false),
                List.of("CONSENT_REVOKED", String.valueOf(again.version()), lars.memberId(), true, false));
    }

    @Test
    void aSaveAgainstAStaleVersionIsRefusedAndStoresNothing() {
        Publication shownToBoth = SignedInAs.call(lars, consent::current);
        Publication first = SignedInAs.call(lars, () -> consent.save(shownToBoth.version(),
                flip(shownToBoth.granted(), NATO_ACT)));
        assertThat(first.version()).isEqualTo(shownToBoth.version() + 1);
        String before = fingerprint(NORWAY);

        assertThatThrownBy(() -> SignedInAs.call(lars, () -> consent.save(shownToBoth.version(),
                flip(shownToBoth.granted(), NATO_ACT))))
                .isInstanceOf(PublicationChangedMeanwhile.class)
                .hasMessageContaining("Someone else changed what you publish");
        assertThat(fingerprint(NORWAY)).isEqualTo(before);
    }

    @Test
    void twoSavesAtOnceAgainstTheSameVersionStoreOneAndRefuseTheOther() throws Exception {
        Publication shown = SignedInAs.call(lars, consent::current);
        UUID other = shown.recipients().stream().map(Recipient::id).filter(id -> !id.equals(NATO_ACT))
                .filter(id -> shown.recipients().stream().anyMatch(r -> r.id().equals(id) && r.hasCoordinators()))
                .findFirst().orElse(NATO_ACT);
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Object> a = CompletableFuture.supplyAsync(() -> saveAfter(start, shown.version(),
                flip(shown.granted(), NATO_ACT)));
        CompletableFuture<Object> b = CompletableFuture.supplyAsync(() -> saveAfter(start, shown.version(),
                flip(shown.granted(), other)));
        start.countDown();
        List<Object> outcomes = List.of(a.get(2, TimeUnit.MINUTES), b.get(2, TimeUnit.MINUTES));
        assertThat(outcomes).filteredOn(Publication.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(PublicationChangedMeanwhile.class::isInstance).hasSize(1);
        // One save's single change, not two saves' changes under one version.
        assertThat(database.query("select count(*) from publication_consent_change where tenant_id = ? and version = ?",
                NORWAY, shown.version() + 1).getFirst().getFirst()).isEqualTo(1L);
    }

    @Test
    void onlyOrganizationsWithCoordinatorsCanBeGranted() {
        Publication shown = SignedInAs.call(lars, consent::current);
        assertThat(shown.recipients()).extracting(Recipient::id).doesNotContain(KENYA);
        String before = fingerprint(NORWAY);
        assertThatThrownBy(() -> SignedInAs.call(lars, () -> consent.save(shown.version(), with(shown.granted(), KENYA))))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("has none");
        assertThatThrownBy(() -> SignedInAs.call(lars, () -> consent.save(shown.version(), with(shown.granted(), NORWAY))))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("cannot publish to itself");
        assertThat(fingerprint(NORWAY)).isEqualTo(before);
    }

    @Test
    void anotherOrganizationNeitherReadsNorChangesTheGrantWhileTheGranteeSeesIt() {
        grantNatoAsLars();
        String norway = fingerprint(NORWAY);
        int norwayVersion = SignedInAs.call(lars, consent::current).version();

        // Kenya's administrator reads and saves Kenya's consent only.
        Publication kenya = SignedInAs.call(kenyaAdmin, consent::current);
        assertThat(SignedInAs.call(kenyaAdmin, () -> consent.history(1000))).hasSize(changes(KENYA));
        assertThat(SignedInAs.call(kenyaAdmin, consent::publishingToUs)).extracting(GrantToUs::grantor)
                .doesNotContain(NORWAY);
        Publication kenyaSaved = SignedInAs.call(kenyaAdmin, () -> consent.save(kenya.version(),
                flip(kenya.granted(), NATO_ACT)));
        assertThat(kenyaSaved.version()).isEqualTo(kenya.version() + 1);
        assertThat(fingerprint(NORWAY)).isEqualTo(norway);
        assertThat(SignedInAs.call(lars, consent::current).version()).isEqualTo(norwayVersion);

        // NATO ACT, the grantee, sees that Norway publishes to it, but not Norway's consent itself.
        assertThat(SignedInAs.call(olivia, consent::current).ownHasCoordinators()).isTrue();
        assertThat(SignedInAs.call(lars, consent::current).ownHasCoordinators()).isFalse();
        assertThat(SignedInAs.call(olivia, consent::publishingToUs)).extracting(GrantToUs::grantor).contains(NORWAY);
        assertThat(SignedInAs.call(olivia, consent::current).recipients()).extracting(Recipient::id)
                .doesNotContain(NATO_ACT);
        assertThat(SignedInAs.call(olivia, () -> consent.history(1000))).hasSize(changes(NATO_ACT));
    }

    @Test
    void aConsentUseIsRecordedOncePerSnapshotInTheGrantorsLedgerOnly() {
        grantNatoAsLars();
        Instant snapshot = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ConsentUsed used = new ConsentUsed(NATO_ACT, List.of(NORWAY, NATO_ACT), snapshot, ConsentUsed.Surface.SCREEN);

        SignedInAs.run(olivia, () -> events.publishEvent(used));
        // Again, and this time from inside a read-only transaction (the listener then writes in one of its own).
        TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        SignedInAs.run(olivia, () -> readOnly.executeWithoutResult(status -> events.publishEvent(used)));

        assertThat(database.query("select tenant_id, reader_tenant_id, reader_member_id, surface from consent_use"
                + " where snapshot_taken_at = ?", utc(snapshot)))
                .containsExactly(List.of(NORWAY, NATO_ACT, OLIVIA, "SCREEN"));

        List<ConsentUse> norwaysLedger = SignedInAs.call(ingrid, () -> ledger.uses(1000));
        assertThat(norwaysLedger).filteredOn(u -> u.snapshotTakenAt().toInstant().equals(snapshot))
                .singleElement().satisfies(use -> {
                    assertThat(use.reader()).isEqualTo(NATO_ACT);
                    assertThat(use.readerName()).isEqualTo("NATO Allied Command Transformation");
                    assertThat(use.surface()).isEqualTo(ConsentUsed.Surface.SCREEN);
                });
        assertThat(SignedInAs.call(kenyaAdmin, () -> ledger.uses(1000)))
                .noneMatch(u -> u.snapshotTakenAt().toInstant().equals(snapshot));
        assertThat(SignedInAs.call(olivia, () -> ledger.uses(1000)))
                .noneMatch(u -> u.snapshotTakenAt().toInstant().equals(snapshot));
    }

    @Test
    void aConsentUseNamingAnotherReaderThanTheActingOrganizationIsRefused() {
        grantNatoAsLars();
        Instant snapshot = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ConsentUsed forged = new ConsentUsed(KENYA, List.of(NORWAY), snapshot, ConsentUsed.Surface.BRIEFING);
        assertThatThrownBy(() -> SignedInAs.run(olivia, () -> events.publishEvent(forged)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(database.query("select count(*) from consent_use where snapshot_taken_at = ?",
                utc(snapshot)).getFirst().getFirst()).isEqualTo(0L);
    }

    @Test
    void withoutAnOrganizationThereIsNothingToReadOrChange() {
        SignedInUser guest = SignedInAs.user(tenants, UUID.fromString("0b000000-0000-4000-8000-000000000013"),
                "guest.unaffiliated", "Guest Unaffiliated", "guest.unaffiliated@demo.entente.org",
                Set.of(EntenteRealm.ROLE_MEMBER, EntenteRealm.ROLE_TENANT_ADMIN), null);
        assertThatThrownBy(() -> SignedInAs.call(guest, consent::current)).isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> SignedInAs.call(guest, () -> consent.save(0, Set.of(NATO_ACT))))
                .isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> SignedInAs.call(guest, () -> ledger.uses(10))).isInstanceOf(NotAllowed.class);
    }

    // ------------------------------------------------------------------ helpers

    private void grantNatoAsLars() {
        Publication shown = SignedInAs.call(lars, consent::current);
        if (!shown.granted().contains(NATO_ACT)) {
            SignedInAs.call(lars, () -> consent.save(shown.version(), with(shown.granted(), NATO_ACT)));
        }
    }

    private Object saveAfter(CountDownLatch start, int version, Set<UUID> grantees) {
        try {
            start.await();
            return SignedInAs.call(lars, () -> consent.save(version, grantees));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** Everything stored of {@code tenant}'s consent, as the superuser sees it. */
    private String fingerprint(UUID tenant) {
        StringBuilder all = new StringBuilder();
        for (String table : List.of("publication_consent", "publication_consent_change", "consent_use")) {
            all.append(table).append('=').append(database.query("select count(*), md5(coalesce(string_agg(t::text, '|'"
                    + " order by t::text), '')) from " + table + " t where tenant_id = ?", tenant));
        }
        all.append("audit=").append(database.query("select count(*) from audit_event where tenant_id = ?"
                + " and entity_type = 'publication_consent'", tenant));
        return all.toString();
    }

    private SignedInUser demo(String id, String username, String name, String organization, String... roles) {
        return SignedInAs.user(tenants, UUID.fromString(id), username, name,
                username + "@" + organization + ".demo.entente.org", Set.of(roles), organization);
    }

    private static Set<UUID> with(Set<UUID> set, UUID id) {
        Set<UUID> copy = new HashSet<>(set);
        copy.add(id);
        return copy;
    }

    private static Set<UUID> without(Set<UUID> set, UUID id) {
        Set<UUID> copy = new HashSet<>(set);
        copy.remove(id);
        return copy;
    }

    private static Set<UUID> flip(Set<UUID> set, UUID id) {
        return set.contains(id) ? without(set, id) : with(set, id);
    }

    private int changes(UUID tenant) {
        return ((Long) database.query("select count(*) from publication_consent_change where tenant_id = ?", tenant)
                .getFirst().getFirst()).intValue();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }
}
