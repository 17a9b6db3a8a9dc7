package org.entente.assessment;

import static org.entente.db.jooq.Tables.WORKSTREAM;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.entente.label.ExportLabels;
import org.entente.platform.csv.SpreadsheetCsv;
import org.entente.label.standard.ConfidentialityLabel;
import org.entente.label.standard.LabelBinding;
import org.entente.platform.audit.AuditTrail;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.Translations;
import org.entente.tenant.TenantKind;
import org.entente.workstream.Participant;
import org.entente.workstream.Partner;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamRef;
import org.entente.workstream.WorkstreamStatus;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workstream's results in exchange formats, exactly what the signed-in organization may see (the same services,
 * so releasability applies): IATI 2.03 activity XML (result → indicator → baseline, period with target and actual),
 * CSV and an Excel workbook. Each export is recorded in the audit trail.
 *
 * <p>IATI mapping (iati-activities-schema.xsd 2.03; the schema is vendored in the tests and every export there is
 * validated against it):
 * <ul>
 * <li>the workstream is one {@code iati-activity}; its lead the {@code reporting-org} (a secondary reporter when
 * another organization exports) and the accountable {@code participating-org} (role 2), its accepted contributors
 * implementing ones (role 4). Entente organizations have no registered IATI organisation identifier: their
 * {@code ref} is "ENTENTE-" and their alias, which a publisher replaces by its own identifier;</li>
 * <li>each objective with an indicator the reader sees is a {@code result} of type 2 (outcome);</li>
 * <li>each indicator: {@code measure} from the IndicatorMeasure codelist (number and EUR 1 unit, percent 2
 * percentage, yes/no 3 nominal, the 1-5 scale 4 ordinal: all are quantitative, so every value is given),
 * {@code ascending} from its direction, its baseline, one {@code period} per measured period with the total as
 * {@code actual} (its note as comment) and per-partner values as actuals with a {@code dimension} "partner", and one
 * period from the baseline (else the first measured period, else the workstream's start) to the target date with
 * the {@code target}.</li>
 * </ul>
 */
@Service
public class ResultsExport {

    public record File(String name, String contentType, byte[] content) {
    }

    static final String IATI_VERSION = "2.03";
    static final String XML = "application/xml";
    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final List<String> CSV_COLUMNS = List.of("objective", "indicator", "unit", "direction", "disaggregation",
            "baseline_value", "baseline_date", "target_value", "target_date", "frequency", "responsible", "marking",
            "status", "progress_percent", "latest_value", "overdue", "period_start", "period_end", "partner", "value",
            "source", "note", "entered_by", "entered_at");

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final ResultsService results;
    private final AssessmentService assessments;
    private final ResultsRules rules;
    private final AuditTrail audit;
    private final DSLContext dsl;
    private final ExportLabels labels;

    ResultsExport(ResultsService results, AssessmentService assessments, ResultsRules rules, AuditTrail audit,
            DSLContext dsl, ExportLabels labels) {
        this.labels = labels;
        this.results = results;
        this.assessments = assessments;
        this.rules = rules;
        this.audit = audit;
        this.dsl = dsl;
    }

    /** What one export holds: the workstream and its results chain as the reader sees them. */
    private record Chain(Workstream workstream, List<Objective> objectives, List<Indicator> indicators,
            Map<UUID, List<Measurement>> measurements) {

        int measurementCount() {
            return measurements.values().stream().mapToInt(List::size).sum();
        }
    }

    private Chain chain(WorkstreamRef ref) {
        rules.actor();
        Workstream workstream = rules.workstream(ref);
        List<Indicator> indicators = results.indicators(ref);
        Map<UUID, List<Measurement>> measurements = new LinkedHashMap<>();
        indicators.forEach(i -> measurements.put(i.id(), results.measurements(i)));
        return new Chain(workstream, results.objectives(ref), indicators, measurements);
    }

    // ------------------------------------------------------------------ IATI

    @Transactional
    public File iati(WorkstreamRef workstream) {
        return iati(chain(workstream));
    }

    /**
     * The IATI file with its confidentiality label, as the Results tab offers it: a zip of the file and its detached
     * ADatP-4778 binding ({@link ExportLabels#zip}). IATI's schema has no place for a label inside the activity, so
     * the label travels beside it, as the CSV's does.
     */
    @Transactional
    public File iatiLabelled(WorkstreamRef workstream) {
        Chain chain = chain(workstream);
        return labelled(iati(chain), label(chain, List.of()));
    }

    private File iati(Chain chain) {
        WorkstreamRef workstream = chain.workstream().ref();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            Indenting x = new Indenting(xml);
            xml.writeStartDocument("UTF-8", "1.0");
            x.newline();
            xml.writeComment(" IATI " + IATI_VERSION + " results of an Entente workstream, as the exporting "
                    + "organization may see them ");
            x.start("iati-activities");
            xml.writeAttribute("version", IATI_VERSION);
            xml.writeAttribute("generated-datetime", now());
            writeActivity(x, chain);
            x.end();
            x.newline();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The IATI export could not be written", e);
        }
        record(workstream, "IATI", chain);
        return new File(fileName(chain.workstream(), "iati.xml"), XML, out.toByteArray());
    }

    private void writeActivity(Indenting x, Chain chain) throws XMLStreamException {
        XMLStreamWriter xml = x.writer;
        Workstream w = chain.workstream();
        Partner lead = rules.partner(w.ref().tenantId());
        boolean secondary = !rules.actor().tenantId().equals(w.ref().tenantId());
        x.start("iati-activity");
        xml.writeAttribute("last-updated-datetime", now());
        xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "en");
        xml.writeAttribute("default-currency", "EUR");
        x.text("iati-identifier", organisationRef(lead) + "-" + w.id());
        x.start("reporting-org");
        xml.writeAttribute("ref", organisationRef(lead));
        xml.writeAttribute("type", organisationType(lead.kind()));
        if (secondary) {
            xml.writeAttribute("secondary-reporter", "1");
        }
        x.text("narrative", lead.name());
        x.end();
        x.narrative("title", w.title());
        x.start("description");
        xml.writeAttribute("type", "1");
        x.text("narrative", w.description() == null || w.description().isBlank() ? w.title() : w.description());
        x.end();
        participatingOrg(x, lead, "2");
        for (Participant p : rules.participants(w.ref())) {
            if (p.status() == Participant.ParticipationStatus.ACCEPTED
                    && p.role() == Participant.ParticipantRole.CONTRIBUTOR) {
                participatingOrg(x, p.partner(), "4");
            }
        }
        x.empty("activity-status", "code", activityStatus(w.status()));
        boolean done = w.status() == WorkstreamStatus.COMPLETED;
        if (w.startDate() != null) {
            x.empty("activity-date", "type", "1", "iso-date", w.startDate().toString());
        }
        if (w.endDate() != null) {
            x.empty("activity-date", "type", done ? "4" : "3", "iso-date", w.endDate().toString());
        }
        if (w.startDate() == null && w.endDate() == null) {
            x.empty("activity-date", "type", "1", "iso-date", created(w).toString());
        }
        for (Objective objective : chain.objectives()) {
            List<Indicator> indicators = chain.indicators().stream()
                    .filter(i -> i.objectiveId().equals(objective.id())).toList();
            if (indicators.isEmpty()) {
                continue;   // a result needs an indicator (the schema's minOccurs)
            }
            x.start("result");
            xml.writeAttribute("type", "2");
            x.narrative("title", objective.text());
            for (Indicator indicator : indicators) {
                writeIndicator(x, w, indicator, chain.measurements().get(indicator.id()));
            }
            x.end();
        }
        x.end();
    }

    private void writeIndicator(Indenting x, Workstream w, Indicator indicator, List<Measurement> measurements)
            throws XMLStreamException {
        XMLStreamWriter xml = x.writer;
        x.start("indicator");
        xml.writeAttribute("measure", measure(indicator.unit()));
        xml.writeAttribute("ascending", indicator.direction() == Direction.HIGHER ? "1" : "0");
        x.narrative("title", indicator.definition());
        x.narrative("description", describe(indicator));
        if (indicator.baselineValue() != null) {
            x.empty("baseline", "year", String.valueOf(indicator.baselineDate().getYear()), "iso-date",
                    indicator.baselineDate().toString(), "value", number(indicator.baselineValue()));
        }
        Map<List<LocalDate>, List<Measurement>> periods = new LinkedHashMap<>();
        measurements.forEach(m -> periods.computeIfAbsent(List.of(m.periodStart(), m.periodEnd()),
                k -> new ArrayList<>()).add(m));
        for (Map.Entry<List<LocalDate>, List<Measurement>> period : periods.entrySet()) {
            x.start("period");
            x.empty("period-start", "iso-date", period.getKey().get(0).toString());
            x.empty("period-end", "iso-date", period.getKey().get(1).toString());
            for (Measurement m : period.getValue()) {
                x.start("actual");
                xml.writeAttribute("value", number(m.value()));
                if (m.partner() != null) {
                    x.empty("dimension", "name", "partner", "value", m.partner().name());
                }
                String comment = Stream.of(m.source() == null ? null : "Source: " + m.source(), m.note())
                        .filter(Objects::nonNull).reduce((a, b) -> a + "\n" + b).orElse(null);
                if (comment != null) {
                    x.narrative("comment", comment);
                }
                x.end();
            }
            x.end();
        }
        LocalDate from = indicator.baselineDate() != null ? indicator.baselineDate()
                : measurements.stream().map(Measurement::periodStart).min(LocalDate::compareTo)
                        .orElse(w.startDate() != null ? w.startDate() : created(w));
        x.start("period");
        x.empty("period-start", "iso-date", (from.isBefore(indicator.targetDate()) ? from : indicator.targetDate())
                .toString());
        x.empty("period-end", "iso-date", indicator.targetDate().toString());
        x.empty("target", "value", number(indicator.targetValue()));
        x.end();
        x.end();
    }

    private void participatingOrg(Indenting x, Partner partner, String role) throws XMLStreamException {
        x.start("participating-org");
        x.writer.writeAttribute("ref", organisationRef(partner));
        x.writer.writeAttribute("type", organisationType(partner.kind()));
        x.writer.writeAttribute("role", role);
        x.text("narrative", partner.name());
        x.end();
    }

    /**
     * Where it stands, in words, for a reader of the export (the figures are in the baseline and periods). In English
     * whoever exports: the activity declares {@code xml:lang="en"}, and IATI is an exchange format.
     */
    private static String describe(Indicator indicator) {
        Progress p = indicator.progress();
        Locale en = Language.EN.locale();
        StringBuilder text = new StringBuilder("Unit: ").append(Translations.label(en, indicator.unit())).append(". ")
                .append(Translations.label(en, indicator.direction())).append(". Measured ")
                .append(Translations.label(en, indicator.frequency()).toLowerCase(Locale.ROOT)).append(" by ")
                .append(indicator.responsible().name()).append(". Status: ")
                .append(Translations.label(en, p.status()));
        if (p.progressRatio() != null) {
            text.append(", ").append(percent(p.progressRatio())).append(" % of the way from baseline to target");
        }
        if (p.overdue()) {
            text.append("; the measurement for ").append(p.duePeriodStart()).append(" to ").append(p.duePeriodEnd())
                    .append(" is overdue");
        }
        return text.append('.').toString();
    }

    /** IndicatorMeasure codelist (IATI-Codelists-NonEmbedded): 1 unit, 2 percentage, 3 nominal, 4 ordinal. */
    static String measure(IndicatorUnit unit) {
        return switch (unit) {
            case NUMBER, EUR -> "1";
            case PERCENT -> "2";
            case YES_NO -> "3";
            case SCALE_1_5 -> "4";
        };
    }

    /** ActivityStatus codelist: 1 pipeline, 2 implementation, 4 closed, 5 cancelled. */
    static String activityStatus(WorkstreamStatus status) {
        return switch (status) {
            case PROPOSED, APPROVED -> "1";
            case ACTIVE -> "2";
            case COMPLETED -> "4";
            case CANCELLED -> "5";
        };
    }

    /** OrganisationType codelist: 10 government, 21 international NGO, 40 multilateral, 70 private, 80 academic. */
    static String organisationType(TenantKind kind) {
        if (kind == null) {
            return "90";
        }
        return switch (kind) {
            case STATE -> "10";
            case ALLIANCE, IGO -> "40";
            case NGO -> "21";
            case PRIVATE_SECURITY, CORPORATION -> "70";
            case ACADEMIA -> "80";
        };
    }

    static String organisationRef(Partner partner) {
        return "ENTENTE-" + partner.alias().toUpperCase(Locale.ROOT);
    }

    /** The StAX writer with two-space indentation (whitespace between elements, which the schema allows). */
    private static final class Indenting {

        private final XMLStreamWriter writer;
        private int depth;

        Indenting(XMLStreamWriter writer) {
            this.writer = writer;
        }

        void newline() throws XMLStreamException {
            writer.writeCharacters("\n" + "  ".repeat(depth));
        }

        void start(String name) throws XMLStreamException {
            newline();
            writer.writeStartElement(name);
            depth++;
        }

        void end() throws XMLStreamException {
            depth--;
            newline();
            writer.writeEndElement();
        }

        /** An element holding only text (no indentation inside: the whitespace would become part of it). */
        void text(String name, String text) throws XMLStreamException {
            newline();
            writer.writeStartElement(name);
            writer.writeCharacters(xmlChars(text));
            writer.writeEndElement();
        }

        /** An element holding one narrative (title, description, comment). */
        void narrative(String name, String text) throws XMLStreamException {
            start(name);
            text("narrative", text);
            end();
        }

        void empty(String name, String... attributes) throws XMLStreamException {
            newline();
            writer.writeEmptyElement(name);
            for (int i = 0; i < attributes.length; i += 2) {
                writer.writeAttribute(attributes[i], xmlChars(attributes[i + 1]));
            }
        }
    }

    /**
     * The text with every character XML 1.0 cannot carry (PlainText already keeps control characters out; the
     * noncharacters U+FFFE and U+FFFF remain) replaced by U+FFFD, so that the document is always well-formed.
     */
    static String xmlChars(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(c -> clean.appendCodePoint(c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)
                ? c : 0xFFFD));
        return clean.toString();
    }

    // ------------------------------------------------------------------ CSV

    /** One row per measurement (indicators without any: one row with the period columns empty), UTF-8. */
    @Transactional
    public File csv(WorkstreamRef workstream) {
        return csv(chain(workstream));
    }

    /** The CSV with its confidentiality label, as the Results tab offers it (see {@link #iatiLabelled}). */
    @Transactional
    public File csvLabelled(WorkstreamRef workstream) {
        Chain chain = chain(workstream);
        return labelled(csv(chain), label(chain, List.of()));
    }

    private File labelled(File file, ConfidentialityLabel label) {
        ExportLabels.LabelledFile zip = labels.zip(file.name(), file.contentType(), file.content(), label);
        return new File(zip.name(), zip.contentType(), zip.content());
    }

    private File csv(Chain chain) {
        WorkstreamRef workstream = chain.workstream().ref();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(CSV_COLUMNS.toArray(String[]::new))
                .setQuoteMode(QuoteMode.ALL).setRecordSeparator("\r\n").get();
        Map<UUID, Objective> objectives = new LinkedHashMap<>();
        chain.objectives().forEach(o -> objectives.put(o.id(), o));
        try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), format)) {
            for (Indicator i : chain.indicators()) {
                Objective objective = objectives.get(i.objectiveId());
                List<Object> indicatorColumns = List.of(text(objective == null ? "" : objective.text()),
                        text(i.definition()), i.unit().name(), i.direction().name(), i.disaggregation().name(),
                        number(i.baselineValue()), date(i.baselineDate()), number(i.targetValue()), date(i.targetDate()),
                        i.frequency().name(), text(i.responsible().name()),
                        text(rules.marking(i.releasability(), i.relTo(), i.workstream().tenantId())),
                        i.progress().status().name(), percent(i.progress().progressRatio()),
                        number(i.progress().latestValue()), String.valueOf(i.progress().overdue()));
                List<Measurement> measurements = chain.measurements().get(i.id());
                if (measurements.isEmpty()) {
                    List<Object> row = new ArrayList<>(indicatorColumns);
                    row.addAll(List.of("", "", "", "", "", "", "", ""));
                    csv.printRecord(row);
                }
                for (Measurement m : measurements) {
                    List<Object> row = new ArrayList<>(indicatorColumns);
                    row.addAll(List.of(m.periodStart().toString(), m.periodEnd().toString(),
                            text(m.partner() == null ? "" : m.partner().name()), number(m.value()), text(m.source()),
                            text(m.note()), text(m.enteredBy() + " (" + m.enteredByOrganization().name() + ")"),
                            m.enteredAt().withOffsetSameInstant(ZoneOffset.UTC).format(TIMESTAMP)));
                    csv.printRecord(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        record(workstream, "CSV", chain);
        return new File(fileName(chain.workstream(), "csv"), CSV, out.toByteArray());
    }

    /** Text people typed, defused for a spreadsheet ({@link SpreadsheetCsv#defused}). */
    static String text(String value) {
        return SpreadsheetCsv.defused(value);
    }

    // ------------------------------------------------------------------ workbook

    /** The workbook in English. */
    @Transactional
    public File workbook(WorkstreamRef workstream) {
        return workbook(workstream, Language.EN.locale());
    }

    /**
     * Sheets Indicators, Measurements, Assessments and Recommendations, their names, headers and labels in the
     * language of {@code locale} (the person who asks); text cells stay text, never formulas, and numbers and dates
     * stay typed cells.
     */
    @Transactional
    public File workbook(WorkstreamRef workstream, Locale locale) {
        Chain chain = chain(workstream);
        Words words = new Words(locale);
        List<Assessment> assessed = assessments.of(workstream);
        Map<UUID, Objective> objectives = new LinkedHashMap<>();
        chain.objectives().forEach(o -> objectives.put(o.id(), o));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Cells cells = new Cells(book, words);
            Sheet indicators = cells.sheet("indicators", "objective", "indicator", "unit", "direction", "baseline",
                    "baselineDate", "target", "targetDate", "frequency", "responsible", "marking", "status",
                    "progress", "latestValue", "latestPeriodEnd", "overdue", "duePeriodStart", "duePeriodEnd");
            Sheet measured = cells.sheet("measurements", "objective", "indicator", "periodStart", "periodEnd",
                    "partner", "value", "source", "note", "enteredBy", "organization", "enteredAt", "marking");
            for (Indicator i : chain.indicators()) {
                Objective objective = objectives.get(i.objectiveId());
                String marking = rules.marking(i.releasability(), i.relTo(), i.workstream().tenantId());
                Progress p = i.progress();
                cells.row(indicators, objective == null ? "" : objective.text(), i.definition(), words.label(i.unit()),
                        words.label(i.direction()), i.baselineValue(), i.baselineDate(), i.targetValue(),
                        i.targetDate(), words.label(i.frequency()), i.responsible().name(), marking,
                        words.label(p.status()),
                        p.progressRatio() == null ? null : new BigDecimal(percent(p.progressRatio())),
                        p.latestValue(), p.latestPeriodEnd(), words.text(p.overdue() ? "yes" : "no"),
                        p.duePeriodStart(), p.duePeriodEnd());
                for (Measurement m : chain.measurements().get(i.id())) {
                    cells.row(measured, objective == null ? "" : objective.text(), i.definition(), m.periodStart(),
                            m.periodEnd(), m.partner() == null ? words.text("total") : m.partner().name(), m.value(),
                            m.source(),
                            m.note(), m.enteredBy(), m.enteredByOrganization().name(),
                            m.enteredAt().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
                                    .truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' '), marking);
                }
            }
            Sheet assessedSheet = cells.sheet("assessments", "kind", "mode", "assessor", "assessedOn", "findings",
                    "ratings", "marking");
            Sheet recommended = cells.sheet("recommendations", "assessment", "assessedOn", "recommendation", "owner",
                    "due", "recommendationStatus");
            for (Assessment a : assessed) {
                String ratings = a.ratings().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey((x, y) -> Integer.compare(position(objectives, x),
                                position(objectives, y))))
                        .map(e -> (objectives.containsKey(e.getKey()) ? objectives.get(e.getKey()).text() : "?") + ": "
                                + e.getValue())
                        .reduce((x, y) -> x + "\n" + y).orElse("");
                cells.row(assessedSheet, words.label(a.kind()), words.label(a.mode()), a.assessorName(),
                        a.assessedOn(),
                        a.findings(), ratings, rules.marking(a.releasability(), a.relTo(), a.workstream().tenantId()));
                for (Recommendation r : a.recommendations()) {
                    cells.row(recommended, words.label(a.kind()), a.assessedOn(), r.text(), r.owner().name(),
                        r.dueDate(), words.label(r.status()));
                }
            }
            LabelBinding.bind(book, label(chain, assessed));
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        record(workstream, "XLSX", chain);
        return new File(fileName(chain.workstream(), "xlsx"), XLSX, out.toByteArray());
    }

    /**
     * The workbook's confidentiality label: the workstream, each indicator (its measurements follow it) and each
     * assessment (its recommendations follow it) as the markings in the sheets show them.
     */
    private ConfidentialityLabel label(Chain chain, List<Assessment> assessed) {
        Workstream w = chain.workstream();
        Set<UUID> participants = new HashSet<>();
        participants.add(w.ref().tenantId());
        rules.participants(w.ref()).stream().filter(p -> p.status() == Participant.ParticipationStatus.ACCEPTED)
                .forEach(p -> participants.add(p.partner().id()));
        List<ExportLabels.Released> released = new ArrayList<>();
        released.add(new ExportLabels.Released(w.releasability(), w.relTo(), w.ref().tenantId()));
        chain.indicators().forEach(i -> released.add(new ExportLabels.Released(i.releasability(), i.relTo(),
                i.workstream().tenantId())));
        assessed.forEach(a -> released.add(new ExportLabels.Released(a.releasability(), a.relTo(),
                a.workstream().tenantId())));
        return labels.label(released, participants, rules.actor().tenantId());
    }

    private static int position(Map<UUID, Objective> objectives, UUID id) {
        return objectives.containsKey(id) ? objectives.get(id).position() : Integer.MAX_VALUE;
    }

    /** The workbook's words in the reader's language: keys results.workbook.*, and the enums' labels. */
    private record Words(Locale locale) {

        String text(String key) {
            return Translations.text(locale, "results.workbook." + key);
        }

        String label(Enum<?> constant) {
            return Translations.label(locale, constant);
        }
    }

    /** Header rows and typed cells: text as text, numbers as numbers, dates as dates. */
    private static final class Cells {

        private final XSSFWorkbook book;
        private final Words words;
        private final CellStyle header;
        private final CellStyle date;
        private final CellStyle wrapped;

        Cells(XSSFWorkbook book, Words words) {
            this.book = book;
            this.words = words;
            Font bold = book.createFont();
            bold.setBold(true);
            header = book.createCellStyle();
            header.setFont(bold);
            header.setBorderBottom(BorderStyle.THIN);
            date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            wrapped = book.createCellStyle();
            wrapped.setWrapText(true);
        }

        /** A sheet and its header row: {@code name} and {@code headers} are keys under results.workbook. */
        Sheet sheet(String name, String... headers) {
            Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(words.text("sheet." + name)));
            Row row = sheet.createRow(0);
            for (int c = 0; c < headers.length; c++) {
                String text = words.text("header." + headers[c]);
                Cell cell = row.createCell(c);
                cell.setCellValue(text);
                cell.setCellStyle(header);
                sheet.setColumnWidth(c, Math.min(60, Math.max(12, text.length() + 4)) * 256);
            }
            sheet.createFreezePane(0, 1);
            return sheet;
        }

        void row(Sheet sheet, Object... values) {
            Row row = sheet.createRow(sheet.getLastRowNum() + 1);
            for (int c = 0; c < values.length; c++) {
                Object value = values[c];
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                switch (value) {
                    case BigDecimal number -> cell.setCellValue(number.doubleValue());
                    case LocalDate day -> {
                        cell.setCellValue(day);
                        cell.setCellStyle(date);
                    }
                    case String text -> {
                        cell.setCellValue(text);   // a string cell stays text, even when it starts with "="
                        if (text.length() > 60 || text.indexOf('\n') >= 0) {
                            cell.setCellStyle(wrapped);
                        }
                    }
                    default -> cell.setCellValue(value.toString());
                }
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private void record(WorkstreamRef workstream, String format, Chain chain) {
        audit.record("EXPORT", "results", workstream.id(), null, Map.of("format", format, "indicators",
                chain.indicators().size(), "measurements", chain.measurementCount()));
    }

    /** When the workstream was created (the activity's date when it has neither start nor end date). */
    private LocalDate created(Workstream w) {
        OffsetDateTime created = dsl.select(WORKSTREAM.CREATED_AT).from(WORKSTREAM)
                .where(WORKSTREAM.TENANT_ID.eq(w.ref().tenantId()), WORKSTREAM.ID.eq(w.id()))
                .fetchOne(WORKSTREAM.CREATED_AT);
        return created == null ? rules.today() : created.toLocalDate();
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(TIMESTAMP);
    }

    static String number(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static String date(LocalDate value) {
        return value == null ? "" : value.toString();
    }

    /** A ratio as a percentage with one decimal ("53.5"), or "" without one. */
    static String percent(BigDecimal ratio) {
        return ratio == null ? "" : ratio.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    /** "results-exercise-blue-horizon-2026-2026-12-07.csv": letters and digits of the title, then today. */
    private String fileName(Workstream w, String extension) {
        String slug = java.text.Normalizer.normalize(w.title(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return "results-" + (slug.isEmpty() ? "workstream" : slug) + "-" + rules.today() + "." + extension;
    }
}
