package org.entente.contribution.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.entente.contribution.Contribution;
import org.entente.contribution.ContributionDraft;
import org.entente.contribution.ContributionService;
import org.entente.contribution.ContributionType;
import org.entente.contribution.ValuationRate;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.ActorSource;
import org.entente.label.ExportLabels;
import org.entente.label.standard.LabelBinding;
import org.entente.platform.audit.AuditTrail;
import org.entente.platform.i18n.Text;
import org.entente.platform.i18n.Translations;
import org.entente.platform.importing.ImportPlan;
import org.entente.platform.importing.ImportTemplate;
import org.entente.platform.importing.Sheet;
import org.entente.platform.importing.SheetReader;
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
 * Spreadsheet import of the signed-in organization's contributions to one workstream: {@link #preview} reads the file
 * and says per row what would happen, storing nothing; {@link #apply} reads the same file again and stores every row
 * or none, in one transaction, through the same service calls as the Pledge dialog (row-level security, validation,
 * EUR by the database, activity feed, live updates). A row with the reference of an earlier import updates what that
 * import made; an identical row changes nothing, so importing a file twice is harmless.
 */
@Service
public class ContributionImporter {

    /** Service field names (InvalidInput) to the sheet's columns. */
    private static final Map<String, ImportColumn> FIELD_COLUMNS = Map.of("type", ImportColumn.TYPE,
            "description", ImportColumn.DESCRIPTION, "unit", ImportColumn.UNIT, "pledgedAmount", ImportColumn.PLEDGED,
            "deliveredAmount", ImportColumn.DELIVERED, "pledgedOn", ImportColumn.PLEDGED_ON,
            "deliveredOn", ImportColumn.DELIVERED_ON, "releasability", ImportColumn.RELEASABILITY,
            "relTo", ImportColumn.REL_TO);

    private final ContributionService contributions;
    private final WorkstreamService workstreams;
    private final PartnerDirectory partners;
    private final ActorSource actors;
    private final AuditTrail audit;
    private final ExportLabels labels;

    ContributionImporter(ContributionService contributions, WorkstreamService workstreams, PartnerDirectory partners,
            ActorSource actors, AuditTrail audit, ExportLabels labels) {
        this.labels = labels;
        this.contributions = contributions;
        this.workstreams = workstreams;
        this.partners = partners;
        this.actors = actors;
        this.audit = audit;
    }

    /**
     * What importing the file would do.
     *
     * @throws org.entente.platform.importing.ImportFileException the file cannot be read as a contributions sheet
     * @throws NotAllowed          the signed-in organization is not an accepted participant of the workstream
     */
    @Transactional(readOnly = true)
    public ImportPlan<ContributionDraft, Contribution> preview(WorkstreamRef ref, String fileName, byte[] content) {
        mayContribute(ref);
        Sheet sheet = SheetReader.read(fileName, content);
        ContributionRows reader = ContributionRows.forHeader(sheet.header(), partners::named);
        Map<String, Contribution> earlier = contributions.byReference(ref);
        ImportPlan.Builder<ContributionDraft, Contribution> plan = new ImportPlan.Builder<>(ImportColumn.REFERENCE);
        for (Sheet.Row row : sheet.rows()) {
            ContributionRows.Parsed parsed = reader.parse(row);
            List<ImportPlan.Problem> problems = new ArrayList<>(parsed.problems());
            ContributionDraft draft = parsed.draft();
            Contribution existing = parsed.reference().isEmpty() ? null : earlier.get(parsed.reference());
            if (draft != null) {
                try {
                    contributions.check(ref, draft);
                } catch (InvalidInput e) {
                    problems.addAll(ImportPlan.refusals(e, FIELD_COLUMNS));
                }
                if (existing != null && (existing.type() != draft.type() || !existing.unit().equals(draft.unit()))) {
                    problems.add(new ImportPlan.Problem(ImportColumn.TYPE, Text.of(
                            "contribution.import.error.typeChanged", parsed.reference(), existing.type().name(),
                            existing.unit())));
                }
            }
            plan.add(row.line(), parsed.reference(), draft, existing, problems,
                    existing != null && draft != null && same(existing, draft));
        }
        return plan.build(fileName, "contribution.import.error.noRows");
    }

    /**
     * Stores the file's rows, all or none: read again (the preview the person saw may be minutes old), refused while
     * any row has an error, then every new row pledged and every changed row revised in this one transaction; a
     * failure on the last row undoes the first.
     *
     * @return the import as applied
     * @throws InvalidInput        a row has an error now (field "file"; the preview lists them)
     */
    @Transactional
    public ImportPlan<ContributionDraft, Contribution> apply(WorkstreamRef ref, String fileName, byte[] content) {
        ImportPlan<ContributionDraft, Contribution> plan = preview(ref, fileName, content);
        plan.requireNoErrors();
        for (ImportPlan.Row<ContributionDraft, Contribution> row : plan.rows()) {
            switch (row.outcome()) {
                case NEW -> contributions.pledge(ref, row.draft(), row.reference().isEmpty() ? null : row.reference());
                case UPDATE -> contributions.revise(row.existing(), row.draft());
                case UNCHANGED, ERROR -> {
                }
            }
        }
        audit.record("IMPORT", "contribution", ref.id(), null, plan.auditCounts());
        return plan;
    }

    /**
     * The template to fill in, with its headers in {@code locale}'s language. It holds the partner directory (names for
     * REL TO), which every partner sees: marked and labelled ALL PARTNERS, released to the organizations it lists.
     */
    @Transactional(readOnly = true)
    public byte[] template(Locale locale) {
        Actor actor = actors.currentActor().orElseThrow(() -> new NotAllowed("contribution.error.signIn"));
        List<Partner> directory = partners.all();
        List<String> example = List.of("NO-2026-001", "FUNDING",
                Translations.text(locale, "contribution.import.template.exampleText"), "EUR", "250000", "100000",
                "2026-01-15", "2026-03-01", "REL_TO", directory.isEmpty() ? "" : directory.getFirst().name());
        ImportTemplate<ImportColumn> template = new ImportTemplate<>(ImportColumn.class,
                "contribution.import.template.sheet", Map.of(
                        ImportColumn.TYPE, Arrays.stream(ContributionType.values()).map(Enum::name).toList(),
                        ImportColumn.UNIT, contributions.units().stream().map(ValuationRate::unit).toList(),
                        ImportColumn.RELEASABILITY, Arrays.stream(Releasability.values()).map(Enum::name).toList()),
                "contribution.import.template.intro", example, "contribution.import.template.partners",
                directory.stream().map(p -> List.of(p.name(), p.alias())).toList());
        return template.write(locale, partners.marking(locale, Releasability.ALL_PARTNERS, List.of(), actor.tenantId()),
                workbook -> LabelBinding.bind(workbook, labels.forDirectory(actor.tenantId())));
    }

    private void mayContribute(WorkstreamRef ref) {
        Actor actor = actors.currentActor().orElseThrow(() -> new NotAllowed("contribution.error.signIn"));
        boolean accepted = workstreams.participants(ref).stream().anyMatch(p -> p.partner().id().equals(actor.tenantId())
                && p.status() == Participant.ParticipationStatus.ACCEPTED);
        if (!accepted) {
            throw new NotAllowed("contribution.error.notParticipant");
        }
    }

    /** Does the row say what the contribution says already (in the fields an import may change)? */
    private static boolean same(Contribution existing, ContributionDraft draft) {
        return Objects.equals(existing.description(), draft.description() == null ? "" : draft.description().strip())
                && existing.pledgedAmount().compareTo(draft.pledgedAmount()) == 0
                && existing.deliveredAmount().compareTo(draft.deliveredAmount()) == 0
                && (draft.pledgedOn() == null || draft.pledgedOn().equals(existing.pledgedOn()))
                && (draft.deliveredOn() == null || draft.deliveredOn().equals(existing.deliveredOn()))
                && existing.releasability() == draft.releasability()
                && new java.util.HashSet<>(existing.relTo()).equals(new java.util.HashSet<>(draft.relTo()));
    }
}
