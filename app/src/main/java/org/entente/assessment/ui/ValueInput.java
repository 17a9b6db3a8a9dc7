package org.entente.assessment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import java.math.BigDecimal;
import java.util.stream.IntStream;
import org.entente.assessment.IndicatorUnit;

/**
 * A measurement's value field, typed by the indicator's unit: a number field (with its range as helper text) for
 * numbers, percentages and euros, yes / no as a radio group, a 1–5 scale as a select.
 */
abstract sealed class ValueInput {

    static ValueInput of(IndicatorUnit unit, String id) {
        return switch (unit) {
            case YES_NO -> new YesNo(id);
            case SCALE_1_5 -> new Scale(id);
            default -> new Number(unit, id);
        };
    }

    abstract Component component();

    abstract HasValidation validation();

    /** The value, or null when none is given; {@link #check()} says whether the input is one. */
    abstract BigDecimal value();

    abstract void value(BigDecimal value);

    /** Marks the field and returns false when the input is no value of the unit (empty included). */
    abstract boolean check();

    static final class Number extends ValueInput {

        private final IndicatorUnit unit;
        private final BigDecimalField field = Values.decimalField(Values.t("results.measurement.value"));

        Number(IndicatorUnit unit, String id) {
            this.unit = unit;
            field.setId(id);
            field.setHelperText(Values.range(unit));
            if (unit == IndicatorUnit.PERCENT) {
                field.setSuffixComponent(new Span("%"));
            } else if (unit == IndicatorUnit.EUR) {
                field.setPrefixComponent(new Span("€"));
            }
        }

        @Override
        Component component() {
            return field;
        }

        @Override
        HasValidation validation() {
            return field;
        }

        @Override
        BigDecimal value() {
            return field.getValue();
        }

        @Override
        void value(BigDecimal value) {
            field.setValue(value == null ? null : value.stripTrailingZeros().scale() < 0 ? value.setScale(0)
                    : value.stripTrailingZeros());
        }

        @Override
        boolean check() {
            BigDecimal value = field.getValue();
            String problem = value == null ? Values.t(field.isEmpty() ? "results.error.valueMissing"
                    : "results.error.notANumber")
                    : unit.admits(value) ? null : Values.outOfRange(unit);
            field.setErrorMessage(problem);
            field.setInvalid(problem != null);
            return problem == null;
        }
    }

    static final class YesNo extends ValueInput {

        private final RadioButtonGroup<BigDecimal> group =
                new RadioButtonGroup<>(Values.t("results.measurement.value"));

        YesNo(String id) {
            group.setItems(BigDecimal.ONE, BigDecimal.ZERO);
            group.setItemLabelGenerator(v -> Values.format(IndicatorUnit.YES_NO, v));
            group.setId(id);
        }

        @Override
        Component component() {
            return group;
        }

        @Override
        HasValidation validation() {
            return group;
        }

        @Override
        BigDecimal value() {
            return group.getValue();
        }

        @Override
        void value(BigDecimal value) {
            group.setValue(value == null ? null : value.signum() == 0 ? BigDecimal.ZERO : BigDecimal.ONE);
        }

        @Override
        boolean check() {
            boolean ok = group.getValue() != null;
            group.setErrorMessage(ok ? null : Values.outOfRange(IndicatorUnit.YES_NO));
            group.setInvalid(!ok);
            return ok;
        }
    }

    static final class Scale extends ValueInput {

        private final Select<Integer> select = new Select<>();

        Scale(String id) {
            select.setLabel(Values.t("results.measurement.value"));
            select.setItems(IntStream.rangeClosed(1, 5).boxed().toList());
            select.setItemLabelGenerator(v -> Values.format(IndicatorUnit.SCALE_1_5, BigDecimal.valueOf(v)));
            select.setPlaceholder(Values.t("results.measurement.scalePlaceholder"));
            select.setHelperText(Values.t("results.measurement.scaleHelper"));
            select.setId(id);
        }

        @Override
        Component component() {
            return select;
        }

        @Override
        HasValidation validation() {
            return select;
        }

        @Override
        BigDecimal value() {
            return select.getValue() == null ? null : BigDecimal.valueOf(select.getValue());
        }

        @Override
        void value(BigDecimal value) {
            select.setValue(value == null ? null : value.intValue());
        }

        @Override
        boolean check() {
            boolean ok = select.getValue() != null;
            select.setErrorMessage(ok ? null : Values.outOfRange(IndicatorUnit.SCALE_1_5));
            select.setInvalid(!ok);
            return ok;
        }
    }
}
