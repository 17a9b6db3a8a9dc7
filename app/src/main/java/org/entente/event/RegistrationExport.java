package org.entente.event;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.entente.db.tenancy.Actor;
import org.entente.label.ExportLabels;
import org.entente.label.standard.LabelBinding;
import org.entente.platform.audit.AuditTrail;
import org.entente.platform.i18n.Translations;
import org.entente.platform.validation.NotAllowed;
import org.entente.workstream.Participant;
import org.entente.workstream.PartnerDirectory;
import org.entente.workstream.WorkstreamService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lead's registration list as a workbook: one row per person, by organization, with the event's visible marking
 * in the first row and the page header, and its confidentiality label bound to the file (LabelBinding, as the
 * results workbook does). Every export is audited.
 */
@Service
public class RegistrationExport {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final EventService events;
    private final RegistrationService registrations;
    private final WorkstreamService workstreams;
    private final PartnerDirectory partners;
    private final ExportLabels labels;
    private final AuditTrail audit;

    RegistrationExport(EventService events, RegistrationService registrations, WorkstreamService workstreams,
            PartnerDirectory partners, ExportLabels labels, AuditTrail audit) {
        this.events = events;
        this.registrations = registrations;
        this.workstreams = workstreams;
        this.partners = partners;
        this.labels = labels;
        this.audit = audit;
    }

    @Transactional
    public byte[] xlsx(Event event, Locale locale) {
        Actor actor = events.actor();
        if (!actor.tenantId().equals(event.workstream().tenantId())) {
            throw new NotAllowed("event.error.leadOnly");
        }
        List<Registration> list = registrations.of(event);
        Set<UUID> participants = new HashSet<>();
        participants.add(event.workstream().tenantId());
        workstreams.participants(event.workstream()).stream()
                .filter(p -> p.status() == Participant.ParticipationStatus.ACCEPTED)
                .forEach(p -> participants.add(p.partner().id()));
        String marking = partners.marking(locale, event.releasability(), event.relTo(), event.workstream().tenantId());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(Translations.text(locale, "event.export.sheet"));
            sheet.getHeader().setCenter(marking);
            sheet.getFooter().setCenter(marking);
            sheet.createRow(0).createCell(0).setCellValue(marking);
            sheet.createRow(1).createCell(0).setCellValue(event.title());
            Row header = sheet.createRow(3);
            String[] columns = {"organization", "person", "status", "position", "registeredAt"};
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(Translations.text(locale, "event.export." + columns[i]));
            }
            int r = 4;
            for (Registration g : list) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(g.organization().name());
                row.createCell(1).setCellValue(g.memberName());
                row.createCell(2).setCellValue(Translations.label(locale, g.status()));
                if (g.status() == RegistrationStatus.WAITING) {
                    row.createCell(3).setCellValue(g.position());
                }
                row.createCell(4).setCellValue(g.registeredAt().atOffset(ZoneOffset.UTC).toLocalDateTime()
                        .withNano(0).toString().replace('T', ' ') + " UTC");
            }
            for (int i = 0; i < columns.length; i++) {
                sheet.autoSizeColumn(i);
            }
            LabelBinding.bind(book, labels.label(List.of(new ExportLabels.Released(event.releasability(),
                    event.relTo(), event.workstream().tenantId())), participants, actor.tenantId()));
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record("EXPORT", "event_registration", event.id(), null, Map.of("format", "XLSX", "rows", list.size()));
        return out.toByteArray();
    }
}
