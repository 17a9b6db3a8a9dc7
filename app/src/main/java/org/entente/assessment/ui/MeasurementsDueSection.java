package org.entente.assessment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.spring.annotation.SpringComponent;
import java.util.Optional;
import java.util.UUID;
import org.entente.assessment.DueMeasurement;
import org.entente.assessment.Indicator;
import org.entente.assessment.ResultsService;
import org.entente.workstream.ui.HomeSection;

/**
 * Home: the measurements my organization owes — indicators it is responsible for whose last ended period has no
 * value yet — each with a way to the workstream's Results tab.
 */
@SpringComponent
public class MeasurementsDueSection implements HomeSection {

    private final ResultsService results;

    MeasurementsDueSection(ResultsService results) {
        this.results = results;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public Optional<Part> create() {
        return Optional.of(new DuePart(results));
    }

    private static final class DuePart implements Part {

        private final ResultsService results;
        private final Div root = new Div();
        private final Grid<DueMeasurement> grid = new Grid<>(DueMeasurement.class, false);

        DuePart(ResultsService results) {
            this.results = results;
            root.setWidthFull();
            root.setId("measurements-due-section");
            grid.setId("measurements-due");
            grid.addColumn(DueMeasurement::workstreamTitle).setHeader(Values.t("results.due.workstream")).setFlexGrow(2);
            grid.addColumn(d -> d.indicator().definition()).setHeader(Values.t("results.due.indicator")).setFlexGrow(3)
                    .setTooltipGenerator(d -> d.indicator().definition());
            grid.addColumn(d -> period(d.indicator())).setHeader(Values.t("results.measurement.period")).setAutoWidth(true);
            grid.addComponentColumn(d -> {
                Button open = new Button(Values.t("results.due.open"), click -> openResults(d.indicator().workstream().id()));
                open.addClassName("open-results");
                open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                return open;
            }).setAutoWidth(true).setFlexGrow(0);
            grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
            grid.setAllRowsVisible(true);
            grid.setEmptyStateText(Values.t("results.due.empty"));
            grid.addItemClickListener(e -> openResults(e.getItem().indicator().workstream().id()));
            root.add(new H2(Values.t("results.due.title")), grid);
        }

        @Override
        public Component component() {
            return root;
        }

        @Override
        public void refresh() {
            grid.setItems(results.dueForMyOrganization());
        }

        private static String period(Indicator indicator) {
            if (indicator.progress() == null || indicator.progress().duePeriodStart() == null) {
                return "";
            }
            return Periods.label(indicator.progress().duePeriodStart(), indicator.progress().duePeriodEnd());
        }
    }

    /** Opens the workstream page on its Results tab ({@code ?tab=results}, which the page reads). */
    static void openResults(UUID workstreamId) {
        UI.getCurrent().navigate("workstream/" + workstreamId, QueryParameters.of("tab", ResultsTab.KEY));
    }
}
