package org.entente.assessment.ui;

import com.vaadin.flow.component.html.Span;
import org.entente.assessment.IndicatorStatus;
import org.entente.assessment.Progress;

/** The status of an indicator as a badge, and a second one when a measurement is overdue. */
final class StatusChips {

    private StatusChips() {
    }

    static Span status(Progress progress) {
        IndicatorStatus status = progress == null ? IndicatorStatus.NOT_MEASURED : progress.status();
        Span chip = new Span(Values.label(status));
        chip.getElement().getThemeList().add(switch (status) {
            case ON_TRACK -> "badge success";
            case AT_RISK -> "badge warning";
            case OFF_TRACK -> "badge error";
            case NOT_MEASURED, NO_BASELINE -> "badge contrast";
        });
        chip.getElement().setAttribute("data-status", status.name());
        chip.addClassName("indicator-status");
        return chip;
    }

    static Span overdue() {
        Span chip = new Span(Values.t("results.status.overdue"));
        chip.getElement().getThemeList().add("badge error primary");
        chip.addClassName("indicator-overdue");
        return chip;
    }
}
