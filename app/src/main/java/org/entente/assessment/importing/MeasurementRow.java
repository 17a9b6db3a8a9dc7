package org.entente.assessment.importing;

import org.entente.assessment.Indicator;
import org.entente.assessment.MeasurementDraft;

/** One row of a measurements sheet, read: the indicator it measures and what the Enter-a-value dialog would send. */
public record MeasurementRow(Indicator indicator, MeasurementDraft draft) {
}
