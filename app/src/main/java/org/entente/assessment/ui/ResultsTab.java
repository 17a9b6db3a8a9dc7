package org.entente.assessment.ui;

import org.entente.assessment.importing.MeasurementImporter;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.annotation.SpringComponent;
import java.util.Optional;
import org.entente.assessment.AssessmentService;
import org.entente.assessment.ResultsExport;
import org.entente.assessment.ResultsService;
import org.entente.workstream.PartnerDirectory;
import org.entente.workstream.WorkstreamService;
import org.entente.workstream.ui.WorkstreamTab;

/** The Results tab of every workstream kind: objectives, indicators, measurements and assessments. */
@SpringComponent
public class ResultsTab implements WorkstreamTab {

    /** The tab's key, as {@code ?tab=results} names it. */
    public static final String KEY = "results";

    private final ResultsService results;
    private final AssessmentService assessments;
    private final ResultsExport export;
    private final WorkstreamService workstreams;
    private final PartnerDirectory partners;
    private final MeasurementImporter importer;

    ResultsTab(ResultsService results, AssessmentService assessments, ResultsExport export,
            WorkstreamService workstreams, PartnerDirectory partners, MeasurementImporter importer) {
        this.importer = importer;
        this.results = results;
        this.assessments = assessments;
        this.export = export;
        this.workstreams = workstreams;
        this.partners = partners;
    }

    @Override
    public int order() {
        return 350;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Optional<Component> create(Context context) {
        return Optional.of(new ResultsPanel(new ResultsContext(context.workstream(), context.viewerTenantId(),
                context.lead(), results, assessments, export, workstreams, partners,
                workstreams.participants(context.workstream().ref()), importer)));
    }
}
