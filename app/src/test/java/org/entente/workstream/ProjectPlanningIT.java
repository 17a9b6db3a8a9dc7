package org.entente.workstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.testing.DemoActors.KENYA;
import static org.entente.testing.DemoActors.NATO;
import static org.entente.testing.DemoActors.NORWAY;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.initiative.Mechanism;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.rnd.TechnologyArea;
import org.entente.rnd.WorkPackage;
import org.entente.rnd.WorkPackageService;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.DemoActors;
import org.entente.workstream.Participant.ParticipantRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/** R&D work packages led by participants, and the after-action assessment of completed initiatives. */
class ProjectPlanningIT extends AppIntegrationTest {

    @Autowired
    WorkstreamService workstreams;
    @Autowired
    WorkPackageService workPackages;
    @Autowired
    PlatformTransactionManager transactionManager;

    DemoActors actors;
    String marker;

    @BeforeEach
    void setUp() {
        actors = new DemoActors(transactionManager);
        marker = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void workPackagesAreLedByParticipantsAndVisibleOnlyToThem() {
        Workstream project = actors.as(NORWAY, () -> workstreams.create(new WorkstreamDraft("Autonomy " + marker, "",
                Releasability.PARTICIPANTS, List.of(), null, null, null,
                new KindDetails.RndProject(TechnologyArea.UNMANNED_SYSTEMS, 3, 4, 6, "Each keeps its own", "Shared"))));
        actors.run(NORWAY, () -> workstreams.invite(project.ref(), KENYA.tenantId(), ParticipantRole.CONTRIBUTOR));
        actors.run(KENYA, () -> workstreams.respond(project.ref(), true));

        actors.run(NORWAY, () -> workPackages.add(project.ref(), "WP1", "Sensor fusion", KENYA.tenantId(),
                new BigDecimal("250000")));
        UUID wp1 = actors.as(NORWAY, () -> workPackages.of(project.ref())).getFirst().id();
        actors.run(NORWAY, () -> workPackages.addDeliverable(project.ref(), wp1, "Fusion prototype",
                LocalDate.of(2027, 3, 1)));

        assertThat(actors.as(KENYA, () -> workPackages.of(project.ref()))).singleElement().satisfies(wp -> {
            assertThat(wp.lead().alias()).isEqualTo("kenya");
            assertThat(wp.budgetEur()).isEqualByComparingTo("250000");
            assertThat(wp.deliverables()).extracting(WorkPackage.Deliverable::title).containsExactly("Fusion prototype");
        });
        assertThat(actors.as(NATO, () -> workPackages.of(project.ref()))).isEmpty();
        assertFieldError(() -> workPackages.add(project.ref(), "WP2", "Outsourced", NATO.tenantId(), BigDecimal.ONE), "lead");
        assertFieldError(() -> workPackages.add(project.ref(), "WP1", "Duplicate", KENYA.tenantId(), BigDecimal.ONE), "code");
        assertFieldError(() -> workPackages.add(project.ref(), "WP3", "Negative", KENYA.tenantId(),
                new BigDecimal("-1")), "budget");
        assertThatThrownBy(() -> actors.as(KENYA, () -> {
            workPackages.add(project.ref(), "WP9", "Not the lead", KENYA.tenantId(), BigDecimal.ONE);
            return null;
        })).isInstanceOf(NotAllowed.class);
        assertThat(actors.as(NORWAY, () -> workPackages.of(project.ref()))).hasSize(1);
    }

    private void assertFieldError(Runnable attempt, String field) {
        assertThatThrownBy(() -> actors.as(NORWAY, () -> {
            attempt.run();
            return null;
        })).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsKey(field));
    }
}
