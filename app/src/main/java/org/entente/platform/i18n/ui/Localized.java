package org.entente.platform.i18n.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.component.textfield.BigDecimalField;
import java.text.DateFormatSymbols;
import java.text.DecimalFormatSymbols;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.Translations;

/**
 * Vaadin's components ship English texts only: these give them the page's language — month and day names, Today and
 * Cancel, upload buttons and errors, confirm and cancel. Views create such components through here.
 */
public final class Localized {

    private Localized() {
    }

    /** The current page's language; English outside a page (a background job, a test calling a view helper). */
    public static Locale locale() {
        UI ui = UI.getCurrent();
        return Language.orDefault(ui == null ? null : ui.getLocale()).locale();
    }

    /** The text of {@code key} in the current page's language, for static helpers that are no component. */
    public static String text(String key, Object... args) {
        return Translations.text(locale(), key, args);
    }

    /** A constant's label in the current page's language. */
    public static String label(Enum<?> constant) {
        return Translations.label(locale(), constant);
    }

    private static String t(String key) {
        return text(key);
    }

    public static DatePicker datePicker(String label) {
        return datePicker(new DatePicker(label));
    }

    /** Month and day names from the JDK's locale data, Monday first (as in the UK and France), Today/Cancel. */
    public static DatePicker datePicker(DatePicker picker) {
        Locale locale = locale();
        DateFormatSymbols symbols = DateFormatSymbols.getInstance(locale);
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n()
                .setMonthNames(List.of(symbols.getMonths()).subList(0, 12))
                .setWeekdays(Arrays.asList(symbols.getWeekdays()).subList(1, 8))
                .setWeekdaysShort(Arrays.asList(symbols.getShortWeekdays()).subList(1, 8))
                .setFirstDayOfWeek(1)
                .setToday(t("component.datePicker.today"))
                .setCancel(t("component.datePicker.cancel"));
        picker.setLocale(locale);
        picker.setI18n(i18n);
        return picker;
    }

    public static Upload upload(Upload upload) {
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(t("component.upload.dropOne"))
                        .setMany(t("component.upload.dropMany")))
                .setAddFiles(new UploadI18N.AddFiles().setOne(t("component.upload.addOne"))
                        .setMany(t("component.upload.addMany")))
                .setError(new UploadI18N.Error().setTooManyFiles(t("component.upload.tooManyFiles"))
                        .setFileIsTooBig(t("component.upload.fileIsTooBig"))
                        .setIncorrectFileType(t("component.upload.incorrectFileType")))
                .setUploading(new UploadI18N.Uploading()
                        .setStatus(new UploadI18N.Uploading.Status().setConnecting(t("component.upload.connecting"))
                                .setStalled(t("component.upload.stalled"))
                                .setProcessing(t("component.upload.processing"))
                                .setHeld(t("component.upload.held")))
                        .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                                .setPrefix(t("component.upload.remainingPrefix"))
                                .setUnknown(t("component.upload.remainingUnknown")))
                        .setError(new UploadI18N.Uploading.Error().setServerUnavailable(t("component.upload.serverUnavailable"))
                                .setUnexpectedServerError(t("component.upload.unexpectedServerError"))
                                .setForbidden(t("component.upload.forbidden"))))
                .setUnits(new UploadI18N.Units(List.of("B", "kB", "MB", "GB", "TB")));
        upload.setI18n(i18n);
        return upload;
    }

    /** A confirmation with the page's Cancel; {@code confirmKey} names the action ("Delete", "Revoke"). */
    public static ConfirmDialog confirmDialog(String header, String text, String confirmText) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(header);
        dialog.setText(text);
        dialog.setConfirmText(confirmText);
        dialog.setCancelable(true);
        dialog.setCancelText(t("action.cancel"));
        return dialog;
    }

    /**
     * A decimal field in the page's language: its separator follows the locale (a comma on a French page), and a
     * French page accepts the point as well (people paste figures from English documents), which the field's parser
     * reads the same way. The web component admits only its own separator, so the pattern is widened once it is
     * attached, after its own setting.
     */
    public static BigDecimalField decimalField(BigDecimalField field) {
        field.setLocale(locale());
        if (new DecimalFormatSymbols(locale()).getDecimalSeparator() == ',') {
            field.addAttachListener(attach -> field.getElement().executeJs("this.allowedCharPattern = '[-+\\\\d.,]'"));
        }
        return field;
    }
}
