package org.entente.assessment.importing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.entente.assessment.Disaggregation;
import org.entente.assessment.Indicator;
import org.entente.assessment.Measurement;
import org.entente.assessment.MeasurementDraft;
import org.entente.assessment.ResultsService;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.ActorSource;
import org.entente.label.ExportLabels;
import org.entente.label.standard.ConfidentialityLabel;
import org.entente.label.standard.LabelBinding;
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
import org.entente.workstream.WorkstreamRef;
import org.entente.workstream.WorkstreamService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spreadsheet import of indicator measurements into one workstream, by whoever may measure each indicator (its lead,
 * or the organization responsible for it): {@link #preview} says per row what would happen, storing nothing;
 * {@link #apply} stores every row or none, in one transaction, through the Results tab's own calls (the same checks,
 * corrections kept, activity feed, live updates).
 *
 * <p>A measurement is already known by its indicator, period and partner, so that is its reference: a row for a period
 * that has a value corrects it when the value, source or note differ, and changes nothing when they do not.
 */
@Service
public class MeasurementImporter {

    /** Service field names (InvalidInput) to the sheet's columns. */
    private static final Map<String, MeasurementColumn> FIELD_COLUMNS = Map.of("periodStart",
            MeasurementColumn.PERIOD_START, "periodEnd", MeasurementColumn.PERIOD_END, "value", MeasurementColumn.VALUE,
            "partner", MeasurementColumn.PARTNER, "source", MeasurementColumn.SOURCE, "note", MeasurementColumn.NOTE);

    private final ResultsService results;
    private final WorkstreamService workstreams;
    private final PartnerDirectory partners;
    private final ActorSource actors;
    private final AuditTrail audit;
    private final ExportLabels labels;

    MeasurementImporter(ResultsService results, WorkstreamService workstreams, PartnerDirectory partners,
            ActorSource actors, AuditTrail audit, ExportLabels labels) {
        this.results = results;
        this.workstreams = workstreams;
        this.partners = partners;
        this.actors = actors;
        this.audit = audit;
        this.labels = labels;
    }

    /**
     * What importing the file would do. An indicator the reader cannot see reads as one that does not exist.
     *
     * @throws org.entente.platform.importing.ImportFileException the file cannot be read as a measurements sheet
     */
    @Transactional(readOnly = true)
    public ImportPlan<MeasurementRow, Measurement> preview(WorkstreamRef ref, String fileName, byte[] content) {
        actor();
        Sheet sheet = SheetReader.read(fileName, content);
        SheetRows<MeasurementColumn> columns = SheetRows.forHeader(sheet.header(), MeasurementColumn.class);
        Map<String, Indicator> indicators = new HashMap<>();
        Map<String, Measurement> earlier = new HashMap<>();
        for (Indicator indicator : results.indicators(ref)) {
            indicators.putIfAbsent(SheetRows.normalized(indicator.definition()), indicator);
            for (Measurement m : results.measurements(indicator)) {
                earlier.put(key(indicator, m.periodStart(), m.periodEnd(), m.partner() == null ? null : m.partner().id()), m);
            }
        }
        Map<UUID, Boolean> mayMeasure = new HashMap<>();
        ImportPlan.Builder<MeasurementRow, Measurement> plan = new ImportPlan.Builder<>(MeasurementColumn.PERIOD_START);
        for (Sheet.Row line : sheet.rows()) {
            RowReader<MeasurementColumn> cells = columns.row(line);
            String named = cells.required(MeasurementColumn.INDICATOR);
            Indicator indicator = named.isEmpty() ? null : indicators.get(SheetRows.normalized(named));
            if (!named.isEmpty() && indicator == null) {
                cells.problem(MeasurementColumn.INDICATOR, "results.import.error.unknownIndicator", named);
            } else if (indicator != null && !mayMeasure.computeIfAbsent(indicator.id(), id -> results.mayMeasure(indicator))) {
                cells.problem(MeasurementColumn.INDICATOR, "results.error.enterNotAllowed");
            }
            UUID partner = partner(cells);
            LocalDate start = cells.date(MeasurementColumn.PERIOD_START, true);
            LocalDate end = cells.date(MeasurementColumn.PERIOD_END, true);
            BigDecimal value = cells.number(MeasurementColumn.VALUE, true);
            MeasurementDraft draft = new MeasurementDraft(start, end, partner, value,
                    cells.text(MeasurementColumn.SOURCE), cells.text(MeasurementColumn.NOTE));
            List<ImportPlan.Problem> problems = new ArrayList<>(cells.problems());
            if (indicator != null && problems.isEmpty()) {
                try {
                    results.checkMeasurement(indicator, draft);
                } catch (InvalidInput e) {
                    problems.addAll(ImportPlan.refusals(e, FIELD_COLUMNS));
                }
            }
            String reference = indicator == null || start == null || end == null ? ""
                    : key(indicator, start, end, partner);
            Measurement existing = earlier.get(reference);
            plan.add(line.line(), reference, problems.isEmpty() ? new MeasurementRow(indicator, draft) : null, existing,
                    problems, existing != null && same(existing, draft));
        }
        return plan.build(fileName, "results.import.error.noRows");
    }

    /** Stores the file's rows, all or none: read again, refused while any row has an error. */
    @Transactional
    public ImportPlan<MeasurementRow, Measurement> apply(WorkstreamRef ref, String fileName, byte[] content) {
        ImportPlan<MeasurementRow, Measurement> plan = preview(ref, fileName, content);
        plan.requireNoErrors();
        for (ImportPlan.Row<MeasurementRow, Measurement> row : plan.rows()) {
            MeasurementDraft draft = row.draft() == null ? null : row.draft().draft();
            switch (row.outcome()) {
                case NEW -> results.enterMeasurement(row.draft().indicator(), draft);
                case UPDATE -> results.correctMeasurement(row.existing(), draft.value(), draft.source(), draft.note());
                case UNCHANGED, ERROR -> {
                }
            }
        }
        audit.record("IMPORT", "measurement", ref.id(), null, plan.auditCounts());
        return plan;
    }

    /**
     * The template: the indicators the reader may measure (their definitions, for the Indicator column) and the
     * organizations taking part. Marked and labelled with the organizations every listed indicator is released to.
     */
    @Transactional(readOnly = true)
    public byte[] template(WorkstreamRef ref, Locale locale) {
        Actor actor = actor();
        List<Indicator> measurable = results.indicators(ref).stream().filter(results::mayMeasure).toList();
        List<UUID> participants = new ArrayList<>(List.of(ref.tenantId()));
        workstreams.participants(ref).stream().filter(p -> p.status() == Participant.ParticipationStatus.ACCEPTED)
                .map(p -> p.partner().id()).filter(id -> !id.equals(ref.tenantId())).forEach(participants::add);
        List<ExportLabels.Released> released = new ArrayList<>();
        measurable.forEach(i -> released.add(new ExportLabels.Released(i.releasability(), i.relTo(), ref.tenantId())));
        ConfidentialityLabel label = labels.label(released, participants, actor.tenantId());
        Map<UUID, Partner> directory = partners.byId();
        String example = measurable.isEmpty() ? "" : measurable.getFirst().definition();
        ImportTemplate<MeasurementColumn> template = new ImportTemplate<>(MeasurementColumn.class,
                "results.import.template.sheet", Map.of(MeasurementColumn.INDICATOR,
                        measurable.stream().map(Indicator::definition).filter(d -> d.length() <= 250).toList()),
                "results.import.template.intro", List.of(example, "", "2026-01-01", "2026-03-31", "12",
                        Translations.text(locale, "results.import.template.exampleSource"), ""),
                "results.import.template.partners", participants.stream().map(id -> directory.get(id))
                        .filter(Objects::nonNull).map(p -> List.of(p.name(), p.alias())).toList());
        return template.write(locale, Translations.text(locale, "import.template.releasedTo",
                String.join(", ", label.releasableTo())), workbook -> LabelBinding.bind(workbook, label));
    }

    /** The partner a row names (BY_PARTNER indicators), null for the total; a problem when no one is called that. */
    private UUID partner(RowReader<MeasurementColumn> cells) {
        String named = cells.text(MeasurementColumn.PARTNER);
        if (named.isEmpty()) {
            return null;
        }
        Optional<Partner> partner = partners.named(named);
        if (partner.isEmpty()) {
            cells.problem(MeasurementColumn.PARTNER, "import.error.unknownPartner", named);
            return null;
        }
        return partner.get().id();
    }

    private Actor actor() {
        return actors.currentActor().orElseThrow(() -> new NotAllowed("workstream.error.notMember"));
    }

    /** Indicator, period and partner: what names a measurement ("Patrols · 2026-01-01/2026-03-31 · kenya"). */
    private String key(Indicator indicator, LocalDate start, LocalDate end, UUID partner) {
        String who = partner == null ? "" : " · " + Optional.ofNullable(partners.byId().get(partner))
                .map(Partner::alias).orElse(partner.toString());
        return indicator.definition() + " · " + start + "/" + end + who;
    }

    private static boolean same(Measurement existing, MeasurementDraft draft) {
        return existing.value().compareTo(draft.value()) == 0
                && Objects.equals(existing.source(), stripped(draft.source()))
                && Objects.equals(existing.note(), stripped(draft.note()));
    }

    private static String stripped(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
