package org.entente.contribution.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.entente.contribution.ContributionType;
import org.entente.platform.i18n.Translations;
import org.entente.workstream.Partner;
import org.entente.workstream.Releasability;

/**
 * The workbook a person fills in: the Contributions sheet with the columns' headers in their language and drop-down
 * lists for type, unit and releasability (the codes, which the import reads in any language), and an Instructions
 * sheet with an example row and the organizations' names for REL TO. The example stays off the data sheet, so a
 * template imported as downloaded stores nothing.
 */
final class ContributionTemplate {

    private ContributionTemplate() {
    }

    static byte[] write(Locale locale, List<String> units, List<Partner> partners) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);

            XSSFSheet data = workbook.createSheet(Translations.text(locale, "contribution.import.template.sheet"));
            Row header = data.createRow(0);
            for (ImportColumn column : ImportColumn.values()) {
                header.createCell(column.ordinal()).setCellValue(Translations.text(locale, column.key()));
                header.getCell(column.ordinal()).setCellStyle(bold);
                data.setColumnWidth(column.ordinal(), 18 * 256);
            }
            data.createFreezePane(0, 1);
            DataValidationHelper validations = data.getDataValidationHelper();
            list(data, validations, ImportColumn.TYPE,
                    Arrays.stream(ContributionType.values()).map(Enum::name).toArray(String[]::new));
            list(data, validations, ImportColumn.UNIT, units.toArray(String[]::new));
            list(data, validations, ImportColumn.RELEASABILITY,
                    Arrays.stream(Releasability.values()).map(Enum::name).toArray(String[]::new));

            XSSFSheet help = workbook.createSheet(Translations.text(locale, "contribution.import.template.help"));
            help.createRow(0).createCell(0).setCellValue(Translations.text(locale, "contribution.import.template.intro"));
            help.getRow(0).getCell(0).setCellStyle(bold);
            Row exampleHeader = help.createRow(2);
            Row example = help.createRow(3);
            String[] values = {"NO-2026-001", "FUNDING", Translations.text(locale, "contribution.import.template.exampleText"),
                    "EUR", "250000", "100000", "2026-01-15", "2026-03-01", "REL_TO",
                    partners.isEmpty() ? "" : partners.getFirst().name()};
            for (ImportColumn column : ImportColumn.values()) {
                exampleHeader.createCell(column.ordinal()).setCellValue(Translations.text(locale, column.key()));
                exampleHeader.getCell(column.ordinal()).setCellStyle(bold);
                example.createCell(column.ordinal()).setCellValue(values[column.ordinal()]);
                help.setColumnWidth(column.ordinal(), 18 * 256);
            }
            help.createRow(5).createCell(0).setCellValue(Translations.text(locale, "contribution.import.template.partners"));
            help.getRow(5).getCell(0).setCellStyle(bold);
            int line = 6;
            for (Partner partner : partners) {
                Row row = help.createRow(line++);
                row.createCell(0).setCellValue(partner.name());
                row.createCell(1).setCellValue(partner.alias());
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void list(XSSFSheet sheet, DataValidationHelper helper, ImportColumn column, String[] values) {
        CellRangeAddressList cells = new CellRangeAddressList(1, SheetReader.MAX_ROWS, column.ordinal(), column.ordinal());
        DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(values), cells);
        validation.setShowErrorBox(true);
        sheet.addValidationData(validation);
    }
}
