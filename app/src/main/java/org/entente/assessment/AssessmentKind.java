package org.entente.assessment;

/** When in a workstream's life an assessment is made (labels: enum.AssessmentKind.*). */
public enum AssessmentKind {
    INITIAL, PERIODIC, FINAL
}
