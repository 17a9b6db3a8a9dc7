package org.entente.contribution.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.entente.contribution.Contribution;
import org.entente.contribution.ContributionDraft;
import org.entente.contribution.ContributionService;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.ActorSource;
import org.entente.platform.audit.AuditTrail;
import org.entente.platform.i18n.Text;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.workstream.Participant;
import org.entente.workstream.PartnerDirectory;
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

    ContributionImporter(ContributionService contributions, WorkstreamService workstreams, PartnerDirectory partners,
            ActorSource actors, AuditTrail audit) {
        this.contributions = contributions;
        this.workstreams = workstreams;
        this.partners = partners;
        this.actors = actors;
        this.audit = audit;
    }

    /**
     * What importing the file would do.
     *
     * @throws ImportFileException the file cannot be read as a contributions sheet at all
     * @throws NotAllowed          the signed-in organization is not an accepted participant of the workstream
     */
    @Transactional(readOnly = true)
    public ContributionImport preview(WorkstreamRef ref, String fileName, byte[] content) {
        mayContribute(ref);
        Sheet sheet = SheetReader.read(fileName, content);
        ContributionRows reader = ContributionRows.forHeader(sheet.header(), partners.all());
        Map<String, Contribution> earlier = contributions.byReference(ref);
        Map<String, Integer> seen = new HashMap<>();
        List<ContributionImport.Row> rows = new ArrayList<>();
        for (Sheet.Row row : sheet.rows()) {
            ContributionRows.Parsed parsed = reader.parse(row);
            List<ContributionImport.Problem> problems = new ArrayList<>(parsed.problems());
            String reference = parsed.reference();
            if (!reference.isEmpty()) {
                Integer first = seen.putIfAbsent(reference, row.line());
                if (first != null) {
                    problems.add(new ContributionImport.Problem(ImportColumn.REFERENCE,
                            Text.of("contribution.import.error.referenceTwice", reference, first)));
                }
            }
            ContributionDraft draft = parsed.draft();
            Contribution existing = reference.isEmpty() ? null : earlier.get(reference);
            if (draft != null) {
                try {
                    contributions.check(ref, draft);
                } catch (InvalidInput e) {
                    e.fieldTexts().forEach((field, text) -> problems.add(
                            new ContributionImport.Problem(FIELD_COLUMNS.get(field), text)));
                }
                if (existing != null && (existing.type() != draft.type() || !existing.unit().equals(draft.unit()))) {
                    problems.add(new ContributionImport.Problem(ImportColumn.TYPE, Text.of(
                            "contribution.import.error.typeChanged", reference, existing.type().name(), existing.unit())));
                }
            }
            ContributionImport.Outcome outcome = !problems.isEmpty() ? ContributionImport.Outcome.ERROR
                    : existing == null ? ContributionImport.Outcome.NEW
                    : same(existing, draft) ? ContributionImport.Outcome.UNCHANGED : ContributionImport.Outcome.UPDATE;
            rows.add(new ContributionImport.Row(row.line(), reference, outcome,
                    problems.isEmpty() ? draft : null, existing, problems));
        }
        if (rows.isEmpty()) {
            throw new ImportFileException("contribution.import.error.noRows");
        }
        return new ContributionImport(fileName, rows);
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
    public ContributionImport apply(WorkstreamRef ref, String fileName, byte[] content) {
        ContributionImport plan = preview(ref, fileName, content);
        if (plan.hasErrors()) {
            throw InvalidInput.of("file", "contribution.import.error.rowsWithErrors", plan.count(ContributionImport.Outcome.ERROR));
        }
        for (ContributionImport.Row row : plan.rows()) {
            switch (row.outcome()) {
                case NEW -> contributions.pledge(ref, row.draft(), row.reference().isEmpty() ? null : row.reference());
                case UPDATE -> contributions.revise(row.existing(), row.draft());
                case UNCHANGED, ERROR -> {
                }
            }
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("file", fileName);
        counts.put("new", plan.count(ContributionImport.Outcome.NEW));
        counts.put("updated", plan.count(ContributionImport.Outcome.UPDATE));
        counts.put("unchanged", plan.count(ContributionImport.Outcome.UNCHANGED));
        audit.record("IMPORT", "contribution", ref.id(), null, counts);
        return plan;
    }

    /** The template to fill in, with its headers in {@code locale}'s language. */
    @Transactional(readOnly = true)
    public byte[] template(java.util.Locale locale) {
        return ContributionTemplate.write(locale,
                contributions.units().stream().map(org.entente.contribution.ValuationRate::unit).toList(), partners.all());
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
