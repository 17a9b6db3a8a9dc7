package org.entente.milestone.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.ActorSource;
import org.entente.label.ExportLabels;
import org.entente.label.standard.LabelBinding;
import org.entente.milestone.Milestone;
import org.entente.milestone.MilestoneService;
import org.entente.milestone.MilestoneStatus;
import org.entente.platform.audit.AuditTrail;
import org.entente.platform.i18n.Translations;
import org.entente.platform.importing.ImportPlan;
import org.entente.platform.importing.ImportTemplate;
import org.entente.platform.importing.RowReader;
import org.entente.platform.importing.Sheet;
import org.entente.platform.importing.SheetReader;
import org.entente.platform.importing.SheetRows;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.workstream.Participant;
import org.entente.workstream.Partner;
import org.entente.workstream.PartnerDirectory;
import org.entente.workstream.Releasability;
import org.entente.workstream.WorkstreamRef;
import org.entente.workstream.WorkstreamService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spreadsheet import of a workstream's milestone plan, by its lead (the organization that plans every milestone; an
 * accepted participant marks its own on the Milestones tab): {@link #preview} says per row what would happen, storing
 * nothing; {@link #apply} stores every row or none, in one transaction, through the same service calls as the tab
 * (row-level security, validation, activity feed, live updates). A row with the reference of an earlier import updates
 * the milestone that import made; an identical row changes nothing.
 */
@Service
public class MilestoneImporter {

    /** Service field names (InvalidInput) to the sheet's columns. */
    private static final Map<String, MilestoneColumn> FIELD_COLUMNS = Map.of("title", MilestoneColumn.TITLE,
            "owner", MilestoneColumn.OWNER, "plannedDate", MilestoneColumn.PLANNED);

    private final MilestoneService milestones;
    private final WorkstreamService workstreams;
    private final PartnerDirectory partners;
    private final ActorSource actors;
    private final AuditTrail audit;
    private final ExportLabels labels;

    MilestoneImporter(MilestoneService milestones, WorkstreamService workstreams, PartnerDirectory partners,
            ActorSource actors, AuditTrail audit, ExportLabels labels) {
        this.milestones = milestones;
        this.workstreams = workstreams;
        this.partners = partners;
        this.actors = actors;
        this.audit = audit;
        this.labels = labels;
    }

    /**
     * What importing the file would do.
     *
     * @throws org.entente.platform.importing.ImportFileException the file cannot be read as a milestone plan
     * @throws NotAllowed the signed-in organization is not the workstream's lead
     */
    @Transactional(readOnly = true)
    public ImportPlan<MilestoneRow, Milestone> preview(WorkstreamRef ref, String fileName, byte[] content) {
        Actor lead = mayPlan(ref);
        Sheet sheet = SheetReader.read(fileName, content);
        SheetRows<MilestoneColumn> columns = SheetRows.forHeader(sheet.header(), MilestoneColumn.class);
        List<Partner> taking = takingPart(ref);
        Partner own = taking.stream().filter(p -> p.id().equals(lead.tenantId())).findFirst().orElseThrow();
        Map<String, Milestone> earlier = milestones.byReference(ref);
        ImportPlan.Builder<MilestoneRow, Milestone> plan = new ImportPlan.Builder<>(MilestoneColumn.REFERENCE);
        for (Sheet.Row line : sheet.rows()) {
            RowReader<MilestoneColumn> cells = columns.row(line);
            String reference = cells.reference(MilestoneColumn.REFERENCE);
            String title = cells.text(MilestoneColumn.TITLE);
            Partner owner = owner(cells, taking, own);
            LocalDate planned = cells.date(MilestoneColumn.PLANNED, true);
            MilestoneStatus status = cells.choice(MilestoneColumn.STATUS, MilestoneStatus.values(),
                    MilestoneStatus.PLANNED);
            LocalDate actual = cells.date(MilestoneColumn.ACTUAL, false);
            if (actual != null && status != MilestoneStatus.DONE) {
                cells.problem(MilestoneColumn.ACTUAL, "milestone.import.error.actualWithoutDone");
            }
            List<ImportPlan.Problem> problems = new ArrayList<>(cells.problems());
            try {
                milestones.check(title, owner == null ? own.id() : owner.id(), planned == null ? LocalDate.MIN : planned);
            } catch (InvalidInput e) {
                problems.addAll(ImportPlan.refusals(e, FIELD_COLUMNS));
            }
            MilestoneRow row = problems.isEmpty() ? new MilestoneRow(title.strip(), owner, planned, status, actual) : null;
            Milestone existing = reference.isEmpty() ? null : earlier.get(reference);
            plan.add(line.line(), reference, row, existing, problems, existing != null && row != null && same(existing, row));
        }
        return plan.build(fileName, "milestone.import.error.noRows");
    }

    /**
     * Stores the file's rows, all or none: read again (the preview may be minutes old), refused while any row has an
     * error, then every new milestone added and every changed one revised in this one transaction.
     */
    @Transactional
    public ImportPlan<MilestoneRow, Milestone> apply(WorkstreamRef ref, String fileName, byte[] content) {
        ImportPlan<MilestoneRow, Milestone> plan = preview(ref, fileName, content);
        plan.requireNoErrors();
        for (ImportPlan.Row<MilestoneRow, Milestone> row : plan.rows()) {
            MilestoneRow wanted = row.draft();
            Milestone stored = switch (row.outcome()) {
                case NEW -> milestones.add(ref, wanted.title(), wanted.owner().id(), wanted.plannedDate(),
                        row.reference().isEmpty() ? null : row.reference());
                case UPDATE -> sameSchedule(row.existing(), wanted) ? row.existing()
                        : milestones.revise(row.existing(), wanted.title(), wanted.owner().id(), wanted.plannedDate());
                case UNCHANGED, ERROR -> null;
            };
            if (stored != null && !sameStatus(stored, wanted)) {
                milestones.changeStatus(stored, wanted.status(), wanted.actualDate());
            }
        }
        audit.record("IMPORT", "milestone", ref.id(), null, plan.auditCounts());
        return plan;
    }

    /**
     * The template to fill in, in {@code locale}'s language. It lists the organizations taking part in the workstream
     * (for the Owner column): marked and labelled PARTICIPANTS.
     */
    @Transactional(readOnly = true)
    public byte[] template(WorkstreamRef ref, Locale locale) {
        Actor lead = mayPlan(ref);
        List<Partner> taking = takingPart(ref);
        List<String> example = List.of("PLAN-01", Translations.text(locale, "milestone.import.template.exampleText"),
                taking.getFirst().name(), "2026-09-30", "PLANNED", "");
        ImportTemplate<MilestoneColumn> template = new ImportTemplate<>(MilestoneColumn.class,
                "milestone.import.template.sheet", Map.of(
                        MilestoneColumn.OWNER, taking.stream().map(Partner::alias).toList(),
                        MilestoneColumn.STATUS, Arrays.stream(MilestoneStatus.values()).map(Enum::name).toList()),
                "milestone.import.template.intro", example, "milestone.import.template.owners",
                taking.stream().map(p -> List.of(p.name(), p.alias())).toList());
        List<java.util.UUID> audience = taking.stream().map(Partner::id).toList();
        return template.write(locale, partners.marking(locale, Releasability.PARTICIPANTS, List.of(), lead.tenantId()),
                workbook -> LabelBinding.bind(workbook, labels.label(List.of(new ExportLabels.Released(
                        Releasability.PARTICIPANTS, List.of(), ref.tenantId())), audience, lead.tenantId())));
    }

    /** The lead and the accepted participants: the organizations a milestone may belong to. */
    private List<Partner> takingPart(WorkstreamRef ref) {
        List<Partner> taking = new ArrayList<>();
        partners.byId().values().stream().filter(p -> p.id().equals(ref.tenantId())).findFirst().ifPresent(taking::add);
        workstreams.participants(ref).stream()
                .filter(p -> p.status() == Participant.ParticipationStatus.ACCEPTED)
                .map(Participant::partner)
                .filter(p -> !p.id().equals(ref.tenantId()))
                .forEach(taking::add);
        return taking;
    }

    /** The owner a row names (by name or short name), the lead when it names none; null with a problem otherwise. */
    private Partner owner(RowReader<MilestoneColumn> cells, List<Partner> taking, Partner own) {
        String named = cells.text(MilestoneColumn.OWNER);
        if (named.isEmpty()) {
            return own;
        }
        Optional<Partner> partner = partners.named(named);
        if (partner.isEmpty()) {
            cells.problem(MilestoneColumn.OWNER, "import.error.unknownPartner", named);
            return null;
        }
        if (taking.stream().noneMatch(p -> p.id().equals(partner.get().id()))) {
            cells.problem(MilestoneColumn.OWNER, "milestone.import.error.notParticipant");
            return null;
        }
        return partner.get();
    }

    private Actor mayPlan(WorkstreamRef ref) {
        Actor actor = actors.currentActor().orElseThrow(() -> new NotAllowed("workstream.error.notMember"));
        if (!actor.tenantId().equals(ref.tenantId())) {
            throw new NotAllowed("milestone.error.leadOnly");
        }
        return actor;
    }

    private static boolean same(Milestone existing, MilestoneRow row) {
        return sameSchedule(existing, row) && sameStatus(existing, row);
    }

    private static boolean sameSchedule(Milestone existing, MilestoneRow row) {
        return existing.title().equals(row.title()) && existing.owner().id().equals(row.owner().id())
                && existing.plannedDate().equals(row.plannedDate());
    }

    /** A DONE row without a date leaves the date the milestone was marked done on. */
    private static boolean sameStatus(Milestone existing, MilestoneRow row) {
        return existing.status() == row.status()
                && (row.actualDate() == null || Objects.equals(existing.actualDate(), row.actualDate()));
    }
}
