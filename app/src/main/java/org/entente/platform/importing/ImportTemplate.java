package org.entente.platform.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.entente.platform.i18n.Translations;

/**
 * The workbook a person fills in: a data sheet with the columns' headers in their language and drop-down lists of
 * the codes a column takes (the import reads codes or labels in any language), and an Instructions sheet with what to
 * write, the file's marking, an example row and the organizations' names. The example stays off the data sheet, so a
 * template imported as downloaded stores nothing. The marking is also bound to the workbook as a machine-readable
 * label (ADatP-4778's OOXML binding, as the exports have it).
 *
 * @param sheetKey     the data sheet's name
 * @param choices      the drop-down list of a column
 * @param introKey     the instructions
 * @param example      one value per column, in the columns' order
 * @param directoryKey the heading of the organizations' list
 * @param directory    the organizations: name, short name
 */
public record ImportTemplate<C extends Enum<C> & SheetColumn>(Class<C> columns, String sheetKey,
        Map<C, List<String>> choices, String introKey, List<String> example, String directoryKey,
        List<List<String>> directory) {

    /**
     * @param label binds the machine-readable label to the workbook before it is written (the feature's exports know
     *              how: label.standard.LabelBinding)
     */
    public byte[] write(Locale locale, String marking, Consumer<XSSFWorkbook> label) {
        C[] all = columns.getEnumConstants();
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);

            XSSFSheet data = workbook.createSheet(Translations.text(locale, sheetKey));
            headers(data.createRow(0), all, locale, bold);
            for (C column : all) {
                data.setColumnWidth(column.ordinal(), 18 * 256);
            }
            data.createFreezePane(0, 1);
            DataValidationHelper validations = data.getDataValidationHelper();
            choices.forEach((column, values) -> {
                CellRangeAddressList cells = new CellRangeAddressList(1, SheetReader.MAX_ROWS, column.ordinal(),
                        column.ordinal());
                DataValidation validation = validations.createValidation(
                        validations.createExplicitListConstraint(values.toArray(String[]::new)), cells);
                validation.setShowErrorBox(true);
                data.addValidationData(validation);
            });

            XSSFSheet help = workbook.createSheet(Translations.text(locale, "import.template.help"));
            help.createRow(0).createCell(0).setCellValue(Translations.text(locale, introKey));
            help.getRow(0).getCell(0).setCellStyle(bold);
            help.createRow(1).createCell(0).setCellValue(Translations.text(locale, "import.template.marking", marking));
            help.getRow(1).getCell(0).setCellStyle(bold);
            headers(help.createRow(2), all, locale, bold);
            Row exampleRow = help.createRow(3);
            for (C column : all) {
                exampleRow.createCell(column.ordinal()).setCellValue(example.get(column.ordinal()));
                help.setColumnWidth(column.ordinal(), 18 * 256);
            }
            help.createRow(5).createCell(0).setCellValue(Translations.text(locale, directoryKey));
            help.getRow(5).getCell(0).setCellStyle(bold);
            int line = 6;
            for (List<String> organization : directory) {
                Row row = help.createRow(line++);
                for (int i = 0; i < organization.size(); i++) {
                    row.createCell(i).setCellValue(organization.get(i));
                }
            }
            label.accept(workbook);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <C extends Enum<C> & SheetColumn> void headers(Row row, C[] columns, Locale locale, CellStyle bold) {
        for (C column : columns) {
            row.createCell(column.ordinal()).setCellValue(column.label(locale));
            row.getCell(column.ordinal()).setCellStyle(bold);
        }
    }
}
