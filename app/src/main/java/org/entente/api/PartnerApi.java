package org.entente.api;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.entente.api.ApiRecords.ContributionInput;
import org.entente.api.ApiRecords.Label;
import org.entente.api.ApiRecords.MeasurementInput;
import org.entente.api.ApiRecords.Organization;
import org.entente.assessment.Indicator;
import org.entente.assessment.Measurement;
import org.entente.assessment.MeasurementDraft;
import org.entente.assessment.ResultsService;
import org.entente.contribution.Contribution;
import org.entente.contribution.ContributionDraft;
import org.entente.contribution.ContributionService;
import org.entente.contribution.ContributionType;
import org.entente.label.ExportLabels;
import org.entente.milestone.Milestone;
import org.entente.milestone.MilestoneService;
import org.entente.platform.security.CurrentUser;
import org.entente.platform.validation.InvalidInput;
import org.entente.tenant.Affiliation;
import org.entente.workstream.Participant;
import org.entente.workstream.Partner;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamQuery;
import org.entente.workstream.WorkstreamRef;
import org.entente.workstream.WorkstreamService;
import org.springframework.stereotype.Service;

/**
 * The partner API's reads and writes, through the feature services the UI uses (their checks, row-level security,
 * audit, activity and live updates apply unchanged). It only translates: JSON shapes, pages, labels, versions. The
 * caller's tenant is the one its token was mapped to; nothing here takes a tenant from the request.
 */
@Service
public class PartnerApi {

    /** More than any organization sees (a few hundred); the page is cut by {@link ApiPage}. */
    private static final int ALL_WORKSTREAMS = 100_000;

    private final WorkstreamService workstreams;
    private final ContributionService contributions;
    private final MilestoneService milestones;
    private final ResultsService results;
    private final ApiDirectory directory;
    private final ExportLabels labels;
    private final CurrentUser currentUser;

    PartnerApi(WorkstreamService workstreams, ContributionService contributions, MilestoneService milestones,
            ResultsService results, ApiDirectory directory, ExportLabels labels, CurrentUser currentUser) {
        this.workstreams = workstreams;
        this.contributions = contributions;
        this.milestones = milestones;
        this.results = results;
        this.directory = directory;
        this.labels = labels;
        this.currentUser = currentUser;
    }

    // ------------------------------------------------------------------------------------------------ reads

    public ApiPage<ApiRecords.Workstream> workstreams(ApiPage.Request page) {
        List<Workstream> all = workstreams.find(WorkstreamQuery.all(), 0, ALL_WORKSTREAMS);
        Map<UUID, OffsetDateTime> updated = directory.workstreamsUpdated(all.stream().map(Workstream::id).toList());
        return ApiPage.of(all, w -> new ApiPage.Key(updated.get(w.id()), w.id().toString()), page,
                w -> toWorkstream(w, updated.get(w.id()), participantsOf(w.ref())));
    }

    public ApiRecords.Workstream workstream(UUID id) {
        Workstream w = visible(id);
        return toWorkstream(w, directory.workstreamsUpdated(List.of(id)).get(id), participantsOf(w.ref()));
    }

    public ApiPage<ApiRecords.Participant> participants(UUID workstreamId, ApiPage.Request page) {
        Workstream w = visible(workstreamId);
        List<Participant> all = workstreams.participants(w.ref());
        Map<UUID, OffsetDateTime> updated = directory.participantsUpdated(w.ref());
        Label label = label(List.of(released(w)), participantsOf(w.ref()));
        return ApiPage.of(all, p -> new ApiPage.Key(updated.get(p.partner().id()), p.partner().id().toString()), page,
                p -> new ApiRecords.Participant(organization(p.partner()), p.role().name(), p.status().name(),
                        p.invitedAt(), p.respondedAt(), updated.get(p.partner().id()), label));
    }

    public ApiPage<ApiRecords.Contribution> contributions(UUID workstreamId, ApiPage.Request page) {
        Workstream w = visible(workstreamId);
        List<Contribution> all = contributions.of(w.ref());
        Map<UUID, OffsetDateTime> updated = directory.contributionsUpdated(w.ref());
        Set<UUID> participants = participantsOf(w.ref());
        return ApiPage.of(all, c -> new ApiPage.Key(updated.get(c.id()), c.id().toString()), page,
                c -> toContribution(w, c, updated.get(c.id()), participants));
    }

    public ApiRecords.Contribution contribution(UUID id) {
        WorkstreamRef ref = directory.workstreamOfContribution(id)
                .orElseThrow(() -> new ApiException.NotFound("Contribution"));
        Workstream w = visible(ref.id());
        Contribution c = contributions.of(ref).stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> new ApiException.NotFound("Contribution"));
        return toContribution(w, c, directory.contributionsUpdated(ref).get(id), participantsOf(ref));
    }

    public ApiPage<ApiRecords.Milestone> milestones(UUID workstreamId, ApiPage.Request page) {
        Workstream w = visible(workstreamId);
        List<Milestone> all = milestones.of(w.ref());
        Map<UUID, OffsetDateTime> updated = directory.milestonesUpdated(w.ref());
        Label label = label(List.of(released(w)), participantsOf(w.ref()));
        return ApiPage.of(all, m -> new ApiPage.Key(updated.get(m.id()), m.id().toString()), page,
                m -> new ApiRecords.Milestone(m.id(), w.id(), m.title(), organization(m.owner()), m.plannedDate(),
                        m.actualDate(), m.status().name(), m.version(), updated.get(m.id()), label));
    }

    public ApiPage<ApiRecords.Indicator> indicators(UUID workstreamId, ApiPage.Request page) {
        Workstream w = visible(workstreamId);
        List<Indicator> all = results.indicators(w.ref());
        Map<UUID, OffsetDateTime> updated = directory.indicatorsUpdated(w.ref());
        Set<UUID> participants = participantsOf(w.ref());
        return ApiPage.of(all, i -> new ApiPage.Key(updated.get(i.id()), i.id().toString()), page,
                i -> toIndicator(w, i, updated.get(i.id()), participants));
    }

    public ApiPage<ApiRecords.Measurement> measurements(UUID indicatorId, ApiPage.Request page) {
        Located located = indicator(indicatorId);
        List<Measurement> all = results.measurements(located.indicator());
        Map<UUID, OffsetDateTime> updated = directory.measurementsUpdated(located.workstream().ref(), indicatorId);
        Label label = indicatorLabel(located.workstream(), located.indicator(), participantsOf(located.workstream().ref()));
        return ApiPage.of(all, m -> new ApiPage.Key(updated.get(m.id()), m.id().toString()), page,
                m -> toMeasurement(m, updated.get(m.id()), label));
    }

    // ------------------------------------------------------------------------------------------------ writes

    /** Pledges a contribution of the caller's organization to the workstream, as the Pledge dialog does. */
    public ApiRecords.Contribution pledge(UUID workstreamId, ContributionInput input) {
        Workstream w = visible(workstreamId);
        ContributionDraft draft = draft(w, input, null);
        Contribution created = contributions.pledge(w.ref(), draft);
        return toContribution(w, created, directory.contributionsUpdated(w.ref()).get(created.id()),
                participantsOf(w.ref()));
    }

    /**
     * Replaces what the caller's organization said of its contribution, if {@code expectedVersion} is still its
     * version (the second of two writers is refused, never overwrites). Type and unit stay, as in an import.
     */
    public ApiRecords.Contribution revise(UUID id, int expectedVersion, ContributionInput input) {
        WorkstreamRef ref = directory.workstreamOfContribution(id)
                .orElseThrow(() -> new ApiException.NotFound("Contribution"));
        Workstream w = visible(ref.id());
        Contribution current = contributions.of(ref).stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> new ApiException.NotFound("Contribution"));
        if (current.version() != expectedVersion) {
            throw new ApiException.PreconditionFailed();
        }
        ContributionDraft draft = draft(w, input, current);
        Contribution revised = contributions.revise(current, draft);
        return toContribution(w, revised, directory.contributionsUpdated(ref).get(id), participantsOf(ref));
    }

    /** Enters a measurement, as the lead or the responsible organization does on the Results tab. */
    public ApiRecords.Measurement measure(UUID indicatorId, MeasurementInput input) {
        Located located = indicator(indicatorId);
        Measurement m = results.enterMeasurement(located.indicator(), new MeasurementDraft(input.periodStart(),
                input.periodEnd(), input.partner(), input.value(), input.source(), input.note()));
        Map<UUID, OffsetDateTime> updated = directory.measurementsUpdated(located.workstream().ref(), indicatorId);
        return toMeasurement(m, updated.get(m.id()), indicatorLabel(located.workstream(), located.indicator(),
                participantsOf(located.workstream().ref())));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private Workstream visible(UUID id) {
        return workstreams.get(id).orElseThrow(() -> new ApiException.NotFound("Workstream"));
    }

    private record Located(Workstream workstream, Indicator indicator) {
    }

    private Located indicator(UUID indicatorId) {
        WorkstreamRef ref = directory.workstreamOfIndicator(indicatorId)
                .orElseThrow(() -> new ApiException.NotFound("Indicator"));
        Workstream w = visible(ref.id());
        Indicator indicator = results.indicators(ref).stream().filter(i -> i.id().equals(indicatorId)).findFirst()
                .orElseThrow(() -> new ApiException.NotFound("Indicator"));
        return new Located(w, indicator);
    }

    /**
     * The draft of an input, checked for what the JSON alone can get wrong (an unknown type or releasability code,
     * type or unit changed on an existing contribution, a releasability wider than the workstream's); the service
     * checks everything else, as for the dialog.
     */
    private ContributionDraft draft(Workstream w, ContributionInput input, Contribution current) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        ContributionType type = current != null ? current.type() : parse(ContributionType.class, input.type());
        Releasability releasability = parse(Releasability.class, input.releasability());
        errors.check(input.type() == null || type != null, "type", "api.error.unknownCode", String.valueOf(input.type()))
                .check(input.releasability() == null || releasability != null, "releasability",
                        "api.error.unknownCode", String.valueOf(input.releasability()))
                .check(releasability == null || !wider(releasability, w.releasability()), "releasability",
                        "api.error.releaseWider", w.releasability().marking());
        if (current != null) {
            errors.check(input.type() == null || current.type().name().equals(input.type()), "type",
                    "api.error.typeFixed")
                    .check(input.unit() == null || current.unit().equals(input.unit()), "unit", "api.error.unitFixed");
        }
        errors.throwIfAny();
        return new ContributionDraft(type, input.description(), current != null ? current.unit() : input.unit(),
                input.pledgedAmount(), input.deliveredAmount(), input.pledgedOn(), input.deliveredOn(), releasability,
                input.relTo());
    }

    /**
     * Wider than the workstream's, by V51's releasability_width (the rule the database applies to indicators and
     * assessments): PRIVATE < REL_TO < PARTICIPANTS < ALL_PARTNERS. The dialogs offer every level; the API, written for
     * machines that copy a code from elsewhere, holds contributions to the same rule as the results.
     */
    private static boolean wider(Releasability record, Releasability workstream) {
        List<Releasability> narrowToWide = List.of(Releasability.PRIVATE, Releasability.REL_TO,
                Releasability.PARTICIPANTS, Releasability.ALL_PARTNERS);
        return narrowToWide.indexOf(record) > narrowToWide.indexOf(workstream);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String code) {
        if (code == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, code.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The workstream's lead and its accepted participants: whom PARTICIPANTS and ALL_PARTNERS reach. */
    private Set<UUID> participantsOf(WorkstreamRef ref) {
        Set<UUID> participants = new LinkedHashSet<>();
        participants.add(ref.tenantId());
        workstreams.participants(ref).stream()
                .filter(p -> p.status() == Participant.ParticipationStatus.ACCEPTED)
                .forEach(p -> participants.add(p.partner().id()));
        return participants;
    }

    private static ExportLabels.Released released(Workstream w) {
        return new ExportLabels.Released(w.releasability(), w.relTo(), w.ref().tenantId());
    }

    private Label label(List<ExportLabels.Released> records, Set<UUID> participants) {
        return Label.of(labels.label(records, participants, reader()));
    }

    private Label indicatorLabel(Workstream w, Indicator i, Set<UUID> participants) {
        return label(List.of(released(w), new ExportLabels.Released(i.releasability(), i.relTo(), w.ref().tenantId())),
                participants);
    }

    private UUID reader() {
        return currentUser.get().map(u -> u.affiliation() instanceof Affiliation.Affiliated a ? a.tenantId() : null)
                .orElseThrow(() -> new IllegalStateException("No caller"));
    }

    private static Organization organization(Partner partner) {
        return partner == null ? null : new Organization(partner.id(), partner.alias(), partner.name());
    }

    private ApiRecords.Workstream toWorkstream(Workstream w, OffsetDateTime updated, Set<UUID> participants) {
        return new ApiRecords.Workstream(w.id(), w.kind().name(), w.title(), w.description(), w.status().name(),
                w.releasability().name(), w.relTo(), w.region(), w.startDate(), w.endDate(), organization(w.lead()),
                w.version(), updated, label(List.of(released(w)), participants));
    }

    private ApiRecords.Contribution toContribution(Workstream w, Contribution c, OffsetDateTime updated,
            Set<UUID> participants) {
        List<ExportLabels.Released> records = new ArrayList<>(List.of(released(w)));
        records.add(new ExportLabels.Released(c.releasability(), c.relTo(), c.contributor().id()));
        return new ApiRecords.Contribution(c.id(), w.id(), organization(c.contributor()), c.type().name(),
                c.description(), c.unit(), c.pledgedAmount(), c.deliveredAmount(), c.pledgedEur(), c.deliveredEur(),
                c.pledgedOn(), c.deliveredOn(), c.releasability().name(), c.relTo(), c.version(), updated,
                label(records, participants));
    }

    private ApiRecords.Indicator toIndicator(Workstream w, Indicator i, OffsetDateTime updated, Set<UUID> participants) {
        return new ApiRecords.Indicator(i.id(), w.id(), i.objectiveId(), i.definition(), i.unit().name(),
                i.direction().name(), i.disaggregation().name(), i.baselineValue(), i.baselineDate(), i.targetValue(),
                i.targetDate(), i.frequency() == null ? null : i.frequency().name(), organization(i.responsible()),
                i.releasability().name(), i.relTo(), i.version(), updated, indicatorLabel(w, i, participants));
    }

    private static ApiRecords.Measurement toMeasurement(Measurement m, OffsetDateTime updated, Label label) {
        return new ApiRecords.Measurement(m.id(), m.indicatorId(), m.periodStart(), m.periodEnd(),
                organization(m.partner()), m.value(), m.source(), m.note(), organization(m.enteredByOrganization()),
                m.enteredAt(), m.version(), updated, label);
    }
}
